/**
 * Grid fixtures for every sheet kind, in the messy layouts wards really send: title rows, merged two-row
 * headers, a column-numbering row, Vietnamese number text, totals rows, blank rows.
 * The same builders feed the .xlsx fixtures (test/xlsx) through ExcelJS.
 * All fixtures are CONSISTENT (no finding above info) unless a test mutates them.
 */
import type { CellValue, Grid } from "../../../src/core/grid";

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  merges?: string[];
  numberFormats?: Record<string, string>; // "E5" → "0.00%"
  hidden?: boolean;
}

export function toGrid(spec: SheetSpec, file?: string): Grid {
  const values = spec.rows.map((r) => [...r]);
  const g: Grid = { sheetName: spec.name, origin: "A1", values, merges: spec.merges ?? [] };
  if (spec.numberFormats) {
    const nf: (string | null)[][] = values.map((r) => r.map(() => null));
    for (const [ref, f] of Object.entries(spec.numberFormats)) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const c = m[1].charCodeAt(0) - 65;
      const r = Number(m[2]) - 1;
      while (nf.length <= r) nf.push([]);
      nf[r][c] = f;
    }
    g.numberFormats = nf;
  }
  if (spec.hidden) g.hidden = true;
  if (file) g.file = file;
  return g;
}

/** Indicator names of Decree 07/2021 in flag order (as headers). */
export const INDICATOR_HEADERS = [
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
];

export interface HH {
  id: string;
  head: string;
  village: string;
  area: string;
  members: number | string;
  income: number | string;
  flags: number[]; // indices (0-based) of deprived indicators
  count?: number | string;
  category: string;
  em?: string;
}

/** A clean roster of 2024 (rural 1,500,000 / urban 2,000,000, poor needs ≥ 3 deprivations). */
export const CLEAN_HOUSEHOLDS: HH[] = [
  {
    id: "XA-001",
    head: "Nguyễn Văn An",
    village: "Thôn 1",
    area: "Nông thôn",
    members: 4,
    income: 1_200_000,
    flags: [0, 3, 6, 9],
    category: "Hộ nghèo",
    em: "x",
  },
  {
    id: "XA-002",
    head: "Trần Thị Bình",
    village: "Thôn 1",
    area: "Nông thôn",
    members: 3,
    income: "1.400.000",
    flags: [1],
    category: "Hộ cận nghèo",
  },
  {
    id: "XA-003",
    head: "Lê Văn Cường",
    village: "Thôn 2",
    area: "nong thon",
    members: 5,
    income: 3_500_000,
    flags: [],
    category: "Không thuộc diện",
  },
  {
    id: "XA-004",
    head: "Phạm Thị Dung",
    village: "Tổ 3",
    area: "Thành thị",
    members: 2,
    income: 1_900_000,
    flags: [2, 4, 8],
    category: "Hộ nghèo",
  },
  {
    id: "XA-005",
    head: "Hoàng Văn Em",
    village: "Tổ 3",
    area: "Thành thị",
    members: 6,
    income: "2.500.000",
    flags: [11],
    category: "Hộ có mức sống trung bình",
  },
  {
    id: "XA-006",
    head: "Đỗ Thị Phương",
    village: "Thôn 2",
    area: "Nông thôn",
    members: 1,
    income: 1_500_000,
    flags: [0, 1],
    category: "Cận nghèo",
  },
];

/**
 * Household roster with a title, two title rows, merged two-row header (flags under a merged
 * "Chỉ số thiếu hụt"), a numbering row, a blank row, and a totals row at the end.
 * `numbered`: flag sub-headers are 1..12 instead of indicator names.
 */
export function rosterSheet(
  opts: { name?: string; households?: HH[]; numbered?: boolean; unit?: string; year?: number } = {},
): SheetSpec {
  const hhs = opts.households ?? CLEAN_HOUSEHOLDS;
  const unit = opts.unit ?? "Xã An Bình";
  const top: CellValue[] = [
    "STT",
    "Mã hộ",
    "Họ và tên chủ hộ",
    "Đơn vị",
    "Thôn/Tổ dân phố",
    "Khu vực",
    "Số nhân khẩu",
    "Thu nhập BQ (đồng/người/tháng)",
    "Chỉ số thiếu hụt",
    ...Array(11).fill(null),
    "Tổng số chỉ số thiếu hụt",
    "Phân loại hộ",
    "DTTS",
  ];
  const sub: CellValue[] = [
    ...Array(8).fill(null),
    ...(opts.numbered ? INDICATOR_HEADERS.map((_, i) => i + 1) : INDICATOR_HEADERS),
    null,
    null,
    null,
  ];
  const numbering: CellValue[] = top.map((_, i) => i + 1);
  const rows: CellValue[][] = [
    [`DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM ${opts.year ?? 2024}`, ...Array(22).fill(null)],
    [`UBND ${unit}`],
    [],
    top,
    sub,
    numbering,
  ];
  hhs.forEach((h, i) => {
    const flags = INDICATOR_HEADERS.map((_, k) => (h.flags.includes(k) ? "x" : null));
    rows.push([
      i + 1,
      h.id,
      h.head,
      unit,
      h.village,
      h.area,
      h.members,
      h.income,
      ...flags,
      h.count ?? h.flags.length,
      h.category,
      h.em ?? null,
    ]);
    if (i === 2) rows.push([]); // a blank row in the middle
  });
  rows.push([null, null, "Tổng cộng", null, null, null, hhs.reduce((s, h) => s + Number(h.members), 0)]);
  const merges = ["A1:W1", "I4:T4"];
  for (const c of ["A", "B", "C", "D", "E", "F", "G", "H", "U", "V", "W"]) merges.push(`${c}4:${c}5`);
  return { name: opts.name ?? "Danh sách hộ", rows, merges };
}

