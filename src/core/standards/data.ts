/**
 * The national poverty standards, as data. Every number here is cited to its legal text next to it; docs/standards.md
 * (generated from this file) lists the sources and what is uncertain. Values the project could not confirm are listed
 * in `uncertain`; values the law does not (yet) give are `null`.
 */
import type { Standard, Indicator, Service } from "./schema";

const bi = (vi: string, en: string) => ({ vi, en });

// ---------------------------------------------------------------------------------------------
// Services (dịch vụ xã hội cơ bản)
// ---------------------------------------------------------------------------------------------
const SVC = {
  employment: { id: "employment", name: bi("Việc làm", "Employment") },
  health: { id: "health", name: bi("Y tế", "Health") },
  education: { id: "education", name: bi("Giáo dục", "Education") },
  housing: { id: "housing", name: bi("Nhà ở", "Housing") },
  water: { id: "water_sanitation", name: bi("Nước sinh hoạt và vệ sinh", "Water and sanitation") },
  /** Decision 59/2015/QĐ-TTg Art. 1 names the dimension "nước sạch và vệ sinh" (clean water and sanitation). */
  cleanWater: { id: "water_sanitation", name: bi("Nước sạch và vệ sinh", "Clean water and sanitation") },
  waterEnv: {
    id: "water_sanitation",
    name: bi("Nước sinh hoạt, vệ sinh và môi trường", "Water, sanitation and environment"),
  },
  information: { id: "information", name: bi("Thông tin", "Information") },
} satisfies Record<string, Service>;

const ind = (id: string, vi: string, en: string, service: string): Indicator => ({ id, name: bi(vi, en), service });

// Decision 59/2015/QĐ-TTg Art. 1: 5 services, 10 indicators.
const INDICATORS_2016: Indicator[] = [
  ind("health_access", "Tiếp cận các dịch vụ y tế", "Access to health services", "health"),
  ind("health_insurance", "Bảo hiểm y tế", "Health insurance", "health"),
  ind("adult_education", "Trình độ giáo dục của người lớn", "Adult education", "education"),
  ind("child_school_attendance", "Tình trạng đi học của trẻ em", "Child school attendance", "education"),
  ind("housing_quality", "Chất lượng nhà ở", "Housing quality", "housing"),
  ind("housing_area", "Diện tích nhà ở bình quân đầu người", "Floor area per capita", "housing"),
  ind("water_source", "Nguồn nước sinh hoạt", "Drinking water source", "water_sanitation"),
  ind("latrine", "Hố xí/nhà tiêu hợp vệ sinh", "Hygienic latrine", "water_sanitation"),
  ind("telecom_use", "Sử dụng dịch vụ viễn thông", "Use of telecom services", "information"),
  ind("info_assets", "Tài sản phục vụ tiếp cận thông tin", "Assets for access to information", "information"),
];

// Decree 07/2021/NĐ-CP Art. 3: 6 services, 12 indicators, in the decree's order.
const INDICATORS_2022: Indicator[] = [
  ind("employment", "Việc làm", "Employment", "employment"),
  ind("dependants", "Người phụ thuộc trong hộ gia đình", "Dependants in the household", "employment"),
  ind("nutrition", "Dinh dưỡng", "Nutrition", "health"),
  ind("health_insurance", "Bảo hiểm y tế", "Health insurance", "health"),
  ind("adult_education", "Trình độ giáo dục của người lớn", "Adult education", "education"),
  ind("child_school_attendance", "Tình trạng đi học của trẻ em", "Child school attendance", "education"),
  ind("housing_quality", "Chất lượng nhà ở", "Housing quality", "housing"),
  ind("housing_area", "Diện tích nhà ở bình quân đầu người", "Floor area per capita", "housing"),
  ind("water_source", "Nguồn nước sinh hoạt", "Drinking water source", "water_sanitation"),
  ind("latrine", "Nhà tiêu hợp vệ sinh", "Hygienic latrine", "water_sanitation"),
  ind("telecom_use", "Sử dụng dịch vụ viễn thông", "Use of telecom services", "information"),
  ind("info_access_means", "Phương tiện phục vụ tiếp cận thông tin", "Means of access to information", "information"),
];

