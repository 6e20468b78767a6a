/**
 * Output safety for every command that writes a file (validate, consolidate, report, targets, template,
 * rules, demo): ONE function, `prepareOutput`, decides whether a path may be written, BEFORE any work is done.
 *
 * - Real paths: the output and every input are resolved through symbolic links (and compared by device and
 *   inode, so a hard link or a differently-cased path on a case-insensitive disk is caught too). An output that
 *   is an input is refused, even with --force.
 * - An existing file is refused unless --force (or unless the caller recognises it as its own earlier output,
 *   e.g. a generated Markdown document).
 * - The folder must exist and be writable: checked by creating (and removing) a probe file, so a read-only
 *   folder, a full disk or a missing folder is reported before minutes of reading.
 * - Writing is atomic: bytes go to a temporary file beside the target, then a rename (without --force a hard link,
 *   which never replaces a file saved at the output while the work ran). On every failure path the
 *   temporary file is removed (also on Ctrl-C: see `removePendingTemps`), and temporary files left behind by a
 *   killed run are removed the next time the same output is prepared. Temporary names start with "." so folder
 *   scans ignore them. Messages never show a temporary file's name.
 *
 * Refusals and write failures are PovertyError OUTPUT_REFUSED with Vietnamese and English messages (exit 2).
 */
