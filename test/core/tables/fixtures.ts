/** Shared fixtures: the built-in sample roster classified under the 2026 standard, plus hand-made units. */
import { generateSampleRosters } from "../../../src/core/sample";
import { standardForYear } from "../../../src/core/standards";
import { classifyRoster } from "../../../src/core/tables/report";
import type { Household } from "../../../src/core/household";
import type { AllocationUnit } from "../../../src/core/targets";

export const YEAR = 2026;
export const standard = standardForYear(YEAR);

export function sampleRoster(): { households: Household[]; categories: ReturnType<typeof classifyRoster> } {
  const households = generateSampleRosters({ seed: 7 }).current.map((h, i) => ({
    ...h,
    povertyCause: i % 3 === 0 ? "Thiếu vốn sản xuất" : i % 3 === 1 ? "Thiếu đất canh tác" : "Có người ốm đau nặng",
  }));
  return { households, categories: classifyRoster(households, standard) };
}

export const UNITS: AllocationUnit[] = [
  { code: "90001", name: "Phường An Hòa", poor: 12, households: 1400, tier: "other" },
  { code: "90002", name: "Xã Bình Điền", poor: 95, households: 1210, tier: "other" },
  { code: "90003", name: "Xã Hồng Thủy", poor: 310, households: 880, tier: "poor" },
  { code: "90004", name: "Xã Đông Sơn", poor: 47, households: 990, tier: "other" },
];
