/**
 * Which input file an error came from, so that even an unexpected error (a defect of ours) names the file
 * (issue 13: never "Lỗi không mong đợi" without a file name). Commands wrap per-file work in `withFile`.
 */
const fileOfError = new WeakMap<object, string>();

/** Run `work` for `file`; an error escaping it remembers the file (see `errorFile`). */
export async function withFile<T>(file: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (typeof e === "object" && e !== null && !fileOfError.has(e)) fileOfError.set(e, file);
    throw e;
  }
}

/** The file an error was raised for (by `withFile`), if any. */
export function errorFile(e: unknown): string | undefined {
  return typeof e === "object" && e !== null ? fileOfError.get(e) : undefined;
}

let debug = false;

/** `--debug` (any command): technical details (stack traces) of unexpected errors go to stderr. */
export function setDebug(on: boolean): void {
  debug = on;
}

export function isDebug(): boolean {
  return debug;
}

/** With --debug, the stack of an unexpected error (never shown otherwise). */
export function debugStack(io: { err: (line: string) => void }, file: string, e: unknown): void {
  if (!debug) return;
  io.err(`[debug] ${file}: ${e instanceof Error && e.stack ? e.stack : String(e)}`);
}
