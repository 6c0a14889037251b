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
const { close, open, read } = require('node:fs');

const passes = new Map();
let validateEntry;

function validator(path) {
  if (validateEntry === undefined) {
    try { validateEntry = require(path).entry; } catch { validateEntry = null; }
  }
  return validateEntry;
}

// One buffer read into again and again: a stream's fresh 1 MB buffer per read piled up as
// garbage outside this thread's small heap (tens of MB of resident memory on a 1 GB file).
function hashFile(pass, path) {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(1 << 20);
    let pos = 0;
    const done = (fd, result) => {
      if (fd !== undefined) close(fd, () => {});
      resolve(result);
    };
    open(path, 'r', (openError, fd) => {
      if (openError) return done(undefined, null);
      const step = () => {
        if (pass.stopped) return done(fd, null);
        read(fd, buf, 0, buf.length, pos, (readError, n) => {
          if (readError) return done(fd, null);
          if (n === 0) return done(fd, hash.digest('hex'));
          hash.update(buf.subarray(0, n));
          pos += n;
          step();
        });
      };
      step();
    });
  });
}

function checkEntry(pass, validate, e) {
  let raw;
  try { raw = JSON.parse(e.text); } catch { return; }
  pass.checked++;
  let errors = [];
  validate(raw, (err) => { errors = (err && err.errors) || []; });
  if (errors.length > 0) {
    const slim = errors.map((x) => ({
      keyword: x.keyword,
      dataPath: x.dataPath,
      message: x.message,
      params: { missingProperty: x.params && x.params.missingProperty },
    }));
    pass.entries.push({ index: e.index, reported: e.reported, errors: slim });
  }
}

parentPort.on('message', (m) => {
  if (m.type === 'warm') {
    const validate = validator(m.validatorPath);
    // Compiling happens on first use: check one minimal entry so the schemas are ready.
    if (validate) validate({}, () => {});
    return;
  }
  if (m.type === 'start') {
    const pass = { entries: [], checked: 0 };
    pass.hashed = hashFile(pass, m.path);
    passes.set(m.id, pass);
    return;
  }
  const pass = passes.get(m.id);
  if (!pass) return;
  if (m.type === 'entries') {
    const validate = validator(m.validatorPath);
    if (!validate) return;
    for (const e of m.entries) checkEntry(pass, validate, e);
  } else if (m.type === 'finish') {
    pass.hashed.then((sha256) => {
      passes.delete(m.id);
      parentPort.postMessage({ type: 'result', id: m.id, sha256, checked: pass.checked, entries: pass.entries });
    });
  } else if (m.type === 'abort') {
    pass.stopped = true;
    passes.delete(m.id);
  }
});
`;
