/**
 * A sample sponsorship register for the built-in sample population (core/sample): the mass organisations of each
 * sample unit take on poor and near-poor households of the start roster, with quotas, support and loans —
 * deterministic from a seed. With `plant`, the mistakes planners' registers really carry are added: a household id
 * that is not on the roster, a household that was not poor or near-poor sponsored, interest collected above interest
 * due; and one household sponsored by two organisations (a notice). Invented data: no real household.
 */
import type { Category, Household } from "../household";
import { intBetween, mulberry32, pickOne } from "../sample/random";
import { isoDate, parsePeriod, type Period } from "./period";
import type { QuotaEntry, SponsorRecord } from "./register";
import { ORGANISATION_BY_CODE, type OrganisationCode, type SupportCode } from "./vocabulary";

export interface SampleRegisterOptions {
  /** The start roster (last review) and its categories. */
  households: readonly Household[];
  categories: readonly Category[];
  /** The sponsorship year (the year between the start review and the end review). */
  year: number;
  seed?: number;
  /** Add the planted mistakes. */
  plant?: boolean;
}

export interface PlantedMistake {
  code:
    "SPONSOR_UNKNOWN_HOUSEHOLD" | "SPONSOR_NOT_POOR" | "SPONSOR_INTEREST_ABOVE_DUE" | "SPONSOR_SEVERAL_ORGANISATIONS";
  householdId: string;
  /** Index of the record in `records`. */
  index: number;
  vi: string;
  en: string;
}

export interface SampleRegister {
  records: SponsorRecord[];
  quotas: QuotaEntry[];
  planted: PlantedMistake[];
  /** The whole year as the reporting period. */
  period: Period;
}

const ORGS: OrganisationCode[] = ["front", "youth", "women", "farmers", "veterans"];
const BRANCH: Record<OrganisationCode, string> = {
  front: "Ban công tác Mặt trận",
  youth: "Chi đoàn",
  women: "Chi hội Phụ nữ",
  farmers: "Chi hội Nông dân",
  veterans: "Chi hội CCB",
  labour: "Công đoàn cơ sở",
};
const SUPPORT_MENU: { code: SupportCode; value: [number, number] }[] = [
  { code: "healthInsurance", value: [1, 2] },
  { code: "training", value: [0, 0] },
  { code: "jobs", value: [0, 0] },
  { code: "housing", value: [20, 50] },
  { code: "livelihood", value: [3, 10] },
  { code: "gifts", value: [1, 3] },
];

/**
 * Generate the register. Each organisation sponsors households of each unit up to a quota (more poor households →
 * larger quotas), never two organisations the same household unless planted; a third of the households borrow from
 * the poor-household programme and pay all interest due (so the clean register meets the 99 % target).
 */
