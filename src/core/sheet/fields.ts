/**
 * Canonical fields of the sheets wards send, with the header phrases that name them.
 * Phrases are in normalised form (see `normalizeHeader`): folded, abbreviations expanded.
 * A field matches a header when every phrase of one alternative occurs as whole words and no `not`
 * phrase occurs; candidates are ranked by the share of the header text the phrases cover (1 = exact).
 * The confidence reported per mapped column is a different measure (unexplained words), see confidence.ts.
 */
import type { Bilingual } from "../i18n";
import { bi } from "../i18n";

/** The sheet kinds the reader recognises from headers. */
export type SheetKind = "roster" | "summary" | "transition" | "deprivation" | "target" | "plan";

export const SHEET_KINDS: readonly SheetKind[] = ["roster", "summary", "transition", "deprivation", "target", "plan"];

export const SHEET_KIND_LABELS: Record<SheetKind, Bilingual> = {
  roster: bi("Danh sách hộ", "Household roster"),
  summary: bi("Tổng hợp kết quả rà soát (Biểu 1)", "Unit summary / official results (Form 1)"),
  transition: bi("Diễn biến hộ nghèo / cận nghèo (Biểu 2/3)", "Transition form (Form 2/3)"),
  deprivation: bi("Thiếu hụt dịch vụ xã hội cơ bản (Biểu 4)", "Deprivation table (Form 4)"),
  target: bi("Chỉ tiêu giảm nghèo", "Target table"),
  plan: bi("Chỉ tiêu kế hoạch", "Plan indicators"),
};

/**
 * How a field's cells are parsed.
 * - count: non-negative integer (households, members, indicator counts);
 * - money: VND ≥ 0; score: points ≥ 0; number: any finite number;
 * - rate: a fraction in [0, 1] (7,97 / 7.97 / "7,97%" / 0.0797 are read per column, see parseRateColumn);
 * - pp: percentage points as a fraction (3 → 0.03 when the column is written in percent);
 * - flag: 0/1 ("x", 1, TRUE, "có"); area / category: parsed by core/standards; year: integer year.
 */
export type ValueType =
  "text" | "count" | "money" | "score" | "number" | "rate" | "pp" | "flag" | "area" | "category" | "year";

export interface FieldDef {
  field: string;
  kinds: readonly SheetKind[];
  type: ValueType;
  label: Bilingual;
  /** Alternatives; each is a list of phrases that must all occur. */
  match: string[][];
  not?: string[];
  /** The header must consist of one alternative's phrases only (short, generic words like "Năm"). */
  exact?: boolean;
  /**
   * Kinds where this field wins a tie with another field matching the same words (English "Unit" on a plan sheet is
   * the unit of measure, elsewhere the commune/ward).
   */
  preferIn?: readonly SheetKind[];
}

const ALL: SheetKind[] = [...SHEET_KINDS];
/** Movement counts are read in movement tables and, where a results table has them, in summaries. */
const MOVEMENT_KINDS: SheetKind[] = ["transition", "summary"];

/** Indicator vocabulary: indicator ids of core/standards and header phrases that name them. */
export const INDICATOR_PHRASES: { ids: string[]; match: string[][]; label: Bilingual }[] = [
  { ids: ["employment"], match: [["viec lam"], ["employment"]], label: bi("Việc làm", "Employment") },
  {
    ids: ["dependants"],
    match: [["phu thuoc"], ["dependants"], ["dependents"]],
    label: bi("Người phụ thuộc", "Dependants"),
  },
  { ids: ["nutrition"], match: [["dinh duong"], ["nutrition"]], label: bi("Dinh dưỡng", "Nutrition") },
  {
    ids: ["health_insurance"],
    match: [["bao hiem y te"], ["health insurance"]],
    label: bi("Bảo hiểm y tế", "Health insurance"),
  },
  {
    ids: ["health_access"],
    match: [["tiep can", "y te"], ["health services"], ["access to health"]],
    label: bi("Tiếp cận dịch vụ y tế", "Access to health services"),
  },
  {
    ids: ["adult_education"],
    match: [["nguoi lon"], ["trinh do giao duc"], ["adult education"]],
    label: bi("Trình độ giáo dục của người lớn", "Adult education"),
  },
  {
    ids: ["child_school_attendance"],
    match: [["di hoc"], ["school attendance"]],
    label: bi("Tình trạng đi học của trẻ em", "Child school attendance"),
  },
  {
    ids: ["housing_quality"],
    match: [["chat luong nha"], ["housing quality"]],
    label: bi("Chất lượng nhà ở", "Housing quality"),
  },
  {
    ids: ["housing_area"],
    match: [["dien tich"], ["floor area"], ["housing area"]],
    label: bi("Diện tích nhà ở", "Floor area"),
  },
  {
    ids: ["water_source"],
    match: [["nuoc sinh hoat"], ["nguon nuoc"], ["nuoc sach"], ["water"]],
    label: bi("Nguồn nước sinh hoạt", "Water source"),
  },
  {
    ids: ["latrine"],
    match: [["nha tieu"], ["ho xi"], ["latrine"], ["toilet"]],
    label: bi("Nhà tiêu hợp vệ sinh", "Latrine"),
  },
  { ids: ["telecom_use"], match: [["vien thong"], ["telecom"]], label: bi("Dịch vụ viễn thông", "Telecom use") },
  {
    ids: ["info_access_means", "info_assets"],
    match: [["tiep can thong tin"], ["phuong tien", "thong tin"], ["tai san", "thong tin"], ["access to information"]],
    label: bi("Phương tiện tiếp cận thông tin", "Means of access to information"),
  },
  { ids: ["waste_treatment"], match: [["rac thai"], ["waste"]], label: bi("Xử lý rác thải", "Waste treatment") },
];

