/**
 * Accessibility pass over every workflow in headless chromium with the fake Excel (after running where a
 * workflow has results), Vietnamese and English:
 *  - every visible control (input, button, combobox, checkbox, radio, spin button, tab) has an accessible
 *    name: aria-labelledby, aria-label, a <label>, or its own text;
 *  - no positive tabindex, and Tab walks the controls in document order (no jumps back), each focused
 *    element visible;
 *  - every status message (MessageBar) carries an icon AND text, never colour alone; progress is a live region;
 *  - every disabled button says why (aria-describedby → a visible reason), unless work is in progress;
 *  - the 350 px pane never scrolls sideways (document.scrollingElement.scrollWidth <= 350);
 *  - where a workflow's action is refused with its blocking findings (Báo cáo over a roster with errors, Chỉ tiêu
 *    with a reduction beyond the poor households), the pane in that state has no axe-core violations (WCAG 2.x A/AA);
 *  - so has the first screen of every workflow tab and the Kiểm tra results (finding cards, one opened with its
 *    "Chi tiết"), in Vietnamese, light and dark.
 * Needs `npx webpack --mode production` first.
 */
import type { Browser, Page } from "playwright-core";
import { startStaticServer, type StaticServer } from "./support/static-server";
import { DIST, browserSuite, launchChromium, requireDist } from "./support/browser";
import { axeViolations } from "./support/axe";
import { openWithFakeExcel, PANE_WIDTH, type FakePane } from "./workflows-support";
import { planSheetRows, rosterSheetRows, unitsSheetRows } from "../support/roster-fixture";
import { CATEGORY_LABELS } from "../../src/core/household";
import { sponsorFixture } from "../support/sponsor-fixture";

const T = 120_000;

interface Audit {
  unnamed: string[];
  positiveTabindex: string[];
  statusWithoutIcon: string[];
  statusWithoutText: string[];
  scrollWidth: number;
  controls: number;
  disabledWithoutReason: string[];
}

/** Runs in the page: the checks that need the DOM. */
function auditInPage(): Audit {
  const visible = (e: Element) => {
    const r = (e as HTMLElement).getBoundingClientRect();
    const st = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && st.visibility !== "hidden" && st.display !== "none";
  };
  const text = (e: Element | null) => (e?.textContent ?? "").replace(/\s+/g, " ").trim();
  const describe = (e: Element) =>
    `${e.tagName.toLowerCase()}${e.getAttribute("role") ? `[role=${e.getAttribute("role")}]` : ""}${e.getAttribute("data-testid") ? `#${e.getAttribute("data-testid")}` : ""} "${text(e).slice(0, 40)}"`;
  const nameOf = (e: Element): string => {
    const by = e.getAttribute("aria-labelledby");
    if (by) {
      const t = by
        .split(/\s+/)
        .map((id) => text(document.getElementById(id)))
        .join(" ")
        .trim();
      if (t) return t;
    }
    const aria = e.getAttribute("aria-label");
    if (aria?.trim()) return aria.trim();
    const id = e.getAttribute("id");
    if (id) {
      const l = document.querySelector(`label[for="${CSS.escape(id)}"]`);
      if (text(l)) return text(l);
    }
    const wrap = e.closest("label");
    if (text(wrap)) return text(wrap);
    const tag = e.tagName.toLowerCase();
    const role = e.getAttribute("role");
    if (
      tag === "button" ||
      role === "tab" ||
      role === "option" ||
      (tag === "input" && ["button", "submit"].includes((e as HTMLInputElement).type))
    ) {
      if (text(e)) return text(e);
    }
    return e.getAttribute("title")?.trim() ?? "";
  };
  const selector =
    'input:not([type="hidden"]), textarea, select, button, [role="combobox"], [role="checkbox"], [role="radio"], [role="spinbutton"], [role="tab"], [role="switch"], [role="slider"]';
  const controls = [...document.querySelectorAll(selector)].filter(
    (e) => visible(e) || (e as HTMLInputElement).type === "file",
  );
  const unnamed = controls.filter((e) => !nameOf(e)).map(describe);
  const positiveTabindex = [...document.querySelectorAll("[tabindex]")]
    .filter((e) => Number(e.getAttribute("tabindex")) > 0)
    .map(describe);
  const bars = [...document.querySelectorAll(".fui-MessageBar")].filter(visible);
  const statusWithoutIcon = bars.filter((b) => !b.querySelector("svg")).map(describe);
  const statusWithoutText = bars.filter((b) => text(b).length < 3).map(describe);
  const scrollWidth = (document.scrollingElement ?? document.documentElement).scrollWidth;
  // A disabled button says why: aria-describedby names a visible text (ActionRow), unless work is running.
  const busy = document.querySelector('[role="progressbar"]') !== null;
  const disabledWithoutReason = busy
    ? []
    : [...document.querySelectorAll('button[disabled], button[aria-disabled="true"]')]
        .filter(visible)
        .filter((b) => {
          const ids = (b.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
          return !ids.some((id) => text(document.getElementById(id)).length > 3);
        })
        .map(describe);
  return {
    unnamed,
    positiveTabindex,
    statusWithoutIcon,
    statusWithoutText,
    scrollWidth,
    controls: controls.length,
    disabledWithoutReason,
  };
}

/** Tab through the pane from the top; every stop must be visible and come after the previous one in the DOM. */
async function tabOrder(
  page: Page,
  maxStops = 80,
): Promise<{ stops: string[]; backwards: string[]; hidden: string[] }> {
  // Start at the first control of the pane (the language switch), as a keyboard user arriving in the pane.
  await page.getByTestId("lang-vi").focus();
  await page.evaluate(() => {
    (window as unknown as { __stops: Element[] }).__stops = [document.activeElement as Element];
  });
  const stops: string[] = ["lang-vi"];
  const backwards: string[] = [];
  const hidden: string[] = [];
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press("Tab");
    const r = await page.evaluate(() => {
      const w = window as unknown as { __stops: Element[] };
      const e = document.activeElement;
      if (!e || e === document.body) return { done: true, label: "", back: false, visible: true };
      const prev = w.__stops[w.__stops.length - 1];
      const back = prev ? Boolean(e.compareDocumentPosition(prev) & Node.DOCUMENT_POSITION_FOLLOWING) : false;
      const done = w.__stops.includes(e); // wrapped around
      w.__stops.push(e);
      const rect = (e as HTMLElement).getBoundingClientRect();
      const label = `${e.tagName.toLowerCase()}${e.getAttribute("data-testid") ? "#" + e.getAttribute("data-testid") : ""} ${(e.getAttribute("aria-label") ?? e.textContent ?? "").trim().slice(0, 30)}`;
      return { done, label, back, visible: rect.width > 0 && rect.height > 0 };
    });
    if (r.done) break;
    stops.push(r.label);
    if (r.back) backwards.push(r.label);
    if (!r.visible) hidden.push(r.label);
  }
  return { stops, backwards, hidden };
}

