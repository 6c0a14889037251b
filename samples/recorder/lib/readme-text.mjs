// The fixed parts of samples/README.md.

export const README_INTRO = `# Sample traces

Real traces of Microsoft Entra–style sign-ins and API calls, recorded from real
software talking real HTTP(S): a real OpenID provider, real protected APIs,
Chromium, a Node app built on \`openid-client\`, mitmproxy and a Fiddler-style
recording proxy. Start here:

\`\`\`
npx trace-audit samples/healthy-signin.har      # nothing wrong: must stay quiet
npx trace-audit samples/key-rollover.har        # signing-key rollover
npx trace-audit samples/expired-token.saz       # a Fiddler archive
\`\`\`

Every trace has a machine-readable expectation next to it,
\`<name>.expected.json\`:

\`\`\`json
{ "sample": "key-rollover.har", "summary": "…",
  "mustFind": [{ "rule": "signing-key-rotated", "severity": "error", "entries": [22, 23],
                 "code": "IDX10503", "evidence": { "oldKid": "…", "newKid": "…" } }],
  "mustNotFind": [{ "rule": "signature-invalid" }],
  "maxSeverityOtherwise": "info" }
\`\`\`

\`rule\` ids are those of the rule table in the design document. \`severity\` is
given where the design or the AADSTS catalog fixes it, and left out where it
does not (\`clock-skew\`, \`claims-challenge\`, \`sanitized-trace\`). \`entries\` are
the entries the finding must name (it may name more, such as the JWKS responses
of a rollover); \`code\` is the AADSTS/IDX code it carries. In \`evidence\`, every key is one the rule really reports (see its page in
\`docs/rules/\`), and must match: numbers exactly except where \`tolerance\`
gives a margin (clock differences move by a second between runs), objects and
lists by the members given (so \`{"entry": {"index": 24}}\` matches an entry
reference of any input, and a list matches when it holds the values given). The
end-to-end test \`test/e2e/samples.test.ts\` runs the built CLI on every sample
and checks exactly this. \`mustNotFind\` lists rules that must not fire at
all; any other finding must stay at or below \`maxSeverityOtherwise\`. Token
values are never in these files: tokens are named by \`kid\`, claims and codes.

The secrets in these traces (passwords, client secrets, tokens, keys) belong to
a throwaway local tenant that exists only while the recorder runs; they are
realistic test data for redaction, not credentials of anything.
`;