const CAT_NOT_POOR = ["can ngheo", "near poor", "near", "trung binh"];
const RATE = [["ty le"], ["%"], ["rate"]];
const withRate = (base: string[][]): string[][] => base.flatMap((b) => RATE.map((r) => [...b, ...r]));
const MEMBERS = ["nhan khau", "khau", "members", "persons", "thanh vien"];
const RATE_WORDS = ["ty le", "%", "rate"];
/** Words of the columns of poor households in or net of an excluded group (BTXH): never the poor count itself. */
const NET_WORDS = ["khong tinh", "tru", "not counting", "excluding"];
const EXCLUSION_WORDS = [...NET_WORDS, "bao tro xa hoi", "social protection"];
/** A marker column "không còn hộ nghèo (trừ BTXH)" names units, not a count. */
const NO_POOR_LEFT = ["khong con", "no poor"];
/** The combined "poor and near-poor" columns (tỷ lệ hộ nghèo và cận nghèo) are neither the poor nor the near-poor. */
const POOR_AND_NEAR = ["ngheo va can ngheo", "ngheo va ho can ngheo", "poor near poor", "poor and near poor"];
/** A count or rate of deprived households (Biểu 4–5, deprivation rates) is not the poor or near-poor count. */
const DEPRIVED = ["thieu hut", "deprived", "deprivation"];
/** Alkire–Foster notation: "q" poor units and "H = q/n" — the AF headcount, not the legal poor count. */
const AF_WORDS = ["q", "h q n", "alkire", "af"];
/** Movement words: a rate next to a movement count ("Số hộ thoát nghèo / Tỷ lệ") is not the poverty rate. */
const MOVEMENT_WORDS = ["thoat", "tai ngheo", "phat sinh", "giam", "tang"];

