// Loaded with --import before the CLI: any attempt to open a socket, resolve a
// name or fetch ends the process with exit code 99 and says what was tried.
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';

function forbid(what) {
  return function blocked() {
    process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
    process.exit(99);
  };
}
net.Socket.prototype.connect = forbid('net.Socket.connect');
net.connect = net.createConnection = forbid('net.connect');
tls.connect = forbid('tls.connect');
dns.lookup = forbid('dns.lookup');
dns.resolve = forbid('dns.resolve');
dns.promises.lookup = forbid('dns.promises.lookup');
globalThis.fetch = forbid('fetch');
