/**
 * Recognising a sponsorship register (sổ theo dõi hộ nghèo được nhận đỡ đầu) and a quota sheet (chỉ tiêu nhận đỡ
 * đầu) from their headers: the planners' own layouts — title rows, one or two header rows (a merged group such as
 * "Vay vốn" over "Số tiền vay / Dư nợ / Lãi phải thu / Lãi đã thu"), a row of column numbers — and the product's
 * template. Header text is normalised like every other sheet (core/sheet `normalizeHeader`: folded, abbreviations
 * expanded); a field matches when all phrases of one alternative occur as whole words and none of its `not` phrases
 * does, ranked by the share of the header the phrases cover.
 */
import { columnLetters } from "../address";
import { bi, type Bilingual } from "../i18n";
import type { CellValue, Grid } from "../grid";
import { gridMerges, gridOffset, isNumberingRow } from "../sheet/detect";
import { cellText, hasPhrase, normalizeHeader } from "../sheet/text";
import type { SupportCode } from "./vocabulary";

export type RegisterValue = "text" | "money" | "date" | "flag" | "count";

export interface RegisterField {
  field: string;
  label: Bilingual;
  type: RegisterValue;
  match: string[][];
  not?: string[];
}

/** Flag columns "Hỗ trợ: vay vốn (1/0)" of the template (and of registers that tick kinds of support). */
const SUPPORT_FLAG_PHRASES: Record<Exclude<SupportCode, "other">, string[][]> = {
  loan: [
    ["ho tro", "vay von"],
    ["support", "loan"],
  ],
  training: [
    ["ho tro", "dao tao"],
    ["ho tro", "tap huan"],
    ["ho tro", "day nghe"],
    ["support", "training"],
  ],
  jobs: [
    ["ho tro", "viec lam"],
    ["support", "jobs"],
  ],
  healthInsurance: [
    ["ho tro", "bao hiem y te"],
    ["support", "health insurance"],
  ],
  housing: [
    ["ho tro", "nha o"],
    ["support", "housing"],
  ],
  livelihood: [
    ["ho tro", "sinh ke"],
    ["ho tro", "con giong"],
    ["support", "livelihood"],
  ],
  gifts: [
    ["ho tro", "hien vat"],
    ["ho tro", "tien mat"],
    ["ho tro", "qua"],
    ["support", "gifts"],
    ["support", "in kind"],
  ],
};

/**
 * "Dư nợ" (outstanding) normalises to "du so thu tu": the header normaliser expands the token "no" (English "No.")
 * to "số thứ tự". Both spellings are listed.
 */
const OUTSTANDING = ["du no", "du so thu tu"];
const MONEY_NOT = ["vay", ...OUTSTANDING, "lai", "loan", "outstanding", "interest"];