export const README_HOW = `## How the traces are made

\`npm run samples\` (that is \`node samples/recorder/record-all.mjs [names...]\`)
regenerates all of them, their expectations and this page in one run of about
90 seconds on a 2-core machine. It installs what is missing first (\`npm install --prefix
samples/recorder\`; \`apt-get install chromium mitmproxy\` as root), and starts,
all on 127.0.0.1 and all stopped by PID at the end or on failure:

- **An OpenID provider**: \`oidc-provider\` 9 (\`samples/recorder/idp/\`), issuer
  \`https://login.microsoftonline.com/{tenant}/v2.0\`, mounted under \`/{tenant}\`
  with Entra's paths (\`/oauth2/v2.0/authorize\`, \`/oauth2/v2.0/token\`,
  \`/discovery/v2.0/keys\`, \`/v2.0/.well-known/openid-configuration\`). A small
  front in the same process maps those paths, stamps the \`Date\` header from
  the IdP's own clock and answers, in Entra's formats, what Entra answers itself:
  token endpoint errors (\`error\`, \`error_description\` with \`AADSTSnnnnn:\` and
  the Trace ID / Correlation ID / Timestamp lines, \`error_codes\`, \`timestamp\`,
  \`trace_id\`, \`correlation_id\`, \`error_uri\`, \`suberror\`, \`claims\`), authorize
  errors sent back to the redirect URI, and the sign-in error page with its
  \`$Config\` object (\`sErrorCode\`). Access tokens are JWTs per API (the resource
  is taken from \`api://…/scope\` as Entra does), rewritten to Entra v2 claims
  (\`aud\` = API app id, \`azp\`, \`scp\` or \`roles\`, \`idtyp\`, \`oid\`, \`tid\`,
  \`ver\` 2.0, \`typ\` JWT), signed RS256 with keys whose \`kid\` is a 27-character
  SHA-1 thumbprint. Key rollover builds a new provider with the new key first
  and the old one still published (sessions and refresh tokens survive). The
  clock offset is real: the IdP runs in its own Node process with a preload
  (\`idp/clock-offset.mjs\`) that shifts \`Date\` for everything in it.
- **Two protected APIs** (\`samples/recorder/api/\`), plain Node \`https\`
  servers, validating with \`jose\` in JsonWebTokenHandler's order (signature,
  lifetime with a 300 s clock skew, audience, issuer) against a JWKS cache that
  behaves like ConfigurationManager (automatic refresh interval; a kid miss may
  refetch only after the refresh interval). Refusals are \`401\` with
  \`WWW-Authenticate: Bearer error="invalid_token", error_description="IDX…"\`
  using the message texts of Microsoft.IdentityModel 7/8 (LogMessages.cs:
  IDX10503 in its 7.2+ "The token's kid is: '…', but did not match any keys"
  wording, IDX10511, IDX10222/IDX10223 with "(UTC)" times in the invariant
  culture, IDX10214; IDX10501 is retired in those versions) with PII shown and
  the token hidden as a security artifact (newlines folded into spaces in the
  header); the reports API also sends them as \`application/problem+json\`.
  Missing scopes give \`403\` + \`error="insufficient_scope"\` + problem+json
  (Microsoft.Identity.Web's IDW10203 text), CAE gives \`401\` +
  \`error="insufficient_claims", claims="<base64>"\`, and an anonymous call gets
  the plain challenge with \`authorization_uri\` and \`client_id\`. Successful
  JSON is gzip'd and chunked when the client accepts gzip.
- **A single-page app** (\`samples/recorder/web/\`) doing authorization code +
  PKCE with \`response_mode=fragment\`, refresh token grants and API calls.

Host names are real in every trace: \`login.microsoftonline.com\`,
\`api.contoso.example\`, \`reports.contoso.example\`, \`app.contoso.example\`. A
throwaway CA and one server certificate for those names are made with
\`openssl\` at record time and deleted afterwards. Chromium reaches the servers
through \`--host-resolver-rules="MAP <host> 127.0.0.1:<port>, …"\` with
\`--ignore-certificate-errors\`; Node clients use an undici dispatcher that
connects to 127.0.0.1 while keeping the name for SNI and \`Host\`; mitmproxy gets
a small addon (\`capture/mitm_reroute.py\`) that points upstream connections at
the local ports and keeps the names in the flows, and verifies the servers with
the throwaway CA.

Producers:

- **Playwright \`recordHar\`** over Debian's Chromium (\`/usr/bin/chromium\`,
  fresh profile, \`--no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync\`).
  It does not record CORS preflights.
- **mitmproxy 8.1** (Debian's \`mitmdump\`) with mitmproxy's own
  \`examples/contrib/har_dump.py\` (\`-s har_dump.py --set hardump=…\`; this
  version has no built-in HAR option): \`+00:00\` offsets, entries appended when
  a response completes (file order is completion order), preflights included.
- **A Fiddler-style recording proxy** (\`capture/fiddler-proxy.mjs\`) and SAZ
  writer (\`capture/saz-writer.mjs\`), checked against archives saved by Fiddler
  Classic 5: zip (deflate) with \`raw/\`, then \`raw/NN_c.txt\`, \`raw/NN_m.xml\`,
  \`raw/NN_s.txt\` per session (zero-padded to the digit count of the session
  count), \`[Content_Types].xml\`, \`_index.htm\` (with BOM) and Fiddler's zip
  comment. CONNECT tunnels are sessions of their own (BitFlags 2300) with
  Fiddler's synthetic "200 Connection Established" text; decrypted requests use
  absolute URLs, HTTP/1.1, headers as the client sent them, and responses as the
  server sent them (gzip and chunked framing kept). \`SessionTimers\` use .NET's
  round-trip format (up to 7 fractional digits, trailing zeros dropped, a local
  offset, here +01:00; \`0001-01-01T00:00:00\` when not set), with
  \`SessionFlags\` such as \`x-clientip\`, \`x-hostip\`, \`x-egressport\`,
  \`x-processinfo\` (\`chromium:PID\` or \`node:PID\`) and
  \`x-responsebodytransferlength\`.
- **Chrome's sanitized export**: \`sanitized-export.har\` is a Playwright
  recording passed through the same three filters DevTools applies when it
  exports "sanitized" (the default since Chrome 130): \`request.cookies\` and
  \`response.cookies\` emptied, \`Set-Cookie\` removed from responses,
  \`Authorization\` and \`Cookie\` removed from requests. Nothing else changes.

Times, token values, key ids and trace ids differ on every run; tenant, client
and API ids are fixed (\`samples/recorder/lib/tenant.mjs\`).
`;
