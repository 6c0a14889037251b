// The "sanitized" HAR export of Chrome DevTools (default since Chrome 130),
// applied to a recorded HAR exactly as DevTools' HAR Log builder does it:
// request and response cookie arrays emptied, the Set-Cookie response header
// and the Authorization and Cookie request headers dropped. Bodies, URLs and
// every other header stay as they were.

export function sanitizeLikeChrome(har) {
  const out = structuredClone(har);
  for (const entry of out.log.entries) {
    entry.response.cookies = [];
    entry.response.headers = entry.response.headers.filter(({ name }) => !['set-cookie'].includes(name.toLocaleLowerCase()));
    entry.request.cookies = [];
    entry.request.headers = entry.request.headers.filter(({ name }) => !['authorization', 'cookie'].includes(name.toLocaleLowerCase()));
  }
  return out;
}