import {
  closeSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from "fs";
import { promises as fs } from "fs";
import { randomBytes } from "crypto";
import { basename, dirname, join, resolve } from "path";
import { fail, isPovertyError } from "../core/errors";

export interface OutputRequest {
  /** The output path as given (relative to `cwd`). */
  out: string;
  /** Every input file of the run (relative to `cwd`); folders must already be expanded to their files. */
  inputs: readonly string[];
  /** --force: an existing file (that is not an input) may be replaced. */
  force: boolean;
  cwd: string;
  /** True when an existing file at the output is this command's own earlier output (replaced without --force). */
  ownOutput?: (path: string) => boolean;
}

/** A path that may be written, checked. `write` replaces it atomically. */
export interface PreparedOutput {
  /** Absolute path that will be written (its folder resolved through symbolic links). */
  readonly path: string;
  /** Write the bytes: temp file beside the target, then rename. @throws PovertyError OUTPUT_REFUSED. */
  write(data: Uint8Array): Promise<void>;
  /**
   * Write in pieces (a province's merged roster): a temp file beside the target that `commit` renames over it and
   * `abort` removes (also removed on Ctrl-C). @throws PovertyError OUTPUT_REFUSED on a write error (temp removed).
   */
  open(): OutputStream;
}

/** A file being written in pieces (see PreparedOutput.open). */
export interface OutputStream {
  write(data: Uint8Array): void;
  /** Close and rename over the target. */
  commit(): void;
  /** Close and remove: nothing is left behind. */
  abort(): void;
}

/** Temporary files of this process not yet renamed or removed (removed on Ctrl-C / exit). */
const pending = new Set<string>();

/** Remove the temporary files this process is still writing (called on SIGINT/SIGTERM and on exit). */
export function removePendingTemps(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
  pending.clear();
}

const TEMP_TAG = ".~poverty-";

/** `.<name>.~poverty-<pid>-<random>.tmp` beside the target. */
function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}${TEMP_TAG}${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove temporary files a killed run left beside `target` (this scheme, and the older
 * `.<name>.<pid>.<time>.tmp`), when the process that wrote them is gone.
 */
export function removeStaleTemps(target: string): void {
  const dir = dirname(target);
  const base = escapeRe(basename(target));
  const re = new RegExp(`^\\.${base}(?:\\.~poverty-(\\d+)-[0-9a-f]+|\\.(\\d+)\\.\\d+)\\.tmp$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = re.exec(n);
    if (!m) continue;
    if (alive(Number(m[1] ?? m[2]))) continue;
    try {
      unlinkSync(join(dir, n));
    } catch {
      /* not ours to remove, or gone */
    }
  }
}

type Errno = NodeJS.ErrnoException;

/** Why a file-system call failed, in words (no path: the caller names the file). */
export function ioReason(e: unknown): { vi: string; en: string } {
  const code = (e as Errno)?.code ?? "";
  switch (code) {
    case "EACCES":
    case "EPERM":
      return { vi: "không có quyền ghi", en: "permission denied" };
    case "EROFS":
      return { vi: "ổ đĩa chỉ cho phép đọc", en: "the disk is read-only" };
    case "ENOSPC":
      return { vi: "ổ đĩa đã đầy", en: "the disk is full" };
    case "EDQUOT":
      return { vi: "vượt hạn mức dung lượng", en: "disk quota exceeded" };
    case "ENOENT":
    case "ENOTDIR":
      return { vi: "thư mục không tồn tại", en: "the folder does not exist" };
    case "EISDIR":
      return { vi: "đây là một thư mục", en: "it is a folder" };
    case "EBUSY":
      return { vi: "tệp đang được mở bởi chương trình khác", en: "the file is open in another program" };
    default:
      return { vi: `lỗi hệ thống${code ? ` (${code})` : ""}`, en: `system error${code ? ` (${code})` : ""}` };
  }
}

function refuse(vi: string, en: string, details: Record<string, unknown>): never {
  return fail("OUTPUT_REFUSED", vi, en, details);
}

function statOrUndefined(p: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(p) : lstatSync(p);
  } catch {
    return undefined;
  }
}

function realOrResolved(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

/**
 * Check an output path before the work: not an input (real paths, device + inode), not an existing file unless
 * --force or `ownOutput`, a writable existing folder. Removes stale temporary files of a killed run.
 * @throws PovertyError OUTPUT_REFUSED with the reason in Vietnamese and English.
 */
export function prepareOutput(req: OutputRequest): PreparedOutput {
  const given = resolve(req.cwd, req.out);
  const dir = dirname(given);
  const dirStat = statOrUndefined(dir, true);
  if (!dirStat || !dirStat.isDirectory())
    refuse(
      `Không ghi được "${given}": thư mục ${dir} không tồn tại.`,
      `Cannot write "${given}": the folder ${dir} does not exist.`,
      { path: given },
    );
  const path = join(realOrResolved(dir), basename(given));
  const outLink = statOrUndefined(path, false);
  const outStat = outLink ? statOrUndefined(path, true) : undefined;
  const outReal = outLink ? realOrResolved(path) : path;

  for (const input of req.inputs) {
    const abs = resolve(req.cwd, input);
    const inStat = statOrUndefined(abs, true);
    const same =
      realOrResolved(abs) === outReal ||
      (inStat !== undefined && outStat !== undefined && inStat.dev === outStat.dev && inStat.ino === outStat.ino);
    if (same)
      refuse(
        `Không ghi đè tệp đầu vào: ${given} là (hoặc trỏ tới) tệp đầu vào ${abs}. Hãy chọn tên khác cho --out, ở ngoài các thư mục đầu vào.`,
        `Refusing to overwrite an input: ${given} is (or points to) the input file ${abs}. Choose another --out, outside the input folders.`,
        { path: given, input: abs },
      );
  }
  if (outStat?.isDirectory())
    refuse(`Không ghi được "${given}": đây là một thư mục.`, `Cannot write "${given}": it is a folder.`, {
      path: given,
    });
  if (outLink && !req.force && !(outStat?.isFile() && req.ownOutput?.(path)))
    refuse(`Tệp đã tồn tại (dùng --force để ghi đè): ${given}`, `File exists (use --force to overwrite): ${given}`, {
      path: given,
    });

  removeStaleTemps(path);
  // Writable folder: create and remove a probe file now, not after the work.
  const probe = tempName(path);
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (e) {
    const why = ioReason(e);
    refuse(
      `Không ghi được vào thư mục ${dirname(path)}: ${why.vi}.`,
      `Cannot write in the folder ${dirname(path)}: ${why.en}.`,
      { path: given, reason: (e as Errno).code },
    );
  }

  // Without --force the file must still be absent when the work is done (another run or the planner may have
  // saved one meanwhile): a hard link never replaces a file, unlike a rename. Where links are not supported (some
  // USB or network disks), the rename follows a fresh check instead.
  const replace = req.force || (outLink !== undefined && outStat?.isFile() === true);
  const place = (tmp: string): void => {
    if (replace) return renameSync(tmp, path);
    try {
      linkSync(tmp, path);
    } catch (e) {
      if ((e as Errno).code === "EEXIST") exists();
      if (statOrUndefined(path, false)) exists();
      return renameSync(tmp, path);
    }
    try {
      unlinkSync(tmp); // the output is complete under its name; the temporary name goes
    } catch {
      /* a stale temporary file: removed by the next run (removeStaleTemps) */
    }
  };
  const exists = (): never => {
    if (statOrUndefined(path, true)?.isDirectory()) return failed(Object.assign(new Error(), { code: "EISDIR" }));
    return refuse(
      `Tệp đã tồn tại (dùng --force để ghi đè): ${given}`,
      `File exists (use --force to overwrite): ${given}`,
      { path: given },
    );
  };
  const failed = (e: unknown): never => {
    const why = ioReason(e);
    return refuse(`Không ghi được tệp ${given}: ${why.vi}.`, `Cannot write the file ${given}: ${why.en}.`, {
      path: given,
      reason: (e as Errno).code,
    });
  };
  return {
    path,
    open(): OutputStream {
      const tmp = tempName(path);
      let fd: number;
      try {
        fd = openSync(tmp, "wx");
      } catch (e) {
        return failed(e);
      }
      pending.add(tmp);
      let open = true;
      const close = () => {
        if (!open) return;
        open = false;
        try {
          closeSync(fd);
        } catch {
          /* already closed */
        }
      };
      const remove = () => {
        close();
        try {
          unlinkSync(tmp);
        } catch {
          /* gone */
        }
        pending.delete(tmp);
      };
      return {
        write(data: Uint8Array): void {
          try {
            for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
          } catch (e) {
            remove();
            failed(e);
          }
        },
        commit(): void {
          try {
            close();
            place(tmp);
            pending.delete(tmp);
          } catch (e) {
            remove();
            if (isPovertyError(e)) throw e;
            failed(e);
          }
        },
        abort: remove,
      };
    },
    async write(data: Uint8Array): Promise<void> {
      const tmp = tempName(path);
      pending.add(tmp);
      try {
        await fs.writeFile(tmp, data, { flag: "wx" });
        place(tmp);
      } catch (e) {
        await fs.rm(tmp, { force: true }).catch(() => undefined);
        if (isPovertyError(e)) throw e;
        const why = ioReason(e);
        refuse(`Không ghi được tệp ${given}: ${why.vi}.`, `Cannot write the file ${given}: ${why.en}.`, {
          path: given,
          reason: (e as Errno).code,
        });
      } finally {
        pending.delete(tmp);
      }
    },
  };
}