/** The register's columns. Field names starting with "st." are support-kind flags. */
export const REGISTER_FIELDS: readonly RegisterField[] = [
  { field: "seq", label: bi("Số thứ tự", "No."), type: "text", match: [["so thu tu"]] },
  {
    field: "organisation",
    label: bi("Tổ chức đỡ đầu", "Sponsoring organisation"),
    type: "text",
    match: [
      ["to chuc"],
      ["doan the"],
      ["don vi do dau"],
      ["don vi nhan do dau"],
      ["co quan do dau"],
      ["hoi doan the"],
      ["organisation"],
      ["organization"],
      ["sponsor"],
    ],
    not: ["chi hoi", "chi doan", "co so", "branch", "ma", "so ho", "chi tieu"],
  },
  {
    field: "branch",
    label: bi("Chi hội, chi đoàn phụ trách", "Sponsoring branch"),
    type: "text",
    match: [
      ["chi hoi"],
      ["chi doan"],
      ["to chuc co so"],
      ["co so hoi"],
      ["don vi co so"],
      ["nguoi phu trach"],
      ["can bo phu trach"],
      ["branch"],
    ],
  },
  {
    field: "id",
    label: bi("Mã hộ", "Household id"),
    type: "text",
    match: [["ma ho"], ["ma so ho"], ["ma ho gia dinh"], ["household id"], ["household code"]],
  },
  {
    field: "head",
    label: bi("Họ tên chủ hộ", "Head of household"),
    type: "text",
    match: [["chu ho"], ["ho ten"], ["ho va ten"], ["head of household"], ["head"]],
    not: ["ma"],
  },
  {
    field: "unit",
    label: bi("Xã, phường", "Commune, ward"),
    type: "text",
    match: [["xa"], ["phuong"], ["xa phuong"], ["dia ban"], ["don vi hanh chinh"], ["commune"], ["ward"], ["unit"]],
    not: ["do dau", "to chuc", "tien", "thon", "chi tieu", "so ho"],
  },
  {
    field: "village",
    label: bi("Thôn, tổ dân phố", "Village"),
    type: "text",
    match: [["thon"], ["to dan pho"], ["ban"], ["ap"], ["village"]],
    not: ["nong thon"],
  },
  {
    field: "start",
    label: bi("Ngày bắt đầu đỡ đầu", "Start date"),
    type: "date",
    match: [
      ["ngay bat dau"],
      ["bat dau"],
      ["tu ngay"],
      ["ngay nhan do dau"],
      ["thoi gian nhan"],
      ["ngay do dau"],
      ["ngay ho tro"],
      ["start date"],
      ["start"],
    ],
  },
  {
    field: "end",
    label: bi("Ngày kết thúc", "End date"),
    type: "date",
    match: [["ngay ket thuc"], ["ket thuc"], ["den ngay"], ["end date"], ["end"]],
  },
  {
    field: "supportTypes",
    label: bi("Hình thức hỗ trợ", "Kinds of support"),
    type: "text",
    match: [
      ["hinh thuc ho tro"],
      ["noi dung ho tro"],
      ["loai ho tro"],
      ["hinh thuc giup do"],
      ["noi dung giup do"],
      ["bien phap ho tro"],
      ["support type"],
      ["kinds of support"],
      ["support"],
    ],
    not: ["gia tri", "so tien", "kinh phi", "value", "amount", "khac", "other"],
  },
  {
    field: "supportOther",
    label: bi("Hình thức hỗ trợ khác", "Other support"),
    type: "text",
    match: [["ho tro khac"], ["hinh thuc ho tro khac"], ["other support"]],
  },
  ...(Object.entries(SUPPORT_FLAG_PHRASES) as [Exclude<SupportCode, "other">, string[][]][]).map(
    ([code, match]): RegisterField => ({
      field: `st.${code}`,
      label: bi(`Hỗ trợ: ${code}`, `Support: ${code}`),
      type: "flag",
      match,
      not: ["gia tri", "so tien", "value", "amount", "chuong trinh", ...OUTSTANDING, "lai"],
    }),
  ),
  {
    field: "supportValue",
    label: bi("Giá trị hỗ trợ (đồng)", "Support value (VND)"),
    type: "money",
    match: [
      ["gia tri ho tro"],
      ["so tien ho tro"],
      ["kinh phi ho tro"],
      ["gia tri hien vat"],
      ["gia tri"],
      ["thanh tien"],
      ["kinh phi"],
      ["support value"],
      ["value"],
    ],
    not: MONEY_NOT,
  },
  {
    field: "loanProgramme",
    label: bi("Chương trình vay", "Loan programme"),
    type: "text",
    match: [
      ["chuong trinh vay"],
      ["chuong trinh cho vay"],
      ["chuong trinh tin dung"],
      ["nguon von vay"],
      ["loan programme"],
      ["loan program"],
      ["programme"],
      ["program"],
    ],
  },
  {
    field: "loanAmount",
    label: bi("Số tiền vay (đồng)", "Loan amount (VND)"),
    type: "money",
    match: [
      ["so tien vay"],
      ["so von vay"],
      ["muc vay"],
      ["tien vay"],
      ["von vay"],
      ["doanh so cho vay"],
      ["loan amount"],
      ["loan"],
    ],
    not: [
      "du no",
      "lai",
      "chuong trinh",
      "programme",
      "program",
      "nguon",
      "interest",
      "outstanding",
      "ho tro",
      "support",
    ],
  },
  {
    field: "outstanding",
    label: bi("Dư nợ (đồng)", "Outstanding (VND)"),
    type: "money",
    match: [...OUTSTANDING.map((p) => [p]), ["outstanding"]],
  },
  {
    field: "interestDue",
    label: bi("Lãi phải thu (đồng)", "Interest due (VND)"),
    type: "money",
    match: [["lai phai thu"], ["lai phai tra"], ["so lai phai"], ["tien lai phai"], ["interest due"]],
  },
  {
    field: "interestCollected",
    label: bi("Lãi đã thu (đồng)", "Interest collected (VND)"),
    type: "money",
    match: [
      ["lai da thu"],
      ["lai thuc thu"],
      ["lai da tra"],
      ["da thu lai"],
      ["thu lai"],
      ["interest collected"],
      ["interest paid"],
    ],
    not: ["phai", "ty le", "%"],
  },
  {
    field: "notes",
    label: bi("Ghi chú", "Notes"),
    type: "text",
    match: [["ghi chu"], ["notes"], ["note"], ["remarks"]],
  },
];

