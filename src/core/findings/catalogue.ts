/**
 * The rule catalogue: every finding code the reader and the validators emit, with its severity,
 * title, description and message templates in Vietnamese and English. `docs/validation-rules.md` is
 * generated from this list (`poverty rules --markdown`), so documentation cannot drift from the code.
 * Codes are stable: never rename one that has shipped.
 */
import type { Bilingual, Lang } from "../i18n";
import { formatNumber } from "../i18n";
import { a1 } from "../address";
import type { Finding, RelatedCell, Severity } from "./finding";

/** A message parameter: a number (formatted per language), a text, or a text in both languages. */
export type Param = string | number | Bilingual;
export type Params = Record<string, Param>;

export type RuleGroup =
  | "file"
  | "structure"
  | "values"
  | "uniqueness"
  | "household"
  | "arithmetic"
  | "transition"
  | "deprivation"
  | "target"
  | "plan"
  | "cross"
  | "series"
  | "consolidate"
  | "sponsor";

export const GROUP_LABELS: Record<RuleGroup, Bilingual> = {
  file: { vi: "Tệp và trang tính", en: "Files and sheets" },
  structure: { vi: "Cấu trúc bảng", en: "Table structure" },
  values: { vi: "Giá trị ô", en: "Cell values" },
  uniqueness: { vi: "Trùng lặp", en: "Uniqueness" },
  household: { vi: "Nhất quán hộ gia đình", en: "Household consistency" },
  arithmetic: { vi: "Số học trong bảng", en: "Table arithmetic" },
  transition: { vi: "Diễn biến (Biểu 2/3)", en: "Transitions (Forms 2/3)" },
  deprivation: { vi: "Thiếu hụt (Biểu 4)", en: "Deprivations (Form 4)" },
  target: { vi: "Chỉ tiêu giảm nghèo", en: "Targets" },
  plan: { vi: "Chỉ tiêu kế hoạch", en: "Plan indicators" },
  cross: { vi: "Đối chiếu giữa các bảng", en: "Cross-sheet" },
  series: { vi: "Chuỗi thời gian", en: "Time series" },
  consolidate: { vi: "Gộp danh sách", en: "Consolidation" },
  sponsor: { vi: "Sổ đỡ đầu hộ nghèo (giúp hộ nghèo có địa chỉ)", en: "Sponsorship register" },
};

export interface RuleInfo<C extends string = string> {
  code: C;
  severity: Severity;
  group: RuleGroup;
  title: Bilingual;
  description: Bilingual;
  vi: (p: Params) => string;
  en: (p: Params) => string;
  /** Parameters of the documented example message. */
  example: Params;
}

/** Format a parameter for a language: numbers the Vietnamese or English way. */
export function fmt(p: Param | undefined, lang: Lang): string {
  if (p === undefined) return "";
  if (typeof p === "number") {
    if (!Number.isFinite(p)) return String(p);
    const d = Number.isInteger(p) ? 0 : Math.min(6, Math.max(0, -Math.floor(Math.log10(Math.abs(p) || 1)) + 3));
    const s = formatNumber(p, lang, d);
    return d > 0 ? s.replace(/([.,]\d*?)0+$/, "$1").replace(/[.,]$/, "") : s;
  }
  if (typeof p === "string") return p;
  return lang === "vi" ? p.vi : p.en;
}

const R = <C extends string>(
  code: C,
  severity: Severity,
  group: RuleGroup,
  title: Bilingual,
  description: Bilingual,
  vi: (v: (k: string) => string) => string,
  en: (v: (k: string) => string) => string,
  example: Params,
): RuleInfo<C> => ({
  code,
  severity,
  group,
  title,
  description,
  vi: (p) => vi((k) => fmt(p[k], "vi")),
  en: (p) => en((k) => fmt(p[k], "en")),
  example,
});
const b = (vi: string, en: string): Bilingual => ({ vi, en });

