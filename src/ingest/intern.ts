/**
 * Shares equal headers between the entries of one input. A trace repeats the same
 * headers verbatim on every request — the 1.5 KiB `authorization: Bearer …` of each
 * API call, cookies, the user agent, `sec-ch-ua`, `accept` — and each parsed entry
 * would otherwise keep its own copies: on a 1 GiB HAR, 650,000 header objects
 * holding 33 M characters, of which under 3 M are distinct. Every entry keeps
 * pointing at one shared `{name, value}` object per distinct header instead.
 *
 * Headers are never modified after ingest, so sharing them is safe. The tables are
 * bounded: once they hold `maxEntries` items they start again empty (entries keep
 * what they already share), so unique values (dates, request ids) cannot grow them
 * without end.
 */
import type { Header } from '../model/index.js';

/** Values longer than this are rare and seldom repeated: not worth a table lookup. */
export const MAX_INTERNED_CHARS = 8192;
const DEFAULT_MAX_ENTRIES = 100_000;

export class HeaderInterner {
  /** name → the shared name string and, by value, the shared headers. */
  private pairs = new Map<string, { name: string; byValue: Map<string, Header> }>();
  private strings = new Map<string, string>();
  private entries = 0;

  constructor(private readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

  /**
   * The shared header equal to `h`; `h` itself becomes the shared one when it is the
   * first of its kind, so the caller must hand over an object it will not change.
   */
  adopt(h: Header): Header {
    if (h.value.length > MAX_INTERNED_CHARS || h.name.length > MAX_INTERNED_CHARS) return h;
    const known = this.pairs.get(h.name)?.byValue.get(h.value);
    if (known) return known;
    this.room();
    let group = this.pairs.get(h.name);
    if (!group) {
      group = { name: h.name, byValue: new Map() };
      this.pairs.set(h.name, group);
    }
    // A header with a value of its own (a date, a request id) still shares its name.
    h.name = group.name;
    group.byValue.set(h.value, h);
    this.entries++;
    return h;
  }

  /** A shared header with this name and value. */
  header(name: string, value: string): Header {
    return this.adopt({ name, value });
  }

  /**
   * One shared copy of a short string (producer extras such as resource types). The
   * kept copy is a string of its own: one cut from a larger text (an XML document)
   * would keep that whole text alive.
   */
  string(s: string): string {
    if (s.length > MAX_INTERNED_CHARS) return s;
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.room();
    const own = s.length < 13 ? s : (' ' + s).slice(1);
    this.strings.set(own, own);
    this.entries++;
    return own;
  }

  private room(): void {
    if (this.entries < this.maxEntries) return;
    this.pairs = new Map();
    this.strings = new Map();
    this.entries = 0;
  }
}