/** The quota sheet: how many households each organisation takes on in each unit (chỉ tiêu nhận đỡ đầu). */
export const QUOTA_FIELDS: readonly RegisterField[] = [
  REGISTER_FIELDS.find((f) => f.field === "seq")!,
  REGISTER_FIELDS.find((f) => f.field === "organisation")!,
  REGISTER_FIELDS.find((f) => f.field === "unit")!,
  {
    field: "quota",
    label: bi("Chỉ tiêu nhận đỡ đầu (hộ)", "Quota (households)"),
    type: "count",
    match: [["chi tieu"], ["so ho duoc giao"], ["so ho nhan do dau"], ["so ho giao"], ["quota"], ["target"]],
  },
];

export const REGISTER_FIELD_BY_NAME: Record<string, RegisterField> = Object.fromEntries(
  [...REGISTER_FIELDS, ...QUOTA_FIELDS].map((f) => [f.field, f]),
);

export interface RegisterDetection {
  kind: "register" | "quota" | "unknown";
  /** 0-based rows inside the grid's values. */
  headerTop: number;
  headerBottom: number;
  dataStart: number;
  /** field → 0-based column inside the grid's values. */
  byField: Record<string, number>;
  /** Header text per column (parent and child joined with " / "). */
  headers: string[];
  /** Title text above the header (for an organisation or year named there). */
  title: string;
}

const SCAN_ROWS = 40;

function score(norm: string, def: RegisterField): number {
  const len = norm.length - 2;
  if (len <= 0) return 0;
  if (def.not) for (const n of def.not) if (hasPhrase(norm, n)) return 0;
  let best = 0;
  for (const alt of def.match) {
    if (!alt.every((p) => hasPhrase(norm, p))) continue;
    const covered = alt.reduce((a, p) => a + p.length, 0) + alt.length - 1;
    best = Math.max(best, Math.min(1, covered / len) + alt.length * 0.001);
  }
  return best;
}

/** Greedy assignment: highest score first, one field per column and one column per field. */
function assign(
  headers: string[],
  fields: readonly RegisterField[],
): { byField: Record<string, number>; total: number } {
  const all: { col: number; field: string; s: number }[] = [];
  headers.forEach((h, col) => {
    if (!h) return;
    const n = normalizeHeader(h.replace(/ \/ /g, " "));
    for (const f of fields) {
      const s = score(n, f);
      if (s > 0) all.push({ col, field: f.field, s });
    }
  });
  all.sort((a, b) => b.s - a.s || a.col - b.col);
  const byField: Record<string, number> = {};
  const used = new Set<number>();
  let total = 0;
  for (const c of all) {
    if (used.has(c.col) || c.field in byField) continue;
    byField[c.field] = c.col;
    used.add(c.col);
    total += c.s;
  }
  return { byField, total };
}

