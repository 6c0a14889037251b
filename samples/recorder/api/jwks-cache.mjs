// A signing-key cache that behaves like Microsoft.IdentityModel's
// ConfigurationManager: keys are fetched from the IdP's jwks_uri, kept for the
// automatic refresh interval, and a token with an unknown kid may force a new
// fetch only if the last fetch is older than the refresh interval. Between
// those two moments, tokens signed with a freshly rolled key are refused.

export class JwksCache {
  constructor({ jwksUri, fetchJson, refreshIntervalMs = 5 * 60_000, automaticRefreshIntervalMs = 12 * 3600_000 }) {
    this.jwksUri = jwksUri;
    this.fetchJson = fetchJson;
    this.refreshIntervalMs = refreshIntervalMs;
    this.automaticRefreshIntervalMs = automaticRefreshIntervalMs;
    this.keys = [];
    this.lastFetch = 0;
    this.fetches = [];
  }

  async #fetch(reason) {
    const doc = await this.fetchJson(this.jwksUri);
    this.keys = doc.keys ?? [];
    this.lastFetch = Date.now();
    this.fetches.push({ at: this.lastFetch, reason, kids: this.keys.map((k) => k.kid) });
  }

  async currentKeys() {
    if (this.lastFetch === 0 || Date.now() - this.lastFetch > this.automaticRefreshIntervalMs) await this.#fetch('automatic');
    return this.keys;
  }

  /** Called on an unknown kid; returns true when it was allowed to fetch again. */
  async requestRefresh() {
    if (Date.now() - this.lastFetch < this.refreshIntervalMs) return false;
    await this.#fetch('kid-not-found');
    return true;
  }
}
