/**
 * .xlsx bytes → Grid[] in a browser (the task pane reading files picked from disk): the same reader as the
 * CLI (./parse.ts) with the platform's DecompressionStream("deflate-raw") as the inflater, streaming (each chunk
 * goes to the reader as it comes; a reading limit cancels the stream). Everything stays in memory; nothing is
 * uploaded. No Node imports here (tsconfig.json type-checks this file with the DOM lib).
 *
 * DecompressionStream("deflate-raw") exists in Chromium/Edge WebView2 ≥ 103, Safari ≥ 16.4 (Excel on Mac,
 * iPad), Firefox ≥ 113 and Node ≥ 20. Where it is missing, reading throws FILE_UNREADABLE with the reason.
 */
import type { Grid } from "../core/grid";
import { fileUnreadable, parseXlsx, type InflateRaw, type ParseOptions } from "./parse";

/** The part of a DecompressionStream this module uses (lets tests pass Node's stream/web implementation). */
export type DecompressionStreamCtor = new (format: "deflate-raw") => {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
};

function globalDecompressionStream(): DecompressionStreamCtor | undefined {
  return (globalThis as { DecompressionStream?: DecompressionStreamCtor }).DecompressionStream;
}

/**
 * A streaming raw-DEFLATE inflater over DecompressionStream("deflate-raw"): writes the compressed bytes and hands
 * every chunk to the reader as it is read. Rejects on damaged data (the parser turns that into FILE_UNREADABLE
 * "damaged"); when the reader stops (a limit), the stream is cancelled and the reader's error passes through.
 */
export function streamInflateRaw(DS: DecompressionStreamCtor | null = globalDecompressionStream() ?? null): InflateRaw {
  if (!DS)
    return () => {
      throw new Error("DecompressionStream is not available");
    };
  return async (data, sink) => {
    const ds = new DS("deflate-raw");
    const writer = ds.writable.getWriter();
    // Errors surface through the reader; keep the writer's own promises from being reported as unhandled.
    const written = writer.write(data).then(() => writer.close());
    written.catch(() => undefined);
    const reader = ds.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      try {
        sink(value);
      } catch (e) {
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        throw e;
      }
    }
    await written;
  };
}

/**
 * Read an .xlsx held in memory in the browser. `file` names it in messages and in `Grid.file`.
 * @throws PovertyError FILE_UNREADABLE — the same cases and messages as the CLI's readWorkbookBuffer, plus
 * "this browser cannot unpack .xlsx" when DecompressionStream("deflate-raw") is missing.
 */
export async function readWorkbookBytes(
  bytes: Uint8Array | ArrayBuffer,
  file = "workbook.xlsx",
  DS: DecompressionStreamCtor | null = globalDecompressionStream() ?? null,
  opts: ParseOptions = {},
): Promise<Grid[]> {
  const u8 = ArrayBuffer.isView(bytes)
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
  if (!DS && u8.length >= 4 && u8[0] === 0x50 && u8[1] === 0x4b)
    fileUnreadable(file, {
      vi: "trình duyệt/Excel này không giải nén được .xlsx (thiếu DecompressionStream); hãy cập nhật Office",
      en: "this browser/Excel cannot unpack .xlsx (no DecompressionStream); please update Office",
    });
  return parseXlsx(u8, file, streamInflateRaw(DS), opts);
}
