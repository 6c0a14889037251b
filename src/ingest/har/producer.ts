/**
 * A readable name for the tool that wrote the HAR, from `log.creator`, `log.browser`
 * and, for DevTools exports (which all say "WebInspector 537.36"), the browser's own
 * request headers: Chrome, Edge and Brave write identical creators.
 */
import { asObject } from './json-values.js';

export interface ProducerHints {
  userAgent?: string;
  /** The `sec-ch-ua` client hint: lists the brand ("Brave", "Microsoft Edge", "Google Chrome"). */
  secChUa?: string;
}

export function describeProducer(creator: unknown, browser: unknown, hints: ProducerHints): string | undefined {
  const c = asObject(creator) ?? {};
  const b = asObject(browser) ?? {};
  const name = plainString(c.name);
  const version = plainString(c.version);
  if (!name) return undefined;
  const tool = version ? `${name} ${version}` : name;
  const browserName = plainString(b.name);
  const browserVersion = plainString(b.version);
  if (name === 'WebInspector') {
    const which = browserName ? withVersion(browserName, browserVersion) : chromiumFromHints(hints);
    return `${which} DevTools (${tool})`;
  }
  if (name === 'WebKit Web Inspector') {
    const v = /Version\/([\d.]+)/.exec(hints.userAgent ?? '')?.[1];
    return `${withVersion('Safari', v)} (${tool})`;
  }
  if (browserName && browserName.toLowerCase() !== name.toLowerCase()) {
    return `${tool} (${withVersion(browserName, browserVersion)})`;
  }
  return tool;
}

function withVersion(name: string, version: string | undefined): string {
  return version ? `${name} ${version}` : name;
}

function chromiumFromHints(hints: ProducerHints): string {
  const ch = hints.secChUa ?? '';
  const ua = hints.userAgent ?? '';
  const brand = (label: string): string | undefined => new RegExp(`"${label}";v="(\\d+)`).exec(ch)?.[1];
  if (/"Brave"/.test(ch)) return withVersion('Brave', brand('Brave'));
  if (/"Microsoft Edge"/.test(ch) || /\bEdg\//.test(ua)) {
    return withVersion('Edge', brand('Microsoft Edge') ?? /\bEdg\/(\d+)/.exec(ua)?.[1]);
  }
  if (/"Opera"/.test(ch) || /\bOPR\//.test(ua)) return withVersion('Opera', brand('Opera') ?? /\bOPR\/(\d+)/.exec(ua)?.[1]);
  const chrome = brand('Google Chrome') ?? /\bChrome\/(\d+)/.exec(ua)?.[1];
  return withVersion('Chrome', chrome);
}

function plainString(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