export function generateSampleRegister(opts: SampleRegisterOptions): SampleRegister {
  const rand = mulberry32(opts.seed ?? 16);
  const { households, categories, year } = opts;
  const units: string[] = [];
  for (const h of households) if (!units.includes(h.unit)) units.push(h.unit);
  const records: SponsorRecord[] = [];
  const quotas: QuotaEntry[] = [];
  const taken = new Set<string>();
  for (const unit of units) {
    const idx = households.map((_, i) => i).filter((i) => households[i].unit === unit);
    const poor = idx.filter((i) => categories[i] === "poor");
    const near = idx.filter((i) => categories[i] === "nearPoor");
    const pool = [...poor, ...near.slice(0, Math.ceil(near.length / 4))];
    const quota = Math.max(2, Math.min(8, Math.round(poor.length / 8)));
    for (const org of ORGS) {
      quotas.push({
        row0: quotas.length,
        organisationText: ORGANISATION_BY_CODE[org].label.vi,
        organisation: org,
        unit,
        quota,
      });
      // Most organisations reach or nearly reach their quota; one in five falls short by two.
      const target = Math.max(0, quota - (rand() < 0.2 ? 2 : rand() < 0.5 ? 1 : 0));
      let n = 0;
      for (let tries = 0; n < target && tries < pool.length * 3; tries++) {
        const i = pickOne(rand, pool);
        const h = households[i];
        if (taken.has(h.id)) continue;
        taken.add(h.id);
        n++;
        const month = intBetween(rand, 1, 3);
        const rec: SponsorRecord = {
          row0: records.length,
          organisationText: ORGANISATION_BY_CODE[org].label.vi,
          organisation: org,
          branch: `${BRANCH[org]} ${h.village ?? ""}`.trim(),
          householdId: h.id,
          unit,
          support: [],
          start: isoDate(year, month, intBetween(rand, 1, 28)),
        };
        if (h.head) rec.head = h.head;
        if (h.village) rec.village = h.village;
        if (rand() < 0.1) rec.end = isoDate(year, intBetween(rand, 9, 12), intBetween(rand, 1, 28));
        let value = 0;
        for (const s of SUPPORT_MENU)
          if (rand() < 0.35) {
            rec.support.push(s.code);
            value += intBetween(rand, s.value[0], s.value[1]) * 1_000_000;
          }
        if (rand() < 0.35) {
          rec.support.unshift("loan");
          rec.loanProgramme = categories[i] === "nearPoor" ? "nearPoor" : "poor";
          rec.loanAmount = intBetween(rand, 6, 20) * 5_000_000;
          rec.outstanding = rec.loanAmount - intBetween(rand, 0, 4) * 5_000_000;
          // Interest on the outstanding balance at 0.55 %/month over the months of the year, to the thousand.
          rec.interestDue = Math.round((rec.outstanding * 0.0055 * (13 - month)) / 1000) * 1000;
          rec.interestCollected = rec.interestDue;
        }
        if (rec.support.length === 0) rec.support.push("gifts");
        if (value === 0 && rec.support.includes("gifts")) value = 1_000_000;
        rec.supportValue = value;
        records.push(rec);
      }
    }
  }
  const planted: PlantedMistake[] = [];
  if (opts.plant && records.length > 3) {
    // 1. A mistyped household id (not on the roster).
    const base = records[1];
    const unknownId = `${base.householdId.split("-")[0]}-9${String(intBetween(rand, 100, 999))}`;
    records.push({
      row0: records.length,
      organisationText: base.organisationText,
      organisation: base.organisation,
      householdId: unknownId,
      unit: base.unit,
      support: ["gifts"],
      supportValue: 500_000,
      ...(base.start ? { start: base.start } : {}),
    });
    planted.push({
      code: "SPONSOR_UNKNOWN_HOUSEHOLD",
      householdId: unknownId,
      index: records.length - 1,
      vi: `mã hộ ${unknownId} không có trong danh sách hộ`,
      en: `household id ${unknownId} is not on the roster`,
    });
    // 2. A household neither poor nor near-poor at the start.
    const i = households.findIndex((h, k) => categories[k] === "none" && !taken.has(h.id));
    if (i >= 0) {
      const h = households[i];
      records.push({
        row0: records.length,
        organisationText: ORGANISATION_BY_CODE.women.label.vi,
        organisation: "women",
        branch: `${BRANCH.women} ${h.village ?? ""}`.trim(),
        householdId: h.id,
        ...(h.head ? { head: h.head } : {}),
        unit: h.unit,
        ...(h.village ? { village: h.village } : {}),
        support: ["livelihood"],
        supportValue: 5_000_000,
        start: isoDate(opts.year, 2, 10),
      });
      planted.push({
        code: "SPONSOR_NOT_POOR",
        householdId: h.id,
        index: records.length - 1,
        vi: `hộ ${h.id} không nghèo, không cận nghèo được đỡ đầu`,
        en: `household ${h.id}, neither poor nor near-poor, sponsored`,
      });
    }
    // 3. Interest collected above interest due on a loan row.
    const loanIdx = records.findIndex((r) => (r.interestDue ?? 0) > 0);
    if (loanIdx >= 0) {
      const r = records[loanIdx];
      r.interestCollected = r.interestDue! + 150_000;
      planted.push({
        code: "SPONSOR_INTEREST_ABOVE_DUE",
        householdId: r.householdId,
        index: loanIdx,
        vi: `hộ ${r.householdId}: lãi đã thu lớn hơn lãi phải thu`,
        en: `household ${r.householdId}: interest collected above interest due`,
      });
    }
    // 4. One household taken on by a second organisation (a notice, not a mistake).
    const first = records.find(
      (r, k) =>
        k !== loanIdx && r.organisation !== "youth" && r.start && households.some((h) => h.id === r.householdId),
    );
    if (first) {
      records.push({
        row0: records.length,
        organisationText: ORGANISATION_BY_CODE.youth.label.vi,
        organisation: "youth",
        branch: BRANCH.youth,
        householdId: first.householdId,
        ...(first.head ? { head: first.head } : {}),
        unit: first.unit,
        ...(first.village ? { village: first.village } : {}),
        support: ["jobs"],
        start: first.start!,
      });
      planted.push({
        code: "SPONSOR_SEVERAL_ORGANISATIONS",
        householdId: first.householdId,
        index: records.length - 1,
        vi: `hộ ${first.householdId} được hai tổ chức đỡ đầu`,
        en: `household ${first.householdId} sponsored by two organisations`,
      });
    }
  }
  return { records, quotas, planted, period: parsePeriod(String(year)) };
}
