/**
 * The Session: everything extract learned from the entries, in the shape the
 * rules need. Rules read it; they never look at raw bodies again.
 *
 * Times are epoch milliseconds unless a name says seconds. Entries are
 * referred to by `EntryRef` (input + 1-based file index).
 */
import type {
  Entry,
  EntryRef,
  RunWarning,
  SignatureStatus,
  TokenFormat,
  TokenIssue,
  TokenKind,
  TokenUse,
  TraceInfo,
} from '../model/index.js';

export interface SessionToken {
  /** Fingerprint: first 12 hex of sha256(compact). */
  id: string;
  /** The token itself. Kept in memory for signature checks and --show-secrets; never put in an output otherwise. */
  compact: string;
  kind: TokenKind;
  format: TokenFormat;
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  /** Decode problems ("payload is not JSON"...). */
  problems: string[];
  issuedAt?: TokenIssue;
  uses: TokenUse[];
  signature: SignatureStatus;
  signatureDetail?: string;
  /** The JWKS snapshot whose key matched the kid, if any. */
  signingKeySource?: EntryRef | 'cli';
  /** Token id of the refresh token / code / assertion redeemed to get this token. */
  redeemed?: string;
}

/** client authentication at a token endpoint */
export type ClientAuth = 'client_secret_post' | 'client_secret_basic' | 'private_key_jwt' | 'client_assertion' | 'none' | 'unknown';

export interface OAuthError {
  error?: string;
  description?: string;
  codes: string[]; // "AADSTS7000215"
  suberror?: string;
  claims?: string; // decoded claims challenge JSON text
  traceId?: string;
  correlationId?: string;
  timestamp?: string;
  errorUri?: string;
}

export interface TokenRequest {
  entry: EntryRef;
  sentAt: number;
  url: string; // redacted
  host: string;
  tenant?: string;
  /** 'v1' (/oauth2/token) | 'v2' (/oauth2/v2.0/token) | 'other' */
  endpointVersion: 'v1' | 'v2' | 'other';
  grantType?: string;
  clientId?: string;
  scope?: string;
  resource?: string;
  clientAuth: ClientAuth;
  /** Token ids sent in the request (refresh_token, code, client_assertion, assertion). */
  sentTokens: string[];
  status: number;
  /** Token ids issued in the response. */
  issuedTokens: string[];
  error?: OAuthError;
  /** Seconds, from the response. */
  expiresIn?: number;
  retryAfterSeconds?: number;
}

export interface AuthorizeRequest {
  entry: EntryRef;
  sentAt: number;
  host: string;
  tenant?: string;
  clientId?: string;
  redirectUri?: string;
  responseType?: string;
  responseMode?: string;
  scope?: string;
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  prompt?: string;
  claims?: string;
}

/** An authorization response reaching the redirect URI (redirect Location, next URL, or form_post). */
export interface AuthorizeResponse {
  entry: EntryRef;
  /** Where the parameters were read. */
  via: 'location-query' | 'location-fragment' | 'url-query' | 'form_post';
  /** The redirect URI the response was delivered to: scheme, host and path, no query or fragment. */
  target?: string;
  state?: string;
  code?: string; // token id of the code
  idToken?: string; // token id
  accessToken?: string; // token id
  error?: OAuthError;
}

export type ErrorSource =
  | 'token-endpoint'
  | 'redirect'
  | 'form_post'
  | 'html'
  | 'www-authenticate'
  | 'body'
  | 'url';

/** Values parsed out of an IDX (or AADSTS) message. */
export interface ErrorDetails {
  kid?: string;
  audiences?: string[];
  validAudiences?: string[];
  issuer?: string;
  validIssuers?: string[];
  /** ISO strings as the message gave them. */
  validFrom?: string;
  validTo?: string;
  currentTime?: string;
  keysTried?: string;
}

