/**
 * Real planners' tables, typed from public Vietnamese documents the way a planner would type them into Excel:
 * the numbers exactly as published, mistakes included; the layout (title, one- or two-row header, merged group
 * headers, a column-numbering row, sections, totals above or below) as the document prints it. Each layout names
 * its source and how it was typed. The corpus test builds each one as an .xlsx file with ExcelJS, reads it with
 * the product's reader and compares the product's findings with the audit (test/corpus/audit.ts).
 *
 * `keys` name the columns for the audit only ("label" is the unit/row label); they are not the product's fields.
 */
import type { SheetKind } from "../../src/core/sheet/fields";
import { auditMovement, auditResults, auditStartEnd, auditTable, Inconsistent, rowsNamed } from "./audit";

export type TypedCell = string | number | null;

export interface CorpusSheet {
  name: string;
  title: string[];
  /** Header rows; null inside a merged group (see headerMerges). */
  header: TypedCell[][];
  /** Merges of the header block, A1 ranges counted from its first row (row 1). */
  headerMerges?: string[];
  /** The row of column numbers some forms print under the header ("A | B | 1 | 2 | …"). */
  numbering?: TypedCell[];
  keys: string[];
  rows: TypedCell[][];
  /** Number formats by column key ("0.00", "#,##0"). */
  formats?: Record<string, string>;
  /** Merges over body rows, A1 ranges counted from the first body row (row 1). */
  bodyMerges?: string[];
  /** The kind the product must recognise. */
  kind: SheetKind;
  /** The product must recognise a plan (start and end share one denominator). */
  planned?: boolean;
  /** Years in the columns, indicators in the rows: read as its series, one row per year. */
  yearWide?: boolean;
}

export interface CorpusLayout {
  id: string;
  /** Document number, date, issuing body, and the public address the numbers were typed from. */
  source: string;
  /** What was typed and what was left out. */
  note: string;
  sheets: CorpusSheet[];
  /** The independent audit: per sheet name, the rows that cannot all be true. */
  audit(sheets: CorpusSheet[]): Record<string, Inconsistent>;
}

const REGIONS = [
  "Trung du và miền núi phía Bắc",
  "Đồng bằng sông Hồng",
  "Bắc Trung Bộ và duyên hải miền Trung",
  "Tây Nguyên",
  "Đông Nam Bộ",
  "Đồng bằng sông Cửu Long",
];

const DAK_NONG_DISTRICTS = [
  "Huyện Krông Nô",
  "Huyện Cư Jút",
  "Huyện Đắk Mil",
  "Huyện Đắk Song",
  "Huyện Đắk R'Lấp",
  "Huyện Đắk Glong",
  "Huyện Tuy Đức",
  "Thành phố Gia Nghĩa",
];

