/**
 * Giúp hộ có địa chỉ in the pane, without a browser: the workbook's sheets are found by kind, and the report the
 * pane prepares from the fake Excel equals the one `poverty sponsors` computes from the same data (same core
 * service), with households per organisation counted independently here.
 */
import { FakeWorkbook } from "../support/fake-excel";
import { fakeHost } from "../support/fake-host";
import { SPONSOR_YEAR, sponsorFixture } from "../support/sponsor-fixture";
import { discoverSponsorSheets, prepareSponsors } from "../../src/taskpane/workflows/sponsors/sponsorsRun";
import { parsePeriod } from "../../src/core/sponsors";
import { isPovertyError } from "../../src/core/errors";
import { registerCatalogue } from "../../src/taskpane/strings";
import { en } from "../../src/taskpane/strings-en";

// The pane loads the English texts with its first English render; here they are registered up front.
registerCatalogue("en", en);

const signal = new AbortController().signal;
const fx = sponsorFixture(60);

describe("sponsors workflow reading", () => {
  test("finds the register, the quota sheet and both rosters with their years", async () => {
    const wb = new FakeWorkbook({ sheets: fx.sheets });
    const found = await discoverSponsorSheets(fakeHost(wb));
    expect(found).toEqual([
      { name: `Danh sách ${SPONSOR_YEAR - 1}`, kind: "roster", yearHint: SPONSOR_YEAR - 1 },
      { name: `Danh sách ${SPONSOR_YEAR}`, kind: "roster", yearHint: SPONSOR_YEAR },
      { name: "Sổ đỡ đầu", kind: "register" },
      { name: "Chỉ tiêu", kind: "quota" },
    ]);
  });

  test("prepares the period's report; households per organisation equal an independent count", async () => {
    const wb = new FakeWorkbook({ sheets: fx.sheets });
    const { result, tables } = await prepareSponsors({
      register: "Sổ đỡ đầu",
      quota: "Chỉ tiêu",
      start: { sheet: `Danh sách ${SPONSOR_YEAR - 1}`, year: SPONSOR_YEAR - 1 },
      end: { sheet: `Danh sách ${SPONSOR_YEAR}`, year: SPONSOR_YEAR },
      period: parsePeriod(String(SPONSOR_YEAR)),
      lang: "vi",
      host: fakeHost(wb),
      signal,
    });
    expect(tables.map((t) => t.id)).toEqual([
      "sponsors-support",
      "sponsors-loans",
      "sponsors-outcomes",
      "sponsors-comparison",
      "sponsors-checks",
    ]);
    const onRoster = new Set(fx.previous.map((h) => h.id));
    const byOrg = new Map<string, Set<string>>();
    for (const r of fx.register.records)
      if (onRoster.has(r.householdId))
        byOrg.set(r.organisation, (byOrg.get(r.organisation) ?? new Set()).add(r.householdId));
    expect(Object.fromEntries(result.organisations.map((o) => [o.key, o.total.households]))).toEqual(
      Object.fromEntries([...byOrg].map(([k, v]) => [k, v.size])),
    );
    expect(result.findings.map((f) => f.code).sort()).toEqual(fx.register.planted.map((p) => p.code).sort());
  });

  test("a roster with errors stops the run with a located message, in both languages", async () => {
    const bad = sponsorFixture(5);
    const start = bad.sheets[0].rows;
    const h = start.findIndex((r) => r[0] === "Mã hộ");
    start[h + 2][start[h].indexOf("Số nhân khẩu")] = "bốn"; // sheet row h + 3
    const wb = new FakeWorkbook({ sheets: bad.sheets });
    let err: unknown;
    try {
      await prepareSponsors({
        register: "Sổ đỡ đầu",
        start: { sheet: bad.sheets[0].name, year: SPONSOR_YEAR - 1 },
        period: parsePeriod("2026-Q1"),
        lang: "vi",
        host: fakeHost(wb),
        signal,
      });
    } catch (e) {
      err = e;
    }
    expect(isPovertyError(err) && err.messageVi).toMatch(/có 1 lỗi/);
    expect(isPovertyError(err) && err.messageEn).toMatch(/has 1 error /);
    expect(isPovertyError(err) && err.details.cell).toBe(`F${start.findIndex((r) => r[0] === "Mã hộ") + 3}`);
  });
});
