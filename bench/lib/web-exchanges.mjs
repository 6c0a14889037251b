/** Everything around the sign-in: the app's pages and assets, its API, Graph, telemetry and the rare huge body. */
import { APP_ORIGIN } from './auth-exchanges.mjs';
import { exchange } from './exchange.mjs';
import { cookieValue } from './headers.mjs';

const CDN = 'https://cdn.contoso.com';
const STATUSES = ['pending', 'shipped', 'delivered', 'cancelled', 'en préparation', '発送済み'];

function appCookie(ctx) {
  return `ai_user=${cookieValue(ctx.rng, 22)}|2025-03-14T08:29:01.000Z; .AspNetCore.Session=${ctx.sessionCookie}; ai_session=${cookieValue(ctx.rng, 22)}`;
}

/** A JSON document of about `bytes` bytes: a page of orders with Unicode names and notes. */
export function ordersJson(ctx, bytes) {
  const { rng, pools } = ctx;
  const items = [];
  let n = 40;
  while (n < bytes) {
    const item = JSON.stringify({
      id: rng.int(100000, 999999), customer: pools.phrase().slice(0, rng.int(8, 30)), status: rng.pick(STATUSES),
      total: { amount: rng.int(100, 99999) / 100, currency: rng.pick(['EUR', 'USD', 'JPY', 'CNY']) },
      createdAt: new Date(Date.UTC(2025, 2, rng.int(1, 14), rng.int(0, 23), rng.int(0, 59))).toISOString(),
      note: pools.text('prose', rng.int(10, 160)), tags: [rng.pick(['gift', 'express', 'b2b', '🎁'])],
    });
    items.push(item);
    n += item.length + 1;
  }
  return `{"@odata.context":"${APP_ORIGIN}/api/$metadata#orders","count":${items.length},"value":[${items.join(',')}]}`;
}

