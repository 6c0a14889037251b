import type { Entry } from '../model/index.js';
import { oauthErrorFromParams } from './errors/oauth-error.js';
import { authorizeResponsesOf } from './oauth/authorize.js';
import type { AuthorizeResponse } from './session.js';
import { tokenId } from '../jwt/index.js';

/**
 * Turn the authorization-response parameters of an entry into
 * AuthorizeResponse records, naming tokens by fingerprint (the same id the
 * registry gives them as request uses or response issues), so the order in
 * which the extractor registers the entry's tokens does not matter.
 */
export function linkAuthorizeResponses(entry: Entry): AuthorizeResponse[] {
  const out: AuthorizeResponse[] = [];
  for (const { via, params, target } of authorizeResponsesOf(entry)) {
    const r: AuthorizeResponse = { entry: { input: entry.input, index: entry.index }, via };
    if (target) r.target = target;
    const state = params.get('state');
    if (state !== undefined) r.state = state;
    // Values in a Location are registered as issued tokens after this runs, so
    // name them by fingerprint whether or not the registry has seen them yet.
    const idOf = (name: string): string | undefined => {
      const v = params.get(name);
      return v ? tokenId(v) : undefined;
    };
    const code = idOf('code');
    if (code) r.code = code;
    const idToken = idOf('id_token');
    if (idToken) r.idToken = idToken;
    const accessToken = idOf('access_token');
    if (accessToken) r.accessToken = accessToken;
    const error = oauthErrorFromParams(params);
    if (error) r.error = error;
    out.push(r);
  }
  return out;
}
