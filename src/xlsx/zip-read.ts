/**
 * Minimal read-only ZIP access for .xlsx packages: central directory → entries → the stored bytes of one
 * entry. Only what an .xlsx needs (stored and deflated entries, no ZIP64, no encryption). Never writes.
 *
 * Host-independent: plain Uint8Array + DataView + TextDecoder (browsers and Node alike). Inflating is not
 * done here — the caller passes the compressed bytes to its host's raw-deflate implementation
 * (node:zlib in the CLI, DecompressionStream("deflate-raw") in the task pane), see ./parse.ts.
 */

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  /** Uncompressed size from the central directory (checked after inflating). */
  size: number;
  localOffset: number;
  encrypted: boolean;
}

export class ZipError extends Error {}

let decoder: { decode(bytes: Uint8Array): string } | undefined;
/** UTF-8 → string (created on first use, so merely importing this module needs no TextDecoder). */
export const utf8 = (bytes: Uint8Array): string => (decoder ??= new TextDecoder("utf-8")).decode(bytes);

function view(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Little-endian 32-bit unsigned at `p` (0 when out of range, so signatures simply do not match). */
export function u32(buf: Uint8Array, p: number): number {
  if (p < 0 || p + 4 > buf.length) return 0;
  return (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16)) + buf[p + 3] * 0x1000000;
}

/** Parse the central directory. @throws ZipError when the bytes are not a readable ZIP. */
export function zipEntries(buf: Uint8Array): Map<string, ZipEntry> {
  const dv = view(buf);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("no end of central directory");
  const count = dv.getUint16(eocd + 10, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff) throw new ZipError("ZIP64 not supported");
  const out = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || dv.getUint32(p, true) !== 0x02014b50) throw new ZipError("bad central directory");
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen > buf.length) throw new ZipError("bad central directory");
    const name = utf8(buf.subarray(p + 46, p + 46 + nameLen));
    out.set(name, { name, method, compressedSize, size, localOffset, encrypted: (flags & 1) === 1 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * The bytes of one entry as stored in the package (still deflated when `e.method` is 8). A view, no copy.
 * @throws ZipError on an encrypted, truncated or unsupported entry, or a bad local header.
 */
export function zipRaw(buf: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.encrypted) throw new ZipError(`entry ${e.name} is encrypted`);
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`compression method ${e.method} not supported`);
  const p = e.localOffset;
  if (p + 30 > buf.length || u32(buf, p) !== 0x04034b50) throw new ZipError(`bad local header for ${e.name}`);
  const dv = view(buf);
  const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  const data = buf.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) throw new ZipError(`truncated entry ${e.name}`);
  if (e.method === 0 && data.length !== e.size) throw new ZipError(`bad size of ${e.name}`);
  return data;
}
