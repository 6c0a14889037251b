// The sign-in page of the local IdP: a username/password form driven by
// oidc-provider's interaction API. Consent is granted by the tenant admin in
// advance (as in many Entra tenants), so the consent prompt is answered here
// without a page.
import { APIS, USER } from '../lib/tenant.mjs';
import { readAll } from '../lib/net-util.mjs';

function loginForm(uid, tenantId, message = '') {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to your account</title>
<style>body{font-family:Segoe UI,sans-serif;margin:3em}form{max-width:22em}input{display:block;margin:.4em 0 1em;width:100%}</style>
</head><body>
<h1>Sign in</h1>
${message ? `<p role="alert">${message}</p>` : ''}
<form method="post" action="/${tenantId}/login/${uid}" autocomplete="off">
<label for="login">Email, phone, or Skype</label><input id="login" name="login" type="email" required>
<label for="passwd">Password</label><input id="passwd" name="passwd" type="password" required>
<button id="idSIButton9" type="submit">Sign in</button>
</form></body></html>`;
}

async function adminConsentGrant(provider, accountId, clientId) {
  const grant = new provider.Grant({ accountId, clientId });
  grant.addOIDCScope('openid profile email offline_access');
  for (const api of APIS) {
    grant.addResourceScope(api.appIdUri, api.delegatedScopes.map((s) => `${api.appIdUri}/${s}`).join(' '));
  }
  return grant.save();
}

/** Handles GET/POST /{tenant}/login/{uid}; returns false when the path is not a login page. */
export async function handleLogin(req, res, provider, tenantId) {
  const m = req.url.match(new RegExp(`^/${tenantId}/login/([\\w-]+)`));
  if (!m) return false;
  const uid = m[1];
  const details = await provider.interactionDetails(req, res);
  const clientId = details.params.client_id;

  if (details.prompt.name === 'consent') {
    const grantId = await adminConsentGrant(provider, details.session.accountId, clientId);
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return true;
  }
  if (req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(loginForm(uid, tenantId));
    return true;
  }
  const form = new URLSearchParams((await readAll(req)).toString());
  if (form.get('login') !== USER.username || form.get('passwd') !== USER.password) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(loginForm(uid, tenantId, 'Your account or password is incorrect.'));
    return true;
  }
  const grantId = await adminConsentGrant(provider, USER.oid, clientId);
  await provider.interactionFinished(req, res, {
    login: { accountId: USER.oid, amr: ['pwd'] },
    consent: { grantId },
  }, { mergeWithLastSubmission: false });
  return true;
}