/** The field vocabulary. Order matters only for documentation. */
export const FIELDS: FieldDef[] = [
  {
    field: "seq",
    kinds: ALL,
    type: "text",
    label: bi("Số thứ tự", "No."),
    match: [["so thu tu"], ["so tt"]],
    exact: true,
  },
  {
    field: "unit",
    kinds: ALL,
    type: "text",
    label: bi("Đơn vị (xã, phường)", "Unit (commune, ward)"),
    match: [
      ["don vi"],
      ["xa"],
      ["phuong"],
      ["xa", "phuong"],
      ["dia ban"],
      ["unit"],
      ["commune"],
      ["ward"],
      ["dac khu"],
      ["dia phuong"],
      ["huyen"],
      ["quan", "huyen"],
      ["thi xa"],
      ["thanh pho"],
      ["tinh"],
      ["tinh", "thanh pho"],
      ["vung"],
      ["vung", "mien"],
      ["district"],
      ["province"],
      ["region"],
    ],
    not: ["don vi tinh", "so ho", "ngheo", "thon"],
  },
  {
    field: "rowLabel",
    kinds: ["summary", "transition", "deprivation", "target"],
    type: "text",
    label: bi("Chỉ tiêu (Hộ / Nhân khẩu)", "Row label (households / members)"),
    match: [["chi tieu"], ["hang muc"], ["noi dung"], ["row label", "households", "members"], ["row label"]],
    exact: true,
  },
  {
    field: "year",
    kinds: ["summary", "target", "plan", "transition"],
    type: "year",
    label: bi("Năm", "Year"),
    match: [["nam"], ["nam ra soat"], ["year"], ["review year"], ["nam", "year"]],
    exact: true,
  },

  // ---- household roster (danh sách hộ)
  {
    field: "id",
    kinds: ["roster"],
    type: "text",
    label: bi("Mã hộ", "Household id"),
    match: [
      ["ma ho"],
      ["ma so ho"],
      ["ma ho gia dinh"],
      ["household id"],
      ["household code"],
      ["family code"],
      ["id"],
      ["ma"],
    ],
    not: ["ma xa", "ma don vi", "ma thon"],
  },
  {
    field: "head",
    kinds: ["roster"],
    type: "text",
    label: bi("Họ tên chủ hộ", "Head of household"),
    match: [["chu ho"], ["ho va ten"], ["ho ten"], ["head"], ["head of household"], ["name"]],
  },
  {
    field: "village",
    kinds: ["roster"],
    type: "text",
    label: bi("Thôn, tổ dân phố", "Village"),
    match: [["thon"], ["to dan pho"], ["ap"], ["ban"], ["buon"], ["khom"], ["village"], ["to"]],
    not: ["nong thon", "thanh thi"],
  },
  {
    field: "area",
    kinds: ["roster"],
    type: "area",
    label: bi("Khu vực (thành thị/nông thôn)", "Area (urban/rural)"),
    match: [["khu vuc"], ["thanh thi", "nong thon"], ["area"], ["urban", "rural"]],
  },
  {
    field: "members",
    kinds: ["roster", "summary"],
    type: "count",
    label: bi("Số nhân khẩu", "Members"),
    match: [["nhan khau"], ["so nguoi"], ["members"], ["so thanh vien"], ["persons"]],
    not: ["ngheo", "trung binh", "thu nhap"],
  },
  {
    field: "income",
    kinds: ["roster"],
    type: "money",
    label: bi("Thu nhập bình quân đầu người/tháng", "Income per capita per month"),
    match: [["thu nhap"], ["income"]],
  },
  {
    field: "scoreA",
    kinds: ["roster"],
    type: "score",
    label: bi("Điểm B1", "Score A (B1)"),
    match: [["diem", "b 1"], ["phieu b 1"], ["b 1"], ["score a"], ["b 1 point"], ["diem a"]],
  },
  {
    field: "scoreB",
    kinds: ["roster"],
    type: "score",
    label: bi("Điểm B2", "Score B (B2)"),
    match: [["diem", "b 2"], ["phieu b 2"], ["b 2"], ["score b"], ["b 2 point"], ["diem b"]],
  },
  {
    field: "depTotal",
    kinds: ["roster", "deprivation"],
    type: "count",
    label: bi("Tổng số chỉ số thiếu hụt", "Deprivation count / total"),
    match: [
      ["thieu hut", "tong"],
      ["so chi so thieu hut"],
      ["so thieu hut"],
      ["deprivation count"],
      ["total deprivations"],
      ["deprivations"],
      ["tong cong"],
      ["tong so"],
    ],
    not: ["ho ngheo", "so ho"],
  },
  {
    field: "category",
    kinds: ["roster"],
    type: "category",
    label: bi("Phân loại hộ", "Declared category"),
    match: [["phan loai"], ["loai ho"], ["xep loai"], ["ket qua"], ["category"], ["classification"], ["classify"]],
    not: ["dau ky", "dau nam", "nam truoc"],
  },
  {
    field: "startCategory",
    kinds: ["roster"],
    type: "category",
    label: bi("Phân loại đầu kỳ", "Category at start of period"),
    match: [
      ["phan loai", "dau ky"],
      ["phan loai", "dau nam"],
      ["loai ho", "dau ky"],
      ["loai ho", "dau nam"],
      ["nam truoc"],
      ["start category"],
      ["dau ky"],
    ],
  },
  {
    field: "ethnicMinority",
    kinds: ["roster"],
    type: "flag",
    label: bi("Dân tộc thiểu số", "Ethnic minority"),
    match: [["dan toc thieu so"], ["ethnic minority"]],
  },
  {
    field: "agricultural",
    kinds: ["roster"],
    type: "flag",
    label: bi("Hộ nông, lâm, ngư, diêm nghiệp", "Agricultural household"),
    // "Hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp", "Hộ nông, lâm, ngư, diêm nghiệp", "Hộ NLNDN",
    // "Hộ làm NLNNDN" (the category of average-living households under Decree 07/2021/NĐ-CP)
    match: [["nong nghiep"], ["nong lam ngu"], ["nlndn"], ["nlnndn"], ["nlnn"], ["agricultural"], ["agriculture"]],
  },
  // Target groups (nhóm đối tượng) the review records per household: flag columns, 1/x/có = in the group.
  // Codes after "tg." are Household.targetGroups values (labels: TARGET_GROUP_LABELS in core/tables/breakdowns.ts).
  {
    field: "tg.meritorious",
    kinds: ["roster"],
    type: "flag",
    label: bi("Hộ có người có công với cách mạng", "Household with a person of meritorious service"),
    match: [["co cong"], ["gia dinh chinh sach"], ["thuong binh", "liet si"], ["meritorious"]],
  },
  {
    field: "tg.socialProtection",
    kinds: ["roster"],
    type: "flag",
    label: bi("Hộ thuộc diện bảo trợ xã hội", "Social-protection household"),
    match: [["bao tro xa hoi"], ["tro cap xa hoi"], ["tro giup xa hoi"], ["social protection"], ["social assistance"]],
  },
  {
    field: "tg.noLabour",
    kinds: ["roster"],
    type: "flag",
    label: bi("Hộ không có khả năng lao động", "Household without working capacity"),
    match: [
      ["khong co kha nang lao dong"],
      ["khong", "kha nang lao dong"],
      ["khong co lao dong"],
      ["khong co nguoi lao dong"],
      // English "No …" is normalised like the abbreviation "No." (số thứ tự): match the words after it.
      ["working capacity"],
      ["without labour"],
      ["member able to work"],
      ["unable to work"],
    ],
  },
  {
    field: "tg.womanHeaded",
    kinds: ["roster"],
    type: "flag",
    label: bi("Hộ có phụ nữ làm chủ hộ", "Woman-headed household"),
    match: [
      ["phu nu lam chu ho"],
      ["chu ho la nu"],
      ["chu ho la phu nu"],
      ["chu ho nu"],
      ["woman headed"],
      ["female headed"],
    ],
  },
  {
    field: "tg.disability",
    kinds: ["roster"],
    type: "flag",
    label: bi("Hộ có người khuyết tật", "Household with a person with disability"),
    match: [["khuyet tat"], ["disability"], ["disabled"]],
  },

  // ---- unit summary / official results (Biểu 1)
  {
    field: "households",
    kinds: ["summary", "target", "transition"],
    type: "count",
    label: bi("Tổng số hộ", "Total households"),
    match: [
      ["tong so ho"],
      ["so ho dan cu"],
      ["tong so ho dan cu"],
      ["total households"],
      ["households"],
      ["tong so", "ho"],
    ],
    not: [
      "ngheo",
      "trung binh",
      "poor",
      "poverty",
      "giam",
      "thoat",
      ...RATE_WORDS,
      "thieu hut",
      "deprived",
      "row label",
    ],
  },
  {
    field: "poor",
    kinds: ["summary", "deprivation"],
    type: "count",
    label: bi("Số hộ nghèo", "Poor households"),
    match: [["ngheo"], ["poor"]],
    not: [
      ...CAT_NOT_POOR,
      ...RATE_WORDS,
      ...MEMBERS,
      "thieu hut",
      "multidimensionally",
      ...AF_WORDS,
      ...EXCLUSION_WORDS,
    ],
  },
  {
    field: "poorRate",
    kinds: ["summary"],
    type: "rate",
    label: bi("Tỷ lệ hộ nghèo", "Poverty rate"),
    match: [...withRate([["ngheo"], ["poor"]]), ["poverty rate"]],
    not: [
      ...CAT_NOT_POOR,
      ...MEMBERS,
      ...MOVEMENT_WORDS,
      ...DEPRIVED,
      ...AF_WORDS,
      "ty le ngheo da chieu",
      "multidimensional poverty rate",
      ...EXCLUSION_WORDS,
    ],
  },
  // "trong đó: hộ nghèo thuộc diện BTXH" and "hộ nghèo không tính BTXH" (count, rate): see core/measures/exclusion.ts.
  {
    field: "poorSocialProtection",
    kinds: ["summary"],
    type: "count",
    label: bi("Trong đó: hộ nghèo thuộc diện bảo trợ xã hội", "Of which: poor social-protection households"),
    match: [
      ["ngheo", "bao tro xa hoi"],
      ["poor", "social protection"],
    ],
    not: [...RATE_WORDS, ...MEMBERS, ...NET_WORDS, ...CAT_NOT_POOR, ...NO_POOR_LEFT],
  },
  {
    field: "poorSocialProtectionRate",
    kinds: ["summary"],
    type: "rate",
    label: bi("Tỷ lệ hộ nghèo thuộc diện bảo trợ xã hội", "Rate of poor social-protection households"),
    match: withRate([
      ["ngheo", "bao tro xa hoi"],
      ["poor", "social protection"],
    ]),
    not: [...MEMBERS, ...NET_WORDS, ...CAT_NOT_POOR, ...NO_POOR_LEFT],
  },
  {
    field: "poorNet",
    kinds: ["summary"],
    type: "count",
    label: bi("Hộ nghèo không tính hộ bảo trợ xã hội", "Poor households not counting social protection"),
    match: [
      ["ngheo", "khong tinh"],
      ["ngheo", "tru", "bao tro xa hoi"],
      ["poor", "not counting"],
      ["poor", "excluding"],
    ],
    not: [...RATE_WORDS, ...MEMBERS, ...CAT_NOT_POOR, ...NO_POOR_LEFT],
  },
  {
    field: "poorNetRate",
    kinds: ["summary"],
    type: "rate",
    label: bi("Tỷ lệ hộ nghèo không tính hộ bảo trợ xã hội", "Poverty rate not counting social protection"),
    match: withRate([
      ["ngheo", "khong tinh"],
      ["ngheo", "tru", "bao tro xa hoi"],
      ["poor", "not counting"],
      ["poor", "excluding"],
    ]),
    not: [...MEMBERS, ...CAT_NOT_POOR, ...NO_POOR_LEFT],
  },
  {
    field: "poorRateUrban",
    kinds: ["summary"],
    type: "rate",
    label: bi("Tỷ lệ hộ nghèo khu vực thành thị", "Poverty rate, urban"),
    match: withRate([
      ["ngheo", "thanh thi"],
      ["ngheo", "do thi"],
      ["poor", "urban"],
      ["poverty", "urban"],
    ]),
    not: [...CAT_NOT_POOR, ...MEMBERS, ...MOVEMENT_WORDS, ...DEPRIVED],
  },
  {
    field: "poorRateRural",
    kinds: ["summary"],
    type: "rate",
    label: bi("Tỷ lệ hộ nghèo khu vực nông thôn", "Poverty rate, rural"),
    match: withRate([
      ["ngheo", "nong thon"],
      ["poor", "rural"],
      ["poverty", "rural"],
    ]),
    not: [...CAT_NOT_POOR, ...MEMBERS, ...MOVEMENT_WORDS, ...DEPRIVED],
  },
  {
    field: "nearPoor",
    kinds: ["summary"],
    type: "count",
    label: bi("Số hộ cận nghèo", "Near-poor households"),
    match: [["can ngheo"], ["near poor"]],
    not: [...RATE_WORDS, ...MEMBERS, ...POOR_AND_NEAR, ...DEPRIVED],
  },
  {
    field: "nearPoorRate",
    kinds: ["summary"],
    type: "rate",
    label: bi("Tỷ lệ hộ cận nghèo", "Near-poverty rate"),
    match: [...withRate([["can ngheo"], ["near poor"]]), ["near poverty rate"]],
    not: [...MEMBERS, ...POOR_AND_NEAR, ...DEPRIVED, ...MOVEMENT_WORDS],
  },
  {
    field: "poorNear",
    kinds: ["summary"],
    type: "count",
    label: bi("Số hộ nghèo và cận nghèo", "Poor and near-poor households"),
    match: POOR_AND_NEAR.map((p) => [p]),
    not: [...RATE_WORDS, ...MEMBERS],
  },
  {
    field: "poorNearRate",
    kinds: ["summary"],
    type: "rate",
    label: bi("Tỷ lệ nghèo đa chiều (nghèo và cận nghèo)", "Poor and near-poor rate (multidimensional)"),
    match: [...withRate(POOR_AND_NEAR.map((p) => [p])), ["ty le ngheo da chieu"], ["multidimensional poverty rate"]],
    not: MEMBERS,
  },
  {
    field: "average",
    kinds: ["summary"],
    type: "count",
    label: bi("Hộ có mức sống trung bình", "Average-living households"),
    match: [["trung binh"], ["average"]],
    not: [...RATE_WORDS, ...MEMBERS, "binh quan"],
  },
  {
    field: "averageRate",
    kinds: ["summary"],
    type: "rate",
    label: bi("Tỷ lệ hộ có mức sống trung bình", "Average-living rate"),
    match: withRate([["trung binh"], ["average"]]),
    not: MEMBERS,
  },
  {
    field: "poorMembers",
    kinds: ["summary"],
    type: "count",
    label: bi("Nhân khẩu hộ nghèo", "Members of poor households"),
    match: MEMBERS.flatMap((m) => [
      ["ngheo", m],
      ["poor", m],
    ]),
    not: [...CAT_NOT_POOR, ...RATE_WORDS],
  },
  {
    field: "poorMembersRate",
    kinds: ["summary"],
    type: "rate",
    label: bi("Tỷ lệ nhân khẩu nghèo", "Poor members rate"),
    match: withRate(
      MEMBERS.flatMap((m) => [
        ["ngheo", m],
        ["poor", m],
      ]),
    ),
    not: CAT_NOT_POOR,
  },
  {
    field: "nearPoorMembers",
    kinds: ["summary"],
    type: "count",
    label: bi("Nhân khẩu hộ cận nghèo", "Members of near-poor households"),
    match: MEMBERS.flatMap((m) => [
      ["can ngheo", m],
      ["near poor", m],
    ]),
    not: RATE_WORDS,
  },
  {
    field: "nearPoorMembersRate",
    kinds: ["summary"],
    type: "rate",
    label: bi("Tỷ lệ nhân khẩu cận nghèo", "Near-poor members rate"),
    match: withRate(
      MEMBERS.flatMap((m) => [
        ["can ngheo", m],
        ["near poor", m],
      ]),
    ),
  },
  {
    field: "averageMembers",
    kinds: ["summary"],
    type: "count",
    label: bi("Nhân khẩu hộ có mức sống trung bình", "Members of average-living households"),
    match: MEMBERS.flatMap((m) => [
      ["trung binh", m],
      ["average", m],
    ]),
    not: RATE_WORDS,
  },
  {
    field: "averageMembersRate",
    kinds: ["summary"],
    type: "rate",
    label: bi("Tỷ lệ nhân khẩu mức sống trung bình", "Average-living members rate"),
    match: withRate(
      MEMBERS.flatMap((m) => [
        ["trung binh", m],
        ["average", m],
      ]),
    ),
  },

  // ---- transitions (Biểu 2/3): 9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8. Detection reads the direction of a movement
  // column from its words in order (movement.ts); the phrases below name the fields for the confidence measure.
  {
    field: "start",
    kinds: ["transition"],
    type: "count",
    label: bi("Đầu kỳ", "Start of period"),
    match: [["dau ky"], ["dau nam"], ["start"]],
    not: ["giam", "tang", "ty le", "%", "tong so ho", "households", "dan cu"],
  },
  {
    field: "decToNear",
    kinds: MOVEMENT_KINDS,
    type: "count",
    label: bi("Thoát nghèo sang cận nghèo", "Poor → near-poor"),
    match: [
      ["sang ho can ngheo"],
      ["sang can ngheo"],
      ["thanh ho can ngheo"],
      ["to near poor"],
      ["decreases", "poor near poor"],
    ],
    not: ["tu ho ngheo", "tu ngheo", "tu ho can ngheo", "tu can ngheo", "increases"],
  },
  {
    field: "decAbove",
    kinds: MOVEMENT_KINDS,
    type: "count",
    label: bi("Thoát nghèo / thoát cận nghèo", "Escaped (above the line)"),
    match: [["thoat ngheo", "vuot"], ["thoat can ngheo"], ["vuot"], ["thoat ngheo"], ["escaped"]],
    not: ["sang ho can ngheo", "sang can ngheo", "khac"],
  },
  {
    field: "decToPoor",
    kinds: MOVEMENT_KINDS,
    type: "count",
    label: bi("Cận nghèo chuyển thành hộ nghèo", "Near-poor → poor"),
    match: [["xuong ho ngheo"], ["sang ho ngheo"], ["thanh ho ngheo"], ["to poor"], ["decreases", "near poor poor"]],
    not: ["tu ho can ngheo", "tu can ngheo", "tang", "increases"],
  },
  {
    field: "decOther",
    kinds: MOVEMENT_KINDS,
    type: "count",
    label: bi("Giảm khác", "Other decrease"),
    match: [["giam khac"], ["giam", "khac"], ["other decrease"]],
  },
  {
    field: "incFromNear",
    kinds: MOVEMENT_KINDS,
    type: "count",
    label: bi("Từ cận nghèo xuống nghèo", "Near-poor → poor (increase)"),
    match: [["tu ho can ngheo"], ["tu can ngheo"], ["from near poor"], ["increases", "near poor poor"]],
    not: ["giam", "decreases"],
  },
  {
    field: "incFromPoor",
    kinds: MOVEMENT_KINDS,
    type: "count",
    label: bi("Từ hộ nghèo sang cận nghèo", "Poor → near-poor (increase)"),
    match: [["tu ho ngheo"], ["tu ngheo"], ["from poor"], ["increases", "poor near poor"]],
    not: ["giam", "decreases"],
  },
  {
    field: "incRe",
    kinds: MOVEMENT_KINDS,
    type: "count",
    label: bi("Tái nghèo / tái cận nghèo", "Re-entered"),
    match: [["tai ngheo"], ["tai can ngheo"], ["re poor"], ["re near poor"], ["re entered"]],
  },
  {
    field: "incNew",
    kinds: MOVEMENT_KINDS,
    type: "count",
    label: bi("Phát sinh mới", "Newly poor / near-poor"),
    match: [["phat sinh"], ["new"], ["newly"]],
  },
  {
    field: "incOther",
    kinds: MOVEMENT_KINDS,
    type: "count",
    label: bi("Tăng khác", "Other increase"),
    match: [["tang khac"], ["tang", "khac"], ["other increase"]],
  },
  {
    field: "decTotal",
    kinds: MOVEMENT_KINDS,
    type: "count",
    label: bi("Tổng số giảm", "Total decrease"),
    match: [["tong giam"], ["so ho giam"], ["giam"], ["total decrease"], ["decrease"]],
  },
  {
    field: "incTotal",
    kinds: MOVEMENT_KINDS,
    type: "count",
    label: bi("Tổng số tăng", "Total increase"),
    match: [["tong tang"], ["so ho tang"], ["tang"], ["total increase"], ["increase"]],
  },
  {
    field: "end",
    kinds: ["transition"],
    type: "count",
    label: bi("Cuối kỳ", "End of period"),
    match: [["cuoi ky"], ["cuoi nam"], ["end"]],
    not: ["giam", "tang", "ty le", "%", "tong so ho", "households", "dan cu"],
  },

  // ---- targets (chỉ tiêu giảm nghèo)
  {
    field: "startCount",
    kinds: ["target"],
    type: "count",
    label: bi("Số hộ nghèo đầu kỳ", "Poor households at start"),
    match: [["dau ky"], ["dau nam"], ["hien co"], ["start"]],
    not: [...RATE_WORDS, "giam", "so nam", "years"],
  },
  {
    field: "startRate",
    kinds: ["target", "transition"],
    type: "rate",
    label: bi("Tỷ lệ đầu kỳ", "Rate at start"),
    match: [...withRate([["dau ky"], ["dau nam"], ["start"]])],
    not: ["giam"],
  },
  {
    field: "reductionPp",
    kinds: ["target", "transition"],
    type: "pp",
    label: bi("Chỉ tiêu giảm tỷ lệ (điểm %)", "Reduction (percentage points)"),
    match: [
      ["giam", "ty le"],
      ["giam", "%"],
      ["muc giam"],
      ["reduction pp"],
      ["reduction", "%"],
      ["reduction", "rate"],
    ],
    not: ["so ho", "dau ky", "cuoi ky", "dau nam", "cuoi nam"],
  },
  {
    field: "reduced",
    kinds: ["target"],
    type: "count",
    // The net fall of the poor count ("số hộ giảm"); planners often head it "thoát nghèo", which Form 2 uses for
    // escaped households only — read both, label it for what it is.
    label: bi("Số hộ nghèo giảm", "Fall in poor households"),
    match: [
      ["so ho giam"],
      ["so ho", "giam"],
      ["thoat ngheo"],
      ["ho can giam"],
      ["households to reduce"],
      ["reduced households"],
      ["out of poverty"],
      ["fall in poor households"],
      ["giam", "ho"],
    ],
    not: RATE_WORDS,
  },
  {
    field: "endCount",
    kinds: ["target"],
    type: "count",
    label: bi("Số hộ nghèo cuối kỳ", "Poor households at end"),
    match: [["cuoi ky"], ["cuoi nam"], ["end"]],
    not: [...RATE_WORDS, "giam"],
  },
  {
    field: "endRate",
    kinds: ["target", "transition"],
    type: "rate",
    label: bi("Tỷ lệ cuối kỳ", "Rate at end"),
    match: [...withRate([["cuoi ky"], ["cuoi nam"], ["end"]])],
    not: ["giam"],
  },

  // ---- plan indicators (chỉ tiêu kế hoạch)
  {
    field: "indicator",
    kinds: ["plan"],
    type: "text",
    label: bi("Chỉ tiêu", "Indicator"),
    match: [["chi tieu"], ["noi dung"], ["ten chi tieu"], ["indicator"]],
    not: ["ke hoach", "thuc hien", "nam"],
  },
  {
    field: "unitOfMeasure",
    kinds: ["plan"],
    type: "text",
    label: bi("Đơn vị tính", "Unit of measure"),
    match: [["don vi tinh"], ["unit of measure"], ["unit"]],
    preferIn: ["plan"],
  },
  {
    field: "planDirection",
    kinds: ["plan"],
    type: "text",
    label: bi("Loại chỉ tiêu (tăng/giảm)", "Direction"),
    match: [["loai chi tieu"], ["tang giam"], ["chieu"], ["xu huong"], ["direction"]],
  },
  {
    field: "planBaseline",
    kinds: ["plan"],
    type: "number",
    label: bi("Đầu kỳ", "Baseline"),
    match: [
      ["dau ky"],
      ["dau nam"],
      ["thuc hien nam truoc"],
      ["ky goc"],
      ["nam goc"],
      ["gia tri goc"],
      ["baseline"],
      ["start"],
    ],
  },
  {
    field: "planTarget",
    kinds: ["plan"],
    type: "number",
    label: bi("Kế hoạch", "Target"),
    match: [["ke hoach"], ["target"], ["muc tieu"], ["plan"]],
    not: ["thuc hien", "so voi"],
  },
  {
    field: "planActual",
    kinds: ["plan"],
    type: "number",
    label: bi("Thực hiện", "Actual"),
    match: [["thuc hien"], ["uoc thuc hien"], ["actual"], ["ket qua", "thuc hien"], ["ket qua", "dat duoc"]],
    not: ["nam truoc"],
  },
  {
    field: "planShare",
    kinds: ["plan"],
    type: "rate",
    label: bi("% hoàn thành", "% achieved"),
    // "%" first, as one phrase: "% thực hiện" is the share, "Thực hiện (%)" an actual written in percent.
    match: [
      ["% thuc hien"],
      ["% hoan thanh"],
      ["% dat"],
      ["% so voi ke hoach"],
      ["% ke hoach"],
      ["ty le thuc hien"],
      ["ty le hoan thanh"],
      ["% achieved"],
      ["% of plan"],
      ["% completion"],
      ["percent achieved"],
    ],
  },
  {
    field: "planStatus",
    kinds: ["plan"],
    type: "text",
    label: bi("Đánh giá", "Status"),
    match: [["danh gia"], ["ket qua"], ["xep loai"], ["muc do hoan thanh"], ["tinh trang"], ["status"], ["assessment"]],
    not: ["thuc hien", "dat duoc"],
  },
];

/** Field definitions by name. */
export const FIELD_BY_NAME: Record<string, FieldDef> = Object.fromEntries(FIELDS.map((f) => [f.field, f]));

/** Decreases and increases of a transition form (the identity end = start − Σ decreases + Σ increases). */
export const TRANSITION_DECREASES = ["decToNear", "decAbove", "decToPoor", "decOther"] as const;
export const TRANSITION_INCREASES = ["incFromNear", "incFromPoor", "incRe", "incNew", "incOther"] as const;

/** Field name of a deprivation indicator column: "dep.<indicator id>" or, when numbered only, "dep#<n>". */
export const depField = (id: string) => `dep.${id}`;
export const depNumberField = (n: number) => `dep#${n}`;
export const isDepField = (f: string) => f.startsWith("dep.") || f.startsWith("dep#");