export function appDocument(ctx, t, path) {
  const { rng, pools } = ctx;
  return exchange(ctx, t, {
    url: `${APP_ORIGIN}${path}`, dest: 'document', referer: `${APP_ORIGIN}/`, cookie: appCookie(ctx),
    mimeType: 'text/html; charset=utf-8', text: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Commandes</title></head><body>${pools.text('page', rng.logInt(8_000, 200_000))}</body></html>`,
    cache: 'no-cache', server: 'Kestrel',
  });
}

export function script(ctx, t, bytes) {
  const { rng, pools } = ctx;
  return exchange(ctx, t, {
    url: `${CDN}/assets/${rng.pick(['main', 'vendor', 'chunk', 'runtime', 'polyfills'])}.${rng.hex(8)}.js`, dest: 'script', referer: `${APP_ORIGIN}/`,
    mimeType: 'application/javascript', text: pools.text('script', bytes ?? rng.logInt(1_000, 400_000)), cors: '*',
  });
}

export function style(ctx, t) {
  const { rng, pools } = ctx;
  return exchange(ctx, t, {
    url: `${CDN}/assets/${rng.pick(['app', 'theme', 'fabric'])}.${rng.hex(8)}.css`, dest: 'style', referer: `${APP_ORIGIN}/`,
    mimeType: 'text/css', text: pools.text('style', rng.logInt(1_000, 250_000)),
  });
}

export function image(ctx, t, bytes) {
  const { rng, binary } = ctx;
  const type = rng.pick(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/x-icon']);
  return exchange(ctx, t, {
    url: `${CDN}/img/${rng.hex(12)}.${type.split('/')[1].replace('x-icon', 'ico')}`, dest: 'image', referer: `${APP_ORIGIN}/`,
    mimeType: type, binary: binary.bytes(type, bytes ?? rng.logInt(100, 250_000)),
  });
}

export function font(ctx, t) {
  const { rng, binary } = ctx;
  return exchange(ctx, t, {
    url: `${CDN}/fonts/segoeui-${rng.pick(['regular', 'semibold', 'bold', 'light'])}.woff2`, dest: 'font', referer: `${CDN}/assets/app.css`, origin: APP_ORIGIN,
    mimeType: 'font/woff2', binary: binary.bytes('font/woff2', rng.logInt(15_000, 160_000)), cors: '*',
  });
}

/** Telemetry: small POSTs that most traces are full of. */
export function beacon(ctx, t) {
  const { rng } = ctx;
  const events = Array.from({ length: rng.int(1, 6) }, () => ({ name: 'Microsoft.ApplicationInsights.PageView', time: new Date(t).toISOString(), iKey: rng.guid(), tags: { 'ai.session.id': rng.hex(8) } }));
  const accepted = rng.chance(0.5);
  const ex = exchange(ctx, t, {
    method: 'POST', url: 'https://js.monitor.azure.com/v2/track', dest: 'fetch', referer: `${APP_ORIGIN}/`, origin: APP_ORIGIN,
    reqBody: { mimeType: 'text/plain;charset=UTF-8', text: JSON.stringify(events) },
    status: accepted ? 200 : 204, mimeType: accepted ? 'application/json' : undefined,
    text: accepted ? `{"itemsReceived":${events.length},"itemsAccepted":${events.length},"errors":[]}` : '', cors: APP_ORIGIN,
  });
  // Ad blockers stop some telemetry: Chrome records status 0 and the network error.
  if (rng.chance(0.03)) ex.error = 'net::ERR_BLOCKED_BY_CLIENT';
  return ex;
}

/** The app's API with a bearer token; an expired token gets the IDX10223 challenge ASP.NET sends. */
export function apiCall(ctx, t, set) {
  const { rng } = ctx;
  const expired = set.exp < t;
  const post = rng.chance(0.2);
  const base = {
    method: post ? 'POST' : 'GET', url: `${APP_ORIGIN}/api/orders${post ? '' : `?$top=${rng.int(5, 200)}&$skip=${rng.int(0, 5000)}&q=${encodeURIComponent(ctx.pools.phrase().slice(0, 12))}`}`,
    dest: 'fetch', resourceType: 'fetch', referer: `${APP_ORIGIN}/`, authorization: `Bearer ${set.access}`,
    reqBody: post ? { mimeType: 'application/json', text: ordersJson(ctx, rng.logInt(100, 3000)) } : undefined,
    reqExtra: [['request-id', `|${rng.hex(32)}.${rng.hex(16)}`], ['traceparent', `00-${rng.hex(32)}-${rng.hex(16)}-01`]], server: 'Kestrel',
  };
  if (!expired) return exchange(ctx, t, { ...base, mimeType: 'application/json; charset=utf-8', text: ordersJson(ctx, rng.logInt(60, 60_000)) });
  const validTo = new Date(set.exp).toISOString().replace('T', ' ').replace('Z', '');
  const now = new Date(t).toISOString().replace('T', ' ').replace('Z', '');
  const description = `IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '${validTo}', Current time (UTC): '${now}'.`;
  return exchange(ctx, t, {
    ...base, status: 401, mimeType: 'application/problem+json; charset=utf-8',
    text: JSON.stringify({ type: 'https://tools.ietf.org/html/rfc9110#section-15.5.2', title: 'Unauthorized', status: 401, detail: description, traceId: `00-${rng.hex(32)}-${rng.hex(16)}-00` }),
    respExtra: [['www-authenticate', `Bearer error="invalid_token", error_description="${description}"`]],
  });
}

export function graphCall(ctx, t, set) {
  const { rng, identity: id } = ctx;
  const photo = rng.chance(0.1);
  const common = { dest: 'fetch', resourceType: 'fetch', referer: `${APP_ORIGIN}/`, origin: APP_ORIGIN, authorization: `Bearer ${set.graph}`, cors: APP_ORIGIN, server: 'Microsoft-HTTPAPI/2.0' };
  if (photo) return exchange(ctx, t, { ...common, url: 'https://graph.microsoft.com/v1.0/me/photo/$value', mimeType: 'image/jpeg', binary: ctx.binary.bytes('image/jpeg', rng.logInt(2_000, 90_000)) });
  const me = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity', businessPhones: [], displayName: id.name, givenName: id.name.split(' ')[0], jobTitle: 'Responsable logistique', mail: id.upn, officeLocation: 'Zürich', preferredLanguage: 'fr-FR', surname: id.name.split(' ')[1], userPrincipalName: id.upn, id: id.objectId };
  return exchange(ctx, t, { ...common, url: 'https://graph.microsoft.com/v1.0/me', mimeType: 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8', text: JSON.stringify(me) });
}

/** The occasional 2-8 MB body: a bundle, a video, an export, a raw image. */
export function hugeBody(ctx, t) {
  const { rng } = ctx;
  const bytes = rng.int(2 << 20, 8 << 20);
  const kind = rng.int(0, 3);
  if (kind === 0) return script(ctx, t, bytes);
  if (kind === 1) return image(ctx, t, bytes);
  if (kind === 2) return exchange(ctx, t, { url: `${CDN}/media/intro-${rng.hex(6)}.mp4`, dest: 'media', referer: `${APP_ORIGIN}/`, mimeType: 'video/mp4', binary: ctx.binary.bytes('video/mp4', bytes), status: 200 });
  return exchange(ctx, t, {
    url: `${APP_ORIGIN}/api/orders/export?format=json`, dest: 'fetch', resourceType: 'fetch', referer: `${APP_ORIGIN}/`,
    authorization: `Bearer ${ctx.current.access}`, mimeType: 'application/json; charset=utf-8', text: ordersJson(ctx, bytes), server: 'Kestrel',
  });
}
