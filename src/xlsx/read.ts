/**
 * .xlsx file → Grid[] (one per sheet) in Node (the CLI): the host-independent reader of ./parse.ts with
 * node:zlib, streaming (each inflated chunk goes straight to the reader, which stops zlib at a limit). The task
 * pane reads picked files with the same parser through ./browser.ts. Read-only: the input file is never modified.
 *
 * Unreadable inputs (missing, a folder, a device or a pipe, too large, corrupt, password-protected, .xls, .csv,
 * .ods, over a reading limit, not a spreadsheet) throw PovertyError FILE_UNREADABLE with a Vietnamese and English reason.
 */
import { promises as fs } from "fs";
import { createInflateRaw, inflateRawSync } from "zlib";
import { isPovertyError } from "../core/errors";
import type { Grid } from "../core/grid";
import { DEFAULT_LIMITS, sizeText } from "./limits";
import {
  fileUnreadable,
  InflateOverflow,
  parseXlsx,
  parseXlsxSync,
  type InflateRaw,
  type InflateRawSync,
  type ParseOptions,
} from "./parse";

const SLICE = 1 << 20;

/**
 * Raw DEFLATE with node:zlib, synchronous: the whole part at once (capped at `maxBytes` + 1 by zlib itself), then
 * handed to the reader in 1 MiB slices. For buffers already in memory (tests, the bench).
 */
export const nodeInflateRawSync: InflateRawSync = (data, sink, maxBytes) => {
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(maxBytes + 1, 2 ** 31 - 1)) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new InflateOverflow();
    throw e;
  }
  for (let i = 0; i < out.length; i += SLICE) sink(out.subarray(i, Math.min(out.length, i + SLICE)));
};

/** Raw DEFLATE with node:zlib, streaming: chunks of 1 MiB go to the reader as they come; a limit stops zlib. */
export const nodeInflateRaw: InflateRaw = (data, sink) =>
  new Promise<void>((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: SLICE });
    let settled = false;
    const stop = (e: unknown) => {
      if (settled) return;
      settled = true;
      z.destroy();
      reject(e);
    };
    z.on("data", (chunk: Buffer) => {
      if (settled) return;
      try {
        sink(chunk);
      } catch (e) {
        stop(e);
      }
    });
    z.on("error", stop);
    z.on("end", () => {
      if (settled) return;
      settled = true;
      resolve();
    });
    z.end(data);
  });

/**
 * Read an .xlsx held in memory (synchronous). `file` names it in messages and in `Grid.file`.
 * @throws PovertyError FILE_UNREADABLE (corrupt, password-protected, .xls, .csv, over a limit, not a workbook).
 */
export function readWorkbookBuffer(buf: Uint8Array, file = "workbook.xlsx", opts: ParseOptions = {}): Grid[] {
  return parseXlsxSync(buf, file, nodeInflateRawSync, opts);
}

/**
 * Read an .xlsx file into one Grid per sheet (hidden sheets included, flagged). Read-only; streams each part.
 * @throws PovertyError FILE_UNREADABLE with a clear reason (missing file, .xls, .csv, password, corrupt, limits).
 */
export async function readWorkbookFile(path: string, opts: ParseOptions = {}): Promise<Grid[]> {
  const maxBytes = opts.limits?.fileBytes ?? DEFAULT_LIMITS.fileBytes;
  let buf: Buffer;
  try {
    const st = await fs.stat(path);
    // A device or a pipe (/dev/zero, a FIFO) has no size and may never end: never read it (bounded memory).
    if (!st.isFile() && !st.isDirectory())
      return fileUnreadable(path, {
        vi: "đây không phải tệp thông thường (thiết bị hoặc đường ống)",
        en: "this is not a regular file (a device or a pipe)",
      });
    if (st.isFile() && st.size > maxBytes)
      return fileUnreadable(
        path,
        {
          vi: `tệp có ${sizeText(st.size, "vi")}, vượt giới hạn đọc (${sizeText(maxBytes, "vi")} mỗi tệp); các tệp khác vẫn được kiểm tra`,
          en: `the file has ${sizeText(st.size, "en")}, over the reading limit (${sizeText(maxBytes, "en")} per file); other files are still checked`,
        },
        { limit: "fileBytes", max: maxBytes },
      );
    buf = await fs.readFile(path);
  } catch (e) {
    if (isPovertyError(e)) throw e; // our own FILE_UNREADABLE above
    const code = (e as NodeJS.ErrnoException).code;
    return fileUnreadable(
      path,
      code === "ENOENT"
        ? { vi: "không tìm thấy tệp", en: "file not found" }
        : code === "EISDIR"
          ? { vi: "đây là thư mục", en: "this is a folder" }
          : code === "EACCES" || code === "EPERM"
            ? { vi: "không có quyền đọc tệp", en: "permission denied" }
            : { vi: `không mở được (mã lỗi hệ thống ${code})`, en: `cannot open it (system error ${code})` },
    );
  }
  return parseXlsx(buf, path, nodeInflateRaw, opts);
}
