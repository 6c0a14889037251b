/** What the numbers were measured on: they mean little without it. */
import os from 'node:os';

export function machineFacts() {
  return {
    cpu: os.cpus()[0]?.model?.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.versions.node,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
    date: new Date().toISOString(),
  };
}