/** Header texts of rows [top, bottom]: merged cells fill their span; a blank parent takes the cell to its left. */
function headerTexts(grid: Grid, top: number, bottom: number, width: number): string[] {
  const values = grid.values;
  const off = gridOffset(grid);
  void off;
  const merges = gridMerges(grid);
  const at = (r: number, c: number): CellValue => {
    for (const m of merges) if (r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1) return values[m.r0]?.[m.c0] ?? null;
    return values[r]?.[c] ?? null;
  };
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      let v = at(r, c);
      if (r < bottom && cellText(v) === "" && merges.length === 0 && cellText(at(bottom, c)) !== "") {
        for (let k = c - 1; k >= 0; k--)
          if (cellText(at(r, k)) !== "") {
            v = at(r, k);
            break;
          }
      }
      const t = cellText(v).replace(/\s+/g, " ");
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    out.push(parts.join(" / "));
  }
  return out;
}

function kindOf(m: Record<string, number>): RegisterDetection["kind"] {
  const has = (f: string) => f in m;
  const support = Object.keys(m).some((f) => f.startsWith("st.")) || has("supportTypes") || has("supportOther");
  if (has("id") && (has("organisation") || support || has("loanAmount") || has("start") || has("branch")))
    return "register";
  if (!has("id") && has("quota") && (has("organisation") || has("unit"))) return "quota";
  return "unknown";
}

/**
 * Find the header block of a register or quota sheet and map its columns. The header is the row (alone, or with
 * the row above as a group row) whose texts map the most fields; a numbering row under it is skipped.
 */
export function detectRegister(grid: Grid): RegisterDetection {
  const values = grid.values ?? [];
  const scan = Math.min(values.length, SCAN_ROWS);
  let width = 0;
  for (let r = 0; r < scan; r++) width = Math.max(width, values[r]?.length ?? 0);
  let best:
    { top: number; bottom: number; byField: Record<string, number>; total: number; headers: string[] } | undefined;
  const fields = [...REGISTER_FIELDS, ...QUOTA_FIELDS.filter((f) => f.field === "quota")];
  for (let r = 0; r < scan; r++) {
    for (const top of r > 0 ? [r, r - 1] : [r]) {
      const headers = headerTexts(grid, top, r, width);
      const { byField, total } = assign(headers, fields);
      const n = Object.keys(byField).length;
      if (n < 2) continue;
      const k = kindOf(byField);
      const rank = (k === "unknown" ? 0 : 100) + n + total / 100;
      const bestRank = best
        ? (kindOf(best.byField) === "unknown" ? 0 : 100) + Object.keys(best.byField).length + best.total / 100
        : -1;
      if (rank > bestRank + 1e-9) best = { top, bottom: r, byField, total, headers };
    }
  }
  if (!best)
    return { kind: "unknown", headerTop: 0, headerBottom: 0, dataStart: 0, byField: {}, headers: [], title: "" };
  let dataStart = best.bottom + 1;
  if (isNumberingRow(values[dataStart], best.headers.filter((h) => h).length)) dataStart++;
  const titleParts: string[] = [];
  for (let r = 0; r < best.top; r++)
    for (const v of values[r] ?? []) if (typeof v === "string" && v.trim()) titleParts.push(v.trim());
  const kind = kindOf(best.byField);
  // A quota sheet keeps only its own fields.
  const byField =
    kind === "quota"
      ? Object.fromEntries(Object.entries(best.byField).filter(([f]) => QUOTA_FIELDS.some((q) => q.field === f)))
      : Object.fromEntries(Object.entries(best.byField).filter(([f]) => f !== "quota"));
  return {
    kind,
    headerTop: best.top,
    headerBottom: best.bottom,
    dataStart,
    byField,
    headers: best.headers,
    title: titleParts.join(" | "),
  };
}

/** "D" for a grid-relative column. */
export function letterOf(grid: Grid, col: number): string {
  return columnLetters(col + gridOffset(grid).col0);
}