export const LAYOUTS: CorpusLayout[] = [
  {
    id: "dak-nong-2023-plan",
    // Kế hoạch số 147/KH-UBND ngày 15/3/2023 của UBND tỉnh Đắk Nông thực hiện chỉ tiêu giảm nghèo bền vững năm
    // 2023 (the project's seed 004: the provincial Department of Labour's page of 20/03/2023 quoting the plan).
    source: "Kế hoạch 147/KH-UBND ngày 15/3/2023, UBND tỉnh Đắk Nông (seed 004)",
    note: "The plan gives each district in prose; typed as the planner's table of the issue: 8 districts + Toàn tỉnh, rates and points as numbers with 2 and 1 decimals.",
    sheets: [
      {
        name: "KH 147",
        title: [
          "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG",
          "CHỈ TIÊU GIẢM NGHÈO NĂM 2023 CỦA CÁC HUYỆN, THÀNH PHỐ",
          "(Kèm theo Kế hoạch số 147/KH-UBND ngày 15/3/2023 của UBND tỉnh)",
        ],
        header: [
          [
            "TT",
            "Đơn vị",
            "Số hộ nghèo cuối năm 2022",
            "Tỷ lệ hộ nghèo cuối năm 2022 (%)",
            "Chỉ tiêu giảm tỷ lệ hộ nghèo năm 2023 (%)",
            "Số hộ nghèo giảm năm 2023",
            "Số hộ nghèo cuối năm 2023",
            "Tỷ lệ hộ nghèo cuối năm 2023 (%)",
          ],
        ],
        keys: ["seq", "label", "start", "startRate", "pp", "reduced", "end", "endRate"],
        rows: [
          [1, "Huyện Krông Nô", 851, 4.32, 1, 180, 671, 3.41],
          [2, "Huyện Cư Jút", 1183, 5.33, 2.2, 480, 703, 3.17],
          [3, "Huyện Đắk Mil", 601, 2.15, 0.6, 170, 431, 1.54],
          [4, "Huyện Đắk Song", 833, 4.07, 1, 200, 633, 3.09],
          [5, "Huyện Đắk R'Lấp", 590, 2.45, 0.7, 170, 420, 1.74],
          [6, "Huyện Đắk Glong", 4545, 25.68, 12, 2110, 2435, 13.68],
          [7, "Huyện Tuy Đức", 4624, 30.78, 11.3, 1650, 2974, 19.5],
          [8, "Thành phố Gia Nghĩa", 115, 0.57, 0.2, 30, 85, 0.41],
          [null, "Toàn tỉnh", 13342, 7.97, 3, 4990, 8352, 4.97],
        ],
        formats: { start: "#,##0", startRate: "0.00", pp: "0.0", reduced: "#,##0", end: "#,##0", endRate: "0.00" },
        kind: "target",
        planned: true,
      },
    ],
    audit: ([s]) => ({
      [s.name]: auditStartEnd(s, {
        start: ["start", "startRate"],
        end: ["end", "endRate"],
        pp: "pp",
        reduced: "reduced",
        planned: true,
        sums: [{ total: rowsNamed(s, ["Toàn tỉnh"])[0], parts: rowsNamed(s, DAK_NONG_DISTRICTS) }],
      }),
    }),
  },
  {
    id: "binh-dinh-2022-baseline",
    source:
      "Kết quả rà soát hộ nghèo, hộ cận nghèo đầu kỳ theo chuẩn nghèo đa chiều giai đoạn 2022-2025 trên địa bàn tỉnh Bình Định — Sở Kế hoạch và Đầu tư Bình Định, https://skhdt.binhdinh.gov.vn/vi/news/van-hoa-xa-hoi/ket-qua-ra-soat-ho-ngheo-ho-can-ngheo-dau-ky-theo-chuan-ngheo-da-chieu-giai-doan-2022-2025-tren-dia-ban-tinh-binh-dinh-425.html",
    note: 'As printed: no total-households column, a column-numbering row (A, B, 1…6), section headings I/II that carry their sums; numbers as the page\'s text ("10.618", "6,39"). The copy of the page available ends at "Tổng cộng (I+II) | 11,34": the grand total row is left out rather than completed.',
    sheets: [
      {
        name: "Đầu kỳ 2022",
        title: [
          "KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO ĐẦU KỲ THEO CHUẨN NGHÈO ĐA CHIỀU GIAI ĐOẠN 2022 - 2025",
          "TRÊN ĐỊA BÀN TỈNH BÌNH ĐỊNH",
        ],
        header: [
          [
            "TT",
            "HUYỆN/THỊ XÃ/THÀNH PHỐ",
            "Tỷ lệ nghèo đa chiều (%)",
            "Tổng số hộ nghèo và hộ cận nghèo (Hộ)",
            "Tỷ lệ hộ nghèo (%)",
            "Hộ nghèo",
            "Tỷ lệ hộ cận nghèo (%)",
            "Hộ cận nghèo",
          ],
        ],
        numbering: ["A", "B", 1, 2, 3, 4, 5, 6],
        keys: ["seq", "label", "allRate", "all", "poorRate", "poor", "nearRate", "near"],
        rows: [
          ["I", "Khu vực thành thị", "6,39", "10.618", "3,13", "5.196", "3,26", "5.422"],
          [1, "Thành phố Quy Nhơn", "0,29", "193", "0,12", "77", "0,17", "116"],
          [2, "Huyện Tuy Phước", "8,08", "650", "5,04", "406", "3,03", "244"],
          [3, "Thị xã An Nhơn", "6,64", "1.490", "3,24", "728", "3,39", "762"],
          [4, "Huyện Phù Cát", "10,22", "707", "3,80", "263", "6,42", "444"],
          [5, "Huyện Phù Mỹ", "6,49", "340", "2,96", "155", "3,53", "185"],
          [6, "Thị xã Hoài Nhơn", "7,49", "3.267", "2,94", "1.281", "4,55", "1.986"],
          [7, "Huyện Hoài Ân", "11,89", "281", "4,95", "117", "6,94", "164"],
          [8, "Huyện Tây Sơn", "17,57", "1.063", "8,98", "543", "8,60", "520"],
          [9, "Huyện Vân Canh", "59,48", "1.142", "30,47", "585", "29,01", "557"],
          [10, "Huyện Vĩnh Thạnh", "34,16", "701", "27,49", "564", "6,68", "137"],
          [11, "Huyện An Lão", "61,68", "784", "37,53", "477", "24,15", "307"],
          ["II", "Khu vực nông thôn", "14,37", "39.088", "7,40", "20.125", "6,97", "18.963"],
          [1, "Thành phố Quy Nhơn", "1,88", "137", "0,51", "37", "1,37", "100"],
          [2, "Huyện Tuy Phước", "8,30", "3.774", "4,91", "2.232", "3,39", "1.542"],
          [3, "Thị xã An Nhơn", "6,64", "1.941", "2,87", "839", "3,77", "1.102"],
          [4, "Huyện Phù Cát", "10,79", "5.290", "3,58", "1.753", "7,22", "3.537"],
          [5, "Huyện Phù Mỹ", "7,64", "3.283", "4,00", "1.719", "3,64", "1.564"],
          [6, "Thị xã Hoài Nhơn", "9,04", "1.562", "3,15", "544", "5,89", "1.018"],
          [7, "Huyện Hoài Ân", "19,91", "5.090", "10,99", "2.811", "8,91", "2.279"],
          [8, "Huyện Tây Sơn", "15,64", "5.054", "5,85", "1.891", "9,79", "3.163"],
          [9, "Huyện Vân Canh", "51,99", "3.620", "30,95", "2.155", "21,04", "1.465"],
          [10, "Huyện Vĩnh Thạnh", "62,83", "5.048", "41,18", "3.308", "21,66", "1.740"],
          [11, "Huyện An Lão", "54,30", "4.289", "35,91", "2.836", "18,40", "1.453"],
        ],
        kind: "summary",
      },
    ],
    audit: ([s]) => {
      const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
      return {
        [s.name]: auditResults(s, {
          pairs: [
            ["all", "allRate"],
            ["poor", "poorRate"],
            ["near", "nearRate"],
          ],
          combined: {
            all: "all",
            poor: "poor",
            near: "near",
            allRate: "allRate",
            poorRate: "poorRate",
            nearRate: "nearRate",
          },
          // I = rows 1–11 below it, II = rows 13–23 below it.
          sums: [
            { total: 0, parts: range(1, 11) },
            { total: 12, parts: range(13, 23) },
          ],
        }),
      };
    },
  },
  {
    id: "national-2022-regions",
    source:
      'Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2022 (Bộ LĐ-TBXH, Quyết định 71/QĐ-LĐTBXH ngày 19/01/2023) as reported by Báo Bà Rịa - Vũng Tàu, "Toàn quốc còn gần 2 triệu hộ nghèo đa chiều", https://baobariavungtau.com.vn/xa-hoi/202302/toan-quoc-con-gan-2-trieu-ho-ngheo-da-chieu-970571/index.htm',
    note: "The article lists, per region and for the whole country, the combined rate and count, the poor rate and count, the near-poor rate and count; typed as the Ministry's table with the country first. Published mistakes: Đồng bằng sông Hồng 69.239 + 100.237 ≠ 169.566 (69.329 transposed?), Tây Nguyên 129.160 + 107.487 ≠ 236.766, the country's poor 1.057.374 ≠ Σ regions 1.057.284.",
    sheets: [
      {
        name: "Vùng 2022",
        title: ["KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2022 THEO CHUẨN NGHÈO ĐA CHIỀU GIAI ĐOẠN 2022 - 2025"],
        header: [
          [
            "TT",
            "Vùng",
            "Tỷ lệ nghèo đa chiều (%)",
            "Tổng số hộ nghèo và hộ cận nghèo",
            "Tỷ lệ hộ nghèo (%)",
            "Số hộ nghèo",
            "Tỷ lệ hộ cận nghèo (%)",
            "Số hộ cận nghèo",
          ],
        ],
        keys: ["seq", "label", "allRate", "all", "poorRate", "poor", "nearRate", "near"],
        rows: [
          [null, "Cả nước", 7.52, 1972767, 4.03, 1057374, 3.49, 915274],
          [1, REGIONS[0], 21.92, 701461, 14.23, 455271, 7.69, 246190],
          [2, REGIONS[1], 2.45, 169566, 1.0, 69239, 1.45, 100237],
          [3, REGIONS[2], 10.04, 571251, 4.99, 284137, 5.05, 287114],
          [4, REGIONS[3], 15.39, 236766, 8.39, 129160, 6.99, 107487],
          [5, REGIONS[4], 0.34, 15787, 0.21, 9710, 0.13, 6077],
          [6, REGIONS[5], 5.73, 277936, 2.26, 109767, 3.46, 168169],
        ],
        formats: { allRate: "0.00", all: "#,##0", poorRate: "0.00", poor: "#,##0", nearRate: "0.00", near: "#,##0" },
        kind: "summary",
      },
    ],
    audit: ([s]) => ({
      [s.name]: auditResults(s, {
        pairs: [
          ["all", "allRate"],
          ["poor", "poorRate"],
          ["near", "nearRate"],
        ],
        combined: {
          all: "all",
          poor: "poor",
          near: "near",
          allRate: "allRate",
          poorRate: "poorRate",
          nearRate: "nearRate",
        },
        sums: [{ total: rowsNamed(s, ["Cả nước"])[0], parts: rowsNamed(s, REGIONS) }],
      }),
    }),
  },
  {
    id: "national-2023-regions",
    source:
      "Quyết định 134/QĐ-BLĐTBXH ngày 31/01/2024 công bố kết quả rà soát hộ nghèo, hộ cận nghèo năm 2023: the country's and the poor districts' figures from Cổng thông tin tỉnh Kon Tum, https://kontum.gov.vn/pages/detail/49858/Ket-qua-ra-soat-ho-ngheo-can-ngheo-toan-quoc-nam-2023.html; the regions' combined figures from Thời báo Tài chính Việt Nam, https://thoibaotaichinhvietnam.vn/ca-nuoc-con-hon-158-trieu-ho-ngheo-va-ho-can-ngheo-da-chieu-145359.html",
    note: "Regions: combined rate and count only (the poor and near-poor by region are cut off in the copies available, left blank); the country row complete; the poor districts of Decision 353/QĐ-TTg as an \"of which\" row. The regions' counts add up to the country's, but their implied totals do not reach the country's (26,9–27,2 million against 27,8 million households).",
    sheets: [
      {
        name: "Vùng 2023",
        title: ["KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2023"],
        header: [
          [
            "TT",
            "Vùng",
            "Tỷ lệ nghèo đa chiều (%)",
            "Tổng số hộ nghèo và hộ cận nghèo",
            "Tỷ lệ hộ nghèo (%)",
            "Số hộ nghèo",
            "Tỷ lệ hộ cận nghèo (%)",
            "Số hộ cận nghèo",
          ],
        ],
        keys: ["seq", "label", "allRate", "all", "poorRate", "poor", "nearRate", "near"],
        rows: [
          [null, "Cả nước", "5,71", "1.586.336", "2,93", "815.101", "2,78", "771.235"],
          [1, REGIONS[0], "18,20", "587.952", null, null, null, null],
          [2, REGIONS[1], "1,87", "129.779", null, null, null, null],
          [3, REGIONS[2], "8,03", "460.456", null, null, null, null],
          [4, REGIONS[3], "12,46", "195.795", null, null, null, null],
          [5, REGIONS[4], "0,23", "10.791", null, null, null, null],
          [6, REGIONS[5], "4,15", "201.563", null, null, null, null],
          [
            null,
            "Trong đó: huyện nghèo (Quyết định 353/QĐ-TTg)",
            "47,94",
            "471.571",
            "31,72",
            "311.981",
            "16,22",
            "159.590",
          ],
        ],
        kind: "summary",
      },
    ],
    audit: ([s]) => ({
      [s.name]: auditResults(s, {
        pairs: [
          ["all", "allRate"],
          ["poor", "poorRate"],
          ["near", "nearRate"],
        ],
        combined: {
          all: "all",
          poor: "poor",
          near: "near",
          allRate: "allRate",
          poorRate: "poorRate",
          nearRate: "nearRate",
        },
        sums: [{ total: rowsNamed(s, ["Cả nước"])[0], parts: rowsNamed(s, REGIONS) }],
      }),
    }),
  },
  {
    id: "national-2023-2024-regions",
    source:
      "Quyết định 217/QĐ-BLĐTBXH ngày 04/02/2025 (results 2024) as reported by Báo Dân tộc và Phát triển, https://dantocphattrien.vietnamnet.vn/ca-nuoc-con-hon-12-trieu-ho-ngheo-va-ho-can-ngheo-1739263724313.htm and Tuyên Quang TV, https://tuyenquangtv.vn/xa-hoi-79B63F1E6/6-tinh-thanh-pho-khong-con-ho-ngheo-B1DA7F197.html; the 2023 column from Quyết định 134/QĐ-BLĐTBXH (sources of national-2023-regions)",
    note: "A planner's comparison of two years' results, years in the group headers; the drop is published for the country only (\"giảm 1,65% so với năm 2023\"), so the other drops are blank.",
    sheets: [
      {
        name: "So sánh 2023-2024",
        title: ["TỶ LỆ NGHÈO ĐA CHIỀU THEO VÙNG, NĂM 2023 VÀ NĂM 2024"],
        header: [
          ["TT", "Vùng", "Năm 2023", null, "Năm 2024", null, "Giảm tỷ lệ (điểm %)"],
          [
            null,
            null,
            "Số hộ nghèo và cận nghèo",
            "Tỷ lệ nghèo đa chiều (%)",
            "Số hộ nghèo và cận nghèo",
            "Tỷ lệ nghèo đa chiều (%)",
            null,
          ],
        ],
        headerMerges: ["A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:G2"],
        keys: ["seq", "label", "start", "startRate", "end", "endRate", "pp"],
        rows: [
          [null, "Cả nước", 1586336, 5.71, 1258997, 4.06, 1.65],
          [1, REGIONS[0], 587952, 18.2, 486623, 14.98, null],
          [2, REGIONS[1], 129779, 1.87, 97755, 1.4, null],
          [3, REGIONS[2], 460456, 8.03, 360614, 6.24, null],
          [4, REGIONS[3], 195795, 12.46, 152970, 9.45, null],
          [5, REGIONS[4], 10791, 0.23, 7585, 0.15, null],
          [6, REGIONS[5], 201563, 4.15, 153450, 3.14, null],
        ],
        formats: { start: "#,##0", startRate: "0.00", end: "#,##0", endRate: "0.00", pp: "0.00" },
        kind: "target",
        planned: false,
      },
    ],
    audit: ([s]) => ({
      [s.name]: auditStartEnd(s, {
        start: ["start", "startRate"],
        end: ["end", "endRate"],
        pp: "pp",
        planned: false,
        sums: [{ total: rowsNamed(s, ["Cả nước"])[0], parts: rowsNamed(s, REGIONS) }],
      }),
    }),
  },
  {
    id: "ninh-thuan-2011-districts",
    source:
      'Quyết định 948/QĐ-UBND ngày 28/4/2011 của UBND tỉnh Ninh Thuận công nhận hộ nghèo, hộ cận nghèo giai đoạn 2011-2015, as reported by Báo Ninh Thuận, "Toàn tỉnh có 15,48% hộ nghèo theo tiêu chuẩn mới", http://baoninhthuan.com.vn/news/12132p1c30/toan-tinh-co-1548-ho-ngheo-theo-tieu-chuan-moi.htm',
    note: 'Per district the poor rate and count and the near-poor rate and count; the province adds members (87.905 poor, 62.911 near-poor). Typed as published: Phan Rang-Tháp Chàm\'s near-poor rate "8.43%" with a dot, Ninh Phước\'s "12,5%" — which cannot share a total with its near-poor pair (3.616 at 12,05 % would).',
    sheets: [
      {
        name: "QĐ 948",
        title: ["KẾT QUẢ ĐIỀU TRA HỘ NGHÈO, HỘ CẬN NGHÈO TỈNH NINH THUẬN (GIAI ĐOẠN 2011 - 2015)"],
        header: [
          [
            "TT",
            "Huyện, thành phố",
            "Số hộ nghèo",
            "Tỷ lệ hộ nghèo (%)",
            "Số hộ cận nghèo",
            "Tỷ lệ hộ cận nghèo (%)",
            "Nhân khẩu hộ nghèo",
            "Nhân khẩu hộ cận nghèo",
          ],
        ],
        keys: ["seq", "label", "poor", "poorRate", "near", "nearRate", "poorMembers", "nearMembers"],
        rows: [
          [1, "Thành phố Phan Rang - Tháp Chàm", 3084, "7,42", 3505, "8.43%", null, null],
          [2, "Huyện Ninh Hải", 2276, "10,17", 2438, "10,89", null, null],
          [3, "Huyện Ninh Phước", 3616, "12,5", 4103, "13,67", null, null],
          [4, "Huyện Ninh Sơn", 5082, "28,16", 1683, "9,33", null, null],
          [5, "Huyện Bác Ái", 3618, "66,72", 549, "10,12", null, null],
          [6, "Huyện Thuận Bắc", 2045, "23,57", 876, "10,09", null, null],
          [7, "Huyện Thuận Nam", 1622, "13,79", 859, "7,31", null, null],
          [null, "Toàn tỉnh", 21343, "15,48", 14013, "10,16", 87905, 62911],
        ],
        formats: { poor: "#,##0", near: "#,##0", poorMembers: "#,##0", nearMembers: "#,##0" },
        kind: "summary",
      },
    ],
    audit: ([s]) => ({
      [s.name]: auditResults(s, {
        pairs: [
          ["poor", "poorRate"],
          ["near", "nearRate"],
        ],
        sums: [{ total: 7, parts: [0, 1, 2, 3, 4, 5, 6] }],
      }),
    }),
  },
  {
    id: "ninh-thuan-2019",
    source:
      'Quyết định 1884/QĐ-UBND ngày 26/11/2019 của UBND tỉnh Ninh Thuận phê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo năm 2019, as reported by Báo Ninh Thuận, "Năm 2019, toàn tỉnh có 11.925 hộ nghèo", http://baoninhthuan.com.vn/news/110162p1c30/nam-2019-toan-tinh-co-11925-ho-ngheo.htm',
    note: "The province with its total households, rates and the drop since 2018; the districts with their poor counts only (the rest blank, as published).",
    sheets: [
      {
        name: "QĐ 1884",
        title: ["KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2019 TỈNH NINH THUẬN"],
        header: [
          [
            "TT",
            "Đơn vị",
            "Tổng số hộ",
            "Số hộ nghèo",
            "Tỷ lệ hộ nghèo (%)",
            "Giảm so với năm 2018 (%)",
            "Số hộ cận nghèo",
            "Tỷ lệ hộ cận nghèo (%)",
            "Giảm so với năm 2018 (%)",
          ],
        ],
        keys: ["seq", "label", "households", "poor", "poorRate", "poorDrop", "near", "nearRate", "nearDrop"],
        rows: [
          [1, "Huyện Ninh Sơn", null, 2638, null, null, null, null, null],
          [2, "Huyện Thuận Bắc", null, 2456, null, null, null, null, null],
          [3, "Huyện Bác Ái", null, 2601, null, null, null, null, null],
          [4, "Huyện Ninh Phước", null, 1434, null, null, null, null, null],
          [5, "Huyện Thuận Nam", null, 1203, null, null, null, null, null],
          [6, "Huyện Ninh Hải", null, 584, null, null, null, null, null],
          [7, "Thành phố Phan Rang - Tháp Chàm", null, 1009, null, null, null, null, null],
          [null, "Toàn tỉnh", 176822, 11925, 6.74, 1.6, 14176, 8.02, 1.15],
        ],
        formats: { households: "#,##0", poor: "#,##0", poorRate: "0.00", near: "#,##0", nearRate: "0.00" },
        kind: "summary",
      },
    ],
    audit: ([s]) => {
      const bad = auditResults(s, {
        pairs: [
          ["poor", "poorRate"],
          ["near", "nearRate"],
        ],
        sums: [{ total: 7, parts: [0, 1, 2, 3, 4, 5, 6] }],
      });
      // With the total written: each rate = count ÷ total at 2 decimals (11.925 ÷ 176.822 = 6,744 %; 14.176 ÷
      // 176.822 = 8,017 %).
      for (const [c, r] of [
        [11925, 6.74],
        [14176, 8.02],
      ])
        if (Math.abs(Math.round((c / 176822) * 10000) / 100 - r) > 0.011)
          bad.add({ index: 7, label: "Toàn tỉnh" } as never, `${c}/176822 ≠ ${r}`);
      return { [s.name]: bad };
    },
  },
  {
    id: "ninh-thuan-2022-movement",
    source:
      "Báo cáo 320/BC-UBND ngày 28/11/2022 của UBND tỉnh Ninh Thuận về kết quả rà soát hộ nghèo, hộ cận nghèo năm 2022, as reported by the province's poverty-reduction portal, https://giamngheo.ninhthuan.gov.vn/giamngheo/1240/30526/40855/72055/Tin-tuc/Ket-qua-ra-soat-ho-ngheo--ho-can-ngheo-nam-2022-tinh-Ninh-Thuan.aspx",
    note: "The report's movements as the two movement tables of the Circular (poor, near-poor): households leaving the list with their breakdown (to near-poor or to poor, above the line, died/moved/split), end count and rate, the drop since 2021; the start counts and the inflows are not published (blank).",
    sheets: [
      {
        name: "Hộ nghèo",
        title: ["TỔNG HỢP DIỄN BIẾN HỘ NGHÈO NĂM 2022 TỈNH NINH THUẬN"],
        header: [
          [
            "TT",
            "Đơn vị",
            "Số hộ nghèo đầu năm 2022",
            "Số hộ thoát nghèo",
            null,
            null,
            null,
            "Số hộ nghèo cuối năm 2022",
            "Tỷ lệ hộ nghèo cuối năm 2022 (%)",
            "Giảm so với năm 2021 (điểm %)",
          ],
          [
            null,
            null,
            null,
            "Tổng số",
            "Chuyển sang hộ cận nghèo",
            "Thoát tình trạng nghèo, cận nghèo",
            "Do chết, chuyển đi nơi khác, tách nhập hộ",
            null,
            null,
            null,
          ],
        ],
        headerMerges: ["A1:A2", "B1:B2", "C1:C2", "D1:G1", "H1:H2", "I1:I2", "J1:J2"],
        keys: ["seq", "label", "start", "out", "toNear", "above", "gone", "end", "endRate", "drop"],
        rows: [[null, "Toàn tỉnh", null, 3507, 1833, 1630, 44, 11015, "5,93", "1,89"]],
        kind: "transition",
      },
      {
        name: "Hộ cận nghèo",
        title: ["TỔNG HỢP DIỄN BIẾN HỘ CẬN NGHÈO NĂM 2022 TỈNH NINH THUẬN"],
        header: [
          [
            "TT",
            "Đơn vị",
            "Số hộ cận nghèo đầu năm 2022",
            "Số hộ thoát cận nghèo",
            null,
            null,
            null,
            "Số hộ cận nghèo cuối năm 2022",
            "Tỷ lệ hộ cận nghèo cuối năm 2022 (%)",
            "Giảm so với năm 2021 (điểm %)",
          ],
          [
            null,
            null,
            null,
            "Tổng số",
            "Rơi xuống nghèo",
            "Thoát tình trạng nghèo, cận nghèo",
            "Do chết, chuyển đi nơi khác, tách nhập hộ",
            null,
            null,
            null,
          ],
        ],
        headerMerges: ["A1:A2", "B1:B2", "C1:C2", "D1:G1", "H1:H2", "I1:I2", "J1:J2"],
        keys: ["seq", "label", "start", "out", "toPoor", "above", "gone", "end", "endRate", "drop"],
        rows: [[null, "Toàn tỉnh", null, 5295, 81, 5187, 27, 10087, "5,43", "1,66"]],
        kind: "transition",
      },
    ],
    audit: ([poor, near]) => ({
      [poor.name]: auditMovement(poor, {
        start: "start",
        end: "end",
        endRate: "endRate",
        decTotal: "out",
        decParts: ["toNear", "above", "gone"],
        incParts: [],
      }),
      [near.name]: auditMovement(near, {
        start: "start",
        end: "end",
        endRate: "endRate",
        decTotal: "out",
        decParts: ["toPoor", "above", "gone"],
        incParts: [],
      }),
    }),
  },
  {
    id: "dong-ha-2016-2021",
    source:
      "Thành ủy Đông Hà (Quảng Trị), kết luận về cho vay giải quyết việc làm và giảm nghèo bền vững giai đoạn 2021–2025, footnote 4 (the project's seed 000)",
    note: "The footnote's figures as the planner's two-year table by category: poor 5,0 % (1.064) in 2016 → 1,79 % (429) in 2021, a drop of 3,21 % (635 households); near-poor 7,93 % (1.691) → \"6.53%\" (typed with a dot, as published) (1.567), a drop of 1,4 % (124).",
    sheets: [
      {
        name: "Đông Hà 2016-2021",
        title: ["KẾT QUẢ GIẢM NGHÈO THÀNH PHỐ ĐÔNG HÀ, NĂM 2016 - NĂM 2021"],
        header: [
          ["TT", "Chỉ tiêu", "Năm 2016", null, "Năm 2021", null, "Giảm", null],
          [null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)"],
        ],
        headerMerges: ["A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:H1"],
        keys: ["seq", "label", "start", "startRate", "end", "endRate", "reduced", "pp"],
        rows: [
          [1, "Hộ nghèo", 1064, "5,0", 429, "1,79", 635, "3,21"],
          [2, "Hộ cận nghèo", 1691, "7,93", 1567, "6.53", 124, "1,4"],
        ],
        kind: "target",
        planned: false,
      },
    ],
    audit: ([s]) => ({
      [s.name]: auditStartEnd(s, {
        start: ["start", "startRate"],
        end: ["end", "endRate"],
        pp: "pp",
        reduced: "reduced",
        planned: false,
      }),
    }),
  },
  {
    id: "quang-ngai-yearbook-2016",
    source:
      'Niên giám thống kê tỉnh Quảng Ngãi 2016, biểu 262 "Tỷ lệ hộ nghèo" (Cục Thống kê tỉnh Quảng Ngãi), http://thongkequangngai.com/niengiam2016/files/assets/basic-html/page371.html',
    note: "A statistical yearbook's series: the rate and, of which, its urban and rural parts, 2010–2015 under the 2011–2015 standard and 2015–2016 under the multidimensional standard (2015 twice). Bilingual headers as printed, the English typo \"Porverty\" included; the two standard headings placed above their years (the page's text extraction prints them after the numbers).",
    sheets: [
      {
        name: "262",
        title: ["262. Tỷ lệ hộ nghèo - Porverty rate", "Đơn vị tính - Unit: %"],
        header: [
          ["Năm - Year", "Tỷ lệ hộ nghèo - Porverty rate", "Trong đó - Of which", null],
          [null, null, "Thành thị - Urban", "Nông thôn - Rural"],
        ],
        headerMerges: ["A1:A2", "B1:B2", "C1:D1"],
        keys: ["label", "rate", "urban", "rural"],
        rows: [
          ["Theo chuẩn nghèo giai đoạn 2011 - 2015 - Poverty line in 2011 - 2015", null, null, null],
          [2010, "23,92", "11,11", "26,08"],
          [2011, "20,69", "9,57", "22,53"],
          [2012, "17,64", "7,79", "19,23"],
          [2013, "14,93", "6,06", "16,5"],
          [2014, "11,73", "4,93", "12,86"],
          [2015, "9,22", "3,51", "10,18"],
          [
            "Theo chuẩn nghèo tiếp cận đa chiều giai đoạn 2016 - 2020 - The poverty line according to the multi-dimensional approach period 2016 - 2020",
            null,
            null,
            null,
          ],
          [2015, "15,19", "6,25", "16,68"],
          [2016, "13,06", "5,35", "14,35"],
        ],
        kind: "summary",
      },
    ],
    audit: ([s]) => {
      // A rate over all households is a weighted average of the urban and rural rates: it lies between them, give
      // or take half a unit of each printed number.
      const bad = new Inconsistent();
      const t = auditTable(s);
      const tol = 0.5 * 10 ** -t.decimals("rate") + 0.5 * 10 ** -Math.max(t.decimals("urban"), t.decimals("rural"));
      for (const r of t.rows) {
        const [o, u, v] = [r.percent("rate"), r.percent("urban"), r.percent("rural")];
        if (o === undefined || u === undefined || v === undefined) continue;
        if (o < Math.min(u, v) - tol || o > Math.max(u, v) + tol) bad.add(r, `${o} outside ${u}–${v}`);
      }
      return { [s.name]: bad };
    },
  },
  {
    id: "bac-giang-2010-2018-year-wide",
    source:
      'Bắc Giang, hệ thống chỉ tiêu kinh tế - xã hội "3. GIẢM NGHÈO — Chỉ tiêu toàn Tỉnh" (Sở Kế hoạch và Đầu tư Bắc Giang), http://ktxh.khdt.bgo.vn/target/509',
    note: 'A year-wide table (indicators in rows, years in columns) as published: 9 year headers 2010–2018 with 8 values per row (placed under 2010–2017, 2018 left blank: the page does not say which year is missing). Published mistakes: "10.98" escaped households in 2013; the rate 15,40 % for 63.379 of 412.204 households (15,38 %) and 10,44 % for 44.541 of 423.400 (10,52 %).',
    sheets: [
      {
        name: "Giảm nghèo",
        title: ["3. GIẢM NGHÈO", "Chỉ tiêu toàn Tỉnh"],
        header: [["Chỉ tiêu", "ĐV tính", 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]],
        keys: ["label", "uom", "y2010", "y2011", "y2012", "y2013", "y2014", "y2015", "y2016", "y2017", "y2018"],
        rows: [
          ["Tổng số hộ", "hộ", 412204, 421820, 423400, 432487, 436960, 443514, 448365, 452560, null],
          ["Số hộ nghèo theo chuẩn mới", "hộ", 63379, 51085, 44541, 38386, 32772, 31046, 42813, 34168, null],
          ["Số hộ thoát nghèo", "hộ", 13558, 12370, 6644, 10.98, 6150, 3854, 11118, 8660, null],
          ["Tỷ lệ hộ nghèo", "%", 15.4, 12.11, 10.44, 8.88, 7.5, 7.0, 9.55, 7.55, null],
        ],
        formats: {
          y2010: "0.00",
          y2011: "0.00",
          y2012: "0.00",
          y2013: "0.00",
          y2014: "0.00",
          y2015: "0.00",
          y2016: "0.00",
          y2017: "0.00",
        },
        kind: "summary",
        yearWide: true,
      },
    ],
    audit: ([s]) => {
      // Per year: the rate = poor ÷ households at 2 decimals; every count a whole number.
      const bad = new Inconsistent();
      const t = auditTable(s);
      const [households, poor, escaped, rate] = t.rows;
      for (const k of s.keys.filter((x) => x.startsWith("y"))) {
        const [h, p, e, r] = [households.count(k), poor.count(k), escaped.count(k), rate.percent(k)];
        if (
          h !== undefined &&
          p !== undefined &&
          r !== undefined &&
          Math.abs(Math.round((p / h) * 10000) / 100 - r) > 0.011
        )
          bad.add(rate, `${k}: ${p}/${h} ≠ ${r}`);
        for (const [row, v] of [
          [households, h],
          [poor, p],
          [escaped, e],
        ] as const)
          if (v !== undefined && !Number.isInteger(v)) bad.add(row, `${k}: ${v} households`);
      }
      return { [s.name]: bad };
    },
  },
];