// The Sept–Nov 2025 DRAFT of the 2026–2030 decree (6 dimensions, 12 indicators), published for comment.
// The final decree's list differs ("removed information means, added digital services, internet, waste").
const DRAFT_INDICATORS_2027: Indicator[] = [
  ind("employment", "Việc làm", "Employment", "employment"),
  ind("dependants", "Người phụ thuộc trong hộ gia đình", "Dependants in the household", "employment"),
  ind("health_insurance", "Bảo hiểm y tế", "Health insurance", "health"),
  ind("nutrition", "Dinh dưỡng", "Nutrition", "health"),
  ind("adult_education", "Trình độ giáo dục của người lớn", "Adult education", "education"),
  ind("child_school_attendance", "Tình trạng đi học của trẻ em", "Child school attendance", "education"),
  ind("housing_area", "Diện tích nhà ở bình quân đầu người", "Floor area per capita", "housing"),
  ind("housing_quality", "Chất lượng nhà ở", "Housing quality", "housing"),
  ind("telecom_use", "Sử dụng dịch vụ viễn thông", "Use of telecom services", "information"),
  ind("water_source", "Nguồn nước sinh hoạt", "Drinking water source", "water_sanitation"),
  ind("latrine", "Nhà tiêu hợp vệ sinh / công trình phụ", "Hygienic toilet / auxiliary works", "water_sanitation"),
  ind("waste_treatment", "Xử lý rác thải", "Waste treatment", "water_sanitation"),
];

const AVERAGE_NOTE_QD59 = bi(
  "Theo Quyết định 59/2015/QĐ-TTg, hộ có mức sống trung bình xác định theo thu nhập (trên chuẩn cận nghèo, đến mức trần), không giới hạn ngành nghề. Mức trần 1.500.000 / 1.950.000 đ chỉ có từ báo chí (chưa chắc chắn).",
  "Under Decision 59/2015/QĐ-TTg the average-living-standard category is defined by income (above the near-poverty line, up to the ceiling), whatever the household's trade. The ceilings 1,500,000 / 1,950,000 VND are from the press only (uncertain).",
);

const AVERAGE_NOTE = bi(
  "Hộ có mức sống trung bình chỉ áp dụng cho hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp, được xác định theo quy trình riêng (Quyết định 24/2021/QĐ-TTg); thu nhập 12 tháng trước rà soát, không tính trợ cấp, trợ giúp xã hội từ ngân sách.",
  "The average-living-standard category serves agriculture, forestry, fishery and salt households only, identified by a separate procedure (Decision 24/2021/QĐ-TTg); income of the 12 months before the review, excluding state-budget social allowances.",
);

const AREA_NAMES_THANH_THI = {
  rural: bi("khu vực nông thôn", "rural area"),
  urban: bi("khu vực thành thị", "urban area"),
};

const UNKNOWN_SCORE_TABLES = {
  path: "scores.aTables",
  note: bi(
    "Các mục chấm điểm A (phiếu B1), số điểm và bảng theo vùng chưa có; công cụ không ước lượng thu nhập từ phiếu.",
    "Score-A items, points and regional tables are unknown; the tool does not estimate income from the forms.",
  ),
};

/**
 * Decision 59/2015/QĐ-TTg — review years 2015–2021: the end-2015 census (tổng điều tra) that gave the 2016 baseline
 * (results approved by Decision 1095/QĐ-LĐTBXH of 22/08/2016), the reviews of 2016–2020, and 2021 (Decree 07/2021/NĐ-CP
 * Art. 2).
 */
