/**
 * `poverty sponsors` on the demo data (issue 16 "Giúp hộ nghèo có địa chỉ"): the sample rosters of two reviews and
 * the sample register are written as the demo writes them, the command reads them back from the files, and
 * - per organisation and unit, households sponsored and the outcomes equal a count done here, independently, from
 *   the generated rosters and register (plain loops over the generator's records, no core counting);
 * - every formula of the report recalculates in LibreOffice to the value the core wrote;
 * - the planted mistakes are found at their cells; a clean register gives no finding at all;
 * - the templates command writes a register template the register reader recognises.
 */
import { existsSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { generateSampleRosters, standardForYear, type Category, type CellValue, type Grid } from "../../src/core";
import {
  buildQuotaTable,
  buildRegisterTable,
  detectRegister,
  generateSampleRegister,
  ORGANISATION_BY_CODE,
  SUPPORT_CODES,
  type OrganisationCode,
  type SampleRegister,
} from "../../src/core/sponsors";
import { buildRosterTable, classifyRoster } from "../../src/core/tables";
import { readWorkbookFile } from "../../src/xlsx/read";
import { writeTablesToFile } from "../../src/xlsx/write";
import { compareWithRecalculated, libreOfficeAvailable, recalcFiles } from "../support/recalc";

jest.setTimeout(240_000);

const YEAR = 2026;
const SEED = 2026;

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), cwd }, out, err };
}

const sample = generateSampleRosters({ seed: SEED });
const prevCats = classifyRoster(sample.previous, standardForYear(YEAR - 1));
const curCats = classifyRoster(sample.current, standardForYear(YEAR));
const planted = generateSampleRegister({
  households: sample.previous,
  categories: prevCats,
  year: YEAR,
  seed: SEED,
  plant: true,
});
const clean = generateSampleRegister({ households: sample.previous, categories: prevCats, year: YEAR, seed: SEED });

let dir: string;
const run: Record<string, { code: number; out: string[]; err: string[]; file: string }> = {};

async function writeRegister(reg: SampleRegister, name: string): Promise<string> {
  const file = join(dir, name);
  await writeTablesToFile([buildRegisterTable(reg.records), buildQuotaTable(reg.quotas)], file);
  return file;
}