export interface ErrorOccurrence {
  /** With prefix: "AADSTS50011" or "IDX10501". */
  code: string;
  kind: 'aadsts' | 'idx';
  entry: EntryRef;
  /** Further entries carrying the same error (the redirect target after a 302...). */
  alsoIn: EntryRef[];
  source: ErrorSource;
  status: number;
  host: string;
  time: number;
  oauth?: OAuthError;
  /** The message text around the code, redacted, at most ~500 chars. */
  message?: string;
  details: ErrorDetails;
  /** Tokens sent in the request that got this error. */
  tokens: string[];
}

/** One WWW-Authenticate challenge. */
export interface Challenge {
  entry: EntryRef;
  status: number;
  host: string;
  time: number;
  scheme: string; // "Bearer", "PoP", "Negotiate", "NTLM", "Basic"...
  params: Record<string, string>;
  /** Decoded `claims=` (base64 or JSON) when present. */
  claims?: string;
  tokens: string[];
}

export interface JwksSnapshot {
  entry: EntryRef | 'cli';
  uri: string;
  fetchedAt: number;
  /** kids in published order. */
  kids: string[];
  keys: JsonWebKeyLike[];
  /** From the keys' `issuer` members or the openid-configuration that pointed here. */
  issuers: string[];
  appId?: string;
}

export interface JsonWebKeyLike {
  kid?: string;
  kty?: string;
  x5t?: string;
  use?: string;
  alg?: string;
  issuer?: string;
  [k: string]: unknown;
}

export interface OidcMetadata {
  entry: EntryRef | 'cli';
  uri: string;
  fetchedAt: number;
  issuer?: string;
  jwksUri?: string;
  tokenEndpoint?: string;
  authorizationEndpoint?: string;
}

/** A request for metadata (JWKS / openid-configuration), failed or not. */
export interface MetadataFetch {
  entry: EntryRef;
  kind: 'jwks' | 'openid-configuration';
  uri: string;
  status: number;
  error?: string;
  time: number;
}

/** One Date-header observation. */
export interface ClockSample {
  entry: EntryRef;
  origin: string;
  /** Date header value (1 s resolution, truncated). */
  serverMs: number;
  /** Client clock at request start and response end. */
  sentAt: number;
  receivedAt: number;
}

export interface OriginClock {
  origin: string;
  samples: number;
  /** Best estimate of server minus client, seconds (positive: server ahead). */
  skewSeconds: number;
  /** Bounds every sample agrees with (seconds); [lo, hi]. */
  lowSeconds: number;
  highSeconds: number;
  entries: EntryRef[];
}

/** Facts that tell whether a trace was exported without credentials. */
export interface SanitizationFacts {
  requests: number;
  withAuthorization: number;
  withCookie: number;
  withSetCookie: number;
  /** Requests with an Authorization value that is a placeholder ("[REDACTED]", "xxx", "****"). */
  placeholderAuthorization: EntryRef[];
  /** API-looking requests (non-token-endpoint, answered 401, or to hosts that received tokens elsewhere) without Authorization. */
  unauthenticatedApiCalls: EntryRef[];
  /** Token endpoint/authorize traffic seen (a sign-in happened). */
  signInTraffic: number;
  /** HAR creator comment or custom field mentioning sanitization. */
  producerSaysSanitized: boolean;
}

export interface Session {
  inputs: TraceInfo[];
  /** Every entry (bodies without text), in timeline order: startedAt, then input, then index. */
  entries: Entry[];
  tokens: SessionToken[];
  tokenRequests: TokenRequest[];
  authorizeRequests: AuthorizeRequest[];
  authorizeResponses: AuthorizeResponse[];
  errors: ErrorOccurrence[];
  challenges: Challenge[];
  jwks: JwksSnapshot[];
  oidcMetadata: OidcMetadata[];
  metadataFetches: MetadataFetch[];
  clockSamples: ClockSample[];
  originClocks: OriginClock[];
  sanitization: SanitizationFacts;
  /** Requests sending `Authorization: Bearer` with no value. */
  emptyBearers: EntryRef[];
  warnings: RunWarning[];
}

export function refKey(ref: EntryRef): string {
  return `${ref.input}:${ref.index}`;
}