export const QD59_2015: Standard = {
  id: "QD59-2015",
  name: bi("Chuẩn nghèo tiếp cận đa chiều 2016–2020", "Multidimensional poverty standard 2016–2020"),
  scope: "national",
  citation: {
    vi: "Quyết định số 59/2015/QĐ-TTg ngày 19/11/2015 của Thủ tướng Chính phủ ban hành chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016–2020",
    en: "Prime Minister's Decision No. 59/2015/QĐ-TTg of 19 November 2015 on the multidimensional poverty standard for 2016–2020",
    document: "Quyết định 59/2015/QĐ-TTg",
    documentEn: "Decision 59/2015/QĐ-TTg",
    issued: "2015-11-19",
    effective: "2016-01-05",
    note: bi(
      "Áp dụng cả năm rà soát 2021 theo Điều 2 Nghị định 07/2021/NĐ-CP. Phương pháp rà soát: Thông tư 17/2016/TT-BLĐTBXH, sửa đổi bởi Thông tư 14/2018/TT-BLĐTBXH.",
      "Also applies to review year 2021 (Decree 07/2021/NĐ-CP, Art. 2). Review method: Circular 17/2016/TT-BLĐTBXH, amended by Circular 14/2018/TT-BLĐTBXH.",
    ),
  },
  reviewYears: { from: 2015, to: 2021 },
  yearBasis: [
    {
      from: 2015,
      to: 2015,
      vi: "Tổng điều tra, rà soát hộ nghèo, hộ cận nghèo cuối năm 2015 theo chuẩn nghèo tiếp cận đa chiều của Quyết định 59/2015/QĐ-TTg (kết quả phê duyệt tại Quyết định 1095/QĐ-LĐTBXH ngày 22/08/2016): số liệu đầu kỳ năm 2016 của giai đoạn 2016–2020.",
      en: "The end-2015 census and review of poor and near-poor households under the multidimensional standard of Decision 59/2015/QĐ-TTg (results approved by Decision 1095/QĐ-LĐTBXH of 22/08/2016): the 2016 baseline of the 2016–2020 period.",
    },
    {
      from: 2016,
      to: 2020,
      vi: "Quyết định 59/2015/QĐ-TTg (Điều 1, Điều 2): chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016–2020.",
      en: "Decision 59/2015/QĐ-TTg (Arts. 1–2): the multidimensional poverty standard for 2016–2020.",
    },
    {
      from: 2021,
      to: 2021,
      vi: "Quyết định 59/2015/QĐ-TTg, tiếp tục áp dụng cho năm rà soát 2021 theo Điều 2 Nghị định 07/2021/NĐ-CP.",
      en: "Decision 59/2015/QĐ-TTg, still applied to review year 2021 by Decree 07/2021/NĐ-CP, Art. 2.",
    },
  ],
  rule: "band",
  lines: {
    rural: { poverty: 700_000, nearPoverty: 1_000_000, averageCeiling: 1_500_000 },
    urban: { poverty: 900_000, nearPoverty: 1_300_000, averageCeiling: 1_950_000 },
  },
  deprivationCutoff: 3,
  services: [SVC.health, SVC.education, SVC.housing, SVC.cleanWater, SVC.information],
  indicators: INDICATORS_2016,
  draftIndicators: null,
  scores: {
    aThreshold: { rural: null, urban: null },
    bPerDeprivation: 10,
    bCutoff: 30,
  },
  areaNames: AREA_NAMES_THANH_THI,
  averageCategoryNote: AVERAGE_NOTE_QD59,
  averageAgriculturalOnly: false,
  notes: [
    bi(
      "Ngưỡng thiếu hụt chi tiết của 10 chỉ số không được mã hoá; công cụ nhận cờ thiếu hụt đã xác định.",
      "The detailed deprivation thresholds of the 10 indicators are not encoded; the tool takes deprivation flags as given.",
    ),
  ],
  uncertain: [
    {
      path: "lines.rural.averageCeiling",
      note: bi(
        "Cận trên mức sống trung bình nông thôn 1.500.000 đ chỉ có từ báo chí.",
        "Rural average-living ceiling 1,500,000 VND is from the press only.",
      ),
    },
    {
      path: "lines.urban.averageCeiling",
      note: bi(
        "Cận trên mức sống trung bình thành thị 1.950.000 đ chỉ có từ báo chí.",
        "Urban average-living ceiling 1,950,000 VND is from the press only.",
      ),
    },
    {
      path: "scores.aThreshold",
      note: bi(
        "Ngưỡng điểm A giai đoạn 2016–2020 (7 phiên bản phiếu PL3b theo vùng) chưa biết: không phân loại theo điểm.",
        "Score-A thresholds for 2016–2020 (7 regional PL3b forms) are unknown: classification by score is not available.",
      ),
    },
    {
      path: "scores.bPerDeprivation",
      note: bi(
        "10 điểm mỗi chỉ số (điểm B ≥ 30) được xác nhận cho Thông tư 07/2021; với giai đoạn 2016–2020 là giả định.",
        "10 points per indicator (score B ≥ 30) is confirmed for Circular 07/2021; for 2016–2020 it is an assumption.",
      ),
    },
    UNKNOWN_SCORE_TABLES,
  ],
};