/** The catalogue as written; its element type gives `FindingCode`. */
const RULE_LIST = [
  // ---------------------------------------------------------------- file
  R(
    "FILE_UNREADABLE",
    "error",
    "file",
    b("Không đọc được tệp", "File cannot be read"),
    b(
      "Tệp hỏng, có mật khẩu, hoặc không phải .xlsx (ví dụ .xls, .csv). Các tệp khác vẫn được kiểm tra; mã thoát 2.",
      "The file is corrupt, password-protected or not .xlsx (e.g. .xls, .csv). Other files are still checked; exit code 2.",
    ),
    (v) => `Không đọc được tệp "${v("file")}": ${v("reason")}`,
    (v) => `Cannot read file "${v("file")}": ${v("reason")}`,
    { file: "xa-a.xls", reason: b("định dạng .xls cũ; hãy lưu lại thành .xlsx", "old .xls format; save it as .xlsx") },
  ),
  R(
    "FILE_CHECK_FAILED",
    "error",
    "file",
    b("Không kiểm tra được tệp", "File could not be checked"),
    b(
      "Tệp đọc được nhưng việc kiểm tra tệp này gặp lỗi ngoài dự kiến (lỗi của chương trình, xin báo lại kèm tệp). Các tệp khác vẫn được kiểm tra; mã thoát 2.",
      "The file was read but checking it failed unexpectedly (a defect of the program; please report it with the file). Other files are still checked; exit code 2.",
    ),
    (v) => `Không kiểm tra được tệp "${v("file")}": ${v("reason")}`,
    (v) => `Cannot check file "${v("file")}": ${v("reason")}`,
    { file: "xa-a.xlsx", reason: b("lỗi ngoài dự kiến", "unexpected error") },
  ),
  R(
    "CELL_UNREADABLE",
    "error",
    "values",
    b("Ô không đọc được", "Cell cannot be read"),
    b(
      "Tệp ghi một giá trị mà bộ đọc không hiểu được (chỉ mục chuỗi dùng chung không tồn tại, số không hợp lệ, byte không phải UTF-8, ký tự không hợp lệ). Ô được coi là trống, không bao giờ là 0 hay chuỗi rỗng lặng lẽ.",
      "The file stores a value the reader cannot interpret (a shared-string index that does not exist, an invalid number, bytes that are not UTF-8, an invalid character). The cell is treated as blank, never silently as 0 or an empty text.",
    ),
    (v) => `Ô ${v("cell")}: ${v("reason")}`,
    (v) => `Cell ${v("cell")}: ${v("reason")}`,
    {
      cell: "H7",
      reason: b(
        "tham chiếu chuỗi dùng chung số 912 nhưng tệp chỉ có 40 chuỗi; coi là ô trống",
        "refers to shared string 912 but the file has only 40; treated as blank",
      ),
    },
  ),
  R(
    "CELL_READ_AS_BLANK",
    "warning",
    "values",
    b("Ô có giá trị rỗng", "Cell with an empty value"),
    b(
      "Ô có phần tử giá trị nhưng không có nội dung (tệp do chương trình khác tạo). Ô được đọc là trống, không phải 0.",
      "The cell has a value element with nothing in it (written by another program). It is read as blank, not 0.",
    ),
    (v) => `Ô ${v("cell")} có giá trị rỗng; đọc là ô trống (không phải 0).`,
    (v) => `Cell ${v("cell")} has an empty value; read as blank (not 0).`,
    { cell: "H7" },
  ),
  R(
    "SHEET_HIDDEN",
    "info",
    "file",
    b("Trang tính bị ẩn", "Hidden sheet"),
    b(
      "Trang tính ẩn vẫn được đọc và kiểm tra; báo để người dùng biết.",
      "Hidden sheets are still read and checked; reported so the user knows.",
    ),
    (v) => `Trang tính "${v("sheet")}" đang bị ẩn; vẫn được kiểm tra.`,
    (v) => `Sheet "${v("sheet")}" is hidden; it is still checked.`,
    { sheet: "Dữ liệu gốc" },
  ),
  R(
    "SHEET_EMPTY",
    "info",
    "file",
    b("Trang tính trống", "Empty sheet"),
    b("Trang tính không có ô nào có dữ liệu.", "The sheet has no non-blank cell."),
    (v) => `Trang tính "${v("sheet")}" trống.`,
    (v) => `Sheet "${v("sheet")}" is empty.`,
    { sheet: "Sheet2" },
  ),
  R(
    "SHEET_UNRECOGNISED",
    "info",
    "file",
    b("Không nhận ra loại bảng", "Sheet kind not recognised"),
    b(
      "Không tìm thấy dòng tiêu đề cột khớp với danh sách hộ hay các biểu tổng hợp; trang tính được bỏ qua.",
      "No header row matches a household roster or a known form; the sheet is skipped.",
    ),
    (v) => `Không nhận ra loại bảng ở trang "${v("sheet")}" (không thấy tiêu đề cột quen thuộc); bỏ qua.`,
    (v) => `Sheet "${v("sheet")}" is not a recognised table (no familiar column headers); skipped.`,
    { sheet: "Ghi chú" },
  ),
  R(
    "YEAR_UNSUPPORTED",
    "warning",
    "file",
    b("Năm rà soát không có chuẩn", "Review year without a standard"),
    b(
      "Tiêu đề ghi một năm rà soát ngoài các năm có chuẩn nghèo (2015–2030): không kiểm tra phân loại hộ theo chuẩn. Dùng --year nếu tiêu đề ghi sai.",
      "The title names a review year outside the years with a poverty standard (2015–2030): households are not checked against a standard. Use --year if the title is wrong.",
    ),
    (v) =>
      `Trang "${v("sheet")}": tiêu đề ghi năm rà soát ${v("year")} (“${v("text")}”), không thuộc chuẩn nghèo nào (2015–2030); không kiểm tra phân loại hộ.`,
    (v) =>
      `Sheet "${v("sheet")}": the title names review year ${v("year")} (“${v("text")}”), covered by no poverty standard (2015–2030); households not checked against a standard.`,
    { sheet: "DS hộ", year: "2014", text: "DANH SÁCH HỘ NGHÈO NĂM 2014" },
  ),
  R(
    "FORMULA_NO_CACHED_VALUE",
    "warning",
    "file",
    b("Công thức chưa có giá trị", "Formula without a cached value"),
    b(
      "Ô có công thức nhưng tệp không lưu kết quả (tệp tạo bằng chương trình, chưa mở bằng Excel). Hãy mở và lưu lại bằng Excel.",
      "The cell holds a formula but the file stores no result (made by a program, never opened in Excel). Open and save it in Excel.",
    ),
    (v) => `Ô ${v("cell")} có công thức nhưng chưa có giá trị tính sẵn; hãy mở tệp bằng Excel rồi lưu lại.`,
    (v) => `Cell ${v("cell")} has a formula without a cached value; open the file in Excel and save it.`,
    { cell: "E12" },
  ),

  // ---------------------------------------------------------------- structure
  R(
    "STRUCT_MISSING_COLUMN",
    "error",
    "structure",
    b("Thiếu cột bắt buộc", "Required column missing"),
    b(
      "Loại bảng đã nhận ra nhưng thiếu cột cần cho việc kiểm tra (ví dụ mã hộ trong danh sách hộ).",
      "The sheet kind is recognised but a column needed for checking is missing (e.g. the household id of a roster).",
    ),
    (v) => `Thiếu cột "${v("column")}" trong ${v("kind")}.`,
    (v) => `Column "${v("column")}" is missing from the ${v("kind")}.`,
    { column: b("Mã hộ", "Household id"), kind: b("danh sách hộ", "household roster") },
  ),
  R(
    "STRUCT_AMBIGUOUS_COLUMN",
    "warning",
    "structure",
    b("Tiêu đề cột không rõ", "Ambiguous column header"),
    b(
      "Hai cột cùng khớp một trường, hoặc một cột khớp hai trường như nhau; dùng cột đầu tiên. Có thể chỉ định ánh xạ cột.",
      "Two columns match one field equally, or one column matches two fields; the first is used. An explicit mapping can override.",
    ),
    (v) => `Cột ${v("column")} ("${v("header")}") không rõ nghĩa: ${v("detail")}.`,
    (v) => `Column ${v("column")} ("${v("header")}") is ambiguous: ${v("detail")}.`,
    { column: "F", header: "Số hộ", detail: b("cũng khớp với cột D", "also matches column D") },
  ),
  R(
    "STRUCT_UNMAPPED_COLUMN",
    "info",
    "structure",
    b("Cột không dùng", "Unmapped column"),
    b(
      "Cột có tiêu đề nhưng không khớp trường nào; không được kiểm tra.",
      "The column has a header that matches no field; it is not checked.",
    ),
    (v) => `Cột ${v("column")} ("${v("header")}") không khớp trường nào; không kiểm tra.`,
    (v) => `Column ${v("column")} ("${v("header")}") matches no field; not checked.`,
    { column: "P", header: "Ghi chú" },
  ),
  R(
    "STRUCT_DATA_BELOW_TOTAL",
    "warning",
    "structure",
    b("Dữ liệu nằm dưới dòng tổng", "Data below a totals row"),
    b(
      "Có dòng dữ liệu sau dòng tổng cộng; dòng tổng có thể không gồm các dòng này.",
      "Data rows follow a totals row; the total may not include them.",
    ),
    (v) => `Dòng ${v("row")} có dữ liệu nằm dưới dòng tổng (dòng ${v("totalRow")}).`,
    (v) => `Row ${v("row")} holds data below the totals row (row ${v("totalRow")}).`,
    { row: 25, totalRow: 20 },
  ),
  R(
    "STRUCT_BELOW_TABLE_IGNORED",
    "warning",
    "structure",
    b("Ô lẻ bên dưới ghi chú cuối bảng", "Stray cells below the table's notes"),
    b(
      "Bảng kết thúc ở phần ghi chú (dòng trống rồi các dòng chỉ có một đoạn chữ). Các ô lẻ nằm dưới phần ghi chú không được đọc như dữ liệu của bảng — mọi lệnh (kiểm tra, gộp, báo cáo) đều dừng ở cùng một chỗ; hãy xóa hoặc chuyển chúng nếu đó là số liệu.",
      "The table ends at its notes (a blank row, then rows holding one text each). Stray cells below the notes are not read as rows of the table — every command (validate, consolidate, report) stops at the same place; delete or move them if they are data.",
    ),
    (v) => `Ô ${v("cell")}: bảng kết thúc ở dòng ghi chú ${v("notesRow")}; ${v("count")} ô bên dưới không được đọc.`,
    (v) =>
      `Cell ${v("cell")}: the table ends at its notes on row ${v("notesRow")}; ${v("count")} cell(s) below are not read.`,
    { cell: "Z1000", notesRow: 45, count: 1 },
  ),
  R(
    "STRUCT_MERGED_DATA",
    "warning",
    "structure",
    b("Ô gộp trong vùng dữ liệu", "Merged cells inside the data"),
    b(
      "Ô gộp trong vùng dữ liệu làm mất giá trị của các ô bị gộp (chỉ ô đầu giữ giá trị).",
      "Merged cells inside the data hide values (only the first cell keeps a value).",
    ),
    (v) => `Vùng ${v("range")} là ô gộp nằm trong vùng dữ liệu; chỉ ô đầu tiên có giá trị.`,
    (v) => `Range ${v("range")} is merged inside the data; only its first cell has a value.`,
    { range: "C14:C15" },
  ),
  R(
    "STRUCT_NO_DATA",
    "warning",
    "structure",
    b("Không có dòng dữ liệu", "No data rows"),
    b("Có dòng tiêu đề nhưng không có dòng dữ liệu nào.", "A header row is present but no data row follows."),
    (v) => `Trang "${v("sheet")}" có tiêu đề cột nhưng không có dữ liệu.`,
    (v) => `Sheet "${v("sheet")}" has column headers but no data.`,
    { sheet: "Xã A" },
  ),
  R(
    "STRUCT_TEMPLATE_UNFILLED",
    "info",
    "structure",
    b("Mẫu chưa điền", "Template not filled in"),
    b(
      "Dưới tiêu đề chỉ có các dòng nhập liệu chuẩn bị sẵn (công thức cho kết quả trống), chưa có dữ liệu: mẫu trống, không có gì để kiểm tra.",
      "Below the header there are only prepared input rows (formulas showing blank), no data yet: a blank template, nothing to check.",
    ),
    (v) => `Trang "${v("sheet")}" là mẫu chưa điền: chưa có dòng dữ liệu nào.`,
    (v) => `Sheet "${v("sheet")}" is a template not filled in yet: no data rows.`,
    { sheet: "Danh sách hộ" },
  ),

  // ---------------------------------------------------------------- values
  R(
    "VALUE_EXCEL_ERROR",
    "error",
    "values",
    b("Ô chứa lỗi Excel", "Excel error value"),
    b("Ô chứa #N/A, #DIV/0!, #REF!… thay vì một giá trị.", "The cell holds #N/A, #DIV/0!, #REF!… instead of a value."),
    (v) => `Ô ${v("cell")} (${v("field")}) chứa lỗi Excel ${v("value")}.`,
    (v) => `Cell ${v("cell")} (${v("field")}) holds the Excel error ${v("value")}.`,
    { cell: "F9", field: b("Tỷ lệ hộ nghèo", "Poverty rate"), value: "#DIV/0!" },
  ),
  R(
    "VALUE_NOT_NUMBER",
    "error",
    "values",
    b("Không phải số", "Not a number"),
    b(
      "Ô trong cột số chứa chữ, ngày hoặc giá trị không đọc được; không bao giờ coi là 0.",
      "A cell of a numeric column holds text, a date or an unreadable value; it is never read as 0.",
    ),
    (v) => `Ô ${v("cell")} (${v("field")}): "${v("value")}" không phải là số.`,
    (v) => `Cell ${v("cell")} (${v("field")}): "${v("value")}" is not a number.`,
    { cell: "G7", field: b("Số nhân khẩu", "Members"), value: "bốn" },
  ),
  R(
    "VALUE_AMBIGUOUS_NUMBER",
    "error",
    "values",
    b("Số viết không rõ nghĩa", "Ambiguous number"),
    b(
      'Một dấu phẩy theo sau đúng ba chữ số ("1,500") là 1,5 theo cách ghi Việt Nam nhưng 1500 theo cách ghi tiếng Anh. Cột số đếm, tiền hiểu là hàng nghìn; cột tỷ lệ hiểu là thập phân; ở cột khác (điểm, năm, kế hoạch/thực hiện không có đơn vị tính rõ) ô không được đọc, không đoán.',
      'One comma followed by exactly three digits ("1,500") is 1.5 in Vietnamese notation but 1500 in English. Count and money columns read it as thousands, rate columns as a decimal; in other columns (scores, years, plan/actual without a clear unit of measure) the cell is not read rather than guessed.',
    ),
    (v) =>
      `Ô ${v("cell")} (${v("field")}): không rõ "${v("value")}" là ${v("decimal")} hay ${v("thousands")}; hãy ghi ${v("thousands")} hoặc ${v("decimal")}.`,
    (v) =>
      `Cell ${v("cell")} (${v("field")}): "${v("value")}" is ambiguous (${v("decimal")} or ${v("thousands")}); write ${v("thousands")}, or ${v("decimal")} with a decimal comma.`,
    { cell: "F8", field: b("Kế hoạch", "Target"), value: "1,500", decimal: b("1,5", "1.5"), thousands: "1500" },
  ),
  R(
    "VALUE_MISSING",
    "warning",
    "values",
    b("Thiếu giá trị", "Missing value"),
    b("Ô cần cho việc kiểm tra đang trống.", "A cell needed for a check is blank."),
    (v) => `Ô ${v("cell")} (${v("field")}) đang trống.`,
    (v) => `Cell ${v("cell")} (${v("field")}) is blank.`,
    { cell: "E8", field: b("Khu vực", "Area") },
  ),
  R(
    "VALUE_NEGATIVE",
    "error",
    "values",
    b("Giá trị âm", "Negative value"),
    b(
      "Số hộ, số người, thu nhập, điểm không được âm; ở bảng chỉ tiêu kế hoạch: kế hoạch, thực hiện, đầu kỳ và % hoàn thành.",
      "Counts, incomes and scores cannot be negative; on plan-indicator sheets: plan, actual, baseline and % achieved.",
    ),
    (v) => `Ô ${v("cell")} (${v("field")}) có giá trị âm: ${v("value")}.`,
    (v) => `Cell ${v("cell")} (${v("field")}) is negative: ${v("value")}.`,
    { cell: "C9", field: b("Số hộ nghèo", "Poor households"), value: -3 },
  ),
  R(
    "VALUE_NOT_INTEGER",
    "error",
    "values",
    b("Số đếm không nguyên", "Count is not a whole number"),
    b("Số hộ, số người, số chỉ số phải là số nguyên.", "Household, member and indicator counts must be whole numbers."),
    (v) => `Ô ${v("cell")} (${v("field")}) phải là số nguyên, đang là ${v("value")}.`,
    (v) => `Cell ${v("cell")} (${v("field")}) must be a whole number, found ${v("value")}.`,
    { cell: "D10", field: b("Số hộ nghèo", "Poor households"), value: 12.5 },
  ),
  R(
    "VALUE_MEMBERS_RANGE",
    "error",
    "values",
    b("Số nhân khẩu của hộ ngoài khoảng cho phép", "Household size out of range"),
    b(
      "Số nhân khẩu của một hộ phải là số nguyên từ 1 đến 50 (có thể đổi giới hạn trên: --max-members). Số 0 hay 99.999 là lỗi gõ, không phải một hộ.",
      "A household's number of members must be a whole number from 1 to 50 (the upper bound can be changed: --max-members). 0 or 99,999 is a typing mistake, not a household.",
    ),
    (v) => `Ô ${v("cell")}: số nhân khẩu ${v("value")} ngoài khoảng ${v("min")}–${v("max")}.`,
    (v) => `Cell ${v("cell")}: ${v("value")} members is outside ${v("min")}–${v("max")}.`,
    { cell: "F12", value: 99999, min: 1, max: 50 },
  ),
  R(
    "VALUE_RATE_RANGE",
    "error",
    "values",
    b("Tỷ lệ ngoài 0–100 %", "Rate outside 0–100 %"),
    b("Tỷ lệ phải nằm trong [0 %, 100 %].", "A rate must lie in [0 %, 100 %]."),
    (v) => `Ô ${v("cell")} (${v("field")}): tỷ lệ ${v("value")} nằm ngoài 0–100 %.`,
    (v) => `Cell ${v("cell")} (${v("field")}): rate ${v("value")} is outside 0–100 %.`,
    { cell: "E5", field: b("Tỷ lệ hộ nghèo", "Poverty rate"), value: b("112,5 %", "112.5%") },
  ),
  R(
    "VALUE_READ_AS_NOTE",
    "info",
    "values",
    b("Ô số liệu được đọc là ghi chú", "Data cell read as a note"),
    b(
      'Chữ trong một cột số là ghi chú rõ ràng (ô gộp qua nhiều dòng, hoặc "Như cột 4", "Ghi chú…", "(*)"): không phải lỗi số liệu, ô được bỏ qua; các ô khác của dòng vẫn được kiểm tra.',
      'Text in a numeric column that is plainly a note (merged over several rows, or "Như cột 4", "Ghi chú…", "(*)"): not a data error; the cell is skipped and the rest of the row is still checked.',
    ),
    (v) =>
      `Ô ${v("cell")} (${v("field")}): "${v("value")}" được đọc là ghi chú, không phải số; các ô khác của dòng vẫn được kiểm tra.`,
    (v) =>
      `Cell ${v("cell")} (${v("field")}): "${v("value")}" was read as a note, not a number; the rest of the row is still checked.`,
    { cell: "F9", field: b("Số hộ cận nghèo", "Near-poor households"), value: "Như cột 4" },
  ),
  R(
    "VALUE_FLAG_INVALID",
    "error",
    "values",
    b("Cờ không hợp lệ", "Invalid flag"),
    b(
      "Cột cờ (thiếu hụt, DTTS…) chỉ nhận x/1/có hoặc trống/0/không.",
      "Flag columns (deprivations, ethnic minority…) accept x/1/yes or blank/0/no.",
    ),
    (v) => `Ô ${v("cell")} (${v("field")}): "${v("value")}" không phải x/1/có hoặc trống/0/không.`,
    (v) => `Cell ${v("cell")} (${v("field")}): "${v("value")}" is not x/1/yes or blank/0/no.`,
    { cell: "K12", field: b("Bảo hiểm y tế", "Health insurance"), value: "2" },
  ),
  R(
    "VALUE_DEP_COUNT_RANGE",
    "error",
    "values",
    b("Số chỉ số thiếu hụt ngoài phạm vi", "Deprivation count out of range"),
    b(
      "Số chỉ số thiếu hụt của một hộ nằm trong 0 đến số chỉ số của chuẩn (12 hoặc 10).",
      "A household's deprivation count lies between 0 and the standard's indicator count (12 or 10).",
    ),
    (v) => `Ô ${v("cell")}: số chỉ số thiếu hụt ${v("value")} ngoài phạm vi 0–${v("max")}.`,
    (v) => `Cell ${v("cell")}: deprivation count ${v("value")} is outside 0–${v("max")}.`,
    { cell: "T6", value: 14, max: 12 },
  ),
  R(
    "VALUE_UNKNOWN_AREA",
    "error",
    "values",
    b("Khu vực không rõ", "Unknown area"),
    b(
      "Khu vực phải là thành thị (đô thị) hoặc nông thôn, có dấu hoặc không dấu.",
      "The area must be urban (thành thị/đô thị) or rural (nông thôn), with or without diacritics.",
    ),
    (v) => `Ô ${v("cell")}: khu vực "${v("value")}" không rõ; dùng "thành thị" hoặc "nông thôn".`,
    (v) => `Cell ${v("cell")}: area "${v("value")}" is unknown; use urban ("thành thị") or rural ("nông thôn").`,
    { cell: "E7", value: "TP" },
  ),
  R(
    "VALUE_UNKNOWN_CATEGORY",
    "error",
    "values",
    b("Phân loại hộ không rõ", "Unknown category"),
    b(
      "Phân loại phải là hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình hoặc không thuộc diện.",
      "The category must be poor, near-poor, average living standard or none.",
    ),
    (v) => `Ô ${v("cell")}: phân loại "${v("value")}" không rõ.`,
    (v) => `Cell ${v("cell")}: category "${v("value")}" is unknown.`,
    { cell: "U9", value: "nghèo?" },
  ),
  R(
    "RATE_SCALE",
    "info",
    "values",
    b("Cách ghi tỷ lệ của cột", "Rate column scale"),
    b(
      "Tỷ lệ có thể ghi là 7,97 (phần trăm) hoặc 0,0797 (phân số); công cụ xác định theo từng cột và báo lựa chọn, một lần cho mỗi trang.",
      "A rate may be written 7.97 (percent) or 0.0797 (fraction); the choice is made per column and reported once per sheet.",
    ),
    (v) => `Các cột tỷ lệ ${v("columns")} được hiểu là ${v("scale")}.`,
    (v) => `Rate columns ${v("columns")} are read as ${v("scale")}.`,
    {
      columns: "E, G",
      scale: b("số phần trăm (7,97 = 7,97 %)", "percent numbers (7.97 = 7.97 %)"),
    },
  ),

  // ---------------------------------------------------------------- uniqueness
  R(
    "HH_DUPLICATE_ID",
    "error",
    "uniqueness",
    b("Trùng mã hộ", "Duplicate household id"),
    b("Mã hộ phải duy nhất trong một xã/phường và năm.", "A household id must be unique per commune and year."),
    (v) => `Mã hộ "${v("value")}" ở ô ${v("cell")} trùng với ô ${v("other")}.`,
    (v) => `Household id "${v("value")}" in ${v("cell")} duplicates ${v("other")}.`,
    { value: "HN-0012", cell: "B30", other: "B12" },
  ),
  R(
    "HH_DUPLICATE_ID_ACROSS",
    "error",
    "uniqueness",
    b("Trùng mã hộ giữa các đơn vị", "Duplicate id across submissions"),
    b(
      "Cùng một mã hộ xuất hiện trong danh sách của hai đơn vị (hoặc hai tệp) được nộp.",
      "The same household id appears in the lists of two submitted units (or files).",
    ),
    (v) => `Mã hộ "${v("value")}" (ô ${v("cell")}) cũng có trong ${v("other")}.`,
    (v) => `Household id "${v("value")}" (${v("cell")}) also appears in ${v("other")}.`,
    { value: "HN-0012", cell: "B30", other: "phuong-b.xlsx › DS hộ!B7" },
  ),

  // ---------------------------------------------------------------- household consistency
  R(
    "HH_MISSING_ID",
    "error",
    "household",
    b("Thiếu mã hộ", "Missing household id"),
    b("Dòng hộ có dữ liệu nhưng không có mã hộ.", "A household row has data but no household id."),
    (v) => `Dòng ${v("row")} có dữ liệu nhưng thiếu mã hộ.`,
    (v) => `Row ${v("row")} has data but no household id.`,
    { row: 14 },
  ),
  R(
    "HH_DEP_COUNT_MISMATCH",
    "error",
    "household",
    b("Số thiếu hụt khác tổng các cờ", "Deprivation count ≠ flags"),
    b(
      "Cột tổng số chỉ số thiếu hụt phải bằng số cờ thiếu hụt được đánh dấu trên dòng.",
      "The deprivation-count column must equal the number of deprivation flags set on the row.",
    ),
    (v) => `Ô ${v("cell")}: ghi ${v("value")} chỉ số thiếu hụt nhưng dòng đánh dấu ${v("expected")}.`,
    (v) => `Cell ${v("cell")}: says ${v("value")} deprivations but the row flags ${v("expected")}.`,
    { cell: "T8", value: 3, expected: 2 },
  ),
  R(
    "HH_POOR_FEW_DEPRIVATIONS",
    "error",
    "household",
    b("Hộ nghèo thiếu hụt dưới ngưỡng", "Poor with too few deprivations"),
    b(
      "Theo chuẩn của năm rà soát (từ 2022: thu nhập ≤ chuẩn VÀ thiếu hụt ≥ 3), hộ nghèo phải thiếu hụt từ ngưỡng trở lên.",
      "Under the review year's standard (2022+: income ≤ line AND ≥ 3 deprivations) a poor household must reach the deprivation cutoff.",
    ),
    (v) =>
      `Ô ${v("cell")}: hộ ghi là hộ nghèo nhưng chỉ thiếu hụt ${v("value")} chỉ số (cần từ ${v("expected")} theo ${v("standard")}).`,
    (v) =>
      `Cell ${v("cell")}: household declared poor but has only ${v("value")} deprivations (needs ${v("expected")} under ${v("standard")}).`,
    { cell: "U9", value: 2, expected: 3, standard: b("Nghị định 07/2021/NĐ-CP", "Decree 07/2021/NĐ-CP") },
  ),
  R(
    "HH_CATEGORY_MISMATCH",
    "error",
    "household",
    b("Phân loại khác kết quả tính", "Declared ≠ computed category"),
    b(
      "Phân loại ghi trên dòng khác phân loại tính lại từ thu nhập (hoặc điểm B1), khu vực và số chỉ số thiếu hụt theo chuẩn của năm rà soát.",
      "The declared category differs from the one recomputed from income (or score A), area and deprivations under the review year's standard.",
    ),
    (v) =>
      `Ô ${v("cell")}: ghi "${v("value")}" nhưng tính theo ${v("standard")} là "${v("expected")}" (${v("reason")}).`,
    (v) =>
      `Cell ${v("cell")}: declared "${v("value")}" but ${v("standard")} gives "${v("expected")}" (${v("reason")}).`,
    {
      cell: "U12",
      value: b("Hộ nghèo", "Poor"),
      expected: b("Không thuộc diện", "Not in any category"),
      standard: b("Nghị định 07/2021/NĐ-CP", "Decree 07/2021/NĐ-CP"),
      reason: b("thu nhập 2.400.000 đồng > chuẩn 1.500.000 đồng", "income 2,400,000 VND > line 1,500,000 VND"),
    },
  ),
  R(
    "HH_CANNOT_CLASSIFY",
    "info",
    "household",
    b("Không tính lại được phân loại", "Category not recomputable"),
    b(
      "Thiếu thu nhập/điểm, khu vực hoặc thiếu hụt, hoặc chuẩn của năm chưa có giá trị cần thiết; phân loại ghi trên dòng không được đối chiếu.",
      "Income/score, area or deprivations are missing, or the year's standard lacks a needed value; the declared category is not checked.",
    ),
    (v) => `Dòng ${v("row")}: không tính lại được phân loại (${v("reason")}).`,
    (v) => `Row ${v("row")}: the category cannot be recomputed (${v("reason")}).`,
    { row: 9, reason: b("thiếu khu vực", "area missing") },
  ),

  // ---------------------------------------------------------------- arithmetic
  R(
    "RATE_MISMATCH",
    "error",
    "arithmetic",
    b("Tỷ lệ không khớp số liệu", "Rate does not match counts"),
    b(
      "Tỷ lệ công bố phải bằng số hộ ÷ tổng số hộ, làm tròn theo độ chính xác của cột (định dạng số của ô, hoặc số chữ số thập phân nhiều nhất trong cột). Lệch quá 1 đơn vị ở chữ số cuối là lỗi.",
      "A published rate must equal count ÷ total rounded to the column's precision (the cell's number format, or else the most decimals in the column). More than one unit off in the last decimal is an error.",
    ),
    (v) => `Ô ${v("cell")}: tỷ lệ ${v("value")} nhưng ${v("count")}/${v("total")} = ${v("expected")}.`,
    (v) => `Cell ${v("cell")}: rate ${v("value")} but ${v("count")}/${v("total")} = ${v("expected")}.`,
    { cell: "E9", value: b("8,12 %", "8.12%"), count: 45, total: 612, expected: b("7,35 %", "7.35%") },
  ),
  R(
    "RATE_ROUNDING",
    "warning",
    "arithmetic",
    b("Tỷ lệ lệch 1 đơn vị làm tròn", "Rate off by one rounding unit"),
    b(
      "Tỷ lệ lệch đúng một đơn vị ở chữ số thập phân cuối so với số hộ ÷ tổng số hộ: thường do thói quen làm tròn khác nhau.",
      "The rate is exactly one unit off in its last decimal from count ÷ total: usually a different rounding habit.",
    ),
    (v) =>
      `Ô ${v("cell")}: tỷ lệ ${v("value")}, tính lại ${v("count")}/${v("total")} = ${v("expected")} (lệch 1 đơn vị làm tròn).`,
    (v) =>
      `Cell ${v("cell")}: rate ${v("value")}, recomputed ${v("count")}/${v("total")} = ${v("expected")} (one rounding unit off).`,
    { cell: "E9", value: b("7,36 %", "7.36%"), count: 45, total: 612, expected: b("7,35 %", "7.35%") },
  ),
  R(
    "COUNT_EXCEEDS_TOTAL",
    "error",
    "arithmetic",
    b("Số hộ lớn hơn tổng", "Count exceeds total"),
    b(
      "Số hộ của một nhóm không thể lớn hơn tổng số hộ (số người tương tự).",
      "A group's count cannot exceed the total (households or members).",
    ),
    (v) => `Ô ${v("cell")} (${v("field")}) = ${v("value")} lớn hơn tổng ${v("expected")}.`,
    (v) => `Cell ${v("cell")} (${v("field")}) = ${v("value")} exceeds the total ${v("expected")}.`,
    { cell: "D9", field: b("Số hộ nghèo", "Poor households"), value: 650, expected: 612 },
  ),
  R(
    "ZERO_DENOMINATOR",
    "error",
    "arithmetic",
    b("Tổng bằng 0 hoặc trống", "Zero or blank denominator"),
    b(
      "Tổng số hộ trống hoặc bằng 0 trong khi số hộ của nhóm hoặc tỷ lệ khác 0.",
      "The total is blank or 0 while a group count or rate is not.",
    ),
    (v) => `Ô ${v("cell")}: tổng trống hoặc bằng 0 nhưng ${v("field")} = ${v("value")}.`,
    (v) => `Cell ${v("cell")}: the total is blank or 0 but ${v("field")} = ${v("value")}.`,
    { cell: "C11", field: b("Số hộ nghèo", "Poor households"), value: 4 },
  ),
  R(
    "TOTAL_ROW_MISMATCH",
    "error",
    "arithmetic",
    b("Dòng tổng khác tổng các dòng", "Totals row ≠ sum of rows"),
    b(
      'Dòng cộng của mục ("Cộng thành thị") phải bằng tổng các dòng đơn vị của mục; dòng tổng cộng phải bằng tổng các dòng cộng (hoặc tổng các dòng đơn vị khi không có dòng cộng).',
      'A subtotal ("Subtotal urban") must equal the sum of its section\'s unit rows; the grand total must equal the sum of the subtotals (or of the unit rows when there are none).',
    ),
    (v) => `Ô ${v("cell")} (${v("rowKind")}, ${v("field")}) = ${v("value")} nhưng ${v("sumOf")} = ${v("expected")}.`,
    (v) => `Cell ${v("cell")} (${v("rowKind")}, ${v("field")}) = ${v("value")} but ${v("sumOf")} is ${v("expected")}.`,
    {
      cell: "D20",
      rowKind: b("dòng tổng", "totals row"),
      field: b("Số hộ nghèo", "Poor households"),
      value: 152,
      sumOf: b("tổng các dòng", "the sum of the rows"),
      expected: 151,
    },
  ),
  R(
    "POOR_NEAR_EXCEEDS_TOTAL",
    "error",
    "arithmetic",
    b("Nghèo + cận nghèo vượt tổng", "Poor + near-poor exceed total"),
    b(
      "Số hộ nghèo cộng số hộ cận nghèo không thể lớn hơn tổng số hộ.",
      "Poor plus near-poor households cannot exceed the total.",
    ),
    (v) => `Dòng ${v("row")}: hộ nghèo + cận nghèo = ${v("value")} lớn hơn tổng số hộ ${v("expected")}.`,
    (v) => `Row ${v("row")}: poor + near-poor = ${v("value")} exceeds total households ${v("expected")}.`,
    { row: 9, value: 640, expected: 612 },
  ),

  R(
    "TOTAL_IMPLIED_DISAGREE",
    "error",
    "arithmetic",
    b("Các tỷ lệ của một dòng không cùng một tổng số hộ", "A row's rates admit no common total"),
    b(
      "Bảng không có cột tổng số hộ: mỗi cặp (số hộ, tỷ lệ) cho một khoảng tổng số hộ ở độ chính xác đã in (tỷ lệ in với d chữ số thập phân = ± ½·10⁻ᵈ; số hộ ÷ (tỷ lệ + ½ đơn vị) ≤ tổng ≤ số hộ ÷ (tỷ lệ − ½ đơn vị)). Các cặp của cùng một đơn vị, cùng một thời điểm (hộ nghèo, hộ cận nghèo, nghèo và cận nghèo) phải có chung ít nhất một tổng số hộ. Ví dụ: 13.342 hộ = 7,97 % ⇒ tổng 167.298–167.507 hộ.",
      "The table has no total-households column: each (count, rate) pair bounds the total at the printed precision (a rate printed with d decimals = ± ½·10⁻ᵈ; count ÷ (rate + ½ unit) ≤ total ≤ count ÷ (rate − ½ unit)). The pairs of one unit at one date (poor, near-poor, poor and near-poor) must admit at least one common total. Example: 13,342 households = 7.97% ⇒ total 167,298–167,507.",
    ),
    (v) => `Dòng ${v("row")} (${v("unit")}): ${v("pairs")} — không có tổng số hộ chung.`,
    (v) => `Row ${v("row")} (${v("unit")}): ${v("pairs")} — no common total.`,
    {
      row: 9,
      unit: "Huyện Ninh Phước",
      pairs: b(
        "3.616 hộ = 12,50 % ⇒ tổng 28.917–28.939 hộ; 4.103 hộ = 13,67 % ⇒ tổng 30.004–30.025 hộ",
        "3,616 households = 12.50% ⇒ total 28,917–28,939; 4,103 households = 13.67% ⇒ total 30,004–30,025",
      ),
    },
  ),
  R(
    "TOTAL_IMPLIED_SUM",
    "error",
    "arithmetic",
    b("Tổng số hộ ngầm định của dòng tổng ≠ tổng các dòng", "Totals row's implied total ≠ sum of the rows'"),
    b(
      "Bảng không có cột tổng số hộ: tổng số hộ mà (số hộ, tỷ lệ) của dòng tổng (hoặc dòng cộng của mục) cho phép phải gặp tổng các khoảng tổng số hộ của các dòng nó cộng ([Σ nhỏ nhất, Σ lớn nhất]). Nếu không, tỷ lệ của dòng tổng không được tính trên cùng các hộ với các dòng.",
      "The table has no total-households column: the totals the (count, rate) of a totals row (or subtotal) allows must meet the sum of its rows' intervals ([Σ min, Σ max]). Otherwise the totals row's rate is not computed over the same households as its rows.",
    ),
    (v) =>
      `Ô ${v("cell")} (${v("rowKind")}): ${v("own")}, nhưng tổng số hộ ngầm định của ${v("sumOf")} là ${v("sum")} hộ.`,
    (v) =>
      `Cell ${v("cell")} (${v("rowKind")}): ${v("own")}, but ${v("sumOf")} imply a total of ${v("sum")} households.`,
    {
      cell: "D5",
      rowKind: b("dòng tổng", "totals row"),
      own: b(
        "1.586.336 hộ = 5,71 % ⇒ tổng 27.757.411–27.806.064 hộ",
        "1,586,336 households = 5.71% ⇒ total 27,757,411–27,806,064",
      ),
      sumOf: b("các dòng", "the rows"),
      sum: b("26.895.565–27.158.638", "26,895,565–27,158,638"),
    },
  ),
  R(
    "COMBINED_COUNT_MISMATCH",
    "error",
    "arithmetic",
    b("Số hộ nghèo và cận nghèo ≠ nghèo + cận nghèo", "Poor and near-poor ≠ poor + near-poor"),
    b(
      '"Tổng số hộ nghèo và hộ cận nghèo" phải bằng số hộ nghèo cộng số hộ cận nghèo của cùng dòng.',
      '"Poor and near-poor households" must equal poor plus near-poor households of the same row.',
    ),
    (v) =>
      `Ô ${v("cell")}: số hộ nghèo và cận nghèo ${v("value")} nhưng ${v("poor")} + ${v("near")} = ${v("expected")}.`,
    (v) =>
      `Cell ${v("cell")}: poor and near-poor households ${v("value")} but ${v("poor")} + ${v("near")} = ${v("expected")}.`,
    { cell: "D7", value: 169566, poor: 69239, near: 100237, expected: 169476 },
  ),
  R(
    "COMBINED_RATE_MISMATCH",
    "error",
    "arithmetic",
    b("Tỷ lệ nghèo đa chiều ≠ tỷ lệ nghèo + tỷ lệ cận nghèo", "Combined rate ≠ poor rate + near-poor rate"),
    b(
      '"Tỷ lệ nghèo đa chiều" (hộ nghèo và hộ cận nghèo) bằng tỷ lệ hộ nghèo + tỷ lệ hộ cận nghèo; so ở độ chính xác đã in (mỗi tỷ lệ sai lệch tối đa ½ đơn vị ở chữ số cuối).',
      'The "multidimensional poverty rate" (poor and near-poor) equals the poor rate + the near-poor rate; compared at the printed precision (each rate is off by at most half a unit in its last decimal).',
    ),
    (v) => `Ô ${v("cell")}: tỷ lệ nghèo đa chiều ${v("value")} nhưng ${v("poor")} + ${v("near")} = ${v("expected")}.`,
    (v) => `Cell ${v("cell")}: combined rate ${v("value")} but ${v("poor")} + ${v("near")} = ${v("expected")}.`,
    {
      cell: "C7",
      value: b("2,52 %", "2.52%"),
      poor: b("1,00 %", "1.00%"),
      near: b("1,45 %", "1.45%"),
      expected: b("2,45 %", "2.45%"),
    },
  ),

  R(
    "RATE_OUTSIDE_PARTS",
    "error",
    "arithmetic",
    b("Tỷ lệ chung nằm ngoài tỷ lệ thành thị – nông thôn", "Overall rate outside the urban and rural rates"),
    b(
      "Tỷ lệ hộ nghèo chung là trung bình có trọng số của tỷ lệ thành thị và nông thôn, nên phải nằm giữa hai tỷ lệ đó (ở độ chính xác đã in).",
      "The overall poverty rate is a weighted average of the urban and rural rates, so it lies between them (at the printed precision).",
    ),
    (v) =>
      `Ô ${v("cell")}: tỷ lệ chung ${v("value")} không nằm giữa thành thị ${v("urban")} và nông thôn ${v("rural")}.`,
    (v) => `Cell ${v("cell")}: overall rate ${v("value")} is not between urban ${v("urban")} and rural ${v("rural")}.`,
    { cell: "B7", value: b("16,72 %", "16.72%"), urban: b("6,25 %", "6.25%"), rural: b("16,68 %", "16.68%") },
  ),

  // ---------------------------------------------------------------- transitions
  R(
    "TRANSITION_IDENTITY",
    "error",
    "transition",
    b("Cuối kỳ ≠ đầu kỳ − giảm + tăng", "End ≠ start − decreases + increases"),
    b(
      "Biểu 2/3: cột 9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8 cho cả dòng hộ và dòng nhân khẩu. Ô trống ở cột giảm/tăng được tính là 0 và được nêu trong thông báo.",
      "Forms 2/3: col 9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8 for household and member rows. A blank decrease/increase cell counts as 0 and is named in the message.",
    ),
    (v) => `Ô ${v("cell")}: cuối kỳ ${v("value")} nhưng đầu kỳ − giảm + tăng = ${v("expected")}${v("note")}.`,
    (v) => `Cell ${v("cell")}: end ${v("value")} but start − decreases + increases = ${v("expected")}${v("note")}.`,
    { cell: "K8", value: 120, expected: 118, note: "" },
  ),
  R(
    "TRANSITION_FORMS_MISMATCH",
    "warning",
    "transition",
    b("Biểu 2 và Biểu 3 không khớp", "Forms 2 and 3 disagree"),
    b(
      "Hộ nghèo chuyển sang cận nghèo (Biểu 2 cột 2) phải bằng Biểu 3 cột 5; cận nghèo chuyển thành nghèo (Biểu 3 cột 3) phải bằng Biểu 2 cột 5.",
      "Poor → near-poor (Form 2 col 2) must equal Form 3 col 5; near-poor → poor (Form 3 col 3) must equal Form 2 col 5.",
    ),
    (v) => `Ô ${v("cell")} (${v("field")}) = ${v("value")} nhưng biểu kia ghi ${v("expected")} (${v("other")}).`,
    (v) =>
      `Cell ${v("cell")} (${v("field")}) = ${v("value")} but the other form says ${v("expected")} (${v("other")}).`,
    { cell: "D8", field: b("nghèo → cận nghèo", "poor → near-poor"), value: 14, expected: 12, other: "Biểu 3!H8" },
  ),

  R(
    "MOVEMENT_PARTS_MISMATCH",
    "error",
    "transition",
    b("Tổng giảm/tăng ≠ tổng các cột thành phần", "Total decrease/increase ≠ sum of its parts"),
    b(
      'Cột tổng của nhóm giảm (hoặc tăng) — "Số hộ thoát nghèo" trên các cột "trong đó: chuyển sang cận nghèo / thoát chuẩn / chết, chuyển đi" — phải bằng tổng các cột thành phần của nhóm.',
      'The total of a decrease (or increase) group — "Households leaving poverty" above "of which: to near-poor / above the line / died, moved away" — must equal the sum of the group\'s columns.',
    ),
    (v) => `Ô ${v("cell")}: ${v("field")} = ${v("value")} nhưng tổng các cột thành phần = ${v("expected")}.`,
    (v) => `Cell ${v("cell")}: ${v("field")} = ${v("value")} but its parts sum to ${v("expected")}.`,
    { cell: "E6", field: b("Tổng số giảm", "Total decrease"), value: 3507, expected: 3500 },
  ),

  // ---------------------------------------------------------------- deprivations
  R(
    "DEPRIV_TOTAL_MISMATCH",
    "error",
    "deprivation",
    b("Tổng thiếu hụt khác tổng các cột", "Deprivation total ≠ sum of indicators"),
    b(
      'Biểu 4: "Tổng số thiếu hụt" bằng tổng các cột chỉ số.',
      "Form 4: the total equals the sum of the indicator columns.",
    ),
    (v) => `Ô ${v("cell")}: tổng số thiếu hụt ${v("value")} nhưng tổng các chỉ số = ${v("expected")}.`,
    (v) => `Cell ${v("cell")}: total deprivations ${v("value")} but the indicators sum to ${v("expected")}.`,
    { cell: "P9", value: 410, expected: 401 },
  ),
  R(
    "DEPRIV_BELOW_CUTOFF",
    "warning",
    "deprivation",
    b("Tổng thiếu hụt < ngưỡng × số hộ nghèo", "Total deprivations below cutoff × poor"),
    b(
      "Từ năm rà soát 2022 (Nghị định 07/2021/NĐ-CP, quy tắc “thu nhập ≤ chuẩn VÀ thiếu hụt ≥ 3”) mỗi hộ nghèo thiếu hụt ít nhất 3 chỉ số, nên tổng thiếu hụt của hộ nghèo ≥ 3 × số hộ nghèo. Không áp dụng cho năm rà soát 2015–2021 (Quyết định 59/2015/QĐ-TTg: thu nhập ≤ chuẩn nghèo là hộ nghèo dù thiếu hụt bao nhiêu). Ngoại lệ chưa rõ, nên là cảnh báo.",
      "From review year 2022 (Decree 07/2021/NĐ-CP, the rule “income ≤ line AND ≥ 3 deprivations”) each poor household has at least 3 deprivations, so the total among the poor ≥ 3 × poor households. Not applied to review years 2015–2021 (Decision 59/2015/QĐ-TTg: income ≤ the poverty line is poor whatever the deprivations). Exceptions are uncertain, so this is a warning.",
    ),
    (v) =>
      `Ô ${v("cell")}: tổng thiếu hụt ${v("value")} nhỏ hơn ${v("cutoff")} × ${v("poor")} hộ nghèo = ${v("expected")}.`,
    (v) =>
      `Cell ${v("cell")}: total deprivations ${v("value")} is below ${v("cutoff")} × ${v("poor")} poor households = ${v("expected")}.`,
    { cell: "P9", value: 100, cutoff: 3, poor: 45, expected: 135 },
  ),

  // ---------------------------------------------------------------- targets
  R(
    "TARGET_END_COUNT",
    "error",
    "target",
    b("Số hộ cuối kỳ ≠ đầu kỳ − số hộ giảm", "End count ≠ start − reduced"),
    b(
      "Chỉ tiêu: số hộ nghèo cuối kỳ = đầu kỳ − số hộ giảm.",
      "Targets: poor households at end = start − households reduced.",
    ),
    (v) => `Ô ${v("cell")}: cuối kỳ ${v("value")} nhưng đầu kỳ − số hộ giảm = ${v("expected")}.`,
    (v) => `Cell ${v("cell")}: end ${v("value")} but start − reduced = ${v("expected")}.`,
    { cell: "H7", value: 130, expected: 128 },
  ),
  R(
    "REDUCTION_PP_MISMATCH",
    "error",
    "target",
    b("Mức giảm ghi ≠ tỷ lệ đầu kỳ − tỷ lệ cuối kỳ", "Stated reduction ≠ start rate − end rate"),
    b(
      '"Giảm X%" là X điểm phần trăm: tỷ lệ đầu kỳ − tỷ lệ cuối kỳ. So ở độ chính xác đã in: mỗi số in với d chữ số thập phân sai lệch tối đa ½ đơn vị ở chữ số cuối, nên |(đầu kỳ − cuối kỳ) − X| phải ≤ tổng các nửa đơn vị. Áp dụng cho bảng chỉ tiêu và bảng diễn biến có cột mức giảm. (Thay quy tắc TARGET_RATE_MISSED của bản 0.1, vốn so sánh không tính độ chính xác đã in.)',
      '"Reduce by X%" is X percentage points: start rate − end rate. Compared at the printed precision: a number printed with d decimals is off by at most half a unit in its last decimal, so |(start − end) − X| must be ≤ the sum of the half units. Applies to target tables and movement tables with a reduction column. (Replaces TARGET_RATE_MISSED of version 0.1, which compared without the printed precision.)',
    ),
    (v) =>
      `Ô ${v("cell")}: ${v("start")} − ${v("end")} = ${v("diff")} điểm % ≠ ${v("value")} (mức giảm đã ghi, so ở độ chính xác đã in).`,
    (v) =>
      `Cell ${v("cell")}: ${v("start")} − ${v("end")} = ${v("diff")} pp ≠ ${v("value")} (the stated reduction, compared at the printed precision).`,
    { cell: "E5", start: b("4,32", "4.32"), end: b("3,41", "3.41"), diff: b("0,91", "0.91"), value: b("1", "1") },
  ),
  R(
    "TARGET_REDUCED_VS_PP",
    "warning",
    "target",
    b("Số hộ giảm không khớp mức giảm (điểm %)", "Households reduced ≠ reduction × households"),
    b(
      "Bảng kế hoạch: số hộ cần giảm ≈ mức giảm (điểm phần trăm) × tổng số hộ; lệch quá 1 hộ được cảnh báo. Không có cột tổng số hộ thì dùng khoảng tổng số hộ mà số hộ và tỷ lệ đầu kỳ cho phép, và mức giảm ± ½ đơn vị ở chữ số cuối đã in.",
      "A plan: households to reduce ≈ reduction (percentage points) × total households; more than one household off is a warning. Without a total column, the total is the interval the start count and rate allow, and the reduction ± half a unit of its last printed decimal.",
    ),
    (v) => `Ô ${v("cell")}: số hộ giảm ${v("value")} nhưng ${v("pp")} × ${v("households")} hộ ≈ ${v("expected")}.`,
    (v) =>
      `Cell ${v("cell")}: households reduced ${v("value")} but ${v("pp")} × ${v("households")} households ≈ ${v("expected")}.`,
    { cell: "G7", value: 20, pp: b("1,5 %", "1.5%"), households: 2400, expected: 36 },
  ),
  R(
    "TARGET_IMPLIED_TOTAL_WIDE",
    "error",
    "target",
    b("Tổng số hộ ngầm định quá rộng để giao chỉ tiêu", "Implied totals too wide for the targets"),
    b(
      "Bảng đơn vị không có cột Tổng số hộ: tổng số hộ của mỗi đơn vị được suy ra từ số hộ nghèo và tỷ lệ (lấy giữa khoảng, làm tròn). Khi các tỷ lệ in quá ít chữ số thập phân, tổng các khoảng vượt 1 % tổng số hộ dùng và chỉ tiêu có thể lệch: hãy thêm cột Tổng số hộ.",
      "The unit table has no total-households column: each unit's total is implied by its poor count and rate (the middle of the interval, rounded). When the rates are printed with too few decimals, the intervals add up to more than 1% of the total used and the targets could move: add a total-households column.",
    ),
    (v) =>
      `Tổng số hộ ngầm định của các đơn vị có thể lệch ${v("spread")} % quanh ${v("used")} hộ (giới hạn ${v("limit")} %): hãy thêm cột "Tổng số hộ".`,
    (v) =>
      `The units' implied totals may be off by ${v("spread")}% around ${v("used")} households (limit ${v("limit")}%): add a "Total households" column.`,
    { spread: 2.4, used: 12480, limit: 1 },
  ),
  R(
    "TARGET_UNIT_NO_HOUSEHOLDS",
    "error",
    "target",
    b("Đơn vị có 0 hộ", "Unit with no households"),
    b(
      "Một đơn vị của bảng giao chỉ tiêu có tổng số hộ bằng 0: tỷ lệ hộ nghèo của đơn vị không tính được nên không giao được chỉ tiêu. Ghi số hộ của đơn vị, hoặc bỏ dòng đó khỏi bảng.",
      "A unit of the table the targets are allocated over has 0 households: its poverty rate cannot be computed, so no target can be given. Write the unit's households, or leave the row out of the table.",
    ),
    (v) =>
      `Ô ${v("cell")}: đơn vị "${v("unit")}" có tổng số hộ bằng 0, không tính được tỷ lệ hộ nghèo để giao chỉ tiêu.`,
    (v) =>
      `Cell ${v("cell")}: unit "${v("unit")}" has 0 households, so its poverty rate and target cannot be computed.`,
    { cell: "C9", unit: "Xã Mới lập" },
  ),
  R(
    "TARGET_IMPOSSIBLE",
    "error",
    "target",
    b("Chỉ tiêu giảm nghèo vượt số hộ nghèo", "Target beyond the poor households"),
    b(
      "Một kế hoạch không thể đưa ra khỏi nghèo nhiều hộ hơn số hộ nghèo đang có: mức giảm (điểm %) nhân với tổng số hộ không được vượt số hộ nghèo đầu kỳ, tức mức giảm không được lớn hơn tỷ lệ hộ nghèo đầu kỳ. Kiểm tra cho cả bảng (mức giảm chung) và, khi phân bổ theo nhóm không có mức giảm chung, cho từng đơn vị (mức giảm của nhóm). Chỉ tiêu như vậy là lỗi, không bị cắt bớt âm thầm.",
      "A plan cannot lift more households out of poverty than there are poor households: the reduction (percentage points) times the households must not exceed the poor households at the start, i.e. the reduction must not be above the start poverty rate. Checked for the whole table (the overall reduction) and, for a tiered allocation without an overall reduction, for each unit (its tier's reduction). Such a target is an error, never silently capped.",
    ),
    (v) =>
      `${v("unit")}: không thể giảm ${v("reduction")} điểm % (${v("asked")} hộ thoát nghèo): chỉ có ${v("poor")} hộ nghèo trên ${v("households")} hộ (tỷ lệ ${v("rate")}), nên mức giảm lớn nhất là ${v("max")} điểm %.`,
    (v) =>
      `${v("unit")}: cannot reduce by ${v("reduction")} pp (${v("asked")} households out of poverty): there are only ${v("poor")} poor households of ${v("households")} (rate ${v("rate")}), so the largest reduction is ${v("max")} pp.`,
    {
      unit: b("Cả bảng", "The whole table"),
      reduction: b("50,00", "50.00"),
      households: 4000,
      asked: 2000,
      poor: 150,
      rate: b("3,75 %", "3.75%"),
      max: b("3,75", "3.75"),
    },
  ),
  R(
    "TARGET_TOTALS_INCONSISTENT",
    "warning",
    "target",
    b("Tổng số hộ ngầm định không nhất quán", "Implied household totals disagree"),
    b(
      "Bảng kế hoạch không có cột tổng số hộ (tiêu đề hoặc cột ghi kế hoạch, chỉ tiêu, mục tiêu, phấn đấu, dự kiến): tổng số hộ suy ra từ số hộ ÷ tỷ lệ ở đầu kỳ và cuối kỳ (kể cả sai số làm tròn tỷ lệ) không giao nhau — hai tỷ lệ của kế hoạch dùng hai mẫu số khác nhau. Bảng kết quả của hai thời điểm không bị kiểm tra này (số hộ thay đổi theo năm).",
      "A plan without a total column (its title or columns say plan, target, aim, planned): the totals implied by count ÷ rate at start and at end (allowing for rate rounding) do not overlap — the plan's two rates use different denominators. A table of results at two dates is not checked this way (households change from year to year).",
    ),
    (v) => `Dòng ${v("row")} (${v("unit")}): đầu kỳ ngầm định ${v("start")} hộ, cuối kỳ ngầm định ${v("end")} hộ.`,
    (v) => `Row ${v("row")} (${v("unit")}): the start implies ${v("start")} households, the end implies ${v("end")}.`,
    {
      row: 10,
      unit: "Huyện Đắk Glong",
      start: b("17.696–17.702", "17,696–17,702"),
      end: b("17.794–17.806", "17,794–17,806"),
    },
  ),

  // ---------------------------------------------------------------- plan indicators
  R(
    "PLAN_SHARE_MISMATCH",
    "error",
    "plan",
    b("% hoàn thành không khớp thực hiện/kế hoạch", "% achieved does not match actual/plan"),
    b(
      'Bảng chỉ tiêu kế hoạch: "% thực hiện/% hoàn thành" phải bằng kết quả của progress() (core/targets): chỉ tiêu tăng = thực hiện ÷ kế hoạch (có cột đầu kỳ: chấp nhận cả (thực hiện − đầu kỳ) ÷ (kế hoạch − đầu kỳ)); chỉ tiêu giảm xuống còn = (đầu kỳ − thực hiện) ÷ (đầu kỳ − kế hoạch), chỉ khi có cột đầu kỳ. So ở độ chính xác của cột (định dạng số, hoặc số chữ số thập phân nhiều nhất); lệch quá 1 đơn vị ở chữ số cuối là lỗi. Chiều chỉ tiêu: cột "Loại chỉ tiêu"/"Direction" nếu có; nếu không, tên chỉ tiêu có "xuống còn", "còn dưới", "reduce to" là chỉ tiêu giảm; tên bắt đầu bằng "Giảm"/"Reduce" là chỉ tiêu giảm khi dòng có đầu kỳ lớn hơn kế hoạch, còn lại ("Giảm tỷ lệ hộ nghèo 1,5%") là mức giảm — càng nhiều càng tốt, như chỉ tiêu tăng (mức giảm tính bằng điểm phần trăm). Cột đầu kỳ, % và đánh giá được nhận theo tiêu đề ("Đầu kỳ", "% thực hiện", "% hoàn thành", "Đánh giá", "Baseline", "% achieved", "Status").',
      'Plan-indicator sheets: the stated "% achieved" must equal progress() of core/targets: increase-to = actual ÷ plan (with a baseline column, (actual − baseline) ÷ (plan − baseline) is accepted too); reduce-to = (baseline − actual) ÷ (baseline − plan), only with a baseline column. Compared at the column\'s precision (number format, else the most decimals); more than one unit off in the last decimal is an error. Direction: a "Loại chỉ tiêu"/"Direction" column when present; else an indicator saying "xuống còn", "còn dưới", "reduce to" is reduce-to; one starting with "Giảm"/"Reduce" is reduce-to when its row has a baseline above the plan, otherwise ("Giảm tỷ lệ hộ nghèo 1,5%") it is an amount of reduction — more is better, like increase-to (the reduction is in percentage points). Baseline, % and status columns are recognised by header ("Đầu kỳ", "% thực hiện", "% hoàn thành", "Đánh giá", "Baseline", "% achieved", "Status").',
    ),
    (v) => `Ô ${v("cell")}: % hoàn thành ${v("value")} nhưng ${v("formula")} = ${v("expected")}.`,
    (v) => `Cell ${v("cell")}: % achieved ${v("value")} but ${v("formula")} = ${v("expected")}.`,
    {
      cell: "F7",
      value: b("120,0 %", "120.0%"),
      formula: b("thực hiện ÷ kế hoạch", "actual ÷ plan"),
      expected: b("109,2 %", "109.2%"),
    },
  ),
  R(
    "PLAN_SHARE_ROUNDING",
    "warning",
    "plan",
    b("% hoàn thành lệch 1 đơn vị làm tròn", "% achieved off by one rounding unit"),
    b(
      "% hoàn thành lệch đúng một đơn vị ở chữ số thập phân cuối so với kết quả tính lại: thường do thói quen làm tròn khác nhau.",
      "The stated % achieved is exactly one unit off in its last decimal from the recomputed share: usually a different rounding habit.",
    ),
    (v) =>
      `Ô ${v("cell")}: % hoàn thành ${v("value")}, tính lại ${v("formula")} = ${v("expected")} (lệch 1 đơn vị làm tròn).`,
    (v) =>
      `Cell ${v("cell")}: % achieved ${v("value")}, recomputed ${v("formula")} = ${v("expected")} (one rounding unit off).`,
    {
      cell: "F7",
      value: b("109,1 %", "109.1%"),
      formula: b("thực hiện ÷ kế hoạch", "actual ÷ plan"),
      expected: b("109,2 %", "109.2%"),
    },
  ),
  R(
    "PLAN_STATUS_MISMATCH",
    "error",
    "plan",
    b("Đánh giá Đạt/Chưa đạt sai", "Stated status contradicts the figures"),
    b(
      "Đánh giá ghi (Đạt, Vượt, Chưa đạt, có dấu hoặc không; Met, Achieved, Exceeded, Not met) nói đạt trong khi số liệu chưa đạt, hoặc ngược lại. Trạng thái tính bằng progress(): chỉ tiêu tăng đạt khi thực hiện ≥ kế hoạch, chỉ tiêu giảm khi thực hiện ≤ kế hoạch.",
      "The stated status (Đạt, Vượt, Chưa đạt with or without diacritics; Met, Achieved, Exceeded, Not met) says met while the figures miss the plan, or the reverse. Computed with progress(): an increase-to indicator is met when actual ≥ plan, a reduce-to one when actual ≤ plan.",
    ),
    (v) =>
      `Ô ${v("cell")}: ghi "${v("value")}" nhưng ${v("direction")} thực hiện ${v("actual")}, kế hoạch ${v("plan")} là "${v("expected")}".`,
    (v) =>
      `Cell ${v("cell")}: says "${v("value")}" but for ${v("direction")} actual ${v("actual")} against plan ${v("plan")} is "${v("expected")}".`,
    {
      cell: "G8",
      value: "Đạt",
      direction: b("chỉ tiêu tăng", "an increase-to indicator"),
      actual: 95,
      plan: 120,
      expected: b("Chưa đạt", "Not achieved"),
    },
  ),
  R(
    "PLAN_STATUS_DEGREE",
    "warning",
    "plan",
    b("Đạt hay Vượt ghi không đúng mức", "Met vs exceeded stated wrongly"),
    b(
      'Cả đánh giá ghi và số liệu đều là đạt kế hoạch, nhưng ghi "Đạt" khi đã vượt (hoặc "Vượt" khi vừa đúng kế hoạch). Cảnh báo, vì nhiều nơi ghi "Đạt" cho cả trường hợp vượt.',
      'Both the stated status and the figures say the plan is met, but "Met" is written for an exceeded plan (or "Exceeded" for one exactly met). A warning, since many reports write "Đạt" for both.',
    ),
    (v) =>
      `Ô ${v("cell")}: ghi "${v("value")}" nhưng ${v("direction")} thực hiện ${v("actual")}, kế hoạch ${v("plan")} là "${v("expected")}".`,
    (v) =>
      `Cell ${v("cell")}: says "${v("value")}" but for ${v("direction")} actual ${v("actual")} against plan ${v("plan")} is "${v("expected")}".`,
    {
      cell: "G7",
      value: "Đạt",
      direction: b("chỉ tiêu tăng", "an increase-to indicator"),
      actual: 131,
      plan: 120,
      expected: b("Vượt", "Exceeded"),
    },
  ),
  R(
    "PLAN_TARGET_NOT_POSITIVE",
    "error",
    "plan",
    b("Kế hoạch ≤ 0 nhưng có kết quả thực hiện", "Plan ≤ 0 with an actual"),
    b(
      'Chỉ tiêu tăng có kế hoạch bằng 0 (hoặc âm) và có số thực hiện: không tính được % hoàn thành. Chỉ tiêu giảm xuống còn 0 ("giảm số hộ tái nghèo xuống còn 0") là hợp lệ. Giá trị âm ở kế hoạch, thực hiện, đầu kỳ hoặc % được báo là VALUE_NEGATIVE.',
      'An increase-to indicator with a plan of 0 (or below) and an actual: the share of the plan cannot be computed. A reduce-to target of 0 ("reduce re-poor households to 0") is valid. Negative plan, actual, baseline or % cells are reported as VALUE_NEGATIVE.',
    ),
    (v) => `Ô ${v("cell")}: kế hoạch ${v("value")} (≤ 0) nhưng thực hiện ${v("actual")}; không tính được % hoàn thành.`,
    (v) =>
      `Cell ${v("cell")}: plan ${v("value")} (≤ 0) but actual ${v("actual")}; the share of the plan cannot be computed.`,
    { cell: "D9", value: 0, actual: 12 },
  ),
  R(
    "PLAN_BASELINE_WRONG_SIDE",
    "warning",
    "plan",
    b("Chỉ tiêu giảm: kế hoạch không thấp hơn đầu kỳ", "Reduce-to plan not below its baseline"),
    b(
      "Chỉ tiêu giảm xuống còn (theo cột loại chỉ tiêu hoặc tên chỉ tiêu) nhưng kế hoạch không thấp hơn giá trị đầu kỳ: chiều chỉ tiêu hoặc số liệu có thể nhầm; % hoàn thành và đánh giá không được kiểm tra.",
      "A reduce-to indicator (by its direction column or its text) whose plan is not below the baseline: the direction or the figures may be wrong; its % achieved and status are not checked.",
    ),
    (v) => `Ô ${v("cell")}: chỉ tiêu giảm nhưng kế hoạch ${v("value")} không thấp hơn đầu kỳ ${v("baseline")}.`,
    (v) =>
      `Cell ${v("cell")}: a reduce-to indicator but the plan ${v("value")} is not below the baseline ${v("baseline")}.`,
    { cell: "F7", value: 0.05, baseline: 0.045 },
  ),
  R(
    "PLAN_TARGET_RANGE",
    "info",
    "plan",
    b("Kế hoạch là một khoảng hoặc ngưỡng", "Plan given as a range or a bound"),
    b(
      'Ô kế hoạch ghi một khoảng ("1–1,5", "1-1.5") hoặc một ngưỡng ("≥ 90%", "trên 90%", "từ 1,5% trở lên"): được đọc như chữ; % hoàn thành và đánh giá của dòng đó không được kiểm tra. Chữ khác trong cột kế hoạch, thực hiện, đầu kỳ là VALUE_NOT_NUMBER.',
      'A plan cell holds a range ("1–1,5", "1-1.5") or a bound ("≥ 90%", "above 90%", "at least 1.5%"): it is read as text; that row\'s % achieved and status are not checked. Other text in the plan, actual or baseline column is VALUE_NOT_NUMBER.',
    ),
    (v) =>
      `Ô ${v("cell")}: kế hoạch "${v("value")}" là một khoảng/ngưỡng; không kiểm tra % hoàn thành và đánh giá của dòng này.`,
    (v) =>
      `Cell ${v("cell")}: the plan "${v("value")}" is a range or bound; this row's % achieved and status are not checked.`,
    { cell: "F6", value: "1–1,5" },
  ),

  // ---------------------------------------------------------------- cross-sheet
  R(
    "CROSS_SUMMARY_ROSTER",
    "error",
    "cross",
    b("Bảng tổng hợp khác danh sách hộ", "Summary ≠ roster aggregate"),
    b(
      "Số liệu của đơn vị trong bảng tổng hợp phải bằng số đếm từ danh sách hộ đã nộp của đơn vị đó.",
      "A unit's figures in the summary must equal the counts from that unit's submitted roster.",
    ),
    (v) => `Ô ${v("cell")} (${v("field")}) = ${v("value")} nhưng danh sách hộ (${v("other")}) cho ${v("expected")}.`,
    (v) => `Cell ${v("cell")} (${v("field")}) = ${v("value")} but the roster (${v("other")}) gives ${v("expected")}.`,
    { cell: "D8", field: b("Số hộ nghèo", "Poor households"), value: 45, expected: 47, other: "xa-a.xlsx › DS hộ" },
  ),
  R(
    "CROSS_FORM_TOTALS",
    "error",
    "cross",
    b("Cùng đơn vị, hai biểu khác nhau", "Same unit, two forms disagree"),
    b(
      "Số hộ nghèo (cận nghèo) cuối kỳ ở Biểu 2 (3) phải bằng số hộ nghèo (cận nghèo) ở Biểu 1 của cùng đơn vị; số hộ nghèo ở Biểu 4 cũng vậy.",
      "End-of-period poor (near-poor) in Form 2 (3) must equal the poor (near-poor) count of Form 1 for the same unit; likewise the poor count in Form 4.",
    ),
    (v) => `Ô ${v("cell")} (${v("field")}) = ${v("value")} nhưng ${v("other")} ghi ${v("expected")}.`,
    (v) => `Cell ${v("cell")} (${v("field")}) = ${v("value")} but ${v("other")} says ${v("expected")}.`,
    { cell: "K8", field: b("cuối kỳ", "end"), value: 120, expected: 118, other: "Biểu 1!D8" },
  ),

  R(
    "CROSS_PARENT_CHILD",
    "error",
    "cross",
    b("Đơn vị cấp dưới không cộng đúng lên cấp trên", "Sub-unit ≠ its own file's total"),
    b(
      'Khi kiểm tra nhiều tệp cùng lúc, mỗi dòng đơn vị của bảng tổng hợp cấp trên (ví dụ dòng một xã trong Biểu 1 của tỉnh) phải bằng dòng tổng cộng của bảng cùng loại trong tệp riêng của đơn vị đó, ở mọi cột số đếm (số hộ, số người, số hộ theo nhóm, cột diễn biến, cột thiếu hụt), cho dòng hộ và dòng nhân khẩu. Ghép theo tên đơn vị đã bỏ dấu và bỏ tiền tố (xã, phường, thị trấn…): tên dòng tổng ("Toàn xã An Bình", "Tổng cộng: Xã An Bình") sau khi bỏ chữ "tổng/toàn", tên đơn vị trong tiêu đề bảng ("… XÃ AN BÌNH"), hoặc tên tệp ("xa-an-binh.xlsx"). Giới hạn: hai đơn vị trùng tên sau khi bỏ dấu (ví dụ "Xã An Bình" của hai tỉnh) hoặc nhiều tệp khớp cùng một tên thì không so; tên viết khác nhau ("Xã Đăk Pơ" / "Đắk Pơ") hoặc tên cũ trước sáp nhập không được nhận ra; chỉ so bảng cùng loại (Biểu 1 với Biểu 1, Biểu 2 với Biểu 2…).',
      'When several files are validated together, each unit row of a parent summary (e.g. a commune\'s row in the province\'s Form 1) must equal the grand total of the same kind of table in that unit\'s own file, for every count column (households, members, per-category counts, transition columns, deprivation columns), for household and member rows. Matched by unit name folded (no diacritics) and without prefixes (xã, phường, thị trấn…): the totals row label without "tổng/toàn" ("Toàn xã An Bình", "Tổng cộng: Xã An Bình"), a unit named in the table\'s title ("… XÃ AN BÌNH"), or the file name ("xa-an-binh.xlsx"). Limits: two units whose folded names coincide (e.g. "Xã An Bình" of two provinces) or several files matching one name are not compared; differently spelt names ("Xã Đăk Pơ" / "Đắk Pơ") or pre-merger names are not recognised; only tables of the same kind are compared (Form 1 with Form 1, Form 2 with Form 2…).',
    ),
    (v) =>
      `Ô ${v("cell")} (${v("unit")}, ${v("field")}) = ${v("value")} nhưng tổng cộng của đơn vị trong ${v("other")} là ${v("expected")}.`,
    (v) =>
      `Cell ${v("cell")} (${v("unit")}, ${v("field")}) = ${v("value")} but the unit's own total in ${v("other")} is ${v("expected")}.`,
    {
      cell: "D8",
      unit: "Xã An Bình",
      field: b("Số hộ nghèo", "Poor households"),
      value: 45,
      expected: 47,
      other: "xa-an-binh.xlsx › Biểu 1!D12",
    },
  ),
  R(
    "CROSS_START_CATEGORY",
    "warning",
    "cross",
    b("Phân loại đầu kỳ khác danh sách năm trước", "Start category ≠ last year's roster"),
    b(
      "Khi nộp cả danh sách năm trước và năm nay, phân loại đầu kỳ của hộ năm nay phải bằng phân loại của hộ trong danh sách năm trước.",
      "When last year's and this year's rosters are both submitted, a household's start-of-period category must equal its category in last year's roster.",
    ),
    (v) =>
      `Ô ${v("cell")}: hộ "${v("id")}" ghi đầu kỳ "${v("value")}" nhưng danh sách năm ${v("year")} ghi "${v("expected")}" (${v("other")}).`,
    (v) =>
      `Cell ${v("cell")}: household "${v("id")}" has start category "${v("value")}" but the ${v("year")} roster says "${v("expected")}" (${v("other")}).`,
    {
      id: "XA-001",
      value: b("Hộ cận nghèo", "Near-poor"),
      year: "2023",
      expected: b("Hộ nghèo", "Poor"),
      other: "xa-a-2023.xlsx › DS!V7",
    },
  ),
  R(
    "CROSS_TRANSITIONS_ROSTERS",
    "warning",
    "cross",
    b("Biểu diễn biến khác danh sách hai năm", "Transition form ≠ the two rosters"),
    b(
      "Khi nộp danh sách hộ của hai năm liền nhau, Biểu 2/3 của đơn vị được so với diễn biến tính từ hai danh sách (hộ vắng mặt năm trước là phát sinh, vắng mặt năm nay là thoát; lý do giảm/tăng khác không có trong danh sách nên chỉ cảnh báo).",
      "When rosters of two consecutive years are submitted, the unit's Form 2/3 is compared with the transitions computed from them (absent last year = new, absent this year = escaped; other reasons are not in rosters, so this only warns).",
    ),
    (v) =>
      `Ô ${v("cell")} (${v("field")}) = ${v("value")} nhưng tính từ danh sách năm ${v("year1")} và ${v("year2")} được ${v("expected")}.`,
    (v) =>
      `Cell ${v("cell")} (${v("field")}) = ${v("value")} but the ${v("year1")} and ${v("year2")} rosters give ${v("expected")}.`,
    { field: b("Đầu kỳ", "Start of period"), value: 52, year1: "2023", year2: "2024", expected: 50 },
  ),

  // ---------------------------------------------------------------- series
  R(
    "SERIES_JUMP",
    "warning",
    "series",
    b("Biến động bất thường giữa hai năm", "Implausible jump between years"),
    b(
      'Tỷ lệ thay đổi hơn 5 điểm phần trăm hoặc số hộ nghèo thay đổi hơn 50 % từ năm Y sang năm Y + 1 mà không đổi chuẩn nghèo (so theo năm, không theo dòng: các năm cách quãng không bị so). "Không chạy theo thành tích".',
      "The rate moves by more than 5 percentage points, or the poor count by more than 50 %, from year Y to year Y + 1 under the same standard (years, not rows: years with a gap are not compared).",
    ),
    (v) => `Ô ${v("cell")}: ${v("field")} từ ${v("from")} (${v("year1")}) thành ${v("value")} (${v("year2")}).`,
    (v) => `Cell ${v("cell")}: ${v("field")} goes from ${v("from")} (${v("year1")}) to ${v("value")} (${v("year2")}).`,
    {
      cell: "E12",
      field: b("tỷ lệ hộ nghèo", "poverty rate"),
      from: b("9,80 %", "9.80%"),
      year1: "2023",
      value: b("2,10 %", "2.10%"),
      year2: "2024",
    },
  ),
  R(
    "SERIES_STANDARD_CHANGE",
    "info",
    "series",
    b("Đổi chuẩn nghèo giữa hai năm", "Standard changes between years"),
    b(
      "Biến động lớn giữa hai năm áp dụng hai chuẩn nghèo khác nhau (ví dụ 2021 theo Quyết định 59/2015/QĐ-TTg và 2022 theo Nghị định 07/2021/NĐ-CP) được ghi nhận, không bao giờ là biến động bất thường.",
      "A large move between two years under different standards (e.g. 2021 under Decision 59/2015/QĐ-TTg and 2022 under Decree 07/2021/NĐ-CP) is noted, never called a jump.",
    ),
    (v) =>
      `Ô ${v("cell")}: ${v("field")} từ ${v("from")} (${v("year1")}) thành ${v("value")} (${v("year2")}); hai năm áp dụng hai chuẩn nghèo khác nhau.`,
    (v) =>
      `Cell ${v("cell")}: ${v("field")} goes from ${v("from")} (${v("year1")}) to ${v("value")} (${v("year2")}); the two years use different standards.`,
    {
      cell: "E8",
      field: b("tỷ lệ hộ nghèo", "poverty rate"),
      from: b("2,23 %", "2.23%"),
      year1: "2021",
      value: b("4,03 %", "4.03%"),
      year2: "2022",
    },
  ),

  // ---------------------------------------------------------------- consolidate
  R(
    "CONSOLIDATE_INCOMPATIBLE",
    "error",
    "consolidate",
    b("Danh sách không gộp được", "Rosters not compatible"),
    b(
      "Các danh sách hộ cần gộp phải có cùng các cột (mã hộ, phân loại, cờ thiếu hụt…).",
      "Rosters to merge must have the same columns (id, category, deprivation flags…).",
    ),
    (v) => `Danh sách "${v("sheet")}" thiếu hoặc thừa cột so với danh sách đầu tiên: ${v("detail")}.`,
    (v) => `Roster "${v("sheet")}" has missing or extra columns compared with the first roster: ${v("detail")}.`,
    { sheet: "Phường B", detail: b("thiếu: Thu nhập", "missing: Income") },
  ),
  R(
    "CONSOLIDATE_NO_ROSTER",
    "error",
    "consolidate",
    b("Không có danh sách hộ", "No roster found"),
    b(
      "Tệp không có trang nào được nhận ra là danh sách hộ.",
      "The file has no sheet recognised as a household roster.",
    ),
    (v) => `Tệp "${v("file")}" không có danh sách hộ.`,
    (v) => `File "${v("file")}" has no household roster.`,
    { file: "bieu-1.xlsx" },
  ),
  // ---------------------------------------------------------------- sponsor (core/sponsors)
  R(
    "SPONSOR_NO_ORGANISATION",
    "error",
    "sponsor",
    b("Sổ đỡ đầu không ghi tổ chức", "Register names no organisation"),
    b(
      "Sổ đỡ đầu cần cột tổ chức nhận đỡ đầu (MTTQ, Đoàn Thanh niên, Hội LHPN, Hội Nông dân, Hội CCB, LĐLĐ…), hoặc tên tổ chức trong tiêu đề khi cả sổ của một tổ chức.",
      "A register needs a column naming the sponsoring organisation (Front, Youth Union, Women's Union, Farmers' Union, Veterans, Labour Federation…), or the organisation in the title when the whole register is one organisation's.",
    ),
    (v) => `Trang "${v("sheet")}" không có cột tổ chức đỡ đầu và tiêu đề không ghi tên tổ chức.`,
    (v) => `Sheet "${v("sheet")}" has no sponsoring-organisation column and its title names no organisation.`,
    { sheet: "Sổ đỡ đầu" },
  ),
  R(
    "SPONSOR_NO_DATES",
    "warning",
    "sponsor",
    b("Sổ đỡ đầu không có ngày", "Register without dates"),
    b(
      "Không có cột ngày bắt đầu đỡ đầu: mọi dòng được tính vào kỳ báo cáo, không lọc được theo tháng, quý.",
      "No start-date column: every row counts in the reporting period; rows cannot be filtered by month or quarter.",
    ),
    (v) => `Trang "${v("sheet")}" không có cột ngày bắt đầu đỡ đầu: mọi dòng được tính vào kỳ ${v("period")}.`,
    (v) => `Sheet "${v("sheet")}" has no start-date column: every row counts in ${v("period")}.`,
    { sheet: "Sổ đỡ đầu", period: b("Quý I năm 2026", "Q1 2026") },
  ),
  R(
    "SPONSOR_MISSING_ID",
    "error",
    "sponsor",
    b("Thiếu mã hộ", "Household id missing"),
    b(
      "Dòng của sổ đỡ đầu có dữ liệu nhưng không ghi mã hộ: không đối chiếu được với danh sách hộ, không được tính.",
      "A register row with data but no household id: it cannot be matched with the roster and is not counted.",
    ),
    (v) => `Dòng ${v("row")}: có dữ liệu đỡ đầu nhưng ô mã hộ ${v("cell")} trống; dòng này không được tính.`,
    (v) => `Row ${v("row")}: sponsorship data but the household id cell ${v("cell")} is blank; the row is not counted.`,
    {},
  ),
  R(
    "SPONSOR_MISSING_ORGANISATION",
    "error",
    "sponsor",
    b("Thiếu tổ chức đỡ đầu", "Organisation missing"),
    b(
      "Dòng của sổ đỡ đầu không ghi tổ chức nhận đỡ đầu: không được tính.",
      "A register row names no sponsoring organisation: it is not counted.",
    ),
    (v) => `Ô ${v("cell")}: hộ ${v("id")} không ghi tổ chức đỡ đầu; dòng này không được tính.`,
    (v) => `Cell ${v("cell")}: household ${v("id")} has no sponsoring organisation; the row is not counted.`,
    { id: "90002-0017" },
  ),
  R(
    "SPONSOR_QUOTA_NO_ORGANISATION",
    "warning",
    "sponsor",
    b("Chỉ tiêu không ghi tổ chức", "Quota without an organisation"),
    b(
      "Dòng của bảng chỉ tiêu nhận đỡ đầu có chỉ tiêu hoặc xã, phường nhưng ô tổ chức trống: không biết chỉ tiêu của tổ chức nào nên dòng không được tính.",
      "A quota-sheet row has a quota or a commune/ward but a blank organisation cell: whose quota it is is unknown, so the row is not counted.",
    ),
    (v) =>
      `Dòng ${v("row")}: có chỉ tiêu nhưng không ghi tổ chức (ô ${v("cell")} trống; dòng ghi ${v("value")}); dòng này không được tính.`,
    (v) =>
      `Row ${v("row")}: a quota but no organisation (cell ${v("cell")} is blank; the row reads ${v("value")}); the row is not counted.`,
    { cell: "B7", row: 7, value: b('xã, phường "Xã A", chỉ tiêu 4', 'commune/ward "Xã A", quota 4') },
  ),
  R(
    "SPONSOR_UNKNOWN_ORGANISATION",
    "info",
    "sponsor",
    b("Tổ chức ngoài danh mục", "Organisation not in the list"),
    b(
      "Tên tổ chức không phải MTTQ, Đoàn Thanh niên, Hội LHPN, Hội Nông dân, Hội CCB, LĐLĐ: được giữ nguyên như ghi (ví dụ doanh nghiệp, cơ quan đỡ đầu).",
      "The organisation is none of Front, Youth Union, Women's Union, Farmers' Union, Veterans, Labour Federation: it is kept as written (e.g. a company or agency sponsor).",
    ),
    (v) => `Ô ${v("cell")}: "${v("value")}" không thuộc danh mục tổ chức; báo cáo giữ nguyên tên này.`,
    (v) => `Cell ${v("cell")}: "${v("value")}" is not a listed organisation; the report keeps the name as written.`,
    { value: "Công ty May Hà Tĩnh" },
  ),
  R(
    "SPONSOR_UNKNOWN_SUPPORT",
    "warning",
    "sponsor",
    b("Hình thức hỗ trợ không rõ", "Unknown kind of support"),
    b(
      'Phần của ô hình thức hỗ trợ không thuộc vay vốn, đào tạo nghề, việc làm, BHYT, nhà ở, sinh kế, quà/hiện vật: được tính là "hỗ trợ khác".',
      'A part of the support cell is none of loan, training, jobs, health insurance, housing, livelihood, gifts/in kind: it counts as "other support".',
    ),
    (v) => `Ô ${v("cell")}: không nhận ra hình thức hỗ trợ "${v("value")}"; được tính là hỗ trợ khác.`,
    (v) => `Cell ${v("cell")}: the kind of support "${v("value")}" is not recognised; it counts as other support.`,
    { value: "khám bệnh miễn phí" },
  ),
  R(
    "SPONSOR_DATE_INVALID",
    "error",
    "sponsor",
    b("Ngày không đọc được", "Unreadable date"),
    b(
      "Ô ngày phải là ngày (định dạng ngày của Excel) hoặc chữ dạng ngày/tháng/năm (15/01/2026) hay tháng/năm (01/2026).",
      "A date cell must be a date (an Excel date) or text day/month/year (15/01/2026) or month/year (01/2026).",
    ),
    (v) => `Ô ${v("cell")} (${v("field")}): "${v("value")}" không phải ngày; dòng này không được tính.`,
    (v) => `Cell ${v("cell")} (${v("field")}): "${v("value")}" is not a date; the row is not counted.`,
    { cell: "H9", field: b("Ngày bắt đầu", "Start date"), value: "32/01/2026" },
  ),
  R(
    "SPONSOR_DATE_MISSING",
    "warning",
    "sponsor",
    b("Thiếu ngày bắt đầu", "Start date missing"),
    b(
      "Dòng không ghi ngày bắt đầu đỡ đầu: được tính vào mọi kỳ báo cáo cho đến ngày kết thúc (nếu có).",
      "The row has no start date: it counts in every reporting period up to its end date (if any).",
    ),
    (v) => `Ô ${v("cell")}: hộ ${v("id")} không ghi ngày bắt đầu đỡ đầu; được tính vào mọi kỳ.`,
    (v) => `Cell ${v("cell")}: household ${v("id")} has no start date; it counts in every period.`,
    { cell: "H9", id: "90002-0017" },
  ),
  R(
    "SPONSOR_DATE_ORDER",
    "error",
    "sponsor",
    b("Ngày kết thúc trước ngày bắt đầu", "End before start"),
    b(
      "Ngày kết thúc đỡ đầu sớm hơn ngày bắt đầu: dòng không được tính.",
      "The end date is before the start date: the row is not counted.",
    ),
    (v) => `Ô ${v("cell")}: hộ ${v("id")} kết thúc đỡ đầu ${v("value")}, trước ngày bắt đầu ${v("expected")}.`,
    (v) => `Cell ${v("cell")}: household ${v("id")} ends ${v("value")}, before its start ${v("expected")}.`,
    { cell: "I9", id: "90002-0017", value: "01/01/2026", expected: "15/03/2026" },
  ),
  R(
    "SPONSOR_UNKNOWN_HOUSEHOLD",
    "error",
    "sponsor",
    b("Mã hộ không có trong danh sách hộ", "Household not in the roster"),
    b(
      "Mã hộ của sổ đỡ đầu phải có trong danh sách hộ đầu kỳ (rà soát năm trước): mã ghi sai hoặc hộ ở đơn vị khác. Dòng không được tính.",
      "A register household id must be on the start roster (last review): a mistyped id or a household of another unit. The row is not counted.",
    ),
    (v) =>
      `Ô ${v("cell")}: mã hộ "${v("value")}" không có trong danh sách hộ đầu kỳ (${v("roster")}); dòng này không được tính.`,
    (v) =>
      `Cell ${v("cell")}: household id "${v("value")}" is not on the start roster (${v("roster")}); the row is not counted.`,
    { cell: "D14", value: "90002-9999", roster: "danh-sach-ho-2025.xlsx" },
  ),
  R(
    "SPONSOR_NOT_POOR",
    "warning",
    "sponsor",
    b("Hộ được đỡ đầu không nghèo, cận nghèo", "Sponsored household not poor or near-poor"),
    b(
      "Đỡ đầu nhằm vào hộ nghèo (và cận nghèo) đầu kỳ; hộ này không thuộc diện đó theo danh sách hộ đầu kỳ. Vẫn được tính vào số hộ đỡ đầu và hỗ trợ, không tính vào kết quả thoát nghèo.",
      "Sponsorship targets households poor (or near-poor) at the start; by the start roster this one is neither. It still counts among sponsored households and support, not in the escape outcomes.",
    ),
    (v) =>
      `Ô ${v("cell")}: hộ ${v("value")} là "${v("category")}" theo danh sách hộ đầu kỳ, không phải hộ nghèo hay cận nghèo.`,
    (v) =>
      `Cell ${v("cell")}: household ${v("value")} is "${v("category")}" on the start roster, neither poor nor near-poor.`,
    { cell: "D15", value: "90001-0042", category: b("Không thuộc diện", "Not in any category") },
  ),
  R(
    "SPONSOR_UNIT_MISMATCH",
    "warning",
    "sponsor",
    b("Đơn vị khác danh sách hộ", "Unit differs from the roster"),
    b(
      "Xã, phường ghi trong sổ đỡ đầu khác đơn vị của hộ trong danh sách hộ; báo cáo dùng đơn vị theo danh sách hộ.",
      "The commune/ward in the register differs from the household's unit on the roster; the report uses the roster's unit.",
    ),
    (v) =>
      `Ô ${v("cell")}: hộ ${v("id")} ghi "${v("value")}" nhưng danh sách hộ ghi "${v("expected")}"; dùng "${v("expected")}".`,
    (v) =>
      `Cell ${v("cell")}: household ${v("id")} says "${v("value")}" but the roster says "${v("expected")}"; "${v("expected")}" is used.`,
    { id: "90002-0017", value: "Xã Bình Điền", expected: "Xã Hồng Thủy" },
  ),
  R(
    "SPONSOR_SEVERAL_ORGANISATIONS",
    "info",
    "sponsor",
    b("Một hộ được nhiều tổ chức đỡ đầu", "Household sponsored by several organisations"),
    b(
      "Cùng một hộ được hai tổ chức trở lên đỡ đầu trong kỳ: mỗi tổ chức tính hộ này một lượt; tổng số hộ khác nhau được ghi riêng.",
      "One household is sponsored by two or more organisations in the period: each organisation counts it once; the number of distinct households is given separately.",
    ),
    (v) => `Ô ${v("cell")}: hộ ${v("value")} được ${v("count")} tổ chức đỡ đầu trong kỳ (${v("organisations")}).`,
    (v) =>
      `Cell ${v("cell")}: household ${v("value")} is sponsored by ${v("count")} organisations in the period (${v("organisations")}).`,
    { cell: "D20", value: "90003-0008", count: 2, organisations: b("Hội LHPN, Đoàn TN", "Women, Youth") },
  ),
  R(
    "SPONSOR_OUTSTANDING_ABOVE_LOAN",
    "error",
    "sponsor",
    b("Dư nợ lớn hơn số tiền vay", "Outstanding above the loan"),
    b("Dư nợ không thể lớn hơn số tiền đã vay.", "The outstanding balance cannot exceed the amount lent."),
    (v) => `Ô ${v("cell")}: dư nợ ${v("value")} lớn hơn số tiền vay ${v("expected")} của hộ ${v("id")}.`,
    (v) => `Cell ${v("cell")}: outstanding ${v("value")} exceeds the loan ${v("expected")} of household ${v("id")}.`,
    { cell: "S12", value: 60_000_000, expected: 50_000_000, id: "90002-0017" },
  ),
  R(
    "SPONSOR_INTEREST_ABOVE_DUE",
    "error",
    "sponsor",
    b("Lãi đã thu lớn hơn lãi phải thu", "Interest collected above interest due"),
    b(
      "Lãi đã thu trong kỳ không thể lớn hơn lãi phải thu (nếu thu cả lãi kỳ trước, ghi vào lãi phải thu).",
      "Interest collected cannot exceed interest due (arrears collected belong in interest due).",
    ),
    (v) => `Ô ${v("cell")}: lãi đã thu ${v("value")} lớn hơn lãi phải thu ${v("expected")} của hộ ${v("id")}.`,
    (v) =>
      `Cell ${v("cell")}: interest collected ${v("value")} exceeds interest due ${v("expected")} of household ${v("id")}.`,
    { cell: "U12", value: 1_250_000, expected: 1_150_000, id: "90002-0017" },
  ),
  R(
    "SPONSOR_LOAN_NO_PROGRAMME",
    "warning",
    "sponsor",
    b("Khoản vay không ghi chương trình", "Loan without a programme"),
    b(
      "Có số tiền vay nhưng không ghi chương trình cho vay của Ngân hàng Chính sách xã hội.",
      "A loan amount without the Social Policy Bank programme it comes from.",
    ),
    (v) => `Ô ${v("cell")}: hộ ${v("id")} vay ${v("value")} đồng nhưng không ghi chương trình cho vay.`,
    (v) => `Cell ${v("cell")}: household ${v("id")} borrowed ${v("value")} VND but no loan programme is given.`,
    { cell: "Q12", id: "90002-0017", value: 50_000_000 },
  ),
  R(
    "SPONSOR_INTEREST_RATE_LOW",
    "warning",
    "sponsor",
    b("Tỷ lệ thu lãi dưới chỉ tiêu", "Interest collection below target"),
    b(
      'Tỷ lệ thu lãi của một tổ chức (lãi đã thu ÷ lãi phải thu của các hộ tổ chức đỡ đầu trong kỳ) thấp hơn chỉ tiêu (mặc định 99 %: "tỷ lệ thu lãi hàng năm đạt từ 99% lãi phải thu trở lên").',
      'An organisation\'s interest collection rate (interest collected ÷ due over its sponsored households in the period) is below the target (default 99 %: "annual interest collection at least 99% of interest due").',
    ),
    (v) =>
      `${v("organisation")}: thu lãi ${v("value")}, dưới chỉ tiêu ${v("expected")} (đã thu ${v("collected")} / phải thu ${v("due")} đồng).`,
    (v) =>
      `${v("organisation")}: interest collection ${v("value")}, below the ${v("expected")} target (collected ${v("collected")} of ${v("due")} VND due).`,
    {
      organisation: b("Hội Nông dân", "Farmers' Union"),
      value: b("97,50 %", "97.50%"),
      expected: b("99 %", "99%"),
      collected: 3_900_000,
      due: 4_000_000,
    },
  ),
];

