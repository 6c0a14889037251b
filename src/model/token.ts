import type { EntryRef } from './entry.js';

export type TokenKind = 'access' | 'id' | 'refresh' | 'client-assertion' | 'code' | 'opaque';
export type TokenFormat = 'jws' | 'jwe' | 'opaque';

/** Where a token value was seen in a request or response. */
export type TokenPlace =
  | 'authorization' // Authorization: Bearer|PoP header of a request
  | 'body' // request body field (form or JSON), e.g. refresh_token=, client_assertion=, assertion=
  | 'query' // request URL query
  | 'fragment' // URL fragment (Location / redirectURL / Referer)
  | 'form_post' // response_mode=form_post HTML form or its POST
  | 'cookie' // Cookie header
  | 'header' // another request header (x-ms-token-*, Referer...)
  | 'response'; // response body / Location header: where a token is issued

export type SignatureStatus = 'valid' | 'invalid' | 'key-not-found' | 'unverifiable' | 'not-checked';

/** One appearance of a token in a request (a "use"). */
export interface TokenUse extends EntryRef {
  where: TokenPlace;
  /** Field or header name, e.g. "refresh_token", "authorization", "id_token_hint". */
  field?: string;
  /** Response status the request got (0 = no response). */
  status: number;
  host: string;
  /** Epoch ms when the request was sent (entry start). */
  sentAt: number;
}

/** Where and how a token was issued (first appeared in a response). */
export interface TokenIssue extends EntryRef {
  where: TokenPlace;
  field?: string;
  /** Token-endpoint facts when issued by one. */
  grantType?: string;
  clientId?: string;
  resource?: string;
  scope?: string;
  expiresIn?: number;
  /** Epoch ms of the issuing response (entry start + duration). */
  receivedAt: number;
}