/**
 * Decree 07/2021/NĐ-CP — review years 2022–2026 (2026 = transition year under Decree 351/2025/NĐ-CP); scores from
 * Circular 07/2021/TT-BLĐTBXH.
 */
export const ND07_2021: Standard = {
  id: "ND07-2021",
  name: bi("Chuẩn nghèo đa chiều 2022–2025", "Multidimensional poverty standard 2022–2025"),
  scope: "national",
  citation: {
    vi: "Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ quy định chuẩn nghèo đa chiều giai đoạn 2021–2025",
    en: "Government Decree No. 07/2021/NĐ-CP of 27 January 2021 on multidimensional poverty standards for 2021–2025",
    document: "Nghị định 07/2021/NĐ-CP",
    documentEn: "Decree 07/2021/NĐ-CP",
    issued: "2021-01-27",
    effective: "2021-03-15",
    note: bi(
      "Năm rà soát 2026 là năm chuyển tiếp: tiếp tục áp dụng chuẩn 2022–2025 theo Nghị định 351/2025/NĐ-CP. Phương pháp rà soát và chấm điểm: Thông tư 07/2021/TT-BLĐTBXH (văn bản hợp nhất 1315/VBHN-BLĐTBXH). Sửa đổi bởi Nghị định 30/2025/NĐ-CP (người lao động có thu nhập thấp).",
      "Review year 2026 is a transition year: the 2022–2025 standard continues under Decree 351/2025/NĐ-CP. Review and scoring method: Circular 07/2021/TT-BLĐTBXH (consolidated text 1315/VBHN-BLĐTBXH). Amended by Decree 30/2025/NĐ-CP (low-income workers).",
    ),
  },
  reviewYears: { from: 2022, to: 2026 },
  yearBasis: [
    {
      from: 2022,
      to: 2025,
      vi: "Nghị định 07/2021/NĐ-CP (Điều 3): chuẩn nghèo đa chiều giai đoạn 2022–2025.",
      en: "Decree 07/2021/NĐ-CP (Art. 3): the multidimensional poverty standard for 2022–2025.",
    },
    {
      from: 2026,
      to: 2026,
      vi: "Nghị định 07/2021/NĐ-CP: chuẩn giai đoạn 2022–2025 tiếp tục áp dụng cho năm rà soát 2026, năm chuyển tiếp theo Nghị định 351/2025/NĐ-CP.",
      en: "Decree 07/2021/NĐ-CP: the 2022–2025 standard still applies to review year 2026, the transition year under Decree 351/2025/NĐ-CP.",
    },
  ],
  rule: "and",
  lines: {
    rural: { poverty: 1_500_000, nearPoverty: 1_500_000, averageCeiling: 2_250_000 },
    urban: { poverty: 2_000_000, nearPoverty: 2_000_000, averageCeiling: 3_000_000 },
  },
  deprivationCutoff: 3,
  services: [SVC.employment, SVC.health, SVC.education, SVC.housing, SVC.water, SVC.information],
  indicators: INDICATORS_2022,
  draftIndicators: null,
  scores: {
    aThreshold: { rural: 140, urban: 175 },
    bPerDeprivation: 10,
    bCutoff: 30,
  },
  areaNames: AREA_NAMES_THANH_THI,
  averageCategoryNote: AVERAGE_NOTE,
  averageAgriculturalOnly: true,
  notes: [
    bi(
      "Cận trên mức sống trung bình (2.250.000 / 3.000.000 đ) xác nhận qua báo địa phương trích dẫn chuẩn; chưa đối chiếu văn bản nghị định.",
      "Average-living ceilings (2,250,000 / 3,000,000 VND) are confirmed by provincial press quoting the standard; the decree text is unverified.",
    ),
    bi(
      "Ngưỡng thiếu hụt chi tiết của 12 chỉ số (phụ lục Nghị định) không được mã hoá; công cụ nhận cờ thiếu hụt đã xác định.",
      "The detailed deprivation thresholds of the 12 indicators (decree appendix) are not encoded; the tool takes deprivation flags as given.",
    ),
  ],
  uncertain: [
    {
      path: "scores.nearPoorRule",
      note: bi(
        "Quy tắc cận nghèo theo điểm (A ≤ ngưỡng và B < 30) suy ra từ cấu trúc; chưa đối chiếu Thông tư 07/2021.",
        "The near-poor score rule (A ≤ threshold and B < 30) is implied by construction; Circular 07/2021 wording unverified.",
      ),
    },
    UNKNOWN_SCORE_TABLES,
    {
      path: "indicators.thresholds",
      note: bi(
        "Ngưỡng thiếu hụt của các chỉ số 2 (danh sách người phụ thuộc), 4–12 chưa xác nhận (chỉ có dự thảo 2026–2030 và Thông tư 01/2022/TT-BXD).",
        "Deprivation thresholds of indicators 2 (dependant list) and 4–12 are unconfirmed (only the 2026–2030 draft and Circular 01/2022/TT-BXD).",
      ),
    },
    {
      path: "citation.note",
      note: bi(
        "Ngày ban hành và nội dung chi tiết của Nghị định 30/2025/NĐ-CP (người lao động thu nhập thấp, ≤ 3 triệu đ/tháng) chưa xác nhận; không được mã hoá.",
        "Issue date and details of Decree 30/2025/NĐ-CP (low-income workers, ≤ 3 million VND/month) are unconfirmed; not encoded.",
      ),
    },
  ],
};