export interface UnitRow {
  unit: string;
  households: number;
  poor: number;
  poorRate: number | string;
  nearPoor: number;
  nearPoorRate: number | string;
}

export const CLEAN_UNITS: UnitRow[] = [
  { unit: "Xã An Bình", households: 612, poor: 45, poorRate: 7.35, nearPoor: 60, nearPoorRate: 9.8 },
  { unit: "Phường Hòa Lạc", households: 1250, poor: 20, poorRate: 1.6, nearPoor: 41, nearPoorRate: 3.28 },
  { unit: "Xã Tân Tiến", households: 830, poor: 101, poorRate: "12,17", nearPoor: 77, nearPoorRate: "9,28" },
];

/** Form 1: title, merged two-row header with (%) rates written as 7.35 (percent numbers), totals row last. */
export function summarySheet(opts: { units?: UnitRow[]; name?: string; total?: Partial<UnitRow> } = {}): SheetSpec {
  const units = opts.units ?? CLEAN_UNITS;
  const rows: CellValue[][] = [
    ["TỔNG HỢP KẾT QUẢ CHÍNH THỨC RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024"],
    [],
    ["TT", "Đơn vị", "Tổng số hộ", "Hộ nghèo", null, "Hộ cận nghèo", null],
    [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)"],
    ["A", "B", 1, 2, 3, 4, 5],
  ];
  units.forEach((u, i) => rows.push([i + 1, u.unit, u.households, u.poor, u.poorRate, u.nearPoor, u.nearPoorRate]));
  const h = units.reduce((s, u) => s + u.households, 0);
  const p = units.reduce((s, u) => s + u.poor, 0);
  const n = units.reduce((s, u) => s + u.nearPoor, 0);
  const t = {
    households: h,
    poor: p,
    nearPoor: n,
    poorRate: Math.round((p / h) * 10000) / 100,
    nearPoorRate: Math.round((n / h) * 10000) / 100,
    ...opts.total,
  };
  rows.push([null, "Tổng cộng", t.households, t.poor, t.poorRate, t.nearPoor, t.nearPoorRate]);
  return { name: opts.name ?? "Biểu 1", rows, merges: ["A1:G1", "A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:G3"] };
}

export interface TransitionRow {
  unit: string;
  measure?: "Hộ" | "Nhân khẩu";
  v: (number | null)[]; // 9 columns: start, 3 decreases, 4 increases, end
}

/** Form 2 (poor) or Form 3 (near-poor): header "Giảm"/"Tăng" groups, numbering row "1 … 9". */
export function transitionSheet(subject: "poor" | "nearPoor", rows: TransitionRow[], name?: string): SheetSpec {
  const who = subject === "poor" ? "HỘ NGHÈO" : "HỘ CẬN NGHÈO";
  const dec =
    subject === "poor"
      ? ["Thoát nghèo, chuyển sang hộ cận nghèo", "Thoát nghèo, vượt qua chuẩn cận nghèo", "Giảm khác"]
      : ["Thoát cận nghèo", "Chuyển thành hộ nghèo", "Giảm khác"];
  const inc =
    subject === "poor"
      ? ["Từ hộ cận nghèo chuyển xuống hộ nghèo", "Tái nghèo", "Phát sinh mới", "Tăng khác"]
      : ["Từ hộ nghèo chuyển sang hộ cận nghèo", "Tái cận nghèo", "Phát sinh mới", "Tăng khác"];
  const out: CellValue[][] = [
    [`TỔNG HỢP DIỄN BIẾN ${who} NĂM 2024`],
    [
      "TT",
      "Đơn vị",
      "Chỉ tiêu",
      `Số ${who.toLowerCase()} đầu kỳ`,
      "Giảm trong kỳ",
      null,
      null,
      "Tăng trong kỳ",
      null,
      null,
      null,
      `Số ${who.toLowerCase()} cuối kỳ`,
    ],
    [null, null, null, null, ...dec, ...inc, null],
    ["A", "B", "C", 1, 2, 3, 4, 5, 6, 7, 8, 9],
  ];
  rows.forEach((r, i) => out.push([i + 1, r.unit, r.measure ?? "Hộ", ...r.v]));
  return {
    name: name ?? (subject === "poor" ? "Biểu 2" : "Biểu 3"),
    rows: out,
    merges: ["A1:L1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2", "H2:K2", "L2:L3"],
  };
}

