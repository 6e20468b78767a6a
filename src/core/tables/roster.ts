/**
 * A filled household roster (danh sách hộ) as a ResultTable, in the template's canonical layout
 * (`rosterColumns`), so that what the product writes — the demo's sample files, a classified copy —
 * is read back by the validator exactly like a ward's submission. The deprivation count is a SUM formula
 * over the flag columns; the category column holds the declared (or computed) category label.
 */
import { columnLetters } from "../address";
import { CATEGORY_LABELS, type Category, type Household } from "../household";
import { bi, pick, type Bilingual } from "../i18n";
import { requireIndicators } from "../standards/lookup";
import type { Standard } from "../standards/schema";
import { capitalize, formFrame, legalNote, TableBuilder, type TableOptions } from "./build";
import { ROSTER_TARGET_GROUPS, rosterColumns } from "./templates";
import { formulaCell, type ResultTable, type TableCell } from "./model";

export interface RosterTableOptions extends TableOptions {
  /** Category per household (same order); written in the "Phân loại hộ" column. Default: `declaredCategory`. */
  categories?: readonly (Category | undefined)[];
  /** Title line (default "DANH SÁCH HỘ GIA ĐÌNH RÀ SOÁT NĂM <year>"). */
  title?: Bilingual;
  reviewYear?: number;
  sheetName?: Bilingual;
  /**
   * Target groups the roster records: their flag columns hold 1/0. A group neither listed nor seen on any household
   * gets no column (unknown, never written as 0). Default: the groups seen on the households.
   */
  recordedGroups?: readonly string[];
}

/** Households → roster sheet. Strings (names, codes) are data and are written as text by every writer. */
export function buildRosterTable(
  households: readonly Household[],
  standard: Standard,
  opts: RosterTableOptions = {},
): ResultTable {
  const lang = opts.lang ?? "vi";
  // A target-group column is written only for a group the roster records: a blank flag column would read back as
  // "no household in the group" (a flag left blank means no), which nobody said.
  const recorded = new Set([...(opts.recordedGroups ?? []), ...households.flatMap((h) => h.targetGroups ?? [])]);
  const columns = rosterColumns(standard, lang)
    .filter((c) => !c.key.startsWith("tg_") || recorded.has(c.key.slice(3)))
    .map((c) => ({ ...c, validation: undefined }));
  const d = requireIndicators(standard).length;
  const firstDep = columnLetters(columns.findIndex((c) => c.key === "dep0"));
  const lastDep = columnLetters(columns.findIndex((c) => c.key === `dep${d - 1}`));
  const year = opts.reviewYear;
  const b = new TableBuilder({
    id: "roster",
    sheetName: opts.sheetName ?? bi("Danh sách hộ", "Household roster"),
    title: [
      opts.title ??
        bi(
          `DANH SÁCH HỘ GIA ĐÌNH RÀ SOÁT${year ? ` NĂM ${year}` : ""}`,
          `HOUSEHOLD REVIEW ROSTER${year ? ` ${year}` : ""}`,
        ),
      ...(opts.scopeName ? [bi(opts.scopeName, opts.scopeName)] : []),
    ],
    headerRows: [columns.map((c) => ({ text: c.header }))],
    columns,
    notes: [legalNote(standard, opts.reviewYear)],
    freezeColumns: 2,
    frame: formFrame("roster", bi("người; đồng/người/tháng", "persons; VND per person per month"), opts),
    lang,
  });
  households.forEach((h, i) => {
    const row = b.nextRow;
    const flags = h.deprivationFlags;
    const cells: Record<string, TableCell> = {
      id: h.id,
      head: h.head ?? null,
      unit: h.unit,
      village: h.village ?? null,
      area: capitalize(pick(standard.areaNames[h.area], lang)),
      members: h.members ?? null,
      income: h.incomePerCapita ?? null,
      em: h.ethnicMinority === undefined ? null : h.ethnicMinority ? 1 : 0,
      agri: h.agricultural === undefined ? null : h.agricultural ? 1 : 0,
    };
    for (const g of ROSTER_TARGET_GROUPS)
      if (recorded.has(g.code)) cells[`tg_${g.code}`] = (h.targetGroups ?? []).includes(g.code) ? 1 : 0;
    if (flags) {
      if (flags.length !== d)
        throw new Error(`tables: household ${h.id} has ${flags.length} flags, the standard has ${d}`);
      flags.forEach((f, j) => (cells[`dep${j}`] = f));
      cells.depTotal = formulaCell(
        `SUM(${firstDep}${row}:${lastDep}${row})`,
        flags.reduce<number>((s, f) => s + f, 0),
      );
    } else if (h.deprivationCount !== undefined) {
      cells.depTotal = h.deprivationCount;
    }
    const category = opts.categories ? opts.categories[i] : h.declaredCategory;
    cells.category = category ? pick(CATEGORY_LABELS[category], lang) : null;
    b.add(cells);
  });
  return b.build();
}
