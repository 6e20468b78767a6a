/**
 * "Giúp hộ nghèo có địa chỉ": what the organisations report to the steering committee each month or quarter —
 * households sponsored against their quota, support by kind and value, loans and interest collection — and, at the
 * review, what became of the sponsored households: escaped poverty (to near-poor, or above the near-poverty line),
 * stayed poor, fell back (near-poor → poor), left the roster. Outcomes come from `computeTransitions`
 * (core/transitions) on the two review rosters; the same flows are counted for the poor households of the same units
 * that no organisation sponsored, as a plain side-by-side comparison — not an estimate of the effect of sponsorship
 * (who is sponsored is not chosen at random).
 *
 * Counting rules (stated in every table's notes):
 * - a register row counts in the period when its dates meet the period (./period.ts `activeIn`);
 * - a household is counted once per organisation and unit however many rows it has; an organisation's number is
 *   of distinct households, the grand total a sum over organisations ("lượt hộ": a household sponsored by two
 *   organisations counts twice — the number of distinct households is given beside it);
 * - the unit of a household is its unit on the start roster (the register's unit is only checked against it);
 * - rows whose household is not on the start roster are not counted (SPONSOR_UNKNOWN_HOUSEHOLD, an error).
 */
import { a1 } from "../address";
import type { Category, Household } from "../household";
import { CATEGORY_LABELS } from "../household";
import { fold, formatPercent, type Bilingual } from "../i18n";
import { roundRate } from "../measures/rates";
import { computeTransitions, type Movement, type TransitionOptions } from "../transitions";
import type { Standard } from "../standards/schema";
import { classifyRoster } from "../tables/report";
import { finding } from "../findings/catalogue";
import { sortFindings, type Finding } from "../findings/finding";
import { unitKey } from "../sheet/text";
import { activeIn, type Period } from "./period";
import type { QuotaEntry, RegisterRead, SponsorRecord } from "./register";
import {
  DEFAULT_INTEREST_TARGET,
  ORGANISATION_BY_CODE,
  ORGANISATIONS,
  SUPPORT_CODES,
  organisationLabel,
  type OrganisationCode,
  type SupportCode,
} from "./vocabulary";

/** One review's roster with the category of every household (the recognised list: declared, else classified). */
export interface RosterSnapshot {
  households: readonly Household[];
  categories: readonly Category[];
  /** Name for messages, e.g. the file "danh-sach-ho-2025.xlsx". */
  name?: string;
}

export interface SponsorshipOptions {
  period: Period;
  /** The roster at the start (last review): household ids, units, categories. */
  start: RosterSnapshot;
  /** The roster at the end (this review): with it, outcomes are computed. */
  end?: RosterSnapshot;
  quotas?: readonly QuotaEntry[];
  /** Interest collection target as a fraction (default 0.99). */
  interestTarget?: number;
  /**
   * How to read a household absent from the end roster (core/transitions options). Default: "left the roster"
   * (other decrease) when the end roster lists every household (it has households above the near-poverty line),
   * "escaped" when it lists only poor and near-poor households.
   */
  transitionOptions?: TransitionOptions;
}

/** What became of a group of households between the two reviews. */
export interface Outcome {
  /** Poor at the start. */
  poorStart: number;
  /** Of them: near-poor at the end (thoát nghèo sang cận nghèo). */
  toNearPoor: number;
  /** Above the near-poverty line at the end (thoát nghèo vượt chuẩn cận nghèo). */
  escaped: number;
  /** Still poor. */
  stayed: number;
  /** Left the roster (died, moved away, split…; or absent, see the options). */
  left: number;
  /** Near-poor at the start. */
  nearPoorStart: number;
  /** Of them: above the near-poverty line at the end. */
  nearEscaped: number;
  nearStayed: number;
  /** Fell back: near-poor at the start, poor at the end (tái nghèo từ cận nghèo). */
  fellBack: number;
  nearLeft: number;
}

export const ZERO_OUTCOME: Outcome = {
  poorStart: 0,
  toNearPoor: 0,
  escaped: 0,
  stayed: 0,
  left: 0,
  nearPoorStart: 0,
  nearEscaped: 0,
  nearStayed: 0,
  fellBack: 0,
  nearLeft: 0,
};

