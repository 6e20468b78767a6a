/** The household roster reader (danh sách hộ): one row per household, typed, with value findings. */
import type { CellValue } from "../../grid";
import type { Category, Household } from "../../household";
import { fold } from "../../i18n";
import { finding } from "../../findings/catalogue";
import { parseArea, parseCategory } from "../../standards/parse";
import type { Standard } from "../../standards/schema";
import { INDICATOR_PHRASES, isDepField, type ValueType } from "../fields";
import type { Detection } from "../detect";
import { parseFlag, parseNumberCell } from "../parse";
import { cellText } from "../text";
import { isBlank, scanRow, type ScanState } from "../extent";
import { TOTAL_WORDS } from "../rows";
import type { RosterRow } from "../read";
import { checkNumber, DEFAULT_MAX_MEMBERS, numberHint, report, reportProblem, reportStray, type Ctx } from "./common";

export function readRoster(
  values: CellValue[][],
  det: Detection,
  ctx: Ctx,
  standard?: Standard,
): { rows: RosterRow[]; indicatorCount?: number; prepared: number; end: number } {
  const m = det.mapping.byField;
  const col = (f: string) => (f in m ? m[f] : -1);
  const cId = col("id"),
    cHead = col("head"),
    cUnit = col("unit"),
    cVillage = col("village"),
    cArea = col("area");
  const cMembers = col("members"),
    cIncome = col("income"),
    cA = col("scoreA"),
    cB = col("scoreB"),
    cCount = col("depTotal");
  const cCat = col("category"),
    cStart = col("startCategory"),
    cEm = col("ethnicMinority"),
    cAgri = col("agricultural"),
    cSeq = col("seq");
  const tgCols = Object.keys(m)
    .filter((f) => f.startsWith("tg."))
    .map((f) => ({ f, c: m[f], name: f.slice(3) }));

  // Deprivation columns → positions in the standard's indicator order.
  const indicators = standard?.indicators ?? null;
  const depCols = Object.keys(m)
    .filter(isDepField)
    .map((f) => ({ f, c: m[f], pos: -1 }));
  for (const d of depCols) {
    if (d.f.startsWith("dep#")) d.pos = Number(d.f.slice(4)) - 1;
    else if (indicators) {
      const id = d.f.slice(4);
      const aliases = INDICATOR_PHRASES.find((i) => i.ids.includes(id))?.ids ?? [id];
      d.pos = indicators.findIndex((ind) => aliases.includes(ind.id));
    }
  }
  depCols.sort((x, y) => x.c - y.c);
  const indicatorCount = indicators?.length;
  const completeFlags =
    indicators !== null &&
    indicatorCount !== undefined &&
    depCols.length === indicatorCount &&
    depCols.every((d) => d.pos >= 0 && d.pos < indicatorCount) &&
    new Set(depCols.map((d) => d.pos)).size === indicatorCount;
  const maxCount = indicatorCount ?? 14;

  const mappedCols = Object.values(m);
  const catMemo = new Map<string, Category | undefined>();
  const parseCat = (t: string) => {
    if (catMemo.has(t)) return catMemo.get(t);
    const v = parseCategory(t);
    catMemo.set(t, v);
    return v;
  };
  const areaMemo = new Map<string, ReturnType<typeof parseArea>>();
  const rows: RosterRow[] = [];
  let totalRow = -1;
  let belowTotalReported = false;

  const num = (row: CellValue[], r: number, c: number, field: string, type: ValueType): number | undefined => {
    if (c < 0) return undefined;
    const v = row[c];
    if (typeof v === "number" && Number.isFinite(v)) return checkNumber(ctx, r, c, field, type, v);
    const p = parseNumberCell(v, numberHint(type));
    if (!p.ok) {
      reportProblem(ctx, r, c, field, p.problem, p.text, p.ambiguous);
      return undefined;
    }
    return checkNumber(ctx, r, c, field, type, p.n.value);
  };

  const firstCol = Math.min(...mappedCols);
  const scan: ScanState = { prevBlank: false, prepared: 0 };
  let end = values.length;
  for (let r = det.mapping.dataStart; r < values.length; r++) {
    const step = scanRow(values, r, mappedCols, firstCol, scan);
    if (step === "skip") continue;
    if (step === "end") {
      end = r;
      reportStray(ctx, scan);
      break;
    }
    const row = values[r];
    const idText = cId >= 0 ? cellText(row[cId]) : "";
    if (!idText) {
      const label =
        [cSeq, cHead, cUnit, cVillage].map((c) => (c >= 0 ? cellText(row[c]) : "")).find((t) => t !== "") ??
        cellText(row.find((v) => typeof v === "string" && v.trim() !== ""));
      if (TOTAL_WORDS.test(fold(label))) {
        if (totalRow < 0) totalRow = r;
        continue;
      }
    }
    if (totalRow >= 0 && !belowTotalReported) {
      belowTotalReported = true;
      ctx.findings.push(
        finding(
          "STRUCT_DATA_BELOW_TOTAL",
          { file: ctx.file, sheet: ctx.sheet, row0: r + ctx.off.row0, col0: ctx.off.col0 },
          { totalRow: totalRow + ctx.off.row0 + 1 },
        ),
      );
    }
    if (cId >= 0 && idText.startsWith("#")) {
      reportProblem(ctx, r, cId, "id", idText === "#NO_CACHED_VALUE" ? "noCachedValue" : "excelError", idText);
    }
    const h: Household = {
      id: idText,
      unit: cUnit >= 0 ? cellText(row[cUnit]) : "",
      area: "rural",
      sourceRow: r + ctx.off.row0 + 1,
    };
    if (!idText)
      ctx.findings.push(
        finding(
          "HH_MISSING_ID",
          { file: ctx.file, sheet: ctx.sheet, row0: r + ctx.off.row0, col0: (cId >= 0 ? cId : 0) + ctx.off.col0 },
          {},
          { field: "id" },
        ),
      );
    if (cHead >= 0) {
      const t = cellText(row[cHead]);
      if (t) h.head = t;
    }
    if (cVillage >= 0) {
      const t = cellText(row[cVillage]);
      if (t) h.village = t;
    }
    let areaKnown = false;
    if (cArea >= 0) {
      const v = row[cArea];
      if (!isBlank(v)) {
        const t = cellText(v);
        let a = areaMemo.get(t);
        if (a === undefined && !areaMemo.has(t)) {
          a = parseArea(t);
          areaMemo.set(t, a);
        }
        if (a) {
          h.area = a;
          areaKnown = true;
        } else if (t.startsWith("#")) reportProblem(ctx, r, cArea, "area", "excelError", t);
        else report(ctx, "VALUE_UNKNOWN_AREA", r, cArea, "area", { value: t }, t);
      }
    }
    const members = num(row, r, cMembers, "members", "count");
    const maxMembers = ctx.maxMembers ?? DEFAULT_MAX_MEMBERS;
    if (members !== undefined && (members < 1 || members > maxMembers))
      report(
        ctx,
        "VALUE_MEMBERS_RANGE",
        r,
        cMembers,
        "members",
        { value: members, min: 1, max: maxMembers },
        String(members),
      );
    else if (members !== undefined) h.members = members;
    const income = num(row, r, cIncome, "income", "money");
    if (income !== undefined) h.incomePerCapita = income;
    const sa = num(row, r, cA, "scoreA", "score");
    if (sa !== undefined) h.scoreA = sa;
    const sb = num(row, r, cB, "scoreB", "score");
    if (sb !== undefined) h.scoreB = sb;

    const out: RosterRow = { row0: r + ctx.off.row0, household: h };
    if (depCols.length) {
      let set = 0;
      let ok = true;
      const flags: (0 | 1)[] | undefined = completeFlags ? new Array(indicatorCount).fill(0) : undefined;
      for (const d of depCols) {
        const v = row[d.c];
        const f = v === 1 || v === null || v === undefined ? (v === 1 ? 1 : 0) : parseFlag(v);
        if (f === undefined) {
          ok = false;
          const t = cellText(v);
          if (t.startsWith("#"))
            reportProblem(ctx, r, d.c, d.f, t === "#NO_CACHED_VALUE" ? "noCachedValue" : "excelError", t);
          else report(ctx, "VALUE_FLAG_INVALID", r, d.c, d.f, { value: t }, t);
          continue;
        }
        set += f;
        if (flags) flags[d.pos] = f;
      }
      if (ok) {
        out.flagsSet = set;
        if (flags) h.deprivationFlags = flags;
        if (completeFlags || cCount < 0) h.deprivationCount = set;
      }
    }
    if (cCount >= 0) {
      const cnt = num(row, r, cCount, "depTotal", "count");
      if (cnt !== undefined) {
        if (cnt > maxCount)
          report(ctx, "VALUE_DEP_COUNT_RANGE", r, cCount, "depTotal", { value: cnt, max: maxCount }, String(cnt));
        else {
          out.declaredCount = cnt;
          if (h.deprivationCount === undefined) h.deprivationCount = cnt;
        }
      }
    }
    if (h.deprivationCount === undefined && h.scoreB !== undefined && standard) {
      const k = h.scoreB / standard.scores.bPerDeprivation;
      if (Number.isInteger(k)) h.deprivationCount = k;
    }
    if (cCat >= 0) {
      const v = row[cCat];
      if (!isBlank(v)) {
        const t = cellText(v);
        const cat = parseCat(t);
        out.categoryText = t;
        if (cat) h.declaredCategory = cat;
        else if (t.startsWith("#")) reportProblem(ctx, r, cCat, "category", "excelError", t);
        else report(ctx, "VALUE_UNKNOWN_CATEGORY", r, cCat, "category", { value: t }, t);
      }
    }
    if (cStart >= 0) {
      const v = row[cStart];
      if (!isBlank(v)) {
        const t = cellText(v);
        const cat = parseCat(t);
        if (cat) h.startCategory = cat;
        else report(ctx, "VALUE_UNKNOWN_CATEGORY", r, cStart, "startCategory", { value: t }, t);
      }
    }
    for (const [field, c, setter] of [
      ["ethnicMinority", cEm, (x: boolean) => (h.ethnicMinority = x)],
      ["agricultural", cAgri, (x: boolean) => (h.agricultural = x)],
    ] as const) {
      if (c < 0) continue;
      const f = parseFlag(row[c]);
      if (f === undefined)
        report(ctx, "VALUE_FLAG_INVALID", r, c, field, { value: cellText(row[c]) }, cellText(row[c]));
      else setter(f === 1);
    }
    for (const tg of tgCols) {
      const f = parseFlag(row[tg.c]);
      if (f === undefined)
        report(ctx, "VALUE_FLAG_INVALID", r, tg.c, tg.f, { value: cellText(row[tg.c]) }, cellText(row[tg.c]));
      else if (f === 1) (h.targetGroups ??= []).push(tg.name);
    }
    if (
      !areaKnown &&
      cArea >= 0 &&
      isBlank(row[cArea]) &&
      (h.incomePerCapita !== undefined || h.scoreA !== undefined) &&
      h.declaredCategory
    ) {
      report(ctx, "VALUE_MISSING", r, cArea, "area");
    }
    (out as RosterRow & { areaKnown?: boolean }).areaKnown = areaKnown;
    rows.push(out);
  }
  return { rows, indicatorCount, prepared: scan.prepared, end };
}

/** Whether the roster row's area was read from the sheet (rows default to rural otherwise). */
export function rosterAreaKnown(row: RosterRow): boolean {
  return (row as RosterRow & { areaKnown?: boolean }).areaKnown === true;
}
