/**
 * The helper thread's code, as plain CommonJS source so that it runs the same from
 * the built package and from the TypeScript sources under test. It does the work
 * that need not hold up the entry stream: hashing the whole file (read a second
 * time, from the page cache) and checking sampled entries with har-validator
 * (whose loading and schema compilation alone cost tens of milliseconds).
 */
export const SIDE_WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');

const passes = new Map();
let validateEntry;

function validator(path) {
  if (validateEntry === undefined) {
    try { validateEntry = require(path).entry; } catch { validateEntry = null; }
  }
  return validateEntry;
}

function hashFile(pass, path) {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    pass.stream = createReadStream(path, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', () => resolve(null));
  });
}

parentPort.on('message', (m) => {
  if (m.type === 'start') {
    const pass = { entries: [], checked: 0 };
    pass.hashed = hashFile(pass, m.path);
    passes.set(m.id, pass);
    return;
  }
  const pass = passes.get(m.id);
  if (!pass) return;
  if (m.type === 'entry') {
    const validate = validator(m.validatorPath);
    if (!validate) return;
    let raw;
    try { raw = JSON.parse(m.text); } catch { return; }
    pass.checked++;
    let errors = [];
    validate(raw, (err) => { errors = (err && err.errors) || []; });
    if (errors.length > 0) {
      const slim = errors.map((e) => ({
        keyword: e.keyword,
        dataPath: e.dataPath,
        message: e.message,
        params: { missingProperty: e.params && e.params.missingProperty },
      }));
      pass.entries.push({ index: m.index, reported: m.reported, errors: slim });
    }
  } else if (m.type === 'finish') {
    pass.hashed.then((sha256) => {
      passes.delete(m.id);
      parentPort.postMessage({ type: 'result', id: m.id, sha256, checked: pass.checked, entries: pass.entries });
    });
  } else if (m.type === 'abort') {
    pass.stream.destroy();
    passes.delete(m.id);
  }
});
`;