/** Sponsorship of one organisation in one unit (or totals) in the period. */
export interface SponsorshipCell {
  unit: string;
  /** Distinct households with a row in the period. */
  households: number;
  ids: string[];
  quota?: number;
  /** Households that received each kind of support. */
  support: Record<SupportCode, number>;
  supportValue: number;
  /** Households with a loan (amount or outstanding > 0). */
  loanHouseholds: number;
  loanAmount: number;
  outstanding: number;
  interestDue: number;
  interestCollected: number;
  /** With an end roster: outcomes of these households. */
  outcome?: Outcome;
}

export interface OrganisationSummary {
  key: string;
  label: Bilingual;
  /** One per unit (units with a row in the period or a quota), in unit order. */
  cells: SponsorshipCell[];
  /** Quota given for the organisation as a whole (a quota row without a unit). */
  quota?: number;
  total: SponsorshipCell;
}

export interface UnitComparison {
  unit: string;
  /** Distinct households sponsored by any organisation in the period, by their start category. */
  sponsored: Outcome;
  /** Poor and near-poor households of the unit at the start that no organisation sponsored in the period. */
  notSponsored: Outcome;
}

export interface SponsorshipResult {
  period: Period;
  organisations: OrganisationSummary[];
  /** Units in the order of the start roster. */
  units: string[];
  /** Distinct households sponsored in the period (all organisations). */
  distinctHouseholds: number;
  /** Household-organisation pairs (the sum of the organisations' counts). */
  pairs: number;
  comparison?: UnitComparison[];
  /** How absence from the end roster was read. */
  absentFromCurrent?: "escaped" | "otherDecrease";
  interestTarget: number;
  /** Register rows counted in the period. */
  counted: SponsorRecord[];
  findings: Finding[];
}

const emptySupport = (): Record<SupportCode, number> =>
  Object.fromEntries(SUPPORT_CODES.map((c) => [c, 0])) as Record<SupportCode, number>;

/** Organisation display order: the list's order for the known ones (Front first), then others by name. */
const ORG_ORDER: OrganisationCode[] = ["front", "youth", "women", "farmers", "veterans", "labour"];

function orgRank(key: string): number {
  const i = ORG_ORDER.indexOf(key as OrganisationCode);
  return i >= 0 ? i : ORG_ORDER.length;
}

/** Which outcome slots a household's movement fills. */
function addOutcome(o: Outcome, mv: Movement | undefined, startCat: Category): void {
  if (startCat === "poor") {
    o.poorStart++;
    const f = mv?.poorFlow;
    if (f === "toNearPoor") o.toNearPoor++;
    else if (f === "escaped") o.escaped++;
    else if (f === "stay") o.stayed++;
    else o.left++;
  } else if (startCat === "nearPoor") {
    o.nearPoorStart++;
    const f = mv?.nearPoorFlow;
    if (f === "escaped") o.nearEscaped++;
    else if (f === "toPoor") o.fellBack++;
    else if (f === "stay") o.nearStayed++;
    else o.nearLeft++;
  }
}

function sumOutcomes(list: readonly Outcome[]): Outcome {
  const o = { ...ZERO_OUTCOME };
  for (const x of list) for (const k of Object.keys(o) as (keyof Outcome)[]) o[k] += x[k];
  return o;
}

/**
 * Check the register against the start roster and compute the period's sponsorship, support, loans and (with an end
 * roster) outcomes. Findings: the register readers' own, plus SPONSOR_UNKNOWN_HOUSEHOLD, SPONSOR_NOT_POOR,
 * SPONSOR_UNIT_MISMATCH, SPONSOR_OUTSTANDING_ABOVE_LOAN, SPONSOR_INTEREST_ABOVE_DUE, SPONSOR_LOAN_NO_PROGRAMME (every
 * row), SPONSOR_SEVERAL_ORGANISATIONS and SPONSOR_INTEREST_RATE_LOW (rows in the period), SPONSOR_NO_DATES.
 */
