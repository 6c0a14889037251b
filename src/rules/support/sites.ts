/**
 * Same-site guesses without a public-suffix list: two hosts are one site
 * when they share their registrable part (last two labels, or three under
 * common second-level suffixes such as co.uk or com.au).
 */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go']);

export function siteOf(host: string): string {
  const name = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  if (/^[\d.]+$/.test(name) || name.startsWith('[')) return name;
  const labels = name.split('.');
  if (labels.length <= 2) return name;
  const last = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const take = last.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

export function sameSite(a: string, b: string): boolean {
  return !!a && !!b && siteOf(a) === siteOf(b);
}
