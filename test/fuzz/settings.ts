/**
 * Shared fuzzing settings: one fixed seed so every run is reproducible (override
 * with FUZZ_SEED=<n> to explore), small run counts so the whole suite stays
 * well under a minute on two cores, and bounds on time per run.
 */
import fc from 'fast-check';
import { afterAll } from 'vitest';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20241123);

/** Scales every property's run count (FUZZ_RUNS_SCALE=10 for a long local session). */
const SCALE = Number(process.env.FUZZ_RUNS_SCALE ?? 1);

/**
 * A run of an async property that takes longer than RUN_TIMEOUT_MS fails (a hang shows as a
 * counterexample); a property stops after PROPERTY_TIME_LIMIT_MS and counts that as a failure.
 */
export const RUN_TIMEOUT_MS = 8_000;
export const PROPERTY_TIME_LIMIT_MS = 25_000;

fc.configureGlobal({ seed: FUZZ_SEED, timeout: RUN_TIMEOUT_MS, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS, markInterruptAsFailure: true });

export function runs(n: number): number {
  return Math.max(1, Math.round(n * SCALE));
}

/** Generous wall-clock bound for one run of a property on a slow, shared machine. */
export const RUN_BUDGET_MS = 5_000;

/** Memory a fuzz worker may reach; well above what any one run needs, far below a blow-up. */
export const RSS_LIMIT_BYTES = 1536 << 20;

/** Runs `fn` and fails when it takes longer than the budget: a hang shows up as a failure, not a stuck suite. */
export function timed<T>(what: string, fn: () => T, budgetMs = RUN_BUDGET_MS): T {
  const start = performance.now();
  const out = fn();
  const took = performance.now() - start;
  if (took > budgetMs) throw new Error(`${what} took ${Math.round(took)} ms (budget ${budgetMs} ms)`);
  return out;
}

export async function timedAsync<T>(what: string, fn: () => Promise<T>, budgetMs = RUN_BUDGET_MS): Promise<T> {
  const start = performance.now();
  const out = await fn();
  const took = performance.now() - start;
  if (took > budgetMs) throw new Error(`${what} took ${Math.round(took)} ms (budget ${budgetMs} ms)`);
  return out;
}

export function expectRssBounded(): void {
  const rss = process.memoryUsage().rss;
  if (rss > RSS_LIMIT_BYTES) throw new Error(`fuzz worker uses ${Math.round(rss / 2 ** 20)} MB`);
}

// Every fuzz file ends by checking its worker did not balloon.
afterAll(() => expectRssBounded());