export function computeSponsorship(registers: readonly RegisterRead[], opts: SponsorshipOptions): SponsorshipResult {
  const { period, start } = opts;
  const target = opts.interestTarget ?? DEFAULT_INTEREST_TARGET;
  if (start.categories.length !== start.households.length)
    throw new Error("computeSponsorship: start categories must match households");
  const findings: Finding[] = registers.flatMap((r) => r.findings);
  const startById = new Map<string, { h: Household; cat: Category }>();
  start.households.forEach((h, i) => {
    if (!startById.has(h.id)) startById.set(h.id, { h, cat: start.categories[i] });
  });
  const unitOrder: string[] = [];
  const unitSeen = new Set<string>();
  for (const h of start.households)
    if (!unitSeen.has(h.unit)) {
      unitSeen.add(h.unit);
      unitOrder.push(h.unit);
    }

  // Per-row checks ----------------------------------------------------------------------------------------------
  const valid: { rec: SponsorRecord; reg: RegisterRead; unit: string; cat: Category }[] = [];
  for (const reg of registers) {
    const where = (rec: SponsorRecord, field: string) => ({
      file: reg.file,
      sheet: reg.sheet,
      row0: rec.row0,
      col0: reg.columns[field] ?? reg.columns.id ?? 0,
    });
    if (reg.detection.kind === "register" && !("start" in reg.columns) && reg.records.length > 0)
      findings.push(
        finding(
          "SPONSOR_NO_DATES",
          { file: reg.file, sheet: reg.sheet, row0: reg.detection.headerTop, col0: 0 },
          { period: period.label },
        ),
      );
    /** An amount above the one it cannot exceed (outstanding ≤ lent, collected ≤ due), at the amount's cell. */
    const above = (
      rec: SponsorRecord,
      code: "SPONSOR_OUTSTANDING_ABOVE_LOAN" | "SPONSOR_INTEREST_ABOVE_DUE",
      field: "outstanding" | "interestCollected",
      limit: "loanAmount" | "interestDue",
    ) => {
      const value = rec[field];
      const max = rec[limit];
      if (value !== undefined && max !== undefined && value > max)
        findings.push(
          finding(
            code,
            where(rec, field),
            { id: rec.householdId, value, expected: max },
            { field, value: String(value), expected: String(max) },
          ),
        );
    };
    for (const rec of reg.records) {
      const id = rec.householdId;
      above(rec, "SPONSOR_OUTSTANDING_ABOVE_LOAN", "outstanding", "loanAmount");
      above(rec, "SPONSOR_INTEREST_ABOVE_DUE", "interestCollected", "interestDue");
      if (
        rec.loanAmount !== undefined &&
        rec.loanAmount > 0 &&
        !rec.loanProgrammeText &&
        "loanProgramme" in reg.columns
      )
        findings.push(
          finding(
            "SPONSOR_LOAN_NO_PROGRAMME",
            where(rec, "loanProgramme"),
            { id, value: rec.loanAmount },
            { field: "loanProgramme" },
          ),
        );
      const known = startById.get(id);
      if (!known) {
        findings.push(
          finding(
            "SPONSOR_UNKNOWN_HOUSEHOLD",
            where(rec, "id"),
            { value: id, roster: start.name ?? "danh sách hộ" },
            { field: "id", value: id },
          ),
        );
        continue;
      }
      if (known.cat !== "poor" && known.cat !== "nearPoor")
        findings.push(
          finding(
            "SPONSOR_NOT_POOR",
            where(rec, "id"),
            { value: id, category: CATEGORY_LABELS[known.cat] },
            { field: "id", value: id, expected: "poor | nearPoor" },
          ),
        );
      if (rec.unit && unitKey(rec.unit) !== unitKey(known.h.unit))
        findings.push(
          finding(
            "SPONSOR_UNIT_MISMATCH",
            where(rec, "unit"),
            { id, value: rec.unit, expected: known.h.unit },
            { field: "unit", value: rec.unit, expected: known.h.unit },
          ),
        );
      valid.push({ rec, reg, unit: known.h.unit, cat: known.cat });
    }
  }

  // Rows of the period -----------------------------------------------------------------------------------------
  const inPeriod = valid.filter((v) => activeIn(v.rec.start ?? "0000-01-01", v.rec.end, period));

  // Several organisations for one household (info, at its first row in the period).
  const orgsOf = new Map<
    string,
    { keys: string[]; first: (typeof inPeriod)[number]; others: (typeof inPeriod)[number][] }
  >();
  for (const v of inPeriod) {
    const e = orgsOf.get(v.rec.householdId);
    if (!e) orgsOf.set(v.rec.householdId, { keys: [v.rec.organisation], first: v, others: [] });
    else if (!e.keys.includes(v.rec.organisation)) {
      e.keys.push(v.rec.organisation);
      e.others.push(v);
    }
  }
  const firstText = new Map<string, string>();
  for (const v of valid)
    if (!firstText.has(v.rec.organisation)) firstText.set(v.rec.organisation, v.rec.organisationText);
  const orgShort = (key: string): Bilingual => {
    const def = ORGANISATION_BY_CODE[key as OrganisationCode];
    return def ? def.short : organisationLabel(key, firstText.get(key) ?? key);
  };
  for (const [id, e] of orgsOf) {
    if (e.keys.length < 2) continue;
    const names = e.keys.map(orgShort);
    findings.push(
      finding(
        "SPONSOR_SEVERAL_ORGANISATIONS",
        { file: e.first.reg.file, sheet: e.first.reg.sheet, row0: e.first.rec.row0, col0: e.first.reg.columns.id ?? 0 },
        {
          value: id,
          count: e.keys.length,
          organisations: { vi: names.map((n) => n.vi).join(", "), en: names.map((n) => n.en).join(", ") },
        },
        {
          field: "id",
          value: id,
          related: e.others.map((o) => ({
            sheet: o.reg.sheet,
            cell: a1(o.rec.row0, o.reg.columns.organisation ?? o.reg.columns.id ?? 0),
            ...(o.reg.file !== undefined ? { file: o.reg.file } : {}),
          })),
        },
      ),
    );
  }

  // Outcomes ---------------------------------------------------------------------------------------------------
  let movements: Map<string, Movement> | undefined;
  let absentFromCurrent: "escaped" | "otherDecrease" | undefined;
  if (opts.end) {
    const end = opts.end;
    const fullEnd = end.categories.some((c) => c === "average" || c === "none");
    absentFromCurrent = opts.transitionOptions?.absentFromCurrent ?? (fullEnd ? "otherDecrease" : "escaped");
    const t = computeTransitions(
      start.households.map((h, i) => ({ id: h.id, category: start.categories[i] })),
      end.households.map((h, i) => ({ id: h.id, category: end.categories[i] })),
      { ...opts.transitionOptions, absentFromCurrent, movements: true },
    );
    movements = new Map(t.movements.map((m) => [m.id, m]));
  }

  // Quotas by organisation and unit.
  const quotaOf = new Map<string, number>();
  const orgQuota = new Map<string, number>();
  for (const q of opts.quotas ?? []) {
    if (!firstText.has(q.organisation)) firstText.set(q.organisation, q.organisationText);
    if (q.unit === "") orgQuota.set(q.organisation, (orgQuota.get(q.organisation) ?? 0) + q.quota);
    else {
      const k = `${q.organisation}|${unitKey(q.unit)}`;
      quotaOf.set(k, (quotaOf.get(k) ?? 0) + q.quota);
    }
  }
  const unitName = new Map(unitOrder.map((u) => [unitKey(u), u]));
  for (const q of opts.quotas ?? [])
    if (q.unit && !unitName.has(unitKey(q.unit))) {
      unitName.set(unitKey(q.unit), q.unit);
      unitOrder.push(q.unit);
    }

  const orgKeys = [
    ...new Set([...inPeriod.map((v) => v.rec.organisation), ...(opts.quotas ?? []).map((q) => q.organisation)]),
  ].sort((a, b) => orgRank(a) - orgRank(b) || fold(firstText.get(a) ?? a).localeCompare(fold(firstText.get(b) ?? b)));

  const cellOf = (unit: string, rows: typeof inPeriod, quota: number | undefined): SponsorshipCell => {
    const ids = [...new Set(rows.map((v) => v.rec.householdId))];
    const support = emptySupport();
    for (const code of SUPPORT_CODES)
      support[code] = new Set(rows.filter((v) => v.rec.support.includes(code)).map((v) => v.rec.householdId)).size;
    const sum = (f: "supportValue" | "loanAmount" | "outstanding" | "interestDue" | "interestCollected") =>
      rows.reduce((a, v) => a + (v.rec[f] ?? 0), 0);
    const cell: SponsorshipCell = {
      unit,
      households: ids.length,
      ids,
      support,
      supportValue: sum("supportValue"),
      loanHouseholds: new Set(
        rows.filter((v) => (v.rec.loanAmount ?? 0) > 0 || (v.rec.outstanding ?? 0) > 0).map((v) => v.rec.householdId),
      ).size,
      loanAmount: sum("loanAmount"),
      outstanding: sum("outstanding"),
      interestDue: sum("interestDue"),
      interestCollected: sum("interestCollected"),
    };
    if (quota !== undefined) cell.quota = quota;
    if (movements) {
      const o = { ...ZERO_OUTCOME };
      for (const id of ids) addOutcome(o, movements.get(id), startById.get(id)!.cat);
      cell.outcome = o;
    }
    return cell;
  };

  const organisations: OrganisationSummary[] = orgKeys.map((key) => {
    const rows = inPeriod.filter((v) => v.rec.organisation === key);
    const units = unitOrder.filter((u) => rows.some((v) => v.unit === u) || quotaOf.has(`${key}|${unitKey(u)}`));
    const cells = units.map((u) =>
      cellOf(
        u,
        rows.filter((v) => v.unit === u),
        quotaOf.get(`${key}|${unitKey(u)}`),
      ),
    );
    const total = cellOf("", rows, undefined);
    const unitQuotas = cells.filter((c) => c.quota !== undefined);
    if (orgQuota.has(key)) total.quota = orgQuota.get(key);
    else if (unitQuotas.length) total.quota = unitQuotas.reduce((a, c) => a + c.quota!, 0);
    // The total of an organisation counts distinct households over its units (a household has one unit).
    const summary: OrganisationSummary = {
      key,
      label: organisationLabel(key, firstText.get(key) ?? key),
      cells,
      total,
    };
    if (orgQuota.has(key)) summary.quota = orgQuota.get(key);
    return summary;
  });

  // Interest collection per organisation (rows in the period), judged on the rate as the loans table shows and
  // assesses it (ROUND(collected/due,4)), so that a cell reading "Đạt" never has a "below target" notice beside it.
  for (const o of organisations) {
    const due = o.total.interestDue;
    const got = o.total.interestCollected;
    if (due > 0 && roundRate(got / due, 2) < target - 1e-12) {
      const first = inPeriod.find((v) => v.rec.organisation === o.key && (v.rec.interestDue ?? 0) > 0)!;
      findings.push(
        finding(
          "SPONSOR_INTEREST_RATE_LOW",
          {
            file: first.reg.file,
            sheet: first.reg.sheet,
            row0: first.rec.row0,
            col0: first.reg.columns.organisation ?? first.reg.columns.id ?? 0,
          },
          {
            organisation: o.label,
            value: { vi: formatPercent(got / due, "vi"), en: formatPercent(got / due, "en") },
            expected: { vi: formatPercent(target, "vi", 0), en: formatPercent(target, "en", 0) },
            collected: got,
            due,
          },
          { field: "interestCollected" },
        ),
      );
    }
  }

  // Comparison by unit: sponsored (any organisation) vs not sponsored, poor and near-poor at the start.
  let comparison: UnitComparison[] | undefined;
  if (movements) {
    const sponsoredIds = new Set(inPeriod.map((v) => v.rec.householdId));
    const units = unitOrder.filter((u) => inPeriod.some((v) => v.unit === u));
    comparison = units.map((unit) => {
      const sponsored = { ...ZERO_OUTCOME };
      const notSponsored = { ...ZERO_OUTCOME };
      start.households.forEach((h, i) => {
        if (h.unit !== unit) return;
        const cat = start.categories[i];
        if (cat !== "poor" && cat !== "nearPoor" && !sponsoredIds.has(h.id)) return;
        addOutcome(sponsoredIds.has(h.id) ? sponsored : notSponsored, movements!.get(h.id), cat);
      });
      return { unit, sponsored, notSponsored };
    });
  }

  const distinct = new Set(inPeriod.map((v) => v.rec.householdId)).size;
  return {
    period,
    organisations,
    units: unitOrder,
    distinctHouseholds: distinct,
    pairs: organisations.reduce((a, o) => a + o.total.households, 0),
    ...(comparison ? { comparison } : {}),
    ...(absentFromCurrent ? { absentFromCurrent } : {}),
    interestTarget: target,
    counted: inPeriod.map((v) => v.rec),
    findings: sortFindings(findings),
  };
}

/** Sum of outcomes (for totals rows). */
export function totalOutcome(list: readonly Outcome[]): Outcome {
  return sumOutcomes(list);
}

/** The organisations of the list, for templates and drop-downs. */
export const ORGANISATION_LABELS: readonly Bilingual[] = ORGANISATIONS.map((o) => o.label);

/**
 * The category of every household for sponsorship: the recognised list — the category the roster declares (the
 * commune's decision), else the one classified under the standard from income and deprivations.
 * @throws PovertyError from the classifier for a household with neither (with its id and row in `details`).
 */
export function recognisedCategories(households: readonly Household[], standard: Standard): Category[] {
  const missing = households.filter((h) => h.declaredCategory === undefined);
  const classified = missing.length ? classifyRoster(missing, standard) : [];
  let k = 0;
  return households.map((h) => h.declaredCategory ?? classified[k++]);
}
