/**
 * The task pane's one string catalogue (shell and workflows): Vietnamese first, English complete.
 *
 * How to add a text (any engineer):
 *   1. add the key to `vi` (Vietnamese is the source of truth and the default UI language);
 *   2. add the same key to `en`: the type makes a missing or extra English key a compile error;
 *   3. read it in a component with `const { t } = useStrings(); t("myKey", { n: 3 })`, or outside React with
 *      `translate(lang, "myKey", …)`.
 * Placeholders are written `{name}` and filled from the second argument. A number is written the way of the
 * language (22.000 in Vietnamese, 22,000 in English): pass years, row numbers and codes as strings.
 * English plurals: `{n|household|households}` writes the first word when n is 1, else the second
 * (Vietnamese has no plural: write the noun once).
 * Group keys by prefix: `app.*` shell, `nav.*`/`tab.*`/`wf.*` navigation, `common.*` and `mapping.*` shared by
 * workflows, `<workflow>.*` one workflow. Texts a core module already returns as `Bilingual` (findings,
 * errors, standard names, table titles) are not copied here.
 */
import { formatNumber, type Lang } from "../core/i18n";

const vi = {
  "app.title": "Giảm nghèo – Kế hoạch & Kiểm tra",
  "app.languageGroup": "Ngôn ngữ giao diện",
  "app.languageVi": "Tiếng Việt",
  "app.languageEn": "English",
  "app.navLabel": "Các chức năng",
  "app.loading": "Đang tải…",
  "app.loadFailedTitle": "Không tải được chức năng này",
  "app.loadFailedBody": "Hãy đóng và mở lại ngăn tác vụ. Chi tiết: {message}",
  "app.outsideOfficeTitle": "Mở trong Excel",
  "app.outsideOfficeBody":
    "Trang này là ngăn tác vụ của phần bổ trợ Excel. Hãy mở Excel, vào thẻ Trang đầu và bấm nút “Giảm nghèo” để dùng đầy đủ chức năng.",

  "nav.classify": "Phân loại hộ",
  "nav.validate": "Kiểm tra hồ sơ",
  "nav.targets": "Chỉ tiêu",
  "nav.reports": "Báo cáo",
  "nav.templates": "Mẫu biểu",
  "nav.settings": "Cài đặt",
  "tab.classify": "Phân loại",
  "tab.validate": "Kiểm tra",
  "tab.targets": "Chỉ tiêu",
  "tab.reports": "Báo cáo",
  "tab.templates": "Mẫu biểu",
  "tab.settings": "Cài đặt",

  "wf.classify.description": "Xác định hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình từ phiếu rà soát.",
  "wf.validate.description": "Kiểm tra hồ sơ rà soát trước khi nộp: thiếu dữ liệu, sai ngưỡng, lệch tổng hợp.",
  "wf.targets.description": "Tính tỷ lệ nghèo và chỉ tiêu giảm nghèo (điểm phần trăm) theo đơn vị.",
  "wf.reports.description": "Lập biểu tổng hợp kết quả rà soát theo mẫu quy định.",
  "wf.templates.description": "Tạo sổ tính mẫu để nhập danh sách hộ và phiếu rà soát.",
  "wf.settings.description": "Năm rà soát, đơn vị và ngôn ngữ của phần bổ trợ.",

  "common.run": "Thực hiện",
  "common.cancel": "Huỷ",
  "common.cancelled": "Đã huỷ. Không có gì được ghi vào sổ tính.",
  "common.reading": "Đang đọc {sheet}: {done}/{total} dòng",
  "common.processing": "Đang xử lý: {done}/{total} hộ",
  "common.writing": "Đang ghi kết quả: {done}/{total} dòng",
  "common.working": "Đang thực hiện…",
  "common.errorTitle": "Không thực hiện được",
  "common.doneTitle": "Đã xong",
  "common.written": "Đã ghi {n} trang: {sheets}",
  "common.sheet": "Trang tính",
  "common.sheetHint": "Chọn trang chứa dữ liệu. Trang do phần bổ trợ tạo (KQ - …) không được đề xuất.",
  "common.noSheets": "Sổ tính chưa có trang dữ liệu nào.",
  "common.loadingSheets": "Đang tìm bảng dữ liệu trong sổ tính…",
  "common.refresh": "Tìm lại",
  "common.kindUnknown": "không nhận ra",
  "common.proposed": "đề xuất",
  "common.year": "Năm rà soát",
  "common.standard": "Chuẩn áp dụng: {name}",
  "common.citation": "Căn cứ: {citation}",
  "common.localStandard": "Đang dùng chuẩn địa phương từ Cài đặt: {name}",
  "common.outputLang": "Ngôn ngữ của bảng kết quả",
  "common.notInExcel": "Chức năng này cần mở trong Excel.",

  "mapping.title": "Các cột đã nhận ra",
  "mapping.field": "Trường",
  "mapping.column": "Cột",
  "mapping.none": "(không dùng)",
  "mapping.sure": "Chắc chắn",
  "mapping.check": "Cần xem lại",
  "mapping.manual": "Đã chọn tay",
  "mapping.columnLabel": "Cột cho “{field}”",
  "mapping.unmapped": "{n} cột không nhận ra: {cols}",
  "mapping.headerRow": "Dòng tiêu đề: {from}–{to}; dữ liệu từ dòng {data}",
  "mapping.showAll": "Hiện cả {n} cột đã nhận ra chắc chắn",
  "mapping.hideSure": "Chỉ hiện các cột cần xem lại",

  "classify.noRoster": "Không tìm thấy bảng danh sách hộ trong trang này",
  "classify.noRosterHint":
    "Cần có dòng tiêu đề với các cột như “Mã hộ”, “Khu vực”, “Thu nhập bình quân” và các chỉ số thiếu hụt.",
  "classify.run": "Phân loại và ghi kết quả",
  "classify.results": "Kết quả phân loại",
  "classify.invalid": "Không phân loại được",
  "classify.total": "Tổng số hộ đã đọc: {n}",
  "classify.invalidDetail": "{n} hộ thiếu hoặc sai dữ liệu (xem cột “Ghi chú phân loại” trong trang kết quả).",
  "classify.chartLabel": "Biểu đồ số hộ theo phân loại",
  "classify.copyTitle": "DANH SÁCH HỘ ĐÃ PHÂN LOẠI – NĂM {year}",
  "classify.copySheet": "Phân loại hộ",
  "classify.copySource": "Nguồn: trang “{sheet}”; phân loại theo {standard}",
  "classify.colCategory": "Phân loại (tính theo chuẩn)",
  "classify.colNote": "Ghi chú phân loại",
  "classify.chartTitle": "Tỷ lệ hộ nghèo, cận nghèo theo đơn vị",

  "validate.sources": "Dữ liệu cần kiểm tra",
  "validate.sheetsLabel": "Các trang của sổ tính này",
  "validate.files": "Tệp .xlsx trên máy (đọc ngay trong ngăn tác vụ, không tải lên đâu cả)",
  "validate.pickFiles": "Chọn tệp…",
  "validate.fileCount": "{n} tệp đã chọn",
  "validate.removeFile": "Bỏ tệp {name}",
  "validate.run": "Kiểm tra",
  "validate.nothing": "Hãy chọn ít nhất một trang hoặc một tệp.",
  "validate.summary": "{errors} lỗi · {warnings} cảnh báo · {infos} thông tin",
  "validate.clean": "Không phát hiện vấn đề nào.",
  "validate.filterSeverity": "Mức độ",
  "validate.filterSheet": "Lọc theo trang",
  "validate.allSheets": "Tất cả các trang",
  "validate.noMatch": "Không có phát hiện nào khớp bộ lọc.",
  "validate.goto": "Đi tới ô {cell}",
  "validate.otherFile": "trong tệp {file}",
  "validate.writeSheet": "Ghi trang kết quả kiểm tra",
  "validate.highlight": "Tô màu các ô có vấn đề",
  "validate.clearHighlight": "Bỏ tô màu",
  "validate.highlighted": "Đã tô màu {n} ô (định dạng có điều kiện, không đổi định dạng gốc).",
  "validate.cleared": "Đã bỏ {n} định dạng tô màu do phần bổ trợ thêm.",
  "validate.consolidate": "Gộp các danh sách hộ thành một trang",
  "validate.consolidateHint":
    "Gộp các trang/tệp danh sách hộ đã chọn; cột “Nguồn” cho biết hộ đến từ đâu. Hộ trùng mã được báo trong kết quả kiểm tra.",
  "validate.consolidateNone": "Cần ít nhất hai danh sách hộ để gộp.",
  "validate.consolidatedSheet": "Danh sách gộp",
  "validate.consolidatedTitle": "DANH SÁCH HỘ GỘP TỪ {n} NGUỒN",
  "validate.colSource": "Nguồn",
  "validate.shown": "Đang hiện {shown}/{total}",
  "validate.more": "Chỉ hiện {n} dòng đầu; ghi trang kết quả để xem đủ.",
  "validate.reading": "Đang đọc tệp {file}…",
  "validate.fileError": "Không đọc được tệp {file}: {message}",
  "validate.year": "Năm rà soát (để trống: lấy năm ghi trong tiêu đề trang)",
  "validate.yearAuto": "Tự nhận",

  "targets.unitsSheet": "Trang bảng đơn vị (số hộ, số hộ nghèo)",
  "targets.noUnits": "Không tìm thấy bảng đơn vị có “Tổng số hộ” và “Số hộ nghèo” trong trang này",
  "targets.reduction": "Giảm tỷ lệ hộ nghèo (điểm %)",
  "targets.reductionHint": "Ví dụ 1 = giảm 1 điểm phần trăm so với đầu kỳ.",
  "targets.method": "Phương pháp phân bổ",
  "targets.m.proportional": "Theo tỷ lệ số hộ nghèo",
  "targets.m.equal_rate": "Giảm đều điểm % mỗi đơn vị",
  "targets.m.weighted": "Theo trọng số (cột trọng số)",
  "targets.m.tiered": "Theo nhóm đơn vị",
  "targets.methodUnavailable": "Phương pháp này cần cột “{field}” trong bảng đơn vị.",
  "targets.baseYear": "Năm của số liệu đầu kỳ",
  "targets.years": "Số năm của lộ trình (0 = không lập lộ trình)",
  "targets.preview": "Xem trước phân bổ",
  "targets.previewCaption": "Phân bổ số hộ cần thoát nghèo",
  "targets.colUnit": "Đơn vị",
  "targets.colPoor": "Hộ nghèo",
  "targets.colAllocated": "Giảm",
  "targets.colEndRate": "Tỷ lệ cuối kỳ",
  "targets.totalAllocated": "Tổng số hộ cần thoát nghèo: {n}",
  "targets.write": "Ghi bảng chỉ tiêu",
  "targets.trackingTitle": "Theo dõi chỉ tiêu kế hoạch",
  "targets.planSheet": "Trang chỉ tiêu kế hoạch (chỉ tiêu, đơn vị tính, kế hoạch, thực hiện)",
  "targets.noPlan": "Không tìm thấy bảng chỉ tiêu kế hoạch trong trang này",
  "targets.period": "Kỳ báo cáo",
  "targets.writeTracking": "Ghi bảng theo dõi",
  "targets.badReduction": "Nhập mức giảm là một số từ 0 đến 100 điểm %.",

  "reports.roster": "Trang danh sách hộ",
  "reports.choose": "Các biểu sẽ lập",
  "reports.prepare": "Chuẩn bị các biểu",
  "reports.write": "Ghi {n} biểu đã chọn",
  "reports.none": "Chưa chọn biểu nào.",

  "templates.kind": "Loại mẫu",
  "templates.roster": "Danh sách hộ (có danh sách chọn và kiểm tra dữ liệu)",
  "templates.summary": "Biểu tổng hợp theo thôn, tổ dân phố",
  "templates.rows": "Số dòng nhập",
  "templates.insert": "Chèn mẫu",

  "settings.language": "Ngôn ngữ giao diện",
  "settings.defaultYear": "Năm rà soát mặc định",
  "settings.local": "Chuẩn nghèo địa phương (JSON, tuỳ chọn)",
  "settings.localHint": "Để trống nếu dùng chuẩn quốc gia. Chuẩn địa phương được kiểm tra trước khi lưu.",
  "settings.check": "Kiểm tra chuẩn",
  "settings.localOk": "Chuẩn hợp lệ: {name} ({from}–{to})",
  "settings.localIssues": "Lưu ý về chuẩn:",
  "settings.save": "Lưu vào sổ tính",
  "settings.saved": "Đã lưu vào sổ tính. Đồng nghiệp mở tệp này sẽ thấy cùng lựa chọn.",
  "settings.note": "Cài đặt được lưu trong chính sổ tính (document settings), không gửi đi đâu.",
} satisfies Record<string, string>;

