// Preloaded with `node --import` into the IdP process to give it a clock that
// runs ahead of (or behind) the machine clock, the way a mis-set server clock
// would: Date.now(), new Date() and Date() all see the offset, so every token
// time claim, cookie expiry and Date header the IdP produces shifts with it.
const offsetMs = Number(process.env.SAMPLE_IDP_CLOCK_OFFSET_MS || 0);

if (offsetMs !== 0) {
  const RealDate = Date;
  class OffsetDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...args);
    }

    static now() { return RealDate.now() + offsetMs; }
  }
  // Date() called without `new` returns a string of the current time.
  const callable = new Proxy(OffsetDate, {
    apply() { return new OffsetDate().toString(); },
  });
  globalThis.Date = callable;
}
