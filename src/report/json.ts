/**
 * `--json`: the versioned report contract. Keys come out in the order the
 * contract documents (readers diff reports; a stable order keeps diffs small),
 * unknown keys after the known ones so newer fields survive.
 */
import type { Report } from '../model/report.js';
import { redactJwts } from './redact.js';
import { showsSecrets } from './safe-text.js';

type Json = unknown;
type Plain = Record<string, Json>;
type Shape = { keys: readonly string[]; children?: Record<string, (value: Json) => Json> };

const REF: Shape = { keys: ['input', 'index'] };
const COUNTS: Shape = { keys: ['error', 'warning', 'info'] };
const HOST: Shape = { keys: ['host', 'entries'] };
const TOOL: Shape = { keys: ['name', 'version'] };
const SETTINGS: Shape = {
  keys: ['clockSkewSeconds', 'skewThresholdSeconds', 'expectAudiences', 'expectIssuers', 'expectTenant', 'redaction'],
};
const INPUT: Shape = { keys: ['path', 'format', 'producer', 'entries', 'sizeBytes', 'sha256'] };
const SUMMARY: Shape = {
  keys: ['entries', 'tokens', 'findings', 'timeRange', 'hosts', 'statuses'],
  children: { findings: one(COUNTS), hosts: each(HOST) },
};
const ISSUE: Shape = { keys: ['input', 'index', 'where', 'field', 'grantType', 'clientId', 'time'] };
const USE: Shape = { keys: ['input', 'index', 'where', 'field', 'status', 'host', 'time'] };
const TOKEN: Shape = {
  keys: [
    'id', 'kind', 'format', 'alg', 'kid', 'typ', 'iss', 'aud', 'tid', 'appid', 'azp', 'idtyp', 'ver', 'scp', 'roles',
    'iat', 'nbf', 'exp', 'issuerKind', 'cloud', 'issuedAt', 'uses', 'signature', 'signatureDetail', 'header', 'claims',
    'problems', 'value',
  ],
  children: { issuedAt: one(ISSUE), uses: each(USE) },
};
const FINDING: Shape = {
  keys: ['id', 'rule', 'severity', 'title', 'message', 'entries', 'tokens', 'time', 'code', 'evidence', 'advice'],
  children: { entries: each(REF) },
};
const WARNING: Shape = { keys: ['code', 'message', 'entries'], children: { entries: each(REF) } };
const REPORT: Shape = {
  keys: ['schemaVersion', 'tool', 'generatedAt', 'settings', 'inputs', 'summary', 'tokens', 'findings', 'warnings'],
  children: {
    tool: one(TOOL),
    settings: one(SETTINGS),
    inputs: each(INPUT),
    summary: one(SUMMARY),
    tokens: each(TOKEN),
    findings: each(FINDING),
    warnings: each(WARNING),
  },
};

function isPlain(value: Json): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function one(shape: Shape): (value: Json) => Json {
  return (value) => (isPlain(value) ? ordered(value, shape) : value);
}

function each(shape: Shape): (value: Json) => Json {
  return (value) => (Array.isArray(value) ? value.map(one(shape)) : value);
}

function ordered(source: Plain, shape: Shape): Plain {
  const out: Plain = {};
  const put = (key: string) => {
    const value = source[key];
    if (value === undefined) return;
    const child = shape.children?.[key];
    out[key] = child ? child(value) : value;
  };
  for (const key of shape.keys) if (Object.hasOwn(source, key)) put(key);
  for (const key of Object.keys(source)) if (!shape.keys.includes(key)) put(key);
  return out;
}

/** Every string through `redactJwts`; the compact token (`tokens[].value`) is dropped. */
function redactDeep(value: Json, inToken = false): Json {
  if (typeof value === 'string') return redactJwts(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v));
  if (!isPlain(value)) return value;
  const out: Plain = {};
  for (const [key, child] of Object.entries(value)) {
    if (inToken && key === 'value') continue;
    out[key] = redactDeep(child);
  }
  return out;
}

function redactReport(report: Plain): Plain {
  const out = redactDeep({ ...report, tokens: [] }) as Plain;
  const tokens = Array.isArray(report.tokens) ? report.tokens.map((t) => redactDeep(t, true)) : report.tokens;
  return { ...out, tokens };
}

/** The report as JSON: contract key order, 2-space indent, trailing newline. */
export function formatJson(report: Report): string {
  const plain = report as unknown as Plain;
  const safe = showsSecrets(report.settings) ? plain : redactReport(plain);
  return `${JSON.stringify(ordered(safe, REPORT), null, 2)}\n`;
}
