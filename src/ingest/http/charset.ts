/**
 * Which character set a text body is in, and turning its bytes into a
 * string. Labels are resolved by the WHATWG Encoding Standard through
 * TextDecoder (Node ships full ICU, so Shift_JIS, EUC-JP, GBK... work);
 * an unknown label falls back to latin1, which keeps every byte visible.
 */
import { TextDecoder } from 'node:util';
import { bytesToString } from '../text-bytes.js';

const decoders = new Map<string, TextDecoder | null>();

function decoderFor(label: string): TextDecoder | null {
  const key = label.toLowerCase();
  let decoder = decoders.get(key);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(key);
    } catch {
      decoder = null;
    }
    decoders.set(key, decoder);
  }
  return decoder;
}

/** The `charset` parameter of a Content-Type value, unquoted. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m ? m[2] : undefined;
}

/**
 * The charset an HTML document declares in its first 1024 bytes
 * (`<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`).
 */
export function sniffHtmlCharset(bytes: Buffer): string | undefined {
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 1024));
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return m ? m[1] : undefined;
}

/** The encoding a byte-order mark announces, if any. */
function bomCharset(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

export interface DecodedText {
  text: string;
  /** The encoding actually used (WHATWG name, or 'latin1' for the fallback). */
  charset: string;
  problem?: string;
}

export function decodeText(bytes: Buffer, declared: string | undefined): DecodedText {
  const label = bomCharset(bytes) ?? declared ?? 'utf-8';
  const lower = label.toLowerCase();
  if (lower === 'utf-8' || lower === 'utf8') {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return { text: bytesToString(bytes, start), charset: 'utf-8' };
  }
  const decoder = decoderFor(lower);
  if (!decoder) {
    return { text: bytes.toString('latin1'), charset: 'latin1', problem: `unsupported charset ${label}; decoded as latin1` };
  }
  return { text: decoder.decode(bytes), charset: decoder.encoding };
}
