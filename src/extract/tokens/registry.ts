import type { TokenIssue, TokenKind, TokenUse } from '../../model/index.js';
import { decodeToken, tokenId } from '../../jwt/index.js';
import type { SessionToken } from '../session.js';
import { classifyToken } from './classify.js';

/** Stops a hostile trace from creating millions of token records. */
const MAX_TOKENS = 50_000;
const MAX_USES_PER_TOKEN = 5_000;

/** All tokens seen, by fingerprint, with their issue point and uses. */
export class TokenRegistry {
  private readonly byId = new Map<string, SessionToken>();
  /** The same bearer token is sent with every API call: hash each value once. */
  private readonly idByValue = new Map<string, string>();
  dropped = 0;
  private lastValue: string | undefined;
  private lastId: string | undefined;

  /** Find or create the record for a token value. */
  observe(value: string, kindHint?: TokenKind): SessionToken | undefined {
    // Consecutive calls often carry the same bearer token: comparing it with the last
    // value costs less than hashing a fresh copy of a long string for the map.
    let id = value === this.lastValue ? this.lastId : this.idByValue.get(value);
    if (id === undefined) {
      id = tokenId(value);
      if (this.idByValue.size < MAX_TOKENS) this.idByValue.set(value, id);
    }
    this.lastValue = value;
    this.lastId = id;
    const known = this.byId.get(id);
    if (known) {
      if (kindHint && known.kind !== kindHint && (known.kind === 'access' || known.kind === 'opaque')) {
        known.kind = classifyToken(decodeToken(value), kindHint);
      }
      return known;
    }
    if (this.byId.size >= MAX_TOKENS) {
      this.dropped++;
      return undefined;
    }
    const decoded = decodeToken(value);
    const token: SessionToken = {
      id,
      compact: value,
      kind: classifyToken(decoded, kindHint),
      format: decoded.format,
      problems: decoded.problems,
      uses: [],
      signature: 'not-checked',
    };
    if (decoded.header) token.header = decoded.header;
    if (decoded.claims) token.claims = decoded.claims;
    this.byId.set(id, token);
    return token;
  }

  addUse(token: SessionToken, use: TokenUse): void {
    if (token.uses.length >= MAX_USES_PER_TOKEN) return;
    const last = token.uses[token.uses.length - 1];
    if (last && last.input === use.input && last.index === use.index && last.where === use.where && last.field === use.field) return;
    token.uses.push(use);
  }

  /** The first issue wins: a token re-sent in a later response is not re-issued. */
  setIssue(token: SessionToken, issue: TokenIssue): void {
    if (!token.issuedAt || issue.receivedAt < token.issuedAt.receivedAt) token.issuedAt = issue;
  }

  all(): SessionToken[] {
    return [...this.byId.values()];
  }

  get(id: string): SessionToken | undefined {
    return this.byId.get(id);
  }
}
