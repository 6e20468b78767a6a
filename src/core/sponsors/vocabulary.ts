/**
 * The words of a sponsorship register ("Giúp hộ nghèo có địa chỉ", nhận đỡ đầu hộ nghèo): the organisations of the
 * Fatherland Front system that take on named poor households, the kinds of support they report, and the loan
 * programmes of the Vietnam Bank for Social Policies (Ngân hàng Chính sách xã hội) their members borrow from.
 * Cells are matched folded (core/i18n `fold`): "Hội LHPN xã", "hội phụ nữ", "Women's Union" are one organisation.
 * Text that names none of them is kept as written (an organisation) or as "other" (support, programme) — the
 * register checks report it, never drop it. See docs/reports.md, "Giúp hộ nghèo có địa chỉ".
 */
import { bi, fold, type Bilingual } from "../i18n";

/** The mass organisations that sponsor households (and "other": any sponsor the list does not name). */
export type OrganisationCode = "front" | "youth" | "women" | "farmers" | "veterans" | "labour";

export interface OrganisationDef {
  code: OrganisationCode;
  label: Bilingual;
  /** Short name for narrow columns and messages. */
  short: Bilingual;
  /** Folded phrases (whole words) that name it; the first organisation whose phrase occurs wins. */
  phrases: string[];
}

/**
 * Order matters: "Liên đoàn Lao động" holds "đoàn", so the Labour Federation is tried before the Youth Union;
 * "Hội Cựu chiến binh" before the others ("hội").
 */
export const ORGANISATIONS: readonly OrganisationDef[] = [
  {
    code: "labour",
    label: bi("Liên đoàn Lao động", "Labour Federation"),
    short: bi("LĐLĐ", "Labour"),
    phrases: ["lien doan lao dong", "cong doan", "ldld", "labour federation", "labor federation", "trade union"],
  },
  {
    code: "veterans",
    label: bi("Hội Cựu chiến binh", "Veterans' Association"),
    short: bi("Hội CCB", "Veterans"),
    phrases: ["cuu chien binh", "ccb", "hoi cuu chien binh", "veterans", "veteran"],
  },
  {
    code: "farmers",
    label: bi("Hội Nông dân", "Farmers' Union"),
    short: bi("Hội ND", "Farmers"),
    phrases: ["hoi nong dan", "nong dan", "hoi nd", "hnd", "farmers", "farmer"],
  },
  {
    code: "women",
    label: bi("Hội Liên hiệp Phụ nữ", "Women's Union"),
    short: bi("Hội LHPN", "Women"),
    phrases: ["lien hiep phu nu", "phu nu", "lhpn", "hoi pn", "women", "womens", "women s"],
  },
  {
    code: "youth",
    label: bi("Đoàn Thanh niên", "Youth Union"),
    short: bi("Đoàn TN", "Youth"),
    phrases: [
      "doan thanh nien",
      "thanh nien",
      "doan tn",
      "doan tncs",
      "tncs",
      "thanh doan",
      "huyen doan",
      "xa doan",
      "phuong doan",
      "chi doan",
      "youth",
    ],
  },
  {
    code: "front",
    label: bi("Ủy ban Mặt trận Tổ quốc", "Fatherland Front"),
    short: bi("MTTQ", "Front"),
    phrases: ["mat tran to quoc", "mat tran", "mttq", "ubmttq", "fatherland front", "front"],
  },
];

export const ORGANISATION_BY_CODE: Record<OrganisationCode, OrganisationDef> = Object.fromEntries(
  ORGANISATIONS.map((o) => [o.code, o]),
) as Record<OrganisationCode, OrganisationDef>;

/** Folded text with punctuation as spaces, padded: phrases match as whole words. */
function words(text: string): string {
  return (
    " " +
    fold(text)
      .replace(/[^a-z0-9]+/g, " ")
      .trim() +
    " "
  );
}

const has = (padded: string, phrase: string) => padded.includes(" " + phrase + " ");

/** The organisation a register cell names, or undefined when it names none of the list. */
export function parseOrganisation(text: string): OrganisationCode | undefined {
  const w = words(text);
  for (const o of ORGANISATIONS) if (o.phrases.some((p) => has(w, p))) return o.code;
  return undefined;
}

/**
 * Key that groups register rows by organisation: the code of a known organisation, else "~" + the folded text
 * (so "Doanh nghiệp A" and "doanh nghiep a" are one sponsor).
 */
export function organisationKey(text: string): string {
  return parseOrganisation(text) ?? "~" + fold(text);
}

/** Display label of an organisation key (known code → its label; other → the text as first written). */
export function organisationLabel(key: string, firstText: string): Bilingual {
  const def = ORGANISATION_BY_CODE[key as OrganisationCode];
  return def ? def.label : bi(firstText, firstText);
}

/** Kinds of support reported for a sponsored household. */
export type SupportCode =
  "loan" | "training" | "jobs" | "healthInsurance" | "housing" | "livelihood" | "gifts" | "other";

export interface SupportDef {
  code: SupportCode;
  label: Bilingual;
  /** Folded phrases naming the support in a "hình thức hỗ trợ" cell. */
  phrases: string[];
}

