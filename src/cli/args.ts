/**
 * Small helpers shared by the report / targets / standards commands: options, output paths, findings
 * on the terminal, and reading a reduction given in percentage points. No domain rules here.
 */
import {
  detect,
  fail,
  parseFrameOptions,
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

const AMBIGUOUS_VI =
  "Mức giảm là điểm phần trăm của tỷ lệ hộ nghèo, viết dưới dạng phân số: 0.03 = 3 điểm % (hoặc viết 3pp, 3%). Một số trần như";
const AMBIGUOUS_EN =
  "The reduction is percentage points of the poverty rate, written as a fraction: 0.03 = 3 pp (or write 3pp, 3%). A bare number such as";

/**
 * A reduction in percentage points → fraction of all households (0.03 = 3 pp).
 * Accepted: a fraction below 1 ("0.03", "0,03"), or percentage points with a unit ("3pp", "3 pp", "3%",
 * "1,5%", "3đ%"). A bare number ≥ 1 ("3") is ambiguous (3 pp? 300 %?) and rejected.
 * @throws PovertyError INVALID_ARGUMENT with a Vietnamese and English explanation.
 */
export function parseReduction(text: string): number {
  const t = text.trim().toLowerCase().replace(/\s+/g, "");
  const m = /^([0-9]+(?:[.,][0-9]+)?)(pp|%|điểm%|diem%|đ%|điểm|diem)?$/.exec(t);
  if (!m)
    fail(
      "INVALID_ARGUMENT",
      `Không đọc được mức giảm "${text}". ${AMBIGUOUS_VI.replace(/ Một số.*$/, "")}`,
      `Cannot read the reduction "${text}". ${AMBIGUOUS_EN.replace(/ A bare.*$/, "")}`,
      { value: text },
    );
  const n = Number(m[1].replace(",", "."));
  if (m[2]) return Math.round(n * 1e6) / 1e8;
  if (n >= 1)
    fail(
      "INVALID_ARGUMENT",
      `Mức giảm "${text}" không rõ nghĩa. ${AMBIGUOUS_VI} "${text}" có thể hiểu là ${text} điểm % hay ${n * 100} %: hãy viết ${n / 100} hoặc ${text}pp.`,
      `The reduction "${text}" is ambiguous. ${AMBIGUOUS_EN} "${text}" could mean ${text} pp or ${n * 100} %: write ${n / 100} or ${text}pp.`,
      { value: text },
    );
  return n;
}

/**
 * `--tiers a=0.04,b=1pp` → { a: 0.04, b: 0.01 } (each value read by `parseReduction`).
 * @throws PovertyError INVALID_ARGUMENT.
 */
export function parseTiers(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(/[;]|,(?=[^,=]*=)/)) {
    const eq = part.indexOf("=");
    if (eq <= 0)
      fail(
        "INVALID_ARGUMENT",
        `Nhóm không hợp lệ "${part}": viết tên=mức, ví dụ nhomA=0.04,nhomB=0.01.`,
        `Invalid tier "${part}": write name=reduction, e.g. tierA=0.04,tierB=0.01.`,
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
