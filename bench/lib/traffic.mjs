/**
 * A seeded browser session against an Entra-protected app, one exchange at a
 * time: sign-in first, then page loads, assets, API and Graph calls, telemetry,
 * a token refresh per 50-minute window (now and then refused with AADSTS), stale
 * tokens refused with IDX10223, metadata fetches and the rare multi-megabyte body.
 */
import { authorizeRedirect, jwksResponse, loginPage, openIdConfiguration, tokenFailure, tokenSuccess } from './auth-exchanges.mjs';
import { BinaryPool } from './binary-pool.mjs';
import { browserProfile, cookieValue } from './headers.mjs';
import { Prng } from './prng.mjs';
import { TextPools } from './text-pools.mjs';
import { Identity, TokenPool } from './tokens.mjs';
import { apiCall, appDocument, beacon, font, graphCall, hugeBody, image, script, style } from './web-exchanges.mjs';

/** Trace clock origin: fixed, so the same seed gives the same timestamps. */
export const TRACE_START = Date.UTC(2025, 2, 14, 8, 30, 0);

const STEADY = [
  [28, 'api'], [5, 'graph'], [9, 'script'], [4, 'style'], [16, 'image'], [2, 'font'], [14, 'beacon'],
  [2, 'navigate'], [0.3, 'login-error'], [0.4, 'metadata'], [0.15, 'huge'],
];

export class Traffic {
  static async create(seed) {
    const t = new Traffic(seed);
    await t.ctx.tokens.load();
    return t;
  }

  constructor(seed) {
    const root = new Prng(seed);
    this.clock = root.fork();
    const identity = new Identity(root.fork());
    this.ctx = {
      rng: root.fork(), pools: new TextPools(root.fork()), binary: new BinaryPool(root.fork()), identity,
      tokens: new TokenPool(root.fork(), identity, TRACE_START), profile: browserProfile(root.fork()),
      sessionCookie: cookieValue(root.fork(), 180), current: undefined,
    };
    this.time = TRACE_START;
    this.window = null;
    this.queue = [];
    /** Top-level navigations, as HAR `pages`: { id, startedDateTime, title }. */
    this.pages = [];
  }

  /** The next exchange, with `pageIndex` set to the page it belongs to. */
  async next() {
    this.time += this.gap();
    if (this.queue.length === 0) await this.plan();
    const ex = this.queue.shift()(this.time);
    if (ex.resourceType === 'document') this.pages.push({ id: `page_${this.pages.length + 1}`, time: ex.time, title: ex.url.split('#')[0] });
    ex.pageIndex = Math.max(0, this.pages.length - 1);
    return ex;
  }

  /** Milliseconds between request starts: bursts during page loads, pauses while the user reads. */
  gap() {
    const c = this.clock;
    return c.weighted([[70, () => c.float() * 40], [25, () => 50 + c.float() * 750], [5, () => 2000 + c.float() * 28000]])();
  }

  async plan() {
    const { ctx } = this;
    const q = (f) => this.queue.push(f);
    const k = ctx.tokens.windowOf(this.time);
    if (k !== this.window) {
      const set = await ctx.tokens.set(k);
      const previous = ctx.current;
      if (!previous) {
        q((t) => appDocument(ctx, t, '/'));
        for (let i = 0; i < 4; i++) q((t) => script(ctx, t));
        q((t) => loginPage(ctx, t, undefined, set));
        q((t) => authorizeRedirect(ctx, t, set));
        q((t) => openIdConfiguration(ctx, t));
        q((t) => jwksResponse(ctx, t));
        q((t) => tokenSuccess(ctx, t, set));
      } else if (ctx.rng.chance(0.25)) {
        q((t) => tokenFailure(ctx, t, previous));
        q((t) => authorizeRedirect(ctx, t, set));
        q((t) => tokenSuccess(ctx, t, set));
      } else {
        q((t) => tokenSuccess(ctx, t, set, previous));
      }
      ctx.current = set;
      this.window = k;
      return;
    }
    const kind = ctx.rng.weighted(STEADY);
    switch (kind) {
      case 'api':
        if (ctx.rng.chance(0.03)) {
          const stale = await ctx.tokens.set(k - 2);
          q((t) => apiCall(ctx, t, stale));
        } else q((t) => apiCall(ctx, t, ctx.current));
        break;
      case 'graph':
        q((t) => graphCall(ctx, t, ctx.current));
        break;
      case 'script':
        q((t) => script(ctx, t));
        break;
      case 'style':
        q((t) => style(ctx, t));
        break;
      case 'image':
        q((t) => image(ctx, t));
        break;
      case 'font':
        q((t) => font(ctx, t));
        break;
      case 'beacon':
        q((t) => beacon(ctx, t));
        break;
      case 'navigate': {
        const path = ctx.rng.pick(['/orders', '/orders/42', '/account', '/fr/aide', '/dashboard']);
        q((t) => appDocument(ctx, t, path));
        for (let i = ctx.rng.int(2, 10); i > 0; i--) q((t) => (ctx.rng.chance(0.5) ? image(ctx, t) : script(ctx, t)));
        break;
      }
      case 'login-error':
        q((t) => loginPage(ctx, t, ctx.rng.pick(['50126', '50053', '50076'])));
        break;
      case 'metadata':
        q((t) => openIdConfiguration(ctx, t));
        q((t) => jwksResponse(ctx, t));
        break;
      default:
        q((t) => hugeBody(ctx, t));
    }
  }
}
