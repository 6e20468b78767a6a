/**
 * Minimal read-only ZIP access for .xlsx packages: central directory → entries → the stored bytes of one
 * entry. Only what an .xlsx needs (stored and deflated entries, no ZIP64, no encryption). Never writes.
 *
 * Host-independent: plain Uint8Array + DataView + TextDecoder (browsers and Node alike). Inflating is not
 * done here — the caller streams the compressed bytes through its host's raw-deflate implementation
 * (node:zlib in the CLI, DecompressionStream("deflate-raw") in the task pane), see ./parse.ts.
 *
 * Every failure is a ZipError with the reason in Vietnamese and English (no English fragment ever reaches a
 * Vietnamese message).
 */

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  /** Uncompressed size from the central directory (checked while inflating: never more is accepted). */
  size: number;
  localOffset: number;
  encrypted: boolean;
}

export interface Reason {
  vi: string;
  en: string;
}

export class ZipError extends Error {
  constructor(readonly reason: Reason) {
    super(reason.en);
    Object.setPrototypeOf(this, ZipError.prototype);
  }
}

let decoder: { decode(bytes: Uint8Array): string } | undefined;
/** UTF-8 → string, invalid bytes as U+FFFD (created on first use, so importing needs no TextDecoder). */
export const utf8 = (bytes: Uint8Array): string => (decoder ??= new TextDecoder("utf-8")).decode(bytes);

function view(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Little-endian 32-bit unsigned at `p` (0 when out of range, so signatures simply do not match). */
export function u32(buf: Uint8Array, p: number): number {
  if (p < 0 || p + 4 > buf.length) return 0;
  return (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16)) + buf[p + 3] * 0x1000000;
}

const bad = (vi: string, en: string): never => {
  throw new ZipError({ vi, en });
};

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
  if (eocd < 0)
    bad(
      "thiếu mục lục cuối gói nén — tệp bị cắt cụt",
      "the archive's closing directory is missing — the file is cut short",
    );
  const count = dv.getUint16(eocd + 10, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff)
    bad("gói nén ZIP64 (trên 4 GB) không được hỗ trợ", "ZIP64 archives (over 4 GB) are not supported");
  const out = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || dv.getUint32(p, true) !== 0x02014b50)
      bad("mục lục của gói nén bị hỏng", "the archive's directory is damaged");
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen > buf.length) bad("mục lục của gói nén bị hỏng", "the archive's directory is damaged");
    const name = utf8(buf.subarray(p + 46, p + 46 + nameLen));
    if (out.has(name)) bad(`gói có hai phần cùng tên "${name}"`, `the package holds two parts named "${name}"`);
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
  if (e.encrypted) bad(`phần "${e.name}" được mã hóa bằng mật khẩu`, `part "${e.name}" is encrypted with a password`);
  if (e.method !== 0 && e.method !== 8)
    bad(
      `phần "${e.name}" dùng kiểu nén ${e.method} không được hỗ trợ`,
      `part "${e.name}" uses unsupported compression method ${e.method}`,
    );
  const p = e.localOffset;
  if (p + 30 > buf.length || u32(buf, p) !== 0x04034b50)
    bad(`đầu mục của phần "${e.name}" bị hỏng`, `the header of part "${e.name}" is damaged`);
  const dv = view(buf);
  const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  const data = buf.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) bad(`phần "${e.name}" bị cắt cụt`, `part "${e.name}" is cut short`);
  if (e.method === 0 && data.length !== e.size)
    bad(`kích thước phần "${e.name}" không khớp`, `the size of part "${e.name}" does not match`);
  return data;
}
