/**
 * Minimal read-only ZIP access for .xlsx packages: central directory → entries → inflate (node:zlib).
 * Only what an .xlsx needs (stored and deflated entries, no ZIP64, no encryption). Never writes.
 */
import { inflateRawSync } from "zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

export class ZipError extends Error {}

/** Parse the central directory. @throws ZipError when the buffer is not a readable ZIP. */
export function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) throw new ZipError("ZIP64 not supported");
  const out = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError("bad central directory");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    out.set(name, { name, method, compressedSize, size, localOffset, encrypted: (flags & 1) === 1 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Inflate one entry. @throws ZipError on a damaged or unsupported entry. */
export function zipRead(buf: Buffer, e: ZipEntry): Buffer {
  if (e.encrypted) throw new ZipError(`entry ${e.name} is encrypted`);
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new ZipError(`bad local header for ${e.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) throw new ZipError(`truncated entry ${e.name}`);
  if (e.method === 0) return data;
  if (e.method === 8) {
    try {
      return inflateRawSync(data);
    } catch (err) {
      throw new ZipError(`cannot inflate ${e.name}: ${(err as Error).message}`);
    }
  }
  throw new ZipError(`compression method ${e.method} not supported`);
}
