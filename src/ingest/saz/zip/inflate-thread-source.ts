/**
 * The inflating thread's code, as plain CommonJS source so that it runs the same
 * from the built package and from the TypeScript sources under test.
 *
 * It reads a batch of deflated members straight from the file (one read for a run
 * of neighbouring members) and inflates each into its own slot of one output
 * buffer, which is handed back without a copy. It keeps one zlib engine for the
 * whole run, driven through the native handle like zlib-engines.ts does on the main
 * thread (the public one-shot call builds a stream per member). Anything unusual —
 * a member whose size is not the announced one, corrupt data, a read error — is
 * only flagged: the main thread then reads that member its own way, which reports
 * the problem as it always has.
 *
 * Message in:  { type: 'batch', id, jobs: Float64Array [localHeaderOffset, compressedSize, uncompressedSize] per member }
 * Message out: { id, buffer: ArrayBuffer, slots: Float64Array [start] per member, ok: Uint8Array },
 *              and once, when the thread has started: { ready: true }
 */
export const INFLATE_THREAD_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const zlib = require('node:zlib');

const LOCAL_SIG = 0x04034b50;
// A run of members is read in one go when it wastes little; names and extra fields
// after each local header are unknown until read, so a little slack is added.
const HEADER_SLACK = 1024;
let fd;
try { fd = fs.openSync(workerData.path, 'r'); } catch { fd = undefined; }
const fileSize = workerData.size;
let input = Buffer.allocUnsafe(1 << 20);

let engine;
let engineFailed = false;
function openEngine() {
  try {
    const stream = new zlib.InflateRaw();
    const handle = stream._handle;
    const state = stream._writeState;
    if (!handle || typeof handle.writeSync !== 'function' || typeof handle.reset !== 'function' || !(state instanceof Uint32Array)) return null;
    handle.onerror = () => { engineFailed = true; };
    return { handle, state };
  } catch { return null; }
}

// Inflates data[inOff, inOff+inLen) into out[outOff, outOff+size+1); true when it gave exactly size bytes.
function inflateInto(data, inOff, inLen, out, outOff, size) {
  if (engine === undefined) engine = openEngine();
  if (engine) {
    engineFailed = false;
    try {
      engine.handle.reset();
      engine.handle.writeSync(zlib.constants.Z_FINISH, data, inOff, inLen, out, outOff, size + 1);
    } catch { engineFailed = true; }
    if (engineFailed) { try { engine.handle.close(); } catch {} engine = undefined; return false; }
    return size + 1 - engine.state[0] === size;
  }
  try {
    const result = zlib.inflateRawSync(data.subarray(inOff, inOff + inLen), { maxOutputLength: size + 1 });
    if (result.length !== size) return false;
    result.copy(out, outOff);
    return true;
  } catch { return false; }
}

function readAt(buf, length, position) {
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

// The member's compressed bytes as [buffer, offset]; from the span when it holds them.
function memberData(span, spanStart, spanLength, headerAt, compressed) {
  let buf = span, base = headerAt - spanStart, have = spanLength - base;
  if (base < 0 || have < 30) {
    const header = Buffer.allocUnsafe(30);
    if (readAt(header, 30, headerAt) < 30) return null;
    buf = header; base = 0; have = 30;
  }
  if (buf.readUInt32LE(base) !== LOCAL_SIG) return null;
  const dataAt = headerAt + 30 + buf.readUInt16LE(base + 26) + buf.readUInt16LE(base + 28);
  if (buf === span && dataAt + compressed <= spanStart + spanLength) return [span, dataAt - spanStart];
  const own = Buffer.allocUnsafe(compressed);
  if (readAt(own, compressed, dataAt) < compressed) return null;
  return [own, 0];
}

function runBatch(jobs) {
  const count = jobs.length / 3;
  const slots = new Float64Array(count);
  const ok = new Uint8Array(count);
  let total = 0, first = Infinity, last = 0, compressedTotal = 0;
  for (let i = 0; i < count; i++) {
    slots[i] = total;
    total += jobs[i * 3 + 2] + 1;
    compressedTotal += jobs[i * 3 + 1];
    first = Math.min(first, jobs[i * 3]);
    last = Math.max(last, jobs[i * 3] + 30 + jobs[i * 3 + 1] + HEADER_SLACK);
  }
  // Never from the shared pool: the buffer is transferred, which would take the pool with it
  // (and a buffer of its own starts at offset 0, which the slots count from).
  const out = Buffer.allocUnsafeSlow(total);
  if (fd === undefined) return { buffer: out.buffer, slots, ok };
  last = Math.min(last, fileSize);
  let spanLength = 0;
  // One read for the batch when its members lie together (the usual case: sessions are stored in order).
  if (last > first && last - first <= 2 * compressedTotal + 64 * 1024 * count) {
    if (input.length < last - first) input = Buffer.allocUnsafe(last - first);
    spanLength = readAt(input, last - first, first);
  }
  for (let i = 0; i < count; i++) {
    const data = memberData(input, spanLength > 0 ? first : -1, spanLength, jobs[i * 3], jobs[i * 3 + 1]);
    if (data && inflateInto(data[0], data[1], jobs[i * 3 + 1], out, slots[i], jobs[i * 3 + 2])) ok[i] = 1;
  }
  return { buffer: out.buffer, slots, ok };
}

parentPort.on('message', (m) => {
  if (m.type !== 'batch') return;
  let result;
  try { result = runBatch(m.jobs); } catch { result = { buffer: new ArrayBuffer(0), slots: new Float64Array(m.jobs.length / 3), ok: new Uint8Array(m.jobs.length / 3) }; }
  parentPort.postMessage({ id: m.id, ...result }, [result.buffer]);
});
// Until this arrives the main thread inflates on its own, instead of waiting for this thread to start.
parentPort.postMessage({ ready: true });
`;
