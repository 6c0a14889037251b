// Used only to prove no-network.mjs works: tries to open a socket to a closed local port.
import net from 'node:net';
net.connect(9, '127.0.0.1').on('error', () => {});
