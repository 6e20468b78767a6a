/**
 * Built-in sample data: households of three fictional wards/communes with urban and rural areas,
 * per-capita incomes and the 12 deprivation flags, generated deterministically from a seed.
 * The names are invented; no real person is described.
 *
 * The generator produces two review years (previous and current) for the same population so that
 * transitions (thoát nghèo, tái nghèo, phát sinh) can be shown: most households persist, a few leave,
 * a few new ones join, incomes grow with noise, and deprivations change a little.
 */
import type { Area, Household } from "../household";
import { ND07_2021 } from "../standards/data";
import type { Standard } from "../standards/schema";
import { intBetween, mulberry32, normal, pickOne, type Random } from "./random";

/**
 * The standard the sample is drawn for: its deprivation flags follow this standard's indicator list, in order
 * (Decree 07/2021/NĐ-CP Art. 3, 12 indicators), and its incomes around this standard's lines. A demo run for a
 * review year outside `SAMPLE_STANDARD.reviewYears` would classify the sample by another standard's rules.
 */
export const SAMPLE_STANDARD: Standard = ND07_2021;

export interface SampleUnitSpec {
  /** Unit code (5-digit commune code style; invented). */
  code: string;
  name: string;
  households: number;
  /** Share of households living in urban areas. */
  urbanShare: number;
  /** Median per-capita monthly income (VND) of the unit. */
  medianIncome: number;
  /** Share of ethnic-minority households. */
  ethnicMinorityShare: number;
  villages: string[];
}

/** Three contrasting units: an urban ward, a lowland rural commune, a mountainous commune. */
export const SAMPLE_UNITS: SampleUnitSpec[] = [
  {
    code: "90001",
    name: "Phường An Hòa",
    households: 420,
    urbanShare: 0.9,
    medianIncome: 4_200_000,
    ethnicMinorityShare: 0.02,
    villages: ["Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3", "Tổ dân phố 4"],
  },
  {
    code: "90002",
    name: "Xã Bình Điền",
    households: 360,
    urbanShare: 0.1,
    medianIncome: 2_600_000,
    ethnicMinorityShare: 0.08,
    villages: ["Thôn Đông", "Thôn Tây", "Thôn Trung", "Thôn Hạ"],
  },
  {
    code: "90003",
    name: "Xã Hồng Thủy",
    households: 260,
    urbanShare: 0,
    medianIncome: 1_700_000,
    ethnicMinorityShare: 0.7,
    villages: ["Bản A Đớt", "Bản Pa Lươi", "Bản Cự Lại"],
  },
];

/** Invented name parts for sample households (no real person is described). */
export const SAMPLE_FAMILY_NAMES = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Hồ Văn",
  "Kê",
];
export const SAMPLE_MIDDLE_NAMES = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Ngọc", "Thanh", "Quang"];
export const SAMPLE_GIVEN_NAMES = [
  "An",
  "Bình",
  "Cường",
  "Dung",
  "Hà",
  "Hải",
  "Hạnh",
  "Hoa",
  "Hùng",
  "Lan",
  "Long",
  "Mai",
  "Nam",
  "Nga",
  "Phúc",
  "Quân",
  "Sơn",
  "Tâm",
  "Thảo",
  "Thu",
  "Trung",
  "Tuấn",
  "Vân",
  "Xuân",
  "Yến",
];

/**
 * Deprivation probability per indicator for a household at income ratio r = income / median.
 * Lower income → more deprivations. Indicator order follows the 2022–2025 list (12 indicators).
 */
const BASE_DEPRIVATION = [0.18, 0.12, 0.06, 0.1, 0.08, 0.04, 0.12, 0.1, 0.08, 0.14, 0.05, 0.09];

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function drawIncome(rand: Random, median: number, area: Area): number {
  const areaFactor = area === "urban" ? 1.15 : 0.95;
  const income = median * areaFactor * Math.exp(0.55 * normal(rand));
  return Math.max(300_000, roundTo(income, 10_000));
}

function drawFlags(rand: Random, income: number, median: number, mountainous: boolean): (0 | 1)[] {
  const ratio = income / median;
  const pressure = Math.min(4, Math.max(0.25, 1 / ratio)) * (mountainous ? 1.6 : 1);
  return BASE_DEPRIVATION.map((p) => (rand() < Math.min(0.9, p * pressure * pressure) ? 1 : 0));
}

function drawName(rand: Random): string {
  return `${pickOne(rand, SAMPLE_FAMILY_NAMES)} ${pickOne(rand, SAMPLE_MIDDLE_NAMES)} ${pickOne(rand, SAMPLE_GIVEN_NAMES)}`;
}

export interface SampleOptions {
  seed?: number;
  units?: SampleUnitSpec[];
}

export interface SampleRosters {
  /** Last year's roster (e.g. review year 2025). */
  previous: Household[];
  /** This year's roster (e.g. review year 2026). */
  current: Household[];
  /** Households that escaped poverty at some time before last year's review (for tái nghèo). */
  everEscapedIds: string[];
}

/**
 * Generate the sample population for two consecutive review years.
 * Deterministic: the same seed always yields the same households.
 */
export function generateSampleRosters(options: SampleOptions = {}): SampleRosters {
  const rand = mulberry32(options.seed ?? 2026);
  const units = options.units ?? SAMPLE_UNITS;
  const previous: Household[] = [];
  const current: Household[] = [];
  const everEscapedIds: string[] = [];

  for (const unit of units) {
    const mountainous = unit.ethnicMinorityShare > 0.5;
    const joiners = Math.round(unit.households * 0.03);
    const total = unit.households + joiners;
    for (let i = 0; i < total; i++) {
      const id = `${unit.code}-${String(i + 1).padStart(4, "0")}`;
      const area: Area = rand() < unit.urbanShare ? "urban" : "rural";
      const village = pickOne(rand, unit.villages);
      const members = intBetween(rand, 1, 7);
      const ethnicMinority = rand() < unit.ethnicMinorityShare;
      const agricultural = area === "rural" ? rand() < 0.75 : rand() < 0.1;
      const head = drawName(rand);

      const prevIncome = drawIncome(rand, unit.medianIncome * 0.93, area);
      const prevFlags = drawFlags(rand, prevIncome, unit.medianIncome, mountainous);
      // Income grows ~7 % a year with noise; deprivations mostly persist, some are resolved or appear.
      const growth = Math.exp(0.07 + 0.18 * normal(rand));
      const income = Math.max(300_000, roundTo(prevIncome * growth, 10_000));
      const flags = prevFlags.map((f) => (f === 1 ? (rand() < 0.8 ? 1 : 0) : rand() < 0.03 ? 1 : 0)) as (0 | 1)[];

      const base: Omit<Household, "incomePerCapita" | "deprivationFlags"> = {
        id,
        head,
        unit: unit.name,
        village,
        area,
        members,
        ethnicMinority,
        agricultural,
        targetGroups:
          rand() < 0.04 ? ["noLabour"] : rand() < 0.03 ? ["meritorious"] : rand() < 0.05 ? ["socialProtection"] : [],
      };
      const isJoiner = i >= unit.households;
      const leaves = !isJoiner && rand() < 0.02;
      if (!isJoiner) previous.push({ ...base, incomePerCapita: prevIncome, deprivationFlags: prevFlags });
      if (!leaves)
        current.push({
          ...base,
          incomePerCapita: income,
          deprivationFlags: flags,
          members: Math.max(1, members + (rand() < 0.05 ? 1 : 0)),
        });
      if (rand() < 0.06) everEscapedIds.push(id);
    }
  }
  return { previous, current, everEscapedIds };
}