/**
 * Every catalogued code, as a type: `finding("TYPO", …)` fails type-checking instead of throwing at run time
 * (test/core/findings/codes.test.ts keeps this honest).
 */
export type FindingCode = (typeof RULE_LIST)[number]["code"];

/** Every rule, in catalogue order (the order of docs/validation-rules.md). */
export const RULES: RuleInfo<FindingCode>[] = RULE_LIST;

export const RULE_BY_CODE = Object.fromEntries(RULES.map((r) => [r.code, r])) as Record<
  FindingCode,
  RuleInfo<FindingCode>
>;

/** True when `code` is a catalogued code (for codes read back from JSON or a findings sheet). */
export function isFindingCode(code: string): code is FindingCode {
  return Object.prototype.hasOwnProperty.call(RULE_BY_CODE, code);
}

/** Where a finding points: 0-based sheet coordinates (absolute, i.e. already offset by the grid origin). */
export interface Where {
  file?: string;
  sheet: string;
  row0?: number;
  col0?: number;
}

export interface FindingExtra {
  field?: string;
  value?: string;
  expected?: string;
  related?: RelatedCell[];
}

/**
 * Build a finding for a catalogued code. `params.cell` defaults to the A1 address of `where`.
 * @throws Error for an unknown code (a programming error, caught by the tests).
 */
