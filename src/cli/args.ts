/**
 * Small helpers shared by the report / targets / standards commands: options, output paths, findings
 * on the terminal. No domain rules here (a reduction is read by the core: parseReduction).
 */
import {
  detect,
  fail,
  parseFrameOptions,
  parseReduction,
  pick,
  SHEET_KIND_LABELS,
  type Finding,
  type FrameOptions,
  type Grid,
  type Lang,
  type SheetKind,
} from "../core";
import type { CliIO } from "./command";

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/**
 * `--name value` options (names in `valued`), boolean `--flags`, and positional arguments.
 * @throws PovertyError INVALID_ARGUMENT for an unknown option or a valued option without its value.
 */
export function parseArgs(args: string[], valued: readonly string[], booleans: readonly string[] = []): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (valued.includes(a)) {
      const v = args[i + 1];
      if (v === undefined || (v.startsWith("--") && v.length > 2))
        fail("INVALID_ARGUMENT", `Thiếu giá trị sau ${a}.`, `Missing value after ${a}.`, { option: a });
      out.options.set(a, v);
      i++;
    } else if (booleans.includes(a)) out.flags.add(a);
    else if (a.startsWith("--"))
      fail("INVALID_ARGUMENT", `Tùy chọn không hợp lệ: ${a}.`, `Unknown option: ${a}.`, { option: a });
    else out.positional.push(a);
  }
  return out;
}

/**
 * Options that fill the administrative frame of the forms: `--unit "UBND xã …"` (issuing body), `--parent "UBND
 * tỉnh …"` (the body above it), `--place "…"` (place of the place-and-date line), `--date YYYY-MM-DD`.
 */
export const FRAME_OPTIONS = ["--unit", "--parent", "--place", "--date"] as const;
export const FRAME_USAGE = '[--unit "UBND xã …"] [--parent "UBND tỉnh …"] [--place "…"] [--date YYYY-MM-DD]';

/**
 * The frame options given on the command line, checked by the core (`parseFrameOptions`).
 * @throws PovertyError INVALID_ARGUMENT naming the option's field (exit 2).
 */
export function frameOptionsOf(get: (name: string) => string | undefined): FrameOptions {
  return parseFrameOptions({
    issuer: get("--unit"),
    parent: get("--parent"),
    place: get("--place"),
    date: get("--date"),
  });
}

export function usageError(io: CliIO, usage: string, vi?: string, en?: string): number {
  if (vi) io.err(vi);
  if (en) io.err(en);
  io.err("Cách dùng / Usage: " + usage);
  return 2;
}

/** `--lang vi|en` (default vi); undefined when invalid. */
export function langOf(p: ParsedArgs): Lang | undefined {
  const l = p.options.get("--lang") ?? "vi";
  return l === "vi" || l === "en" ? l : undefined;
}

/** A whole year option; undefined when absent; NaN when not a whole number. */
export function yearOption(p: ParsedArgs, name: string): number | undefined {
  const v = p.options.get(name);
  if (v === undefined) return undefined;
  return /^\d{4}$/.test(v.trim()) ? Number(v) : NaN;
}

/**
 * `--cutover-month M` (1–12): the month from which last year's review counts as published, for the default review
 * year (core `defaultReviewYear`; default February). Undefined when absent; the core rejects a bad value
 * (INVALID_ARGUMENT → exit 2).
 */
export function cutoverOption(value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" && /^\d{1,2}$/.test(value.trim()) ? Number(value) : NaN;
}

/** How the CLI names the user's year, for the reason of the year used. */
export const YEAR_OPTION_NAME = { vi: "tùy chọn --year", en: "the --year option" };

const SEVERITY_VI = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" } as const;
const SEVERITY_EN = { error: "Error", warning: "Warning", info: "Info" } as const;

/**
 * Print findings, located and in both languages:
 * `Lỗi/Error [CODE] file › Sheet!E9` then the Vietnamese and the English message. At most `limit` are shown.
 */
export function printFindings(io: CliIO, findings: readonly Finding[], limit = 50): void {
  for (const f of findings.slice(0, limit)) {
    const where = `${f.file ? f.file + " › " : ""}${f.sheet}${f.cell ? "!" + f.cell : ""}`;
    io.err(`${SEVERITY_VI[f.severity]}/${SEVERITY_EN[f.severity]} [${f.code}] ${where}`);
    io.err(`  ${f.messageVi}`);
    io.err(`  ${f.messageEn}`);
  }
  if (findings.length > limit) {
    io.err(`… và ${findings.length - limit} mục khác (xem đầy đủ: poverty validate <tệp>).`);
    io.err(`… and ${findings.length - limit} more (full list: poverty validate <file>).`);
  }
}

/**
 * `--tiers a=4,b=1` → { a: 0.04, b: 0.01 }: each value in percentage points, read by the core's `parseReduction`
 * (the one reading of a reduction for the pane, the CLI and the functions).
 * @throws PovertyError INVALID_ARGUMENT.
 */
export function parseTiers(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(/[;]|,(?=[^,=]*=)/)) {
    const eq = part.indexOf("=");
    if (eq <= 0)
      fail(
        "INVALID_ARGUMENT",
        `Nhóm không hợp lệ "${part}": viết tên=mức giảm (điểm %), ví dụ nhomA=4,nhomB=1.`,
        `Invalid tier "${part}": write name=reduction (pp), e.g. tierA=4,tierB=1.`,
        { value: part },
      );
    out[part.slice(0, eq).trim()] = parseReduction(part.slice(eq + 1));
  }
  return out;
}

/**
 * The sheet a command works on: the one named by --sheet (exact, then case-insensitive), else the first sheet
 * whose detected kind is one of `kinds`. When none fits, prints the sheets with their kinds (vi + en) and
 * returns undefined.
 */
export function pickSheet(
  io: CliIO,
  grids: Grid[],
  file: string,
  sheet: string | undefined,
  kinds: readonly SheetKind[],
  what: { vi: string; en: string },
): Grid | undefined {
  const names = grids.map((x) => `"${x.sheetName}"`).join(", ");
  if (sheet !== undefined) {
    const g =
      grids.find((x) => x.sheetName === sheet) ?? grids.find((x) => x.sheetName.toLowerCase() === sheet.toLowerCase());
    if (!g) {
      io.err(`Không có trang "${sheet}" trong ${file}. Các trang: ${names}.`);
      io.err(`No sheet "${sheet}" in ${file}. Sheets: ${names}.`);
    }
    return g;
  }
  const detected = grids.map((g) => ({ g, kind: detect(g).kind }));
  const found = detected.find((k) => k.kind !== "unknown" && kinds.includes(k.kind));
  if (!found) {
    const list = (lang: Lang) =>
      detected
        .map((k) => `"${k.g.sheetName}" (${k.kind === "unknown" ? "?" : pick(SHEET_KIND_LABELS[k.kind], lang)})`)
        .join(", ");
    io.err(
      `Không tìm thấy ${what.vi} trong ${file}. Các trang: ${list("vi") || "không có"}. Dùng --sheet <tên trang>.`,
    );
    io.err(`No ${what.en} found in ${file}. Sheets: ${list("en") || "none"}. Use --sheet <name>.`);
  }
  return found?.g;
}
