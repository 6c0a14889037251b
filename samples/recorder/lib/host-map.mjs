// Maps the realistic host names of the traces to the local ports that serve
// them, for Node clients (undici), Chromium (--host-resolver-rules) and proxies.
import { Agent, buildConnector } from 'undici';

export class HostMap {
  constructor() { this.ports = new Map(); }

  set(host, port) { this.ports.set(host, port); return this; }

  portFor(host) {
    const port = this.ports.get(host);
    if (!port) throw new Error(`no local server for host ${host}`);
    return port;
  }

  /** Chromium flag value: "MAP login.microsoftonline.com 127.0.0.1:4431, ...". */
  chromiumRules() {
    return [...this.ports].map(([h, p]) => `MAP ${h} 127.0.0.1:${p}`).join(', ');
  }

  toJSON() { return Object.fromEntries(this.ports); }

  /** An undici dispatcher that connects to 127.0.0.1 while keeping the host name for SNI and Host. */
  dispatcher(ca) {
    const connect = buildConnector({ ca });
    const map = this;
    return new Agent({
      connect(opts, callback) {
        const port = map.portFor(opts.hostname);
        return connect({ ...opts, hostname: '127.0.0.1', port: String(port), servername: opts.hostname }, callback);
      },
    });
  }
}