export function finding(code: FindingCode, where: Where, params: Params = {}, extra: FindingExtra = {}): Finding {
  const rule = RULE_BY_CODE[code];
  if (!rule) throw new Error(`Unknown finding code ${code}`);
  const located = where.row0 !== undefined && where.col0 !== undefined;
  const cell = located ? a1(where.row0!, where.col0!) : "";
  const p: Params = { sheet: where.sheet, cell, ...params };
  if (where.row0 !== undefined && p.row === undefined) p.row = where.row0 + 1;
  const f: Finding = {
    code,
    severity: rule.severity,
    sheet: where.sheet,
    cell,
    row: where.row0 !== undefined ? where.row0 + 1 : 0,
    column: where.col0 !== undefined ? where.col0 + 1 : 0,
    messageVi: rule.vi(p),
    messageEn: rule.en(p),
  };
  if (where.file !== undefined) f.file = where.file;
  if (extra.field !== undefined) f.field = extra.field;
  if (extra.value !== undefined) f.value = extra.value;
  if (extra.expected !== undefined) f.expected = extra.expected;
  if (extra.related && extra.related.length) f.related = extra.related;
  return f;
}

/** The documented example message of a rule. */
export function exampleMessage(rule: RuleInfo, lang: Lang): string {
  const p = { sheet: "Xã A", cell: "E9", row: 9, ...rule.example };
  return lang === "vi" ? rule.vi(p) : rule.en(p);
}