/** The in-page audit and the keyboard walk of the pane as it is now, for workflow `id`. */
async function expectAudited(pane: FakePane, id: string): Promise<void> {
  const { page } = pane;
  const audit = await page.evaluate(auditInPage);
  expect({ id, ...audit, controls: audit.controls > 3 }).toEqual({
    id,
    unnamed: [],
    positiveTabindex: [],
    statusWithoutIcon: [],
    statusWithoutText: [],
    scrollWidth: expect.any(Number),
    controls: true,
    disabledWithoutReason: [],
  });
  expect(audit.scrollWidth).toBeLessThanOrEqual(PANE_WIDTH);
  await pane.assertNoHorizontalScroll();
  const order = await tabOrder(page);
  expect({ id, backwards: order.backwards, hidden: order.hidden }).toEqual({ id, backwards: [], hidden: [] });
  // The walk reaches the workflow's own controls, not only the shell.
  expect(order.stops.some((s) => s.includes(`#${id}-`) || s.includes(`${id}-`))).toBe(true);
}

browserSuite("workflows-a11y")("accessibility of every workflow (chromium, fake Excel, 350 px)", () => {
  let server: StaticServer;
  let browser: Browser;
  const panes: FakePane[] = [];

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

  const sheets = () => {
    // A declared category that differs from the computed one: a finding to list, not one that stops a report.
    const roster = rosterSheetRows(8, 2025, { withCategory: true });
    const header = roster.findIndex((r) => r.includes("Phân loại hộ"));
    const cat = roster[header].indexOf("Phân loại hộ");
    const labels = Object.values(CATEGORY_LABELS).map((l) => l.vi);
    roster[header + 4][cat] = labels.find((l) => l !== roster[header + 4][cat] && l !== CATEGORY_LABELS.none.vi)!;
    return [
      { name: "Danh sách hộ", rows: roster },
      { name: "Đơn vị", rows: unitsSheetRows() },
      { name: "Kế hoạch", rows: planSheetRows() },
    ];
  };

  /** Bring each workflow to its richest state (results shown). */
  const states: Record<string, (page: Page) => Promise<void>> = {
    classify: async (page) => {
      await page.getByTestId("classify-run").click();
      await page.getByTestId("classify-results").waitFor();
    },
    validate: async (page) => {
      await page.getByTestId("validate-sheet-Danh sách hộ").waitFor();
      await page.getByTestId("validate-run").click();
      await page.getByTestId("validate-results").waitFor();
      // Every card open, "Chi tiết" of the first, and the "Thêm" menu: their controls are audited too.
      const closed = page.locator('[data-testid="validate-group"] button[aria-expanded="false"]');
      for (let i = 0; i < 50 && (await closed.count()) > 0; i++) await closed.first().click();
      await page.getByTestId("validate-details").first().click();
    },
    targets: async (page) => {
      await page.getByTestId("targets-sheet").waitFor();
      await page.getByTestId("targets-preview").click();
      await page.getByTestId("targets-preview-table").waitFor();
      // An unreadable reduction disables both buttons: the audit checks they say why.
      await page.getByTestId("targets-reduction").fill("abc");
      await page.getByTestId("targets-write-reason").waitFor();
    },
    reports: async (page) => {
      await page.getByTestId("reports-sheet").waitFor();
      await page.getByTestId("reports-prepare").click();
      await page.getByTestId("reports-list").waitFor();
      await page.getByTestId("reports-write").click();
      await page.getByTestId("reports-done").waitFor();
    },
    sponsors: async (page) => {
      // This workbook has no sponsorship register: the workflow says so and still offers its controls.
      await page.getByTestId("sponsors-no-register").waitFor();
    },
    templates: async (page) => {
      await page.getByTestId("templates-insert").click();
      await page.getByTestId("templates-done").waitFor();
    },
    settings: async (page) => {
      await page.getByTestId("settings-year").waitFor();
    },
  };

  for (const lang of ["vi", "en"] as const) {
    it(
      `${lang}: labelled controls, icon + text status, document-order keyboard, no sideways scroll`,
      async () => {
        const pane = await openWithFakeExcel(browser, server.url, { sheets: sheets(), lang });
        panes.push(pane);
        const { page } = pane;
        await page.getByTestId("app-shell").waitFor();
        // The audit can fail: an unlabelled input and an icon-less status are reported, then removed.
        const planted = await page.evaluate((audit) => {
          const box = document.createElement("div");
          box.innerHTML = '<input id="a11y-planted" type="text"><div class="fui-MessageBar">Lỗi</div>';
          document.body.appendChild(box);
          const r = (0, eval)(`(${audit})`)() as Audit;
          box.remove();
          return r;
        }, auditInPage.toString());
        expect(planted.unnamed.some((u) => u.startsWith("input"))).toBe(true);
        expect(planted.statusWithoutIcon.length).toBe(1);
        const plantedButton = await page.evaluate((audit) => {
          const box = document.createElement("div");
          box.innerHTML = "<button disabled>Gộp</button>";
          document.body.appendChild(box);
          const r = (0, eval)(`(${audit})`)() as Audit;
          box.remove();
          return r;
        }, auditInPage.toString());
        expect(plantedButton.disabledWithoutReason.length).toBe(1);
        for (const [id, reach] of Object.entries(states)) {
          await page.getByTestId(`nav-${id}`).click();
          await page.getByTestId(id).waitFor();
          await reach(page);
          await expectAudited(pane, id);
        }
        pane.assertClean();
      },
      T,
    );
  }
  /** The button a planner presses next on each tab's first screen; enabled once the workflow found its sheets. */
  const PRIMARY: Record<string, string> = {
    classify: "classify-run",
    validate: "validate-run",
    targets: "targets-write",
    reports: "reports-prepare",
    sponsors: "sponsors-run",
    templates: "templates-insert",
    settings: "settings-save",
  };

  for (const dark of [false, true]) {
    it(
      `vi ${dark ? "dark" : "light"}: the first screen of every workflow tab passes axe`,
      async () => {
        // The workbook also holds a sponsorship register, so Đỡ đầu opens ready to go like the others.
        const register = sponsorFixture(5).sheets.find((x) => x.name === "Sổ đỡ đầu")!;
        const pane = await openWithFakeExcel(browser, server.url, {
          sheets: [...sheets(), register],
          lang: "vi",
          dark,
        });
        panes.push(pane);
        const { page } = pane;
        await page.getByTestId("app-shell").waitFor();
        const tabs = await page.getByRole("tab").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
        expect(tabs).toEqual(Object.keys(PRIMARY).map((id) => `nav-${id}`));
        for (const [id, primary] of Object.entries(PRIMARY)) {
          await page.getByTestId(`nav-${id}`).click();
          await page.getByTestId(id).waitFor();
          await page.waitForFunction((tid) => {
            const b = document.querySelector(`[data-testid="${tid}"]`) as HTMLButtonElement | null;
            return b !== null && !b.disabled && b.getAttribute("aria-disabled") !== "true";
          }, primary);
          expect({ id, violations: await axeViolations(page) }).toEqual({ id, violations: [] });
        }
        pane.assertClean();
      },
      T,
    );
  }

  for (const dark of [false, true]) {
    it(
      `vi ${dark ? "dark" : "light"}: the Kiểm tra results (finding cards, one opened with its details) pass axe`,
      async () => {
        const pane = await openWithFakeExcel(browser, server.url, { sheets: sheets(), lang: "vi", dark });
        panes.push(pane);
        const { page } = pane;
        await page.getByTestId("app-shell").waitFor();
        await page.getByTestId("nav-validate").click();
        await page.getByTestId("validate-sheet-Danh sách hộ").waitFor();
        await page.getByTestId("validate-run").click();
        await page.getByTestId("validate-results").waitFor();
        const groups = page.getByTestId("validate-group");
        expect(await groups.count()).toBeGreaterThan(1);
        // Exactly one card open (the first), its cells and "Chi tiết" shown; the others closed.
        const open = page.locator('[data-testid="validate-group"] button[aria-expanded="true"]');
        for (let i = 0; i < 50 && (await open.count()) > 0; i++) await open.first().click();
        await groups.first().locator('button[aria-expanded="false"]').first().click();
        await groups.first().getByTestId("validate-finding").first().waitFor();
        await groups.first().getByTestId("validate-details").click();
        await groups.first().getByTestId("validate-details-body").waitFor();
        await expect(
          page.locator('[data-testid="validate-group"] .fui-AccordionHeader button[aria-expanded="true"]').count(),
        ).resolves.toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        pane.assertClean();
      },
      T,
    );
  }

  /** A roster with two repeated ids and an unreadable income; a unit table whose poor households are few. */
  const blockingSheets = () => {
    const roster = rosterSheetRows(8, 2025);
    const header = roster.findIndex((r) => r.includes("Mã hộ"));
    const id = roster[header].indexOf("Mã hộ");
    const income = roster[header].findIndex((h) => typeof h === "string" && /thu nhập/i.test(h));
    roster[header + 2][id] = roster[header + 1][id];
    roster[header + 4][id] = roster[header + 3][id];
    roster[header + 6][income] = "khoảng 2 triệu";
    return [
      { name: "Danh sách hộ", rows: roster },
      { name: "Đơn vị", rows: unitsSheetRows() },
    ];
  };

  for (const lang of ["vi", "en"] as const) {
    it(
      `${lang}: the blocking findings bar (Báo cáo, Chỉ tiêu) passes axe and the audit, "Chi tiết" open`,
      async () => {
        const pane = await openWithFakeExcel(browser, server.url, { sheets: blockingSheets(), lang });
        panes.push(pane);
        const { page } = pane;
        await page.getByTestId("app-shell").waitFor();
        // axe can fail here: an unlabelled input planted in the pane is a violation.
        await page.evaluate(() => {
          const box = document.createElement("div");
          box.id = "axe-planted";
          box.innerHTML = '<input type="text">';
          document.querySelector('[data-testid="app-shell"]')!.appendChild(box);
        });
        expect((await axeViolations(page)).some((v) => v.startsWith("label:"))).toBe(true);
        await page.evaluate(() => document.getElementById("axe-planted")!.remove());

        await page.getByTestId("nav-reports").click();
        await page.getByTestId("reports").waitFor();
        await page.getByTestId("reports-prepare").click();
        const bar = page.getByTestId("reports-blocked");
        await bar.waitFor();
        await expect(page.getByTestId("reports-blocked-finding").count()).resolves.toBe(3);
        await page.getByTestId("reports-blocked-details").click();
        await page.getByTestId("reports-blocked-details-body").waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await expectAudited(pane, "reports");

        await page.getByTestId("nav-targets").click();
        await page.getByTestId("targets-sheet").waitFor();
        await page.getByTestId("targets-reduction").fill("50");
        await page.getByTestId("targets-write").click();
        await page.getByTestId("targets-blocked").waitFor();
        await page.getByTestId("targets-blocked-details").click();
        expect(await axeViolations(page)).toEqual([]);
        await expectAudited(pane, "targets");
        expect(await pane.sheetNames()).toEqual(["Danh sách hộ", "Đơn vị"]);
        pane.assertClean();
      },
      T,
    );
  }
});
