/**
 * The report's JSON Schema lives in `schema/report.schema.json` at the package
 * root (shipped with the package), so other tools can validate reports without
 * this code. Loaded lazily: only validation needs it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Resolves from both `src/report/` and `dist/report/` to the package root. */
export const REPORT_SCHEMA_URL = new URL('../../schema/report.schema.json', import.meta.url);

let cached: Record<string, unknown> | undefined;

/** The parsed JSON Schema (draft 2020-12) of the report. Cached; callers must not mutate it. */
export function loadReportSchema(): Record<string, unknown> {
  if (!cached) {
    cached = JSON.parse(readFileSync(fileURLToPath(REPORT_SCHEMA_URL), 'utf8')) as Record<string, unknown>;
  }
  return cached;
}
