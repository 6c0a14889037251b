// Error responses in the shapes Entra ID really uses: token endpoint JSON,
// authorize errors sent back to the redirect URI, and the sign-in page's
// HTML error page with its embedded $Config object.
import crypto from 'node:crypto';

/** "2024-01-01 10:00:00Z", the timestamp format of Entra error bodies. */
export function entraTimestamp(date = new Date()) {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

function traceFooter(ids) {
  return `\r\nTrace ID: ${ids.traceId}\r\nCorrelation ID: ${ids.correlationId}\r\nTimestamp: ${ids.timestamp}`;
}

export function newErrorIds(correlationId) {
  return {
    traceId: crypto.randomUUID(),
    correlationId: correlationId || crypto.randomUUID(),
    timestamp: entraTimestamp(),
  };
}

/** Token endpoint error body: {error, error_description, error_codes, timestamp, trace_id, correlation_id, error_uri, ...}. */
export function tokenErrorBody({ error, code, text, suberror, claims, correlationId }) {
  const ids = newErrorIds(correlationId);
  const body = {
    error,
    error_description: `AADSTS${code}: ${text}${traceFooter(ids)}`,
    error_codes: [code],
    timestamp: ids.timestamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  };
  if (suberror) body.suberror = suberror;
  if (claims) body.claims = claims;
  return body;
}

/** Location of a redirect that returns an authorize error to the app (query or fragment). */
export function authorizeErrorLocation({ redirectUri, responseMode, error, code, text, state }) {
  const ids = newErrorIds();
  const params = new URLSearchParams({
    error,
    error_description: `AADSTS${code}: ${text}${traceFooter(ids)}`,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });
  if (state) params.set('state', state);
  const sep = responseMode === 'fragment' ? '#' : (redirectUri.includes('?') ? '&' : '?');
  return `${redirectUri}${sep}${params.toString()}`;
}

/** The sign-in page Entra shows when it cannot send the error back to the app. */
export function errorPageHtml({ code, text, correlationId }) {
  const ids = newErrorIds(correlationId);
  const config = {
    iMaxStackForKnockoutAsyncComponents: 10000,
    strServiceExceptionMessage: `AADSTS${code}: ${text}`,
    strServiceExceptionTraceId: ids.traceId,
    strServiceExceptionCorrelationId: ids.correlationId,
    strServiceExceptionTimestamp: ids.timestamp.replace(' ', 'T'),
    iErrorCode: code,
    sErrorCode: String(code),
    sErrTxt: '',
    fShowErrorDetails: true,
    urlHelp: 'https://go.microsoft.com/fwlink/?LinkID=521689',
    sPageId: 'ConvergedError',
    correlationId: ids.correlationId,
    sessionId: ids.traceId,
    locale: { mkt: 'en-US', lcid: 1033 },
  };
  return `<!-- Copyright (C) Microsoft Corporation. All rights reserved. -->
<!DOCTYPE html>
<html dir="ltr" class="" lang="en">
<head>
<title>Sign in to your account</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="PageID" content="ConvergedError" />
<meta name="SiteID" content="" />
<meta name="ReqLC" content="1033" />
<meta name="LocLC" content="en-US" />
<meta name="robots" content="none" />
<script type="text/javascript">//<![CDATA[
$Config=${JSON.stringify(config)};
//]]></script>
</head>
<body data-bind="defineGlobals: ko.contextFor(this)">
<div id="login-error"><h1>Sorry, but we're having trouble signing you in.</h1>
<p>AADSTS${code}: ${text.replace(/[<>&]/g, '')}</p></div>
</body>
</html>
`;
}

/** Message texts of the codes the scenarios produce (wording as Entra writes them). */
export const AADSTS = {
  invalidSecret: (appId) => ({
    error: 'invalid_client', code: 7000215,
    text: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`,
  }),
  expiredSecret: (appId) => ({
    error: 'invalid_client', code: 7000222,
    text: `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
  }),
  unknownCertificate: (appId, thumbprint) => ({
    error: 'invalid_client', code: 700027,
    text: `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${appId}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL, such as 'https://graph.microsoft.com/beta/applications/${appId}'].`,
  }),
  mfaRequired: (resource) => ({
    error: 'invalid_grant', code: 50076,
    text: `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${resource}'.`,
  }),
  redirectMismatch: (redirectUri, appId) => ({
    error: 'invalid_request', code: 50011,
    text: `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
  }),
};
