/**
 * End-to-end: "Giúp hộ có địa chỉ" in headless chromium against the built task pane (dist/) and the fake Excel
 * loaded with the sample rosters of two reviews, the sample register (planted mistakes) and its quota sheet.
 * The planner opens the tab, the sheets are proposed by kind, the period is set, the run writes the report sheets;
 * the households per organisation on the written sheet equal a count done here from the generated register; the
 * planted mistakes are listed and "Đi tới ô" selects the cell. Screenshots in Vietnamese (light, dark) and English.
 * Needs `npx webpack --mode production` first (npm test does it in pretest).
 */
import type { Browser } from "playwright-core";
import { startStaticServer, type StaticServer } from "./support/static-server";
import { DIST, browserSuite, launchChromium, requireDist } from "./support/browser";
import { openWithFakeExcel, type FakePane } from "./workflows-support";
import { SPONSOR_YEAR, sponsorFixture } from "../support/sponsor-fixture";
import { ORGANISATION_BY_CODE, type OrganisationCode } from "../../src/core/sponsors";

const T = 180_000;
const fx = sponsorFixture(80);

browserSuite("sponsors")("Giúp hộ có địa chỉ end to end (chromium, fake Excel)", () => {
  let server: StaticServer;
  let browser: Browser;
  const panes: FakePane[] = [];
  const open = async (o: { lang?: "vi" | "en"; dark?: boolean; height?: number } = {}) => {
    const pane = await openWithFakeExcel(browser, server.url, { sheets: fx.sheets, ...o });
    panes.push(pane);
    await pane.page.getByTestId("app-shell").waitFor();
    await pane.page.getByTestId("nav-sponsors").click();
    await pane.page.getByTestId("sponsors-run").waitFor();
    return pane;
  };
  const run = async (pane: FakePane) => {
    const { page } = pane;
    await page.getByTestId("sponsors-period").fill(String(SPONSOR_YEAR));
    await page.waitForFunction(() => {
      const b = document.querySelector('[data-testid="sponsors-run"]') as HTMLButtonElement | null;
      return b !== null && !b.disabled;
    });
    await page.getByTestId("sponsors-run").click();
    await page.getByTestId("sponsors-done").waitFor();
  };

  beforeAll(async () => {
    requireDist("taskpane.html", "taskpane.js");
    server = await startStaticServer(DIST);
    browser = await launchChromium();
  }, T);
  afterAll(async () => {
    for (const p of panes) await p.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it(
    "proposes the sheets by kind, writes the report sheets, lists the planted mistakes and goes to a cell",
    async () => {
      const pane = await open();
      const { page } = pane;
      await expect(page.getByTestId("sponsors-register").textContent()).resolves.toContain("Sổ đỡ đầu");
      await expect(page.getByTestId("sponsors-quota").textContent()).resolves.toContain("Chỉ tiêu");
      await expect(page.getByTestId("sponsors-start").textContent()).resolves.toContain(
        `Danh sách ${SPONSOR_YEAR - 1}`,
      );
      await expect(page.getByTestId("sponsors-end").textContent()).resolves.toContain(`Danh sách ${SPONSOR_YEAR}`);
      await run(pane);
      const names = await pane.sheetNames();
      for (const s of [
        "Đỡ đầu - hỗ trợ",
        "Đỡ đầu - vay vốn",
        "Đỡ đầu - kết quả",
        "Đỡ đầu - so sánh",
        "Kiểm tra sổ đỡ đầu",
      ])
        expect(names).toContain(`KQ - ${s}`);

      // Households per organisation (its unit rows, between its section row and "Cộng <organisation>"; the
      // fake Excel keeps formulas as written, so the subtotal's own cell is a SUM) against the register.
      const rows = (await page.evaluate(() =>
        (window as any).__fakeWb.sheet("KQ - Đỡ đầu - hỗ trợ").rowsOfValues(),
      )) as unknown[][];
      const onRoster = new Set(fx.previous.map((h) => h.id));
      const expected = new Map<string, Set<string>>();
      for (const r of fx.register.records) {
        if (!onRoster.has(r.householdId)) continue;
        const label = ORGANISATION_BY_CODE[r.organisation as OrganisationCode].label.vi;
        expected.set(label, (expected.get(label) ?? new Set()).add(r.householdId));
      }
      for (const [label, ids] of expected) {
        const from = rows.findIndex((x) => x[1] === label);
        const to = rows.findIndex((x) => x[1] === `Cộng ${label}`);
        const units = rows.slice(from + 1, to).reduce((a, x) => a + Number(x[2]), 0);
        expect([label, from >= 0 && to > from, units]).toEqual([label, true, ids.size]);
        expect(rows[to][2]).toMatch(/^=SUM\(C\d+:C\d+\)$|^=C\d+$/);
      }

      const listed = (await page.getByTestId("sponsors-findings").textContent()) ?? "";
      for (const p of fx.register.planted) expect(listed).toContain(p.code);
      await page.getByTestId("sponsors-goto").first().click();
      await page.waitForFunction(() => (window as any).__fakeWb.selection !== undefined);
      const sel = await pane.selection();
      expect(sel?.sheet).toBe("Sổ đỡ đầu");
      await pane.screenshot("wf-sponsors-vi-light");
      pane.assertClean();
    },
    T,
  );

  it(
    "first screen at 350 × 700: the period, the four sheets and the run button fit without scrolling",
    async () => {
      const pane = await open({ height: 700 });
      const { page } = pane;
      await page.waitForFunction(() => {
        const b = document.querySelector('[data-testid="sponsors-run"]') as HTMLButtonElement | null;
        return b !== null && !b.disabled;
      });
      const box = await page.getByTestId("sponsors-run").boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 700 && box.x + box.width <= 350).toBe(true);
      await pane.assertNoHorizontalScroll();
      pane.assertClean();
    },
    T,
  );

  it(
    "after running: Vietnamese dark, English light",
    async () => {
      for (const [lang, dark] of [
        ["vi", true],
        ["en", false],
      ] as const) {
        const pane = await open({ lang, dark });
        await run(pane);
        await pane.screenshot(`wf-sponsors-${lang}-${dark ? "dark" : "light"}`);
        pane.assertClean();
      }
    },
    T,
  );
});
