/**
 * The task pane's string catalogue: Vietnamese first, English complete.
 *
 * How to add a text (any engineer):
 *   1. add the key to `vi` (Vietnamese is the source of truth and the default UI language);
 *   2. add the same key to `en`: the type makes a missing or extra English key a compile error.
 *   3. read it in a component with `const { t } = useStrings(); t("myKey", { n: 3 })`.
 * Placeholders are written `{name}` and filled from the second argument of `t`.
 * Group keys by prefix: `app.*` shell, `nav.*` navigation, `wf.<id>.*` a workflow, `common.*` shared.
 * Texts a core module already returns as `Bilingual` (findings, errors) are not copied here.
 */
import type { Lang } from "../core/i18n";

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
  "app.placeholder": "Đang phát triển",

  "nav.classify": "Phân loại hộ",
  "nav.validate": "Kiểm tra hồ sơ",
  "nav.targets": "Chỉ tiêu",
  "nav.reports": "Báo cáo",
  "nav.templates": "Mẫu biểu",
  "nav.settings": "Cài đặt",

  "wf.classify.description": "Xác định hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình từ phiếu rà soát.",
  "wf.validate.description": "Kiểm tra hồ sơ rà soát trước khi nộp: thiếu dữ liệu, sai ngưỡng, lệch tổng hợp.",
  "wf.targets.description": "Tính tỷ lệ nghèo và chỉ tiêu giảm nghèo (điểm phần trăm) theo đơn vị.",
  "wf.reports.description": "Lập biểu tổng hợp kết quả rà soát theo mẫu quy định.",
  "wf.templates.description": "Tạo sổ tính mẫu để nhập danh sách hộ và phiếu rà soát.",
  "wf.settings.description": "Năm rà soát, đơn vị và ngôn ngữ của phần bổ trợ.",
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
  "app.placeholder": "In development",

  "nav.classify": "Classify",
  "nav.validate": "Check records",
  "nav.targets": "Targets",
  "nav.reports": "Reports",
  "nav.templates": "Templates",
  "nav.settings": "Settings",

  "wf.classify.description": "Find poor, near-poor and average-living-standard households from the review forms.",
  "wf.validate.description":
    "Check review records before submission: missing data, wrong thresholds, totals that disagree.",
  "wf.targets.description": "Compute poverty rates and reduction targets (percentage points) per unit.",
  "wf.reports.description": "Build the summary tables of the review in the prescribed forms.",
  "wf.templates.description": "Create template workbooks to enter household lists and review forms.",
  "wf.settings.description": "Review year, administrative unit and language of the add-in.",
};

export const strings: Record<Lang, { [K in StringKey]: string }> = { vi, en };

/** Look up a text and fill `{name}` placeholders. An unknown placeholder is left visible, never dropped. */
export function translate(lang: Lang, key: StringKey, params?: Record<string, string | number>): string {
  const text = strings[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
