/**
 * Deterministic synthetic household rosters for the benchmarks.
 *
 * A roster is generated column-wise (typed arrays) from one seed. Income and the 12 deprivation flags are
 * correlated through one latent "living standard" draw per household, so the category mix looks like a real
 * province (a few percent poor, a few percent near-poor) and the poor really are deprived.
 *
 * The same roster can then be rendered as what the product receives:
 *  - `rawRanges`: the three ranges a planner passes to =POVERTY.CLASSIFY (income, flags, area) with cell values as
 *    Office.js hands them: mostly numbers, some Vietnamese numeric text ("1.500.000"), blanks as "" and "x" flags;
 *  - `rosterGrid`: a whole household-list sheet (title row, header row, data rows) as a Grid's values;
 *  - `households`: the core's `Household` records.
 */
import { SAMPLE_FAMILY_NAMES, SAMPLE_GIVEN_NAMES, SAMPLE_MIDDLE_NAMES } from "../src/core/sample/roster";
import { mulberry32, normal } from "./rng";

export const INDICATORS = 12;
export const AREA_RURAL = 0;
export const AREA_URBAN = 1;
export const CATEGORY_NAMES = ["poor", "nearPoor", "average", "none"] as const;

export interface Roster {
  n: number;
  seed: number;
  ids: string[];
  heads: string[];
  unitNames: string[];
  /** index into unitNames per household */
  unit: Uint32Array;
  /** village number within the unit (1-based) */
  village: Uint16Array;
  /** 0 = rural, 1 = urban */
  area: Uint8Array;
  members: Uint8Array;
  /** VND / person / month, multiples of 1,000 */
  income: Float64Array;
  /** n × 12 flags, row-major, 1 = deprived */
  flags: Uint8Array;
  /** number of deprivations per household (sum of the row of flags) */
  count: Uint8Array;
}

const FAMILY = SAMPLE_FAMILY_NAMES;
const MIDDLE = SAMPLE_MIDDLE_NAMES;
const GIVEN = SAMPLE_GIVEN_NAMES;
/** Per-indicator base log-odds: some deprivations are common (health insurance, information), some rare. */
const INDICATOR_BASE = [-2.2, -2.8, -3.2, -1.9, -2.3, -3.4, -2.9, -3.0, -2.6, -2.0, -3.3, -2.7];

/** Households per unit (xã/phường): about a thousand, like a commune. */
export function unitCountFor(n: number): number {
  return Math.max(1, Math.round(n / 1000));
}

export function generateRoster(n: number, seed = 20250701): Roster {
  const rand = mulberry32(seed);
  const gauss = normal(mulberry32(seed ^ 0x9e3779b9));
  const units = unitCountFor(n);
  const unitNames: string[] = [];
  const unitUrban = new Float64Array(units);
  for (let u = 0; u < units; u++) {
    const urban = rand() < 0.3;
    unitNames.push(`${urban ? "Phường" : "Xã"} ${String(u + 1).padStart(4, "0")}`);
    unitUrban[u] = urban ? 0.9 : 0.05;
  }
  const r: Roster = {
    n,
    seed,
    ids: new Array<string>(n),
    heads: new Array<string>(n),
    unitNames,
    unit: new Uint32Array(n),
    village: new Uint16Array(n),
    area: new Uint8Array(n),
    members: new Uint8Array(n),
    income: new Float64Array(n),
    flags: new Uint8Array(n * INDICATORS),
    count: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    // households are listed unit by unit, like a consolidated province roster
    const u = Math.min(units - 1, Math.floor((i * units) / n));
    r.unit[i] = u;
    r.village[i] = 1 + Math.floor(rand() * 12);
    const urban = rand() < unitUrban[u] ? 1 : 0;
    r.area[i] = urban;
    r.members[i] = 1 + Math.floor(rand() * 7);
    r.ids[i] = `${String(u + 1).padStart(4, "0")}-${String(i + 1).padStart(7, "0")}`;
    r.heads[i] =
      `${FAMILY[Math.floor(rand() * FAMILY.length)]} ${MIDDLE[Math.floor(rand() * MIDDLE.length)]} ${GIVEN[Math.floor(rand() * GIVEN.length)]}`;
    const wealth = gauss(); // latent living standard
    const base = urban ? 4_200_000 : 3_300_000;
    const inc = base * Math.exp(0.55 * wealth + 0.12 * gauss());
    r.income[i] = Math.max(0, Math.round(inc / 1000) * 1000);
    let c = 0;
    for (let j = 0; j < INDICATORS; j++) {
      const logit = INDICATOR_BASE[j] - 0.4 - 1.1 * wealth;
      const p = 1 / (1 + Math.exp(-logit));
      const f = rand() < p ? 1 : 0;
      r.flags[i * INDICATORS + j] = f;
      c += f;
    }
    r.count[i] = c;
  }
  return r;
}