/** Every key of the catalogue. */
export type StringKey = keyof typeof vi;

/** English must have exactly the Vietnamese keys (missing or extra keys do not compile). */
const en: { [K in StringKey]: string } = {
  "app.title": "Poverty Planner",
  "app.languageGroup": "Interface language",
  "app.languageVi": "Tiếng Việt",
  "app.languageEn": "English",
  "app.navLabel": "Workflows",
  "app.loading": "Loading…",
  "app.loadFailedTitle": "This workflow could not be loaded",
  "app.loadFailedBody": "Close and reopen the task pane. Details: {message}",
  "app.outsideOfficeTitle": "Open in Excel",
  "app.outsideOfficeBody":
    "This page is the task pane of an Excel add-in. Open Excel, go to the Home tab and select the “Giảm nghèo” button to use all features.",

  "nav.classify": "Classify",
  "nav.validate": "Check records",
  "nav.targets": "Targets",
  "nav.reports": "Reports",
  "nav.templates": "Templates",
  "nav.settings": "Settings",
  "tab.classify": "Classify",
  "tab.validate": "Check",
  "tab.targets": "Targets",
  "tab.reports": "Reports",
  "tab.templates": "Templates",
  "tab.settings": "Settings",

  "wf.classify.description": "Find poor, near-poor and average-living-standard households from the review forms.",
  "wf.validate.description":
    "Check review records before submission: missing data, wrong thresholds, totals that disagree.",
  "wf.targets.description": "Compute poverty rates and reduction targets (percentage points) per unit.",
  "wf.reports.description": "Build the summary tables of the review in the prescribed forms.",
  "wf.templates.description": "Create template workbooks to enter household lists and review forms.",
  "wf.settings.description": "Review year, administrative unit and language of the add-in.",

  "common.run": "Run",
  "common.cancel": "Cancel",
  "common.cancelled": "Cancelled. Nothing was written to the workbook.",
  "common.reading": "Reading {sheet}: {done}/{total} rows",
  "common.processing": "Processing: {done}/{total} households",
  "common.writing": "Writing results: {done}/{total} rows",
  "common.working": "Working…",
  "common.errorTitle": "Could not complete",
  "common.doneTitle": "Done",
  "common.written": "Wrote {n} {n|sheet|sheets}: {sheets}",
  "common.sheet": "Sheet",
  "common.sheetHint": "Choose the sheet with the data. Sheets made by the add-in (KQ - …) are not proposed.",
  "common.noSheets": "The workbook has no data sheet yet.",
  "common.loadingSheets": "Looking for data tables in the workbook…",
  "common.refresh": "Search again",
  "common.kindUnknown": "not recognised",
  "common.proposed": "proposed",
  "common.year": "Review year",
  "common.standard": "Standard applied: {name}",
  "common.citation": "Basis: {citation}",
  "common.localStandard": "Using the local standard from Settings: {name}",
  "common.outputLang": "Language of the output tables",
  "common.notInExcel": "This needs to be opened in Excel.",

  "mapping.title": "Columns recognised",
  "mapping.field": "Field",
  "mapping.column": "Column",
  "mapping.none": "(not used)",
  "mapping.sure": "Certain",
  "mapping.check": "Please check",
  "mapping.manual": "Chosen by you",
  "mapping.columnLabel": "Column for “{field}”",
  "mapping.unmapped": "{n} {n|column|columns} not recognised: {cols}",
  "mapping.headerRow": "Header rows: {from}–{to}; data from row {data}",
  "mapping.showAll": "Also show the {n} columns recognised with certainty",
  "mapping.hideSure": "Show only the columns to check",

  "classify.noRoster": "No household list was found on this sheet",
  "classify.noRosterHint":
    "It needs a header row with columns such as “Mã hộ”, “Khu vực”, “Thu nhập bình quân” and the deprivation indicators.",
  "classify.run": "Classify and write results",
  "classify.results": "Classification results",
  "classify.invalid": "Could not classify",
  "classify.total": "Households read: {n}",
  "classify.invalidDetail":
    "{n} {n|household has|households have} missing or invalid data (see the “Classification note” column on the result sheet).",
  "classify.chartLabel": "Chart of households by category",
  "classify.copyTitle": "CLASSIFIED HOUSEHOLD LIST – {year}",
  "classify.copySheet": "Classified",
  "classify.copySource": "Source: sheet “{sheet}”; classified under {standard}",
  "classify.colCategory": "Category (computed)",
  "classify.colNote": "Classification note",
  "classify.chartTitle": "Poverty and near-poverty rates by unit",

  "validate.sources": "Data to check",
  "validate.sheetsLabel": "Sheets of this workbook",
  "validate.files": ".xlsx files on this computer (read inside the task pane, never uploaded)",
  "validate.pickFiles": "Choose files…",
  "validate.fileCount": "{n} {n|file|files} chosen",
  "validate.removeFile": "Remove file {name}",
  "validate.run": "Check",
  "validate.nothing": "Choose at least one sheet or file.",
  "validate.summary":
    "{errors} {errors|error|errors} · {warnings} {warnings|warning|warnings} · {infos} {infos|note|notes}",
  "validate.clean": "No problems found.",
  "validate.filterSeverity": "Severity",
  "validate.filterSheet": "Filter by sheet",
  "validate.allSheets": "All sheets",
  "validate.noMatch": "No findings match the filter.",
  "validate.goto": "Go to cell {cell}",
  "validate.otherFile": "in file {file}",
  "validate.writeSheet": "Write the findings sheet",
  "validate.highlight": "Highlight the cells concerned",
  "validate.clearHighlight": "Clear highlighting",
  "validate.highlighted":
    "Highlighted {n} {n|cell|cells} (conditional formats; the cells' own formatting is unchanged).",
  "validate.cleared": "Removed {n} highlight {n|format|formats} added by the add-in.",
  "validate.consolidate": "Consolidate household lists into one sheet",
  "validate.consolidateHint":
    "Merges the chosen household-list sheets/files; a “Source” column tells where each household came from. Duplicate ids are reported by the check.",
  "validate.consolidateNone": "At least two household lists are needed to consolidate.",
  "validate.consolidatedSheet": "Consolidated",
  "validate.consolidatedTitle": "HOUSEHOLD LIST CONSOLIDATED FROM {n} SOURCES",
  "validate.colSource": "Source",
  "validate.shown": "Showing {shown}/{total}",
  "validate.more": "Only the first {n} rows are shown; write the findings sheet to see all.",
  "validate.reading": "Reading file {file}…",
  "validate.fileError": "Could not read file {file}: {message}",
  "validate.year": "Review year (blank: use the year written in the sheet title)",
  "validate.yearAuto": "Automatic",

  "targets.unitsSheet": "Units table sheet (households, poor households)",
  "targets.noUnits": "No units table with “Tổng số hộ” and “Số hộ nghèo” was found on this sheet",
  "targets.reduction": "Reduce the poverty rate by (percentage points)",
  "targets.reductionHint": "For example 1 = one percentage point below the start.",
  "targets.method": "Allocation method",
  "targets.m.proportional": "Proportional to poor households",
  "targets.m.equal_rate": "Equal percentage points per unit",
  "targets.m.weighted": "Weighted (weight column)",
  "targets.m.tiered": "By unit tiers",
  "targets.methodUnavailable": "This method needs a “{field}” column in the units table.",
  "targets.baseYear": "Year of the start figures",
  "targets.years": "Years of the path (0 = no path)",
  "targets.preview": "Preview the allocation",
  "targets.previewCaption": "Households to lift out of poverty",
  "targets.colUnit": "Unit",
  "targets.colPoor": "Poor",
  "targets.colAllocated": "Reduce",
  "targets.colEndRate": "End rate",
  "targets.totalAllocated": "Households to lift out in total: {n}",
  "targets.write": "Write the target table",
  "targets.trackingTitle": "Plan indicator tracking",
  "targets.planSheet": "Plan indicators sheet (indicator, unit of measure, plan, actual)",
  "targets.noPlan": "No plan indicator table was found on this sheet",
  "targets.period": "Reporting period",
  "targets.writeTracking": "Write the tracking table",
  "targets.badReduction": "Enter the reduction as a number from 0 to 100 percentage points.",

  "reports.roster": "Household list sheet",
  "reports.choose": "Forms to produce",
  "reports.prepare": "Prepare the forms",
  "reports.write": "Write the {n} selected {n|form|forms}",
  "reports.none": "No form selected.",

  "templates.kind": "Template",
  "templates.roster": "Household list (with drop-downs and data validation)",
  "templates.summary": "Summary by village",
  "templates.rows": "Input rows",
  "templates.insert": "Insert template",

  "settings.language": "Interface language",
  "settings.defaultYear": "Default review year",
  "settings.local": "Local poverty standard (JSON, optional)",
  "settings.localHint": "Leave blank to use the national standard. A local standard is checked before saving.",
  "settings.check": "Check standard",
  "settings.localOk": "Valid standard: {name} ({from}–{to})",
  "settings.localIssues": "Notes on the standard:",
  "settings.save": "Save in the workbook",
  "settings.saved": "Saved in the workbook. Colleagues who open this file get the same choices.",
  "settings.note": "Settings are stored in the workbook itself (document settings) and sent nowhere.",
};

export const strings: Record<Lang, { [K in StringKey]: string }> = { vi, en };

/** A number parameter as the language writes it: 22.000 / 22,000; 1,5 / 1.5 (at most 2 decimals). */
function formatParam(value: string | number, lang: Lang): string {
  if (typeof value !== "number") return value;
  if (Number.isInteger(value)) return formatNumber(value, lang);
  return formatNumber(value, lang, 2).replace(/[.,]?0+$/, "");
}

/**
 * Look up a text and fill its placeholders: `{name}` → the parameter (numbers formatted for the language),
 * `{name|one|other}` → `one` when the parameter is 1, else `other`. An unknown placeholder is left visible,
 * never dropped.
 */
export function translate(lang: Lang, key: StringKey, params?: Record<string, string | number>): string {
  const text = strings[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    if (one !== undefined) return Number(value) === 1 ? one : (other ?? "");
    return formatParam(value, lang);
  });
}
