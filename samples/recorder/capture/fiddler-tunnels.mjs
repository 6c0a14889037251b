// Fiddler's own text for a decrypted CONNECT tunnel session: the synthetic
// "200 Connection Established" response with the TLS facts it negotiated,
// plus the session flags Fiddler records for tunnels.
import crypto from 'node:crypto';

function clock(epochMs, offsetMinutes) {
  return new Date(epochMs + offsetMinutes * 60000).toISOString().slice(11, 23);
}

export function finishTunnel(tunnel, { certPem, offsetMinutes }) {
  const cert = new crypto.X509Certificate(certPem);
  const endedAt = tunnel.timers.ClientDoneResponse ?? Date.now();
  tunnel.timers.ClientDoneResponse = endedAt;
  tunnel.timers.ClientBeginResponse = tunnel.timers.ClientDoneRequest;
  const lines = [
    'HTTP/1.1 200 Connection Established',
    'FiddlerGateway: Direct',
    `StartTime: ${clock(tunnel.timers.ClientBeginRequest, offsetMinutes)}`,
    'Connection: close',
    `EndTime: ${clock(endedAt, offsetMinutes)}`,
    '',
    'Encrypted HTTPS traffic flows through this CONNECT tunnel. HTTPS Decryption is enabled in Fiddler, so decrypted sessions running in this tunnel will be shown in the Web Sessions list.',
    '',
    `Secure Protocol: ${tunnel.tls?.protocol ?? 'unknown'}`,
    `Cipher: ${tunnel.tls?.cipher ?? 'unknown'}`,
    '',
    '== Server Certificate ==========',
    '[Subject]', `  ${cert.subject.replace(/\n/g, ', ')}`, '',
    '[Issuer]', `  ${cert.issuer.replace(/\n/g, ', ')}`, '',
    '[Serial Number]', `  ${cert.serialNumber}`, '',
    '[Not Before]', `  ${cert.validFrom}`, '',
    '[Not After]', `  ${cert.validTo}`, '',
    '[Thumbprint]', `  ${cert.fingerprint.replace(/:/g, '')}`, '',
  ];
  tunnel.responseRaw = Buffer.from(lines.join('\r\n'));
  tunnel.flags = [
    ['https-client-snihostname', tunnel.tls?.sni ?? tunnel.host],
    ['x-clientport', String(tunnel.clientPort ?? '')],
    ['x-clientip', '127.0.0.1'],
    ['x-hostip', '127.0.0.1'],
    ['https-server-cipher', tunnel.tls?.cipher ?? ''],
    ['x-processinfo', tunnel.process ?? ''],
  ];
  tunnel.summary = { result: 200, protocol: 'HTTP', host: 'Tunnel to', url: `${tunnel.host}:443`, body: 0, caching: '', contentType: '', process: tunnel.process ?? '' };
}