/** "1.500.000": Vietnamese thousands separators, as people type incomes into text-formatted cells. */
export function viThousands(x: number): string {
  const s = String(Math.round(x));
  let out = "";
  for (let k = 0; k < s.length; k++) {
    if (k > 0 && (s.length - k) % 3 === 0) out += ".";
    out += s[k];
  }
  return out;
}

export type RawCell = number | string | boolean | null;

export interface RawRanges {
  /** n × 1 */
  income: RawCell[][];
  /** n × 12 */
  flags: RawCell[][];
  /** n × 1 */
  area: RawCell[][];
}

/** Share of cells in each raw form (documented in docs/performance.md). */
export const RAW_MIX = {
  incomeText: 0.05, // "1.500.000"
  flagX: 0.05, // a deprived flag typed as "x" instead of 1
  flagZero: 0.3, // a non-deprived flag typed as 0 (the rest are blank "")
  areaNoDiacritics: 0.05, // "nong thon" instead of "Nông thôn"
};

const AREA_TEXT = [
  ["Nông thôn", "nong thon"],
  ["Thành thị", "thanh thi"],
];

/**
 * The three ranges a planner passes to =POVERTY.CLASSIFY(income; flags; area), with cell values as Office.js
 * hands them to a custom function: numbers, numeric text, "" for blanks.
 */
export function rawRanges(r: Roster, seed = r.seed + 1): RawRanges {
  const rand = mulberry32(seed);
  const income: RawCell[][] = new Array(r.n);
  const flags: RawCell[][] = new Array(r.n);
  const area: RawCell[][] = new Array(r.n);
  for (let i = 0; i < r.n; i++) {
    income[i] = [rand() < RAW_MIX.incomeText ? viThousands(r.income[i]) : r.income[i]];
    const row: RawCell[] = new Array(INDICATORS);
    for (let j = 0; j < INDICATORS; j++) {
      const f = r.flags[i * INDICATORS + j];
      row[j] = f ? (rand() < RAW_MIX.flagX ? "x" : 1) : rand() < RAW_MIX.flagZero ? 0 : "";
    }
    flags[i] = row;
    area[i] = [AREA_TEXT[r.area[i]][rand() < RAW_MIX.areaNoDiacritics ? 1 : 0]];
  }
  // The custom-functions runtime hands each argument deserialised from the invocation message, range after range:
  // packed arrays, one string object per text cell, the rows of a range next to each other in memory. A JSON round
  // trip gives the same (the arrays built above are holey and interleave the three ranges household by household).
  return {
    income: JSON.parse(JSON.stringify(income)) as RawCell[][],
    flags: JSON.parse(JSON.stringify(flags)) as RawCell[][],
    area: JSON.parse(JSON.stringify(area)) as RawCell[][],
  };
}

export const ROSTER_TITLE = "DANH SÁCH HỘ GIA ĐÌNH RÀ SOÁT NĂM 2025";
export const ROSTER_HEADERS = [
  "STT",
  "Mã hộ",
  "Họ và tên chủ hộ",
  "Đơn vị",
  "Thôn",
  "Khu vực",
  "Số nhân khẩu",
  "Thu nhập bình quân đầu người/tháng",
  "Việc làm",
  "Người phụ thuộc trong hộ gia đình",
  "Dinh dưỡng",
  "Bảo hiểm y tế",
  "Trình độ giáo dục của người lớn",
  "Tình trạng đi học của trẻ em",
  "Chất lượng nhà ở",
  "Diện tích nhà ở bình quân đầu người",
  "Nguồn nước sinh hoạt",
  "Nhà tiêu hợp vệ sinh",
  "Sử dụng dịch vụ viễn thông",
  "Phương tiện phục vụ tiếp cận thông tin",
  "Số chỉ số thiếu hụt",
  "Phân loại hộ",
];
export const CATEGORY_VI = ["Hộ nghèo", "Hộ cận nghèo", "Hộ có mức sống trung bình", "Không thuộc diện"];