/** Decree 351/2025/NĐ-CP — review years 2027–2030. Indicator list and average ceilings unknown. */
export const ND351_2025: Standard = {
  id: "ND351-2025",
  name: bi("Chuẩn nghèo đa chiều quốc gia 2026–2030", "National multidimensional poverty standard 2026–2030"),
  scope: "national",
  citation: {
    vi: "Nghị định số 351/2025/NĐ-CP ngày 30/12/2025 của Chính phủ quy định chuẩn nghèo đa chiều quốc gia giai đoạn 2026–2030",
    en: "Government Decree No. 351/2025/NĐ-CP of 30 December 2025 on the national multidimensional poverty standard for 2026–2030",
    document: "Nghị định 351/2025/NĐ-CP",
    documentEn: "Decree 351/2025/NĐ-CP",
    issued: "2025-12-30",
    effective: null,
    note: bi(
      "Năm 2026 là năm chuyển tiếp (áp dụng chuẩn 2022–2025); chuẩn mới áp dụng từ năm rà soát 2027. Cơ quan chủ trì: Bộ Nông nghiệp và Môi trường.",
      "2026 is a transition year (the 2022–2025 standard applies); the new standard applies from review year 2027. Lead ministry: Ministry of Agriculture and Environment.",
    ),
  },
  reviewYears: { from: 2027, to: 2030 },
  yearBasis: [
    {
      from: 2027,
      to: 2030,
      vi: "Nghị định 351/2025/NĐ-CP ngày 30/12/2025: chuẩn nghèo đa chiều quốc gia giai đoạn 2026–2030, áp dụng từ năm rà soát 2027 (năm 2026 là năm chuyển tiếp).",
      en: "Decree 351/2025/NĐ-CP of 30/12/2025: the national multidimensional poverty standard for 2026–2030, applied from review year 2027 (2026 is the transition year).",
    },
  ],
  rule: "and",
  lines: {
    rural: { poverty: 2_200_000, nearPoverty: 2_200_000, averageCeiling: null },
    urban: { poverty: 2_800_000, nearPoverty: 2_800_000, averageCeiling: null },
  },
  deprivationCutoff: 3,
  services: [SVC.employment, SVC.health, SVC.education, SVC.housing, SVC.information, SVC.waterEnv],
  indicators: null,
  draftIndicators: DRAFT_INDICATORS_2027,
  scores: {
    aThreshold: { rural: null, urban: null },
    bPerDeprivation: 10,
    bCutoff: 30,
  },
  areaNames: {
    rural: bi("khu vực nông thôn", "rural area"),
    urban: bi("khu vực đô thị", "urban area"),
  },
  averageCategoryNote: AVERAGE_NOTE,
  averageAgriculturalOnly: null,
  uncertain: [
    {
      path: "indicators",
      note: bi(
        "Danh sách chỉ số cuối cùng và ngưỡng thiếu hụt chưa biết (nghị định bỏ chỉ số phương tiện thông tin, thêm dịch vụ số, truy cập internet, xử lý rác thải); danh sách dự thảo chỉ để tham khảo. Mọi phép tính cần danh sách/số chỉ số sẽ báo lỗi.",
        "The final indicator list and thresholds are unknown (the decree removed information means and added digital services, internet access and waste treatment); the draft list is for information only. Any calculation needing the list or its count fails.",
      ),
    },
    {
      path: "services",
      note: bi("Danh sách dịch vụ theo dự thảo (9–11/2025).", "Service list as in the draft (Sept–Nov 2025)."),
    },
    {
      path: "lines.rural.averageCeiling",
      note: bi(
        "Chưa rõ có giữ diện hộ mức sống trung bình và mức trần nông thôn.",
        "Whether the average-living category is kept, and its rural ceiling, is unknown.",
      ),
    },
    {
      path: "lines.urban.averageCeiling",
      note: bi(
        "Chưa rõ có giữ diện hộ mức sống trung bình và mức trần đô thị.",
        "Whether the average-living category is kept, and its urban ceiling, is unknown.",
      ),
    },
    {
      path: "averageAgriculturalOnly",
      note: bi(
        "Chưa rõ diện hộ có mức sống trung bình (nếu còn) có chỉ áp dụng cho hộ nông, lâm, ngư, diêm nghiệp hay không.",
        "Whether the average-living category (if kept) is limited to agriculture, forestry, fishery and salt households is unknown.",
      ),
    },
    {
      path: "scores.aThreshold",
      note: bi(
        "Ngưỡng điểm A từ năm 2027 chưa biết: không phân loại theo điểm.",
        "Score-A thresholds from 2027 are unknown: classification by score is not available.",
      ),
    },
    {
      path: "scores.bPerDeprivation",
      note: bi(
        "Điểm B (10 điểm/chỉ số, B ≥ 30) từ năm 2027 chưa xác nhận.",
        "Score B (10 points per indicator, B ≥ 30) from 2027 is unconfirmed.",
      ),
    },
    {
      path: "scores.nearPoorRule",
      note: bi("Quy tắc cận nghèo theo điểm chưa xác nhận.", "The near-poor score rule is unconfirmed."),
    },
    {
      path: "scope.local",
      note: bi(
        "Quyền địa phương ban hành chuẩn cao hơn mới xác nhận ở dự thảo.",
        "Provinces' power to set higher standards is confirmed for the draft only.",
      ),
    },
  ],
};

/** All national standards, oldest first. */
export const NATIONAL_STANDARDS: readonly Standard[] = [QD59_2015, ND07_2021, ND351_2025];
