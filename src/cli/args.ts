/**
 * Small helpers shared by the report / targets / standards commands: findings on the terminal, the sheet picker,
 * tiers. No domain rules here (a reduction is read by the core: parseReduction). Options: ./options.ts.
 */
import {
  detect,
  fail,
  parseFrameOptions,
  parseReduction,
  pick,
  SHEET_KIND_LABELS,
  type FrameOptions,
  type Grid,
  type Lang,
  type SheetKind,
} from "../core";
import type { CliIO } from "./command";
import { opt } from "./options";

/**
 * Options that fill the administrative frame of the forms: `--unit "UBND xã …"` (issuing body), `--parent "UBND
 * tỉnh …"` (the body above it), `--place "…"` (place of the place-and-date line), `--date YYYY-MM-DD`. Spread into
 * a command's option spec (`...FRAME_SPEC`).
 */
export const FRAME_SPEC = {
  unit: opt.text("UBND xã …"),
  parent: opt.text("UBND tỉnh …"),
  place: opt.text("…"),
  date: opt.text("YYYY-MM-DD"),
};
export const FRAME_USAGE = '[--unit "UBND xã …"] [--parent "UBND tỉnh …"] [--place "…"] [--date YYYY-MM-DD]';

/**
 * The frame options given on the command line, checked by the core (`parseFrameOptions`).
 * @throws PovertyError INVALID_ARGUMENT naming the option's field (exit 2).
 */
export function frameOptionsOf(v: { unit?: string; parent?: string; place?: string; date?: string }): FrameOptions {
  return parseFrameOptions({ issuer: v.unit, parent: v.parent, place: v.place, date: v.date });
}

/** How the CLI names the user's year, for the reason of the year used. */
export const YEAR_OPTION_NAME = { vi: "tùy chọn --year", en: "the --year option" };

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