export const SUPPORT_TYPES: readonly SupportDef[] = [
  {
    code: "loan",
    label: bi("Vay vốn ưu đãi", "Preferential loan"),
    phrases: ["vay von", "vay", "cho vay", "tin dung", "von vay", "loan", "credit"],
  },
  {
    code: "training",
    label: bi("Đào tạo nghề, tập huấn", "Vocational training"),
    phrases: ["dao tao", "day nghe", "hoc nghe", "tap huan", "khuyen nong", "chuyen giao", "training"],
  },
  {
    code: "jobs",
    label: bi("Việc làm", "Jobs"),
    phrases: ["viec lam", "gioi thieu viec lam", "xuat khau lao dong", "di lam", "job", "jobs", "employment"],
  },
  {
    code: "healthInsurance",
    label: bi("Bảo hiểm y tế", "Health insurance"),
    phrases: ["bao hiem y te", "bhyt", "the bhyt", "health insurance"],
  },
  {
    code: "housing",
    label: bi("Nhà ở", "Housing"),
    phrases: [
      "nha o",
      "nha dai doan ket",
      "nha tinh nghia",
      "mai am",
      "sua nha",
      "xay nha",
      "sua chua nha",
      "housing",
      "house",
    ],
  },
  {
    code: "livelihood",
    label: bi("Sinh kế, con giống, tư liệu sản xuất", "Livelihood, livestock, tools"),
    phrases: [
      "sinh ke",
      "con giong",
      "cay giong",
      "giong",
      "tu lieu san xuat",
      "phat trien san xuat",
      "cong cu",
      "may moc",
      "livelihood",
      "livestock",
      "seeds",
      "tools",
    ],
  },
  {
    code: "gifts",
    label: bi("Quà, hiện vật, tiền mặt", "Gifts, in kind, cash"),
    phrases: [
      "tang qua",
      "qua tet",
      "phan qua",
      "suat qua",
      "hien vat",
      "tien mat",
      "gao",
      "do dung",
      "in kind",
      "gift",
      "gifts",
      "cash",
    ],
  },
];

export const SUPPORT_BY_CODE: Record<SupportCode, SupportDef> = {
  ...(Object.fromEntries(SUPPORT_TYPES.map((s) => [s.code, s])) as Record<Exclude<SupportCode, "other">, SupportDef>),
  other: { code: "other", label: bi("Hỗ trợ khác", "Other support"), phrases: [] },
};

/** Every support code in display order (the seven named kinds, then "other"). */
export const SUPPORT_CODES: readonly SupportCode[] = [...SUPPORT_TYPES.map((s) => s.code), "other"];

/**
 * The kinds of support a "hình thức hỗ trợ" cell names: "Vay vốn; BHYT, sửa nhà" → loan, healthInsurance,
 * housing. Parts are split on ";", ",", "+", "/", new lines and " và "; a part naming none of the kinds is
 * returned in `unknown` (kept as "other").
 */
export function parseSupportTypes(text: string): { codes: SupportCode[]; unknown: string[] } {
  const codes: SupportCode[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[;,+/\n]| và | and /i)) {
    const part = raw.trim();
    if (!part) continue;
    const w = words(part);
    const hit = SUPPORT_TYPES.find((s) => s.phrases.some((p) => has(w, p)));
    const code: SupportCode = hit ? hit.code : "other";
    if (!hit) unknown.push(part);
    if (!codes.includes(code)) codes.push(code);
  }
  return { codes, unknown };
}

/** Loan programmes of the Vietnam Bank for Social Policies a sponsored household may borrow from. */
export type LoanProgrammeCode =
  "poor" | "nearPoor" | "escaped" | "jobs" | "water" | "housing" | "students" | "production" | "other";

export const LOAN_PROGRAMMES: readonly { code: LoanProgrammeCode; label: Bilingual; phrases: string[] }[] = [
  { code: "nearPoor", label: bi("Cho vay hộ cận nghèo", "Near-poor households"), phrases: ["can ngheo", "near poor"] },
  {
    code: "escaped",
    label: bi("Cho vay hộ mới thoát nghèo", "Newly escaped households"),
    phrases: ["moi thoat ngheo", "thoat ngheo", "escaped"],
  },
  { code: "poor", label: bi("Cho vay hộ nghèo", "Poor households"), phrases: ["ho ngheo", "ngheo", "poor"] },
  {
    code: "jobs",
    label: bi("Cho vay giải quyết việc làm", "Job creation"),
    phrases: ["giai quyet viec lam", "viec lam", "tao viec lam", "job", "jobs", "employment"],
  },
  {
    code: "water",
    label: bi("Cho vay nước sạch và vệ sinh môi trường", "Clean water and sanitation"),
    phrases: ["nuoc sach", "ve sinh moi truong", "nvs", "water", "sanitation"],
  },
  { code: "housing", label: bi("Cho vay nhà ở", "Housing"), phrases: ["nha o", "housing"] },
  {
    code: "students",
    label: bi("Cho vay học sinh, sinh viên", "Students"),
    phrases: ["hoc sinh", "sinh vien", "hssv", "student", "students"],
  },
  {
    code: "production",
    label: bi("Cho vay sản xuất kinh doanh vùng khó khăn", "Production in difficult areas"),
    phrases: ["vung kho khan", "san xuat kinh doanh", "sxkd", "production"],
  },
];

/** The programme a cell names, "other" for text naming none of them, undefined for a blank cell. */
export function parseLoanProgramme(text: string): LoanProgrammeCode | undefined {
  if (text.trim() === "") return undefined;
  const w = words(text);
  return LOAN_PROGRAMMES.find((p) => p.phrases.some((ph) => has(w, ph)))?.code ?? "other";
}

export const LOAN_PROGRAMME_OTHER: Bilingual = bi("Chương trình khác", "Other programme");

/**
 * Interest collection target of the sponsorship plans: "Tỷ lệ thu lãi hàng năm đạt từ 99% lãi phải thu trở lên"
 * (Đông Hà city, conclusion of the Party committee on loans for jobs and sustainable poverty reduction 2021–2025).
 * A local plan may set another; it is an option of the checks and the reports.
 */
export const DEFAULT_INTEREST_TARGET = 0.99;
