// Captures traffic with mitmproxy (Debian's mitmdump) and its own HAR export
// script (har_dump.py from mitmproxy's examples), so the HAR has mitmproxy's
// quirks: entries appended when responses complete, +00:00 offsets.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, sleep, waitForPort } from '../lib/net-util.mjs';
import { startProcess, stopProcess } from '../lib/child-processes.mjs';

export const HAR_DUMP_SCRIPT = '/usr/share/doc/mitmproxy/examples/contrib/har_dump.py';
const reroute = path.join(path.dirname(fileURLToPath(import.meta.url)), 'mitm_reroute.py');

/** mitmproxy 10.1+ has a built-in `hardump` option; older versions need the contrib script. */
function harDumpArgs(harPath) {
  const options = execFileSync('mitmdump', ['--options'], { encoding: 'utf8', timeout: 30000 });
  if (/^hardump:/m.test(options)) return ['--set', `hardump=${harPath}`];
  if (!fs.existsSync(HAR_DUMP_SCRIPT)) throw new Error(`this mitmproxy has no hardump option and ${HAR_DUMP_SCRIPT} is missing`);
  return ['-s', HAR_DUMP_SCRIPT, '--set', `hardump=${harPath}`];
}

export async function startMitm({ harPath, hostMap, upstreamCaPath }) {
  const confdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-mitm-'));
  const port = await freePort();
  const child = startProcess('mitmdump', [
    '--listen-host', '127.0.0.1', '-p', String(port), '-q',
    '--set', `confdir=${confdir}`,
    '--set', `ssl_verify_upstream_trusted_ca=${upstreamCaPath}`,
    '--set', 'connection_strategy=lazy',
    // The reroute addon must come first: its response hook restores host names before har_dump records.
    '-s', reroute,
    ...harDumpArgs(harPath),
  ], { env: { ...process.env, SAMPLE_HOST_PORTS: JSON.stringify(hostMap.toJSON()) } });
  let errText = '';
  child.stderr.on('data', (d) => { errText += d; });
  child.stdout.on('data', (d) => { errText += d; });
  await waitForPort(port);
  const caPath = path.join(confdir, 'mitmproxy-ca-cert.pem');
  for (let i = 0; i < 50 && !fs.existsSync(caPath); i++) await sleep(100);
  return {
    port,
    proxyUrl: `http://127.0.0.1:${port}`,
    ca: fs.readFileSync(caPath, 'utf8'),
    log: () => errText,
    async stop() {
      // SIGINT lets mitmproxy run the script's done() hook, which writes the HAR.
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(child.pid, 'SIGINT');
        await Promise.race([exited, sleep(10000)]);
      }
      await stopProcess(child);
      fs.rmSync(confdir, { recursive: true, force: true });
      if (!fs.existsSync(harPath)) throw new Error(`mitmdump wrote no HAR: ${errText.slice(-500)}`);
    },
  };
}
