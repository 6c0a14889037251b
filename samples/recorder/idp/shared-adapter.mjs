// In-memory storage for oidc-provider that outlives one Provider instance, so
// a key rollover (a new Provider with a new key set) keeps sessions, grants
// and refresh tokens, as a real IdP keeps them across a signing-key change.
const store = new Map();
const grants = new Map();

function live(key) {
  const item = store.get(key);
  if (!item) return undefined;
  if (item.expiresAt && item.expiresAt <= Date.now()) { store.delete(key); return undefined; }
  return item.payload;
}

export class SharedMemoryAdapter {
  constructor(model) { this.model = model; }

  key(id) { return `${this.model}:${id}`; }

  async upsert(id, payload, expiresIn) {
    const key = this.key(id);
    store.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    if (payload.grantId) {
      if (!grants.has(payload.grantId)) grants.set(payload.grantId, new Set());
      grants.get(payload.grantId).add(key);
    }
    if (payload.uid) store.set(`uid:${this.model}:${payload.uid}`, { payload: id });
    if (payload.userCode) store.set(`userCode:${this.model}:${payload.userCode}`, { payload: id });
  }

  async find(id) { return live(this.key(id)); }

  async findByUid(uid) {
    const id = live(`uid:${this.model}:${uid}`);
    return id ? this.find(id) : undefined;
  }

  async findByUserCode(userCode) {
    const id = live(`userCode:${this.model}:${userCode}`);
    return id ? this.find(id) : undefined;
  }

  async consume(id) {
    const payload = live(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id) { store.delete(this.key(id)); }

  async revokeByGrantId(grantId) {
    for (const key of grants.get(grantId) ?? []) store.delete(key);
    grants.delete(grantId);
  }
}
