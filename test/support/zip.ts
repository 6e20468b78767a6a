/**
 * A small ZIP writer for crafted test files (hostile and odd .xlsx packages are generated at test time; nothing
 * binary is committed). Entries are stored or deflated (node:zlib); every header field can be overridden, so a
 * test can lie about sizes, duplicate names, or set flags the reader must refuse.
 */
import { deflateRawSync } from "zlib";

export interface ZipEntrySpec {
  name: string;
  data: Uint8Array | string;
  /** 0 = stored, 8 = deflate (default). */
  method?: 0 | 8;
  /** Override the uncompressed size written in the headers (a lie the reader must catch). */
  declaredSize?: number;
  /** General-purpose flags (bit 0 = encrypted). */
  flags?: number;
  /** Deflate level (default 6). */
  level?: number;
}

let table: Uint32Array | undefined;
/** CRC-32 (IEEE), as ZIP needs. */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const bytes = (d: Uint8Array | string) => (typeof d === "string" ? Buffer.from(d, "utf8") : Buffer.from(d));

/** Already-deflated content for an entry (e.g. a bomb built chunk by chunk). */
export interface RawEntrySpec {
  name: string;
  compressed: Uint8Array;
  size: number;
  crc?: number;
}

/** A ZIP archive of the entries, in order. */
export function zip(entries: (ZipEntrySpec | RawEntrySpec)[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    let method: number, body: Buffer, size: number, crc: number, flags: number;
    if ("compressed" in e) {
      method = 8;
      body = Buffer.from(e.compressed);
      size = e.size;
      crc = e.crc ?? 0;
      flags = 0;
    } else {
      const raw = bytes(e.data);
      method = e.method ?? 8;
      body = method === 8 ? deflateRawSync(raw, { level: e.level ?? 6 }) : raw;
      size = e.declaredSize ?? raw.length;
      crc = crc32(raw);
      flags = e.flags ?? 0;
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