async function sponsors(register: string, out: string, extra: string[] = []) {
  const r = io(dir);
  const code = await main(
    [
      "sponsors",
      register,
      "--roster",
      "start.xlsx",
      "--roster-end",
      "end.xlsx",
      "--period",
      String(YEAR),
      "--out",
      out,
      ...extra,
    ],
    r.io,
  );
  return { code, out: r.out, err: r.err, file: join(dir, out) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cli-sponsors-"));
  await writeTablesToFile(
    [buildRosterTable(sample.previous, standardForYear(YEAR - 1), { categories: prevCats, reviewYear: YEAR - 1 })],
    join(dir, "start.xlsx"),
  );
  await writeTablesToFile(
    [buildRosterTable(sample.current, standardForYear(YEAR), { categories: curCats, reviewYear: YEAR })],
    join(dir, "end.xlsx"),
  );
  await writeRegister(planted, "planted.xlsx");
  await writeRegister(clean, "clean.xlsx");
  run.planted = await sponsors("planted.xlsx", "report-planted.xlsx");
  run.clean = await sponsors("clean.xlsx", "report-clean.xlsx");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ------------------------------------------------------------------------------- the independent count
interface Expected {
  households: number;
  poorStart: number;
  toNearPoor: number;
  escaped: number;
  stayed: number;
  left: number;
  nearPoorStart: number;
  nearEscaped: number;
  fellBack: number;
  nearStayed: number;
}

/** From the generator's records and the two rosters, with plain loops: org label → unit → expected counts. */
function expected(reg: SampleRegister): Map<string, Map<string, Expected>> {
  const prevIdx = new Map(sample.previous.map((h, i) => [h.id, i]));
  const curIdx = new Map(sample.current.map((h, i) => [h.id, i]));
  const ids = new Map<string, Map<string, Set<string>>>();
  for (const r of reg.records) {
    const i = prevIdx.get(r.householdId);
    if (i === undefined) continue; // not on the start roster: not counted
    const inYear = (r.start ?? "") <= `${YEAR}-12-31` && (r.end === undefined || r.end >= `${YEAR}-01-01`);
    if (!inYear) continue;
    const org = ORGANISATION_BY_CODE[r.organisation as OrganisationCode].label.vi;
    const unit = sample.previous[i].unit;
    if (!ids.has(org)) ids.set(org, new Map());
    const byUnit = ids.get(org)!;
    if (!byUnit.has(unit)) byUnit.set(unit, new Set());
    byUnit.get(unit)!.add(r.householdId);
  }
  const out = new Map<string, Map<string, Expected>>();
  for (const [org, byUnit] of ids) {
    const m = new Map<string, Expected>();
    for (const [unit, set] of byUnit) {
      const e: Expected = {
        households: set.size,
        poorStart: 0,
        toNearPoor: 0,
        escaped: 0,
        stayed: 0,
        left: 0,
        nearPoorStart: 0,
        nearEscaped: 0,
        fellBack: 0,
        nearStayed: 0,
      };
      for (const id of set) {
        const from: Category = prevCats[prevIdx.get(id)!];
        const j = curIdx.get(id);
        const to: Category | "absent" = j === undefined ? "absent" : curCats[j];
        if (from === "poor") {
          e.poorStart++;
          if (to === "nearPoor") e.toNearPoor++;
          else if (to === "average" || to === "none") e.escaped++;
          else if (to === "poor") e.stayed++;
          else e.left++;
        } else if (from === "nearPoor") {
          e.nearPoorStart++;
          if (to === "average" || to === "none") e.nearEscaped++;
          else if (to === "poor") e.fellBack++;
          else if (to === "nearPoor") e.nearStayed++;
        }
      }
      m.set(unit, e);
    }
    out.set(org, m);
  }
  return out;
}

/** A sheet of the report as rows of values (formulas as their cached values). */
async function sheet(file: string, name: string): Promise<Grid> {
  const grids = await readWorkbookFile(file);
  const g = grids.find((x) => x.sheetName === name);
  if (!g) throw new Error(`no sheet ${name} in ${file}: ${grids.map((x) => x.sheetName).join(", ")}`);
  return g;
}

/** Body rows by organisation (section rows carry a roman numeral in A) and unit (B). */
function byOrgUnit(g: Grid): Map<string, Map<string, CellValue[]>> {
  const out = new Map<string, Map<string, CellValue[]>>();
  let org: string | undefined;
  for (const row of g.values) {
    const a = typeof row[0] === "string" ? row[0] : "";
    if (/^[IVX]+$/.test(a)) {
      org = String(row[1]);
      out.set(org, new Map());
    } else if (org && /^\d+$/.test(a)) out.get(org)!.set(String(row[1]), row);
  }
  return out;
}

describe("poverty sponsors on the demo data", () => {
  test("exit 1 with the register's errors listed; the report file is written", () => {
    expect(run.planted.code).toBe(1);
    expect(existsSync(run.planted.file)).toBe(true);
  });

  test("households sponsored and quotas per organisation and unit equal the independent count", async () => {
    const g = await sheet(run.planted.file, "Đỡ đầu - hỗ trợ");
    expect(g.values.find((r) => r[0] === "TT")?.slice(2, 4)).toEqual(["Số hộ được đỡ đầu", "Chỉ tiêu (hộ)"]);
    const got = byOrgUnit(g);
    const want = expected(planted);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    let checked = 0;
    for (const [org, units] of want)
      for (const [unit, e] of units) {
        const row = got.get(org)?.get(unit);
        expect([org, unit, row?.[2]]).toEqual([org, unit, e.households]);
        const q = planted.quotas.find(
          (x) => ORGANISATION_BY_CODE[x.organisation as OrganisationCode].label.vi === org && x.unit === unit,
        );
        expect(row?.[3]).toBe(q?.quota ?? null);
        checked++;
      }
    expect(checked).toBe(15); // 5 organisations × 3 units
  });

  test("support by kind, its value, loans and interest per organisation and unit equal the independent count", async () => {
    // Independent sums over the generator's records: rows of households on the start roster, meeting the year.
    interface Money {
      kinds: Map<string, Set<string>>;
      value: number;
      loanIds: Set<string>;
      amount: number;
      outstanding: number;
      due: number;
      got: number;
    }
    const prevUnit = new Map(sample.previous.map((h) => [h.id, h.unit]));
    const want = new Map<string, Money>();
    for (const r of planted.records) {
      const unit = prevUnit.get(r.householdId);
      if (unit === undefined) continue;
      if (!((r.start ?? "") <= `${YEAR}-12-31` && (r.end === undefined || r.end >= `${YEAR}-01-01`))) continue;
      const key = `${ORGANISATION_BY_CODE[r.organisation as OrganisationCode].label.vi} · ${unit}`;
      if (!want.has(key))
        want.set(key, {
          kinds: new Map(),
          value: 0,
          loanIds: new Set(),
          amount: 0,
          outstanding: 0,
          due: 0,
          got: 0,
        });
      const m = want.get(key)!;
      for (const k of r.support) {
        if (!m.kinds.has(k)) m.kinds.set(k, new Set());
        m.kinds.get(k)!.add(r.householdId);
      }
      m.value += r.supportValue ?? 0;
      if ((r.loanAmount ?? 0) > 0 || (r.outstanding ?? 0) > 0) m.loanIds.add(r.householdId);
      m.amount += r.loanAmount ?? 0;
      m.outstanding += r.outstanding ?? 0;
      m.due += r.interestDue ?? 0;
      m.got += r.interestCollected ?? 0;
    }
    const support = byOrgUnit(await sheet(run.planted.file, "Đỡ đầu - hỗ trợ"));
    const loans = byOrgUnit(await sheet(run.planted.file, "Đỡ đầu - vay vốn"));
    // Kinds in the report's column order: loan, training, jobs, health insurance, housing, in kind, production, other.
    const kinds = SUPPORT_CODES as readonly string[];
    let lent = 0;
    for (const [key, m] of want) {
      const [org, unit] = key.split(" · ");
      const s = support.get(org)!.get(unit)!;
      expect([key, ...s.slice(5, 5 + kinds.length), s[5 + kinds.length]]).toEqual([
        key,
        ...kinds.map((k) => m.kinds.get(k)?.size ?? 0),
        m.value,
      ]);
      const l = loans.get(org)!.get(unit)!;
      const rate = m.due > 0 ? Math.round((m.got / m.due) * 10000) / 10000 : "";
      expect([key, ...l.slice(2, 8)]).toEqual([key, m.loanIds.size, m.amount, m.outstanding, m.due, m.got, rate]);
      expect(l[8]).toBe(rate === "" ? "" : rate >= 0.99 ? "Đạt" : "Chưa đạt");
      lent += m.amount;
    }
    expect(want.size).toBe(15); // 5 organisations × 3 units
    expect(lent).toBeGreaterThan(0); // loans are not vacuous
  });

  test("outcomes per organisation and unit equal the independent count", async () => {
    const g = await sheet(run.planted.file, "Đỡ đầu - kết quả");
    const header = g.values.find((r) => r[0] === "TT")!;
    const sub = g.values[g.values.indexOf(header) + 1];
    expect(sub.slice(2, 13)).toEqual([
      "Số hộ",
      "Thoát nghèo, sang cận nghèo",
      "Thoát nghèo, vượt chuẩn cận nghèo",
      "Còn nghèo",
      "Ra khỏi danh sách",
      "Tỷ lệ thoát nghèo (%)",
      "Số hộ",
      "Thoát cận nghèo",
      "Rơi xuống hộ nghèo",
      "Còn cận nghèo",
      "Ra khỏi danh sách",
    ]);
    const got = byOrgUnit(g);
    const want = expected(planted);
    let escapedSomewhere = 0;
    for (const [org, units] of want)
      for (const [unit, e] of units) {
        const r = got.get(org)!.get(unit)!;
        expect([org, unit, r[2], r[3], r[4], r[5], r[6], r[8], r[9], r[10], r[11]]).toEqual([
          org,
          unit,
          e.poorStart,
          e.toNearPoor,
          e.escaped,
          e.stayed,
          e.left,
          e.nearPoorStart,
          e.nearEscaped,
          e.fellBack,
          e.nearStayed,
        ]);
        const rate = e.poorStart ? Math.round(((e.toNearPoor + e.escaped) / e.poorStart) * 10000) / 10000 : "";
        expect(r[7]).toBe(rate);
        escapedSomewhere += e.toNearPoor + e.escaped;
      }
    expect(escapedSomewhere).toBeGreaterThan(0); // the comparison is not vacuous
  });

  test("the comparison sheet counts the poor households nobody sponsored, and says it is not a causal estimate", async () => {
    const g = await sheet(run.planted.file, "Đỡ đầu - so sánh");
    expect(g.values.some((r) => /Không phải đánh giá tác động/.test(String(r[0] ?? "")))).toBe(true);
    const sponsored = new Set(
      planted.records.filter((r) => sample.previous.some((h) => h.id === r.householdId)).map((r) => r.householdId),
    );
    for (const unit of ["Phường An Hòa", "Xã Bình Điền", "Xã Hồng Thủy"]) {
      const row = g.values.find((r) => r[1] === unit)!;
      const poorNotSponsored = sample.previous.filter(
        (h, i) => h.unit === unit && prevCats[i] === "poor" && !sponsored.has(h.id),
      ).length;
      expect(row[7]).toBe(poorNotSponsored);
    }
  });

  test("the terminal shows the outcome table", () => {
    const text = run.planted.out.join("\n");
    expect(text).toMatch(/Hội Liên hiệp Phụ nữ · Xã Bình Điền/);
    expect(text).toMatch(/So sánh đơn thuần \(không phải đánh giá tác động\)/);
  });

  test("the planted mistakes are found, located at their cells", async () => {
    const checks = await sheet(run.planted.file, "Kiểm tra sổ đỡ đầu");
    const rows = checks.values.filter((r) => typeof r[2] === "string" && String(r[2]).startsWith("SPONSOR_"));
    const registerGrid = (await readWorkbookFile(join(dir, "planted.xlsx")))[0];
    const header = registerGrid.values.findIndex((r) => r[0] === "TT") + 2; // 1-based sheet row of the first record
    for (const p of planted.planted) {
      const rec = planted.records[p.index];
      expect(rec.householdId).toBe(p.householdId);
      const col = p.code === "SPONSOR_INTEREST_ABOVE_DUE" ? "W" : "D";
      // A household sponsored twice is reported at its first row (the other rows are its related cells).
      const at =
        p.code === "SPONSOR_SEVERAL_ORGANISATIONS"
          ? planted.records.findIndex((r) => r.householdId === rec.householdId)
          : p.index;
      const cell = `${col}${header + at}`;
      expect(rows.map((r) => `${r[2]} ${r[5]}`)).toContain(`${p.code} ${cell}`);
    }
    expect(rows.map((r) => r[2]).sort()).toEqual(planted.planted.map((p) => p.code).sort());
    // The severity is said with a symbol and a word, as on every findings sheet; no repository path is printed.
    const error = rows.find((r) => r[2] === "SPONSOR_UNKNOWN_HOUSEHOLD");
    expect(error?.[1]).toBe("✖ Lỗi");
    expect(JSON.stringify(checks.values)).not.toMatch(/docs\/|\.md\b/);
    expect(run.planted.err.join("\n")).toMatch(/SPONSOR_UNKNOWN_HOUSEHOLD\] planted\.xlsx › Sổ đỡ đầu!D\d+/);
  });

  test("a clean register gives no finding and exit 0", async () => {
    expect(run.clean.code).toBe(0);
    expect(run.clean.err).toEqual([]);
    const checks = await sheet(run.clean.file, "Kiểm tra sổ đỡ đầu");
    expect(checks.values.some((r) => r.includes("Không có lỗi hay cảnh báo."))).toBe(true);
    // Not even an info finding (e.g. a household sponsored by two organisations).
    expect(checks.values.filter((r) => r.some((v) => typeof v === "string" && v.startsWith("SPONSOR_")))).toEqual([]);
  });

  test("a quarter counts only the rows that meet it; a bad period is a usage error", async () => {
    const r = io(dir);
    expect(
      await main(
        ["sponsors", "clean.xlsx", "--roster", "start.xlsx", "--period", `${YEAR}-Q4`, "--out", "q4.xlsx"],
        r.io,
      ),
    ).toBe(0);
    // The sample's rows start in January–March; in Q4 only those without an end, or ending in Q4, still run.
    const running = clean.records.filter((x) => x.end === undefined || x.end >= `${YEAR}-10-01`).length;
    expect(running).toBeLessThan(clean.records.length);
    expect(r.out.join("\n")).toContain(`${running} dòng trong kỳ`);
    expect(r.out.join("\n")).toContain(`Quý IV năm ${YEAR}`);
    const bad = io(dir);
    expect(
      await main(
        ["sponsors", "clean.xlsx", "--roster", "start.xlsx", "--period", "2026-Q5", "--out", "x.xlsx"],
        bad.io,
      ),
    ).toBe(2);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });

  test("a roster that cannot be used stops the run with the reason in both languages, whatever --lang", async () => {
    await writeTablesToFile(
      [buildRosterTable([], standardForYear(YEAR - 1), { categories: [], reviewYear: YEAR - 1 })],
      join(dir, "empty.xlsx"),
    );
    for (const lang of ["vi", "en"]) {
      const r = io(dir);
      const args = ["sponsors", "clean.xlsx", "--roster", "empty.xlsx", "--period", "2026", "--lang", lang];
      expect(await main([...args, "--out", `empty-${lang}.xlsx`], r.io)).toBe(1);
      const err = r.err.join("\n");
      expect(err).toContain("Danh sách hộ empty.xlsx có 0 lỗi hoặc không có hộ nào: không lập báo cáo.");
      expect(err).toContain("The roster empty.xlsx has 0 errors or no household: no report written.");
      expect(existsSync(join(dir, `empty-${lang}.xlsx`))).toBe(false);
    }
  });

  test("never writes over an input", async () => {
    const r = io(dir);
    expect(
      await main(
        ["sponsors", "clean.xlsx", "--roster", "start.xlsx", "--period", "2026", "--out", "start.xlsx", "--force"],
        r.io,
      ),
    ).toBe(2);
  });
});

describe("poverty template --kind register", () => {
  test("writes the register and quota templates, recognised by the register reader", async () => {
    const r = io(dir);
    expect(await main(["template", "--kind", "register", "--rows", "5", "--out", "mau-do-dau.xlsx"], r.io)).toBe(0);
    const grids = await readWorkbookFile(join(dir, "mau-do-dau.xlsx"));
    const reg = detectRegister(grids[0]);
    expect(reg.kind).toBe("register");
    for (const f of [
      "organisation",
      "branch",
      "id",
      "head",
      "unit",
      "start",
      "end",
      "supportValue",
      "loanProgramme",
      "loanAmount",
      "outstanding",
      "interestDue",
      "interestCollected",
      "notes",
      "supportOther",
    ])
      expect(Object.keys(reg.byField)).toContain(f);
    expect(Object.keys(reg.byField).filter((f) => f.startsWith("st.")).length).toBe(7);
    expect(detectRegister(grids[1]).kind).toBe("quota");
  });
});

const lo = libreOfficeAvailable("test/cli/sponsors.test.ts");
(lo ? describe : describe.skip)("the sponsorship report recalculated by LibreOffice", () => {
  test("every formula equals the core's value", async () => {
    const [again] = recalcFiles([run.planted.file]);
    const { checked, mismatches } = await compareWithRecalculated(run.planted.file, again);
    expect(mismatches).toEqual([]);
    expect(checked.length).toBeGreaterThan(100);
    const formulas = checked.map((c) => c.formula);
    for (const re of [/^IF\(N\([A-Z]+\d+\)=0,"",ROUND\(/, /^IF\(COUNT\(/, /^SUM\(/, /^IF\([A-Z]+\d+="","",IF\(/])
      expect(formulas.some((f) => re.test(f))).toBe(true);
  });
});