/** Clean Form 2 rows consistent with CLEAN_UNITS (end poor = Form 1 poor). */
export const CLEAN_FORM2: TransitionRow[] = [
  { unit: "Xã An Bình", v: [52, 6, 4, 1, 2, 1, 1, 0, 45] },
  { unit: "Phường Hòa Lạc", v: [25, 3, 3, 0, 0, 0, 1, 0, 20] },
  { unit: "Xã Tân Tiến", v: [110, 10, 6, 2, 4, 1, 4, 0, 101] },
];
/** Clean Form 3 rows: poor→near-poor (col 5) equals Form 2 col 2; became poor (col 3) equals Form 2 col 5. */
export const CLEAN_FORM3: TransitionRow[] = [
  { unit: "Xã An Bình", v: [58, 5, 2, 1, 6, 1, 3, 0, 60] },
  { unit: "Phường Hòa Lạc", v: [40, 3, 0, 0, 3, 0, 1, 0, 41] },
  { unit: "Xã Tân Tiến", v: [75, 9, 4, 1, 10, 2, 4, 0, 77] },
];

/** Form 4: poor households per indicator, numbered under a merged header, plus "Tổng số thiếu hụt". */
export function deprivationSheet(rows: { unit: string; poor: number; counts: number[]; total?: number }[]): SheetSpec {
  const out: CellValue[][] = [
    ["SỐ HỘ NGHÈO THIẾU HỤT CÁC DỊCH VỤ XÃ HỘI CƠ BẢN NĂM 2024"],
    ["TT", "Đơn vị", "Số hộ nghèo", "Chỉ số thiếu hụt", ...Array(11).fill(null), "Tổng số thiếu hụt"],
    [null, null, null, ...INDICATOR_HEADERS, null],
  ];
  rows.forEach((r, i) =>
    out.push([i + 1, r.unit, r.poor, ...r.counts, r.total ?? r.counts.reduce((a, b) => a + b, 0)]),
  );
  return { name: "Biểu 4", rows: out, merges: ["A2:A3", "B2:B3", "C2:C3", "D2:O2", "P2:P3"] };
}

export const CLEAN_FORM4 = [
  { unit: "Xã An Bình", poor: 45, counts: [20, 10, 5, 30, 12, 4, 15, 9, 11, 14, 3, 8] },
  { unit: "Phường Hòa Lạc", poor: 20, counts: [8, 4, 2, 12, 6, 1, 5, 4, 5, 6, 2, 5] },
];

/** Target table: rates in percent text with "%", reduction in percentage points. */
export function targetSheet(rows: (string | number)[][]): SheetSpec {
  return {
    name: "Chỉ tiêu 2025",
    rows: [
      ["CHỈ TIÊU GIẢM NGHÈO NĂM 2025"],
      [
        "TT",
        "Đơn vị",
        "Tổng số hộ",
        "Số hộ nghèo đầu năm",
        "Tỷ lệ hộ nghèo đầu năm (%)",
        "Chỉ tiêu giảm tỷ lệ hộ nghèo (%)",
        "Số hộ nghèo giảm",
        "Số hộ nghèo cuối năm",
        "Tỷ lệ hộ nghèo cuối năm (%)",
      ],
      ...rows.map((r, i) => [i + 1, ...r]),
    ],
  };
}

/** Clean target rows: households 612 → start 45 (7,35 %), reduce ≥ 1,5 pp (≈ 9.18 → 10 households), end 35 (5,72 %). */
export const CLEAN_TARGETS: (string | number)[][] = [
  ["Xã An Bình", 612, 45, "7,35", "1,5", 10, 35, "5,72"],
  ["Phường Hòa Lạc", 1250, 20, "1,60", "0,5", 7, 13, "1,04"],
];

/** A year series (one unit over several years). */
export function seriesSheet(rows: [number, number, number, number | string][]): SheetSpec {
  return {
    name: "Chuỗi năm",
    rows: [["Năm", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"], ...rows],
  };
}

/** Plan indicators. */
export function planSheet(): SheetSpec {
  return {
    name: "Kế hoạch",
    rows: [
      ["CHỈ TIÊU KẾ HOẠCH GIẢM NGHÈO 2025"],
      ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2025", "Thực hiện 2025"],
      [1, "Giảm tỷ lệ hộ nghèo", "%", 1.5, 1.7],
      [2, "Số hộ thoát nghèo", "hộ", 120, 131],
    ],
  };
}

/** The clean submission: a roster of a ward not in Form 1, Forms 1–4, targets, a series and plan indicators. */
export function cleanSubmission(): SheetSpec[] {
  return [
    rosterSheet({ unit: "Xã Mới" }),
    summarySheet(),
    transitionSheet("poor", CLEAN_FORM2),
    transitionSheet("nearPoor", CLEAN_FORM3),
    deprivationSheet(CLEAN_FORM4),
    targetSheet(CLEAN_TARGETS),
    seriesSheet([
      [2022, 600, 50, 8.33],
      [2023, 610, 47, "7,70"],
      [2024, 612, 45, 7.35],
    ]),
    planSheet(),
  ];
}
