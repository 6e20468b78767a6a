/**
 * The task pane's one string catalogue (shell and workflows): Vietnamese first, English complete.
 *
 * How to add a text (any engineer):
 *   1. add the key to `vi` (Vietnamese is the source of truth and the default UI language);
 *   2. add the same key to `en` in ./strings-en.ts (loaded on demand, out of the first render): the type makes a
 *      missing or extra English key a compile error;
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
  "nav.sponsors": "Giúp hộ nghèo có địa chỉ",
  "nav.templates": "Mẫu biểu",
  "nav.settings": "Cài đặt",
  "tab.classify": "Phân loại",
  "tab.validate": "Kiểm tra",
  "tab.targets": "Chỉ tiêu",
  "tab.reports": "Báo cáo",
  "tab.sponsors": "Đỡ đầu",
  "tab.templates": "Mẫu biểu",
  "tab.settings": "Cài đặt",

  "wf.classify.description": "Xác định hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình từ phiếu rà soát.",
  "wf.validate.description": "Kiểm tra hồ sơ rà soát trước khi nộp: thiếu dữ liệu, sai ngưỡng, lệch tổng hợp.",
  "wf.targets.description": "Tính tỷ lệ nghèo và chỉ tiêu giảm nghèo (điểm phần trăm) theo đơn vị.",
  "wf.reports.description": "Lập biểu tổng hợp kết quả rà soát theo mẫu quy định.",
  "wf.sponsors.description":
    "Sổ đỡ đầu hộ nghèo của các tổ chức: kiểm tra sổ, báo cáo tháng, quý về hỗ trợ, vay vốn và kết quả thoát nghèo.",
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
  "common.moreBlocking": "Chỉ hiện {n}/{total} lỗi; mở Kiểm tra hồ sơ để xem đủ.",
  "common.savedSettingsTitle": "Cài đặt đã lưu có chỗ không dùng được",
  "common.savedSettingsFix": "Mở thẻ Cài đặt để sửa rồi lưu lại.",
  "common.sheet": "Trang dữ liệu",
  "common.noSheets": "Sổ tính chưa có trang dữ liệu nào.",
  "common.loadingSheets": "Đang tìm bảng dữ liệu trong sổ tính…",
  "common.refresh": "Tìm lại",
  "common.kindUnknown": "không nhận ra",
  "common.proposed": "đề xuất",
  "common.year": "Năm rà soát",
  "common.outputLang": "Ngôn ngữ của bảng kết quả",
  "common.notInExcel": "Chức năng này cần mở trong Excel.",
  "common.recognised": "Nhận ra: {kind}",

  "mapping.title": "Các cột đã nhận ra",
  "mapping.none": "(chưa chọn cột)",
  "mapping.sure": "Chắc chắn",
  "mapping.check": "Cần xem lại",
  "mapping.manual": "Đã chọn tay",
  "mapping.columnLabel": "Cột “{field}”",
  "mapping.unmapped": "{n} cột không nhận ra: {cols}",
  "mapping.showAll": "Xem và sửa các cột",
  "mapping.summary": "Đã nhận ra {n} cột (tiêu đề ở dòng {header}, dữ liệu từ dòng {data}).",
  "mapping.toReview": "{n} cột cần xem lại:",
  "mapping.missing": "Chưa có cột",
  "mapping.hide": "Thu gọn danh sách cột",

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
  "classify.sheet": "Trang danh sách hộ",
  "classify.needSheet": "Chưa có trang dữ liệu để phân loại.",
  "classify.needRoster": "Chọn trang có danh sách hộ.",

  "validate.sheetsLabel": "Các trang cần kiểm tra",
  "validate.pickFiles": "Thêm tệp .xlsx…",
  "validate.fileCount": "{n} tệp đã chọn",
  "validate.removeFile": "Bỏ tệp {name}",
  "validate.run": "Kiểm tra",
  "validate.nothing": "Hãy chọn ít nhất một trang hoặc một tệp.",
  "validate.summary": "{errors} lỗi · {warnings} cảnh báo · {infos} thông tin",
  "validate.clean": "Không phát hiện vấn đề nào.",
  "validate.filterSeverity": "Mức độ",
  "validate.filterSheet": "Trang",
  "validate.allSheets": "Tất cả các trang",
  "validate.noMatch": "Không có phát hiện nào khớp bộ lọc.",
  "validate.goto": "Đi tới ô {cell}",
  "validate.writeSheet": "Ghi trang kết quả",
  "validate.highlight": "Tô màu ô",
  "validate.clearHighlight": "Bỏ tô màu",
  "validate.highlighted": "Đã tô màu {n} ô (định dạng có điều kiện, không đổi định dạng gốc).",
  "validate.cleared": "Đã bỏ {n} định dạng tô màu do phần bổ trợ thêm.",
  "validate.consolidate": "Gộp các danh sách hộ thành một trang",
  "validate.consolidateHint":
    "Cột “Nguồn” cho biết hộ đến từ trang, tệp nào; hộ trùng mã được báo trong kết quả kiểm tra.",
  "validate.consolidateNone": "Cần ít nhất hai danh sách hộ để gộp (đã đọc {n}).",
  "validate.consolidateRefused":
    "Không gộp: {n} lỗi chặn việc gộp (mã hộ trùng, cột khác nhau, lỗi trong danh sách…); xem các phát hiện.",
  "validate.consolidatedSheet": "Danh sách gộp",
  "validate.consolidatedTitle": "DANH SÁCH HỘ GỘP TỪ {n} NGUỒN",
  "validate.colSource": "Nguồn",
  "validate.reading": "Đang đọc tệp {file}…",
  "validate.fileError": "Không đọc được tệp {file}: {message}",
  "validate.yearAuto": "Tự nhận theo tiêu đề từng trang",
  "validate.filesHint": "Đọc ngay trong ngăn tác vụ, không tải lên đâu cả.",
  "validate.results": "Kết quả kiểm tra",
  "validate.highlightNone": "Không có ô nào của sổ tính này để tô màu (các phát hiện nằm ở tệp khác hoặc cả trang).",
  "validate.moreActions": "Thêm thao tác: bỏ tô màu, gộp danh sách",
  "validate.moreCells": "Chỉ hiện {n}/{total} ô; ghi trang kết quả để xem đủ.",
  "validate.groupCount": "{n} ô",
  "validate.gotoShort": "Đi tới ô",
  "validate.details": "Chi tiết",
  "validate.code": "Mã quy tắc: {code}",
  "validate.yearAutoHint": "Trang không ghi năm: dùng năm rà soát gần nhất đã có kết quả.",
  "validate.sources": "Dữ liệu cần kiểm tra",

  "targets.noUnits": "Không tìm thấy bảng đơn vị có “Tổng số hộ” và “Số hộ nghèo” trong trang này",
  "targets.reduction": "Giảm tỷ lệ hộ nghèo",
  "targets.reductionHint": "Tính bằng điểm phần trăm so với đầu kỳ: giảm {shown}.",
  "targets.method": "Phương pháp phân bổ",
  "targets.m.proportional": "Theo tỷ lệ số hộ nghèo",
  "targets.m.equal_rate": "Giảm đều điểm % mỗi đơn vị",
  "targets.m.weighted": "Theo trọng số (cột trọng số)",
  "targets.baseYear": "Năm đầu kỳ",
  "targets.preview": "Xem trước",
  "targets.previewCaption": "Năm {year}: giảm {shown} — số hộ cần thoát nghèo",
  "targets.colUnit": "Đơn vị",
  "targets.colPoor": "Hộ nghèo",
  "targets.colAllocated": "Cần thoát nghèo",
  "targets.colEndRate": "Tỷ lệ cuối kỳ",
  "targets.totalAllocated": "Tổng số hộ cần thoát nghèo: {n}",
  "targets.write": "Ghi bảng chỉ tiêu",
  "targets.blockedTable": "Chưa ghi bảng chỉ tiêu: bảng đơn vị có {n} lỗi. Sửa các ô dưới đây rồi bấm lại.",
  "targets.blockedImpossible": "Chưa ghi bảng chỉ tiêu: mức giảm vượt số hộ nghèo. Giảm mức giảm rồi bấm lại.",
  "targets.noPlan": "Không tìm thấy bảng chỉ tiêu kế hoạch trong trang này",
  "targets.period": "Kỳ báo cáo",
  "targets.writeTracking": "Ghi bảng theo dõi",
  "targets.sheet": "Trang dữ liệu (bảng đơn vị hoặc chỉ tiêu kế hoạch)",
  "targets.noTable": "Trang này không có bảng đơn vị hay bảng chỉ tiêu kế hoạch",
  "targets.noTableHint":
    "Bảng đơn vị cần các cột “Đơn vị”, “Tổng số hộ”, “Số hộ nghèo”; bảng chỉ tiêu kế hoạch cần “Chỉ tiêu”, “Kế hoạch”, “Thực hiện”.",
  "targets.needSheet": "Chưa có trang dữ liệu.",
  "targets.needReduction": "Nhập mức giảm hợp lệ.",
  "targets.path": "Lộ trình",
  "targets.pathNone": "Chỉ năm {year}",
  "targets.pathYears": "{n} năm ({from}–{to})",
  "targets.periodHint": "Ví dụ: 6 tháng đầu năm 2026, hoặc Năm 2026.",
  "targets.needPeriod": "Nhập kỳ báo cáo.",

  "reports.choose": "Các biểu sẽ lập",
  "reports.prepare": "Chuẩn bị các biểu",
  "reports.write": "Ghi {n} biểu đã chọn",
  "reports.none": "Chọn ít nhất một biểu.",
  "reports.blocked": "Chưa lập biểu: danh sách hộ có {n} lỗi. Sửa các ô dưới đây rồi bấm lại.",
  "reports.t.form1-results": "Biểu 1 – Kết quả rà soát hộ nghèo, hộ cận nghèo",
  "reports.t.form2-poor-transitions": "Biểu 2 – Diễn biến hộ nghèo",
  "reports.t.form3-nearpoor-transitions": "Biểu 3 – Diễn biến hộ cận nghèo",
  "reports.t.form4-poor": "Biểu 4 – Hộ nghèo thiếu hụt các dịch vụ xã hội cơ bản",
  "reports.t.form5-nearpoor": "Biểu 5 – Hộ cận nghèo thiếu hụt các dịch vụ xã hội cơ bản",
  "reports.t.deprivation-rates": "Tỷ lệ hộ thiếu hụt theo từng chỉ số",
  "reports.t.af-units": "Chỉ số nghèo đa chiều (Alkire–Foster) theo đơn vị",
  "reports.t.af-indicators": "Chỉ số nghèo đa chiều (Alkire–Foster) theo chỉ số",
  "reports.t.breakdown-ethnicity": "Hộ nghèo, hộ cận nghèo theo dân tộc",
  "reports.t.breakdown-causes": "Nguyên nhân nghèo",
  "reports.t.breakdown-target-groups": "Hộ nghèo, hộ cận nghèo theo nhóm đối tượng",
  "reports.t.exclusion-by-unit": "Hộ nghèo không tính hộ bảo trợ xã hội (BTXH) theo đơn vị",
  "reports.t.exclusion-zero": "Đơn vị không còn hộ nghèo (trừ hộ nghèo BTXH)",
  "reports.roster": "Trang danh sách hộ",
  "sponsors.register": "Trang sổ đỡ đầu",
  "sponsors.quota": "Trang chỉ tiêu nhận đỡ đầu",
  "sponsors.noQuota": "(chưa giao chỉ tiêu)",
  "sponsors.start": "Danh sách hộ đầu kỳ (rà soát năm trước)",
  "sponsors.end": "Danh sách hộ cuối kỳ (rà soát năm nay)",
  "sponsors.noEnd": "(chưa có — không tính kết quả thoát nghèo)",
  "sponsors.rosterYear": "Năm rà soát {year} (theo tiêu đề trang, hoặc theo kỳ báo cáo)",
  "sponsors.sameRoster": "Danh sách đầu kỳ và cuối kỳ phải là hai trang khác nhau.",
  "sponsors.needRegister": "Chọn trang sổ đỡ đầu.",
  "sponsors.needStart": "Chọn danh sách hộ đầu kỳ.",
  "sponsors.period": "Kỳ báo cáo",
  "sponsors.periodHint": "Ví dụ 2026-Q1 (quý), 2026-03 (tháng), 2026-H1 (6 tháng), 2026 (năm).",
  "sponsors.badPeriod": "Viết kỳ báo cáo dạng 2026-Q1, 2026-03, 2026-H1 hoặc 2026.",
  "sponsors.run": "Kiểm tra sổ và lập báo cáo",
  "sponsors.noRegister": "Không tìm thấy sổ đỡ đầu trong sổ tính",
  "sponsors.noRegisterHint":
    "Cần một trang có cột “Mã hộ” và “Tổ chức đỡ đầu” (hoặc hình thức hỗ trợ, vay vốn). Tạo mẫu ở thẻ Mẫu biểu hoặc bằng lệnh poverty template --kind register.",
  "sponsors.rosterErrors": "Danh sách hộ “{sheet}” có {n} lỗi hoặc không có hộ nào. {first}",
  "sponsors.results": "Kết quả trong kỳ",
  "sponsors.summary":
    "{rows} dòng của sổ trong kỳ · {households} hộ khác nhau được đỡ đầu ({pairs} lượt theo tổ chức) · {organisations} tổ chức",
  "sponsors.colOrganisation": "Tổ chức",
  "sponsors.colHouseholds": "Số hộ",
  "sponsors.colQuota": "Chỉ tiêu",
  "sponsors.colEscaped": "Thoát nghèo / hộ nghèo",
  "sponsors.notCausal":
    "So sánh với hộ không được đỡ đầu (trang “Đỡ đầu - so sánh”) là so sánh đơn thuần, không phải đánh giá tác động.",
  "sponsors.clean": "Sổ đỡ đầu không có lỗi hay cảnh báo.",
  "sponsors.moreFindings": "Chỉ hiện 20 mục đầu trong {n}; xem đủ ở trang “Kiểm tra sổ đỡ đầu”.",

  "templates.kind": "Loại mẫu",
  "templates.roster": "Danh sách hộ (có danh sách chọn và kiểm tra dữ liệu)",
  "templates.summary": "Biểu tổng hợp theo thôn, tổ dân phố",
  "templates.register": "Sổ đỡ đầu hộ nghèo và chỉ tiêu nhận đỡ đầu",
  "templates.rows": "Số dòng nhập",
  "templates.insert": "Chèn mẫu",

  "settings.defaultYear": "Năm rà soát mặc định",
  "settings.local": "Chuẩn nghèo địa phương",
  "settings.localHint": "Không chọn: dùng chuẩn quốc gia của từng năm rà soát.",
  "settings.localOk": "Chuẩn hợp lệ: {name} ({from}–{to}).",
  "settings.save": "Lưu vào sổ tính",
  "settings.saved": "Đã lưu vào sổ tính. Đồng nghiệp mở tệp này sẽ thấy cùng lựa chọn.",
  "settings.note":
    "Lưu trong chính sổ tính, không gửi đi đâu; đồng nghiệp mở tệp này sẽ thấy cùng lựa chọn (cả ngôn ngữ {lang}, đổi bằng nút VI/EN ở đầu ngăn).",
  "settings.yearAuto": "Tự động (hiện nay: {year})",
  "settings.yearAutoHint":
    "Năm ghi ở tiêu đề trang được dùng trước; trang không ghi năm dùng năm rà soát gần nhất đã có kết quả.",
  "settings.unit": "Đơn vị",
  "settings.unitHint": "In ở đầu và cuối mỗi biểu do phần bổ trợ lập; để trống thì biểu in dòng chấm để điền tay.",
  "settings.unitHintIssuer": "Ví dụ: UBND xã Bình Điền, hoặc Ban Chỉ đạo giảm nghèo xã.",
  "settings.unitHintHeadTitle": "Mặc định “THỦ TRƯỞNG ĐƠN VỊ”; ví dụ “TM. ỦY BAN NHÂN DÂN”.",
  "settings.useLocal": "Tỉnh, thành phố áp dụng chuẩn nghèo cao hơn chuẩn quốc gia",
  "settings.province": "Tỉnh, thành phố",
  "settings.document": "Văn bản quy định chuẩn",
  "settings.issued": "Ngày ban hành",
  "settings.fromYear": "Áp dụng từ năm rà soát",
  "settings.toYear": "Đến năm rà soát",
  "settings.raises": "Nâng mức của: {name} ({doc})",
  "settings.lines": "Mức thu nhập bình quân đầu người/tháng (đồng); để trống = mức quốc gia",
  "settings.rural": "Nông thôn",
  "settings.urban": "Thành thị",
  "settings.linePoverty": "Chuẩn nghèo",
  "settings.lineNearPoverty": "Chuẩn cận nghèo",
  "settings.lineAverage": "Mức sống trung bình (mức trên)",
  "settings.andRule":
    "Chuẩn cận nghèo giai đoạn này bằng chuẩn nghèo (hộ cận nghèo khác hộ nghèo ở số chỉ số thiếu hụt), nên không nhập riêng.",
  "settings.cutoffLabel": "Hộ nghèo: thiếu hụt từ bao nhiêu chỉ số trở lên",
  "settings.cutoffHint":
    "Để trống = như chuẩn quốc gia: từ {n} chỉ số trở lên. Địa phương chỉ được hạ ngưỡng này (công nhận nhiều hộ hơn).",
  "settings.cutover": "Dùng kết quả rà soát năm trước từ",
  "settings.cutoverHint":
    "Mặc định tháng 2: kết quả rà soát cả nước thường công bố cuối tháng 1 – đầu tháng 2 năm sau.",
  "settings.month": "tháng {m}",
  "settings.localInvalid":
    "Chưa lưu: chuẩn địa phương chưa hợp lệ — xem các lời nhắn trong mục Chuẩn nghèo địa phương.",
  "settings.json": "JSON (chia sẻ với tệp khác)",
  "settings.jsonLabel": "Chuẩn địa phương dạng JSON",
  "settings.jsonHint": "Sao chép để dùng ở tệp khác, hoặc dán JSON vào đây rồi bấm Nhập.",
  "settings.jsonImport": "Nhập JSON vào biểu mẫu",
  "settings.unitEmpty": "Chưa ghi: biểu in dòng chấm để điền tay",
  "settings.localNone": "Không dùng: chuẩn quốc gia của từng năm",
  "settings.localDraft": "Đang soạn, chưa hợp lệ",
  "settings.unitInvalid": "Chưa lưu: thông tin đơn vị chưa hợp lệ — xem lời nhắn trong mục Đơn vị.",
} satisfies Record<string, string>;

/** Every key of the catalogue. */
export type StringKey = keyof typeof vi;

export type Catalogue = { [K in StringKey]: string };

const loaded: Partial<Record<Lang, Catalogue>> = { vi };

/** The texts of a language, once loaded (Vietnamese always is). */
export const strings: Readonly<Partial<Record<Lang, Catalogue>>> = loaded;

/** True for a key of the catalogue (for keys built from data, e.g. a form's id). */
export function isStringKey(key: string): key is StringKey {
  return key in vi;
}

/** Make a language's texts available (the English module calls this when it is loaded). */
export function registerCatalogue(lang: Lang, catalogue: Catalogue): void {
  loaded[lang] = catalogue;
}

/** Load a language's texts (English is a separate chunk); resolves at once when they are there. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (loaded[lang]) return;
  const { en } = await import(/* webpackChunkName: "strings-en" */ "./strings-en");
  registerCatalogue("en", en);
}

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
  // Until English is loaded (it is, before anything renders or writes in English) the source language stands in.
  const text = (loaded[lang] ?? vi)[key];
  if (!params) return text;
  return text.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    if (one !== undefined) return Number(value) === 1 ? one : (other ?? "");
    return formatParam(value, lang);
  });
}