/**
 * A household-list sheet as grid values: a title row, a blank row, the header row, then one row per household.
 * `blank` is what an empty cell is in the source: "" for Office.js, null for ExcelJS.
 * `declared` gives the declared category code per household (e.g. from the kernel), or leaves the column empty.
 */
export function rosterGrid(r: Roster, declared?: Uint8Array, blank: "" | null = null): RawCell[][] {
  const rows: RawCell[][] = new Array(r.n + 3);
  const title: RawCell[] = new Array(ROSTER_HEADERS.length).fill(blank);
  title[0] = ROSTER_TITLE;
  rows[0] = title;
  rows[1] = new Array(ROSTER_HEADERS.length).fill(blank);
  rows[2] = ROSTER_HEADERS.slice();
  for (let i = 0; i < r.n; i++) {
    const row: RawCell[] = [
      i + 1,
      r.ids[i],
      r.heads[i],
      r.unitNames[r.unit[i]],
      `Thôn ${r.village[i]}`,
      AREA_TEXT[r.area[i]][0],
      r.members[i],
      r.income[i],
    ];
    for (let j = 0; j < INDICATORS; j++) row.push(r.flags[i * INDICATORS + j] ? 1 : blank);
    row.push(r.count[i]);
    row.push(declared ? CATEGORY_VI[declared[i]] : blank);
    rows[i + 3] = row;
  }
  return rows;
}

/** Core `Household` records (structural type; kept local so this file compiles before the core lands). */
export interface HouseholdLike {
  id: string;
  head?: string;
  unit: string;
  village?: string;
  area: "urban" | "rural";
  members?: number;
  incomePerCapita?: number;
  deprivationFlags?: (0 | 1)[];
  deprivationCount?: number;
  declaredCategory?: (typeof CATEGORY_NAMES)[number];
  sourceRow?: number;
}

export function households(r: Roster, declared?: Uint8Array): HouseholdLike[] {
  const out: HouseholdLike[] = new Array(r.n);
  for (let i = 0; i < r.n; i++) {
    const flags = Array.from(r.flags.subarray(i * INDICATORS, (i + 1) * INDICATORS)) as (0 | 1)[];
    out[i] = {
      id: r.ids[i],
      unit: r.unitNames[r.unit[i]],
      village: `Thôn ${r.village[i]}`,
      area: r.area[i] ? "urban" : "rural",
      members: r.members[i],
      incomePerCapita: r.income[i],
      deprivationFlags: flags,
      deprivationCount: r.count[i],
      ...(declared ? { declaredCategory: CATEGORY_NAMES[declared[i]] } : {}),
      sourceRow: i + 4,
    };
  }
  return out;
}

/**
 * The next year's roster: same ids for most households, some leave, some join, incomes drift. Used for transitions.
 */
export function nextYear(prev: Roster, seed = prev.seed + 7): Roster {
  const next = generateRoster(prev.n, seed);
  const rand = mulberry32(seed + 3);
  const gauss = normal(mulberry32(seed + 5));
  for (let i = 0; i < prev.n; i++) {
    if (rand() < 0.97) {
      // the same household a year later: same id, unit and area; income grows a little with noise
      next.ids[i] = prev.ids[i];
      next.unit[i] = prev.unit[i];
      next.area[i] = prev.area[i];
      next.income[i] = Math.max(0, Math.round((prev.income[i] * Math.exp(0.06 + 0.15 * gauss())) / 1000) * 1000);
      let c = 0;
      for (let j = 0; j < INDICATORS; j++) {
        let f = prev.flags[i * INDICATORS + j];
        if (rand() < 0.08) f = f ? 0 : rand() < 0.3 ? 1 : 0;
        next.flags[i * INDICATORS + j] = f;
        c += f;
      }
      next.count[i] = c;
    } else {
      next.ids[i] = `N${next.ids[i]}`; // a new household (split, moved in)
    }
  }
  return next;
}
