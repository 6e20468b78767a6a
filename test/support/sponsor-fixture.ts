/**
 * A workbook for the "Giúp hộ có địa chỉ" pane tests (jest and browser): the sample rosters of two reviews and the
 * sample register with its planted mistakes and quotas, laid out as sheets the way the product writes them (title,
 * blank row, one header row, data; dates as Excel serial numbers, as Office.js gives them).
 */
import type { FakeValue } from "./fake-excel";
import { generateSampleRosters } from "../../src/core/sample";
import { standardForYear } from "../../src/core/standards";
import { buildRosterTable, classifyRoster } from "../../src/core/tables";
import { isFormulaCell, type ResultTable } from "../../src/core/tables/model";
import {
  buildQuotaTable,
  buildRegisterTable,
  generateSampleRegister,
  type SampleRegister,
} from "../../src/core/sponsors";
import type { Category, Household } from "../../src/core/household";

export const SPONSOR_YEAR = 2026;

/** A one-header-row table as sheet rows: titles, a blank row, the header, the body (formulas as their values). */
export function tableRows(t: ResultTable): FakeValue[][] {
  return [
    ...t.title.map((x) => [x.vi] as FakeValue[]),
    [],
    t.columns.map((c) => c.header.vi),
    ...t.rows.map((r) => r.cells.map((c) => (isFormulaCell(c) ? (c.value as FakeValue) : (c as FakeValue)))),
  ];
}

export interface SponsorFixture {
  sheets: { name: string; rows: FakeValue[][] }[];
  previous: Household[];
  current: Household[];
  prevCats: Category[];
  curCats: Category[];
  register: SampleRegister;
}

/** `perUnit` households of each sample unit in both rosters (all of them when omitted). */
export function sponsorFixture(perUnit?: number): SponsorFixture {
  const sample = generateSampleRosters({ seed: SPONSOR_YEAR });
  const keep = (hs: Household[]) => {
    if (perUnit === undefined) return hs;
    const seen = new Map<string, number>();
    return hs.filter((h) => {
      const n = seen.get(h.unit) ?? 0;
      seen.set(h.unit, n + 1);
      return n < perUnit;
    });
  };
  const previous = keep(sample.previous);
  const ids = new Set(previous.map((h) => h.id));
  const current = sample.current.filter((h) => perUnit === undefined || ids.has(h.id));
  const prevStd = standardForYear(SPONSOR_YEAR - 1);
  const curStd = standardForYear(SPONSOR_YEAR);
  const prevCats = classifyRoster(previous, prevStd);
  const curCats = classifyRoster(current, curStd);
  const register = generateSampleRegister({
    households: previous,
    categories: prevCats,
    year: SPONSOR_YEAR,
    plant: true,
  });
  return {
    sheets: [
      {
        name: `Danh sách ${SPONSOR_YEAR - 1}`,
        rows: tableRows(buildRosterTable(previous, prevStd, { categories: prevCats, reviewYear: SPONSOR_YEAR - 1 })),
      },
      {
        name: `Danh sách ${SPONSOR_YEAR}`,
        rows: tableRows(buildRosterTable(current, curStd, { categories: curCats, reviewYear: SPONSOR_YEAR })),
      },
      { name: "Sổ đỡ đầu", rows: tableRows(buildRegisterTable(register.records)) },
      { name: "Chỉ tiêu", rows: tableRows(buildQuotaTable(register.quotas)) },
    ],
    previous,
    current,
    prevCats,
    curCats,
    register,
  };
}
