/** Builds SAZ (zip) files for tests with zip.js's writer, in a temporary folder. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

export interface ZipFileSpec {
  name: string;
  data: string | Buffer;
}

export interface ZipOptions {
  password?: string;
  /** Legacy ZipCrypto instead of WinZip AES-256. */
  zipCrypto?: boolean;
  comment?: string;
  /** 0 stores members uncompressed. */
  level?: number;
}

export async function zipBytes(files: readonly ZipFileSpec[], options: ZipOptions = {}): Promise<Buffer> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), {
    useWebWorkers: false,
    level: options.level ?? 6,
    ...(options.password ? { password: options.password, zipCrypto: options.zipCrypto === true, encryptionStrength: 3 as const } : {}),
  });
  for (const f of files) {
    const data = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data;
    await writer.add(f.name, new Uint8ArrayReader(data));
  }
  const bytes = await writer.close(options.comment === undefined ? undefined : new TextEncoder().encode(options.comment));
  return Buffer.from(bytes);
}

export class TempDir {
  private constructor(readonly path: string) {}

  static async create(): Promise<TempDir> {
    return new TempDir(await mkdtemp(join(tmpdir(), 'trace-audit-saz-')));
  }

  async writeZip(name: string, files: readonly ZipFileSpec[], options: ZipOptions = {}): Promise<string> {
    const path = join(this.path, name);
    await writeFile(path, await zipBytes(files, options));
    return path;
  }

  async writeFile(name: string, data: Buffer | string): Promise<string> {
    const path = join(this.path, name);
    await writeFile(path, data);
    return path;
  }

  async remove(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }
}

/** A Fiddler-style _m.xml (BOM, XmlWriter layout) with the given timers and flags. */
export function metadataXml(sid: number, timers: Record<string, string>, flags: Record<string, string> = {}, bitFlags = '0'): string {
  const timerAttrs = Object.entries(timers)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  const flagLines = Object.entries(flags)
    .map(([n, v]) => `    <SessionFlag N="${n}" V="${v}" />`)
    .join('\r\n');
  return `\ufeff<?xml version="1.0" encoding="utf-8"?>\r\n<Session SID="${sid}" BitFlags="${bitFlags}">\r\n  <SessionTimers ${timerAttrs} />\r\n  <PipeInfo />\r\n  <SessionFlags>\r\n${flagLines}\r\n  </SessionFlags>\r\n</Session>`;
}

export function request(method: string, target: string, headers: Record<string, string> = {}, body = ''): string {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  return `${method} ${target} HTTP/1.1\r\n${lines.join('')}\r\n${body}`;
}

export function response(status: string, headers: Record<string, string> = {}, body: string | Buffer = ''): Buffer {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\n${lines.join('')}\r\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body) : body]);
}
