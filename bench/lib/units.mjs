/** Sizes on the command line and in tables. "MB" means MiB (2^20 bytes) everywhere in the bench. */
const UNITS = { B: 1, KB: 1 << 10, KIB: 1 << 10, MB: 1 << 20, MIB: 1 << 20, GB: 1 << 30, GIB: 1 << 30 };

export function parseSize(text) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(String(text));
  const unit = m ? (m[2] || 'B').toUpperCase() : '';
  if (!m || !(unit in UNITS)) throw new Error(`not a size: "${text}" (try 100MB or 1GB)`);
  return Math.round(Number(m[1]) * UNITS[unit]);
}

export const MIB = 1 << 20;
export const GIB = 1 << 30;

export function toMiB(bytes) {
  return bytes / MIB;
}

/** Short label for file names and tables: 100m, 1g, 20m. */
export function sizeLabel(bytes) {
  if (bytes >= 1 << 30 && bytes % (1 << 30) === 0) return `${bytes / (1 << 30)}g`;
  if (bytes % MIB === 0) return `${bytes / MIB}m`;
  return `${bytes}b`;
}

export function humanSize(bytes) {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(bytes % (1 << 30) === 0 ? 0 : 2)} GiB`;
  return `${(bytes / MIB).toFixed(bytes % MIB === 0 ? 0 : 1)} MiB`;
}
