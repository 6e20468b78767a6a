/**
 * Browser smoke test of the built task pane (dist/): headless Debian chromium, Office stubbed,
 * no request may leave 127.0.0.1. Screenshots go to artifacts/ (git-ignored).
 */
import type { Browser, Page } from "playwright-core";
import { startStaticServer, type StaticServer } from "./support/static-server";
import { DIST, browserSuite, launchChromium, openTaskpane, requireDist } from "./support/browser";

const IDS = ["classify", "validate", "targets", "reports", "sponsors", "templates", "settings"];
const VI_TABS = ["Phân loại", "Kiểm tra", "Chỉ tiêu", "Báo cáo", "Đỡ đầu", "Mẫu biểu", "Cài đặt"];
const EN_TABS = ["Classify", "Check", "Targets", "Reports", "Aid", "Blank forms", "Settings"];

/** Each tab, found by its accessible name, is the expected one (names in order; Fluent duplicates text visually). */
async function expectTabs(page: Page, labels: string[]): Promise<void> {
  await expect(page.getByRole("tab").count()).resolves.toBe(labels.length);
  for (const [i, label] of labels.entries()) {
    await expect(page.getByRole("tab", { name: label, exact: true }).getAttribute("data-testid")).resolves.toBe(
      `nav-${IDS[i]}`,
    );
  }
}

/** The selected workflow's chunk has loaded (spinner gone) and it rendered without the error boundary. */
async function workflowLoaded(page: Page): Promise<void> {
  await page.getByTestId("workflow-loading").waitFor({ state: "detached" });
  await expect(page.getByTestId("workflow-error").count()).resolves.toBe(0);
}

browserSuite("smoke")("task pane smoke (chromium, stub Office)", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    requireDist("taskpane.html", "taskpane.js", "functions.js");
    server = await startStaticServer(DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("renders the shell in Vietnamese, switches to English and remembers it", async () => {
    const pane = await openTaskpane(browser, server.url);
    const { page } = pane;
    try {
      await page.getByTestId("app-shell").waitFor();
      await expect(page.getByTestId("app-title").textContent()).resolves.toBe("Giảm nghèo – Kế hoạch & Kiểm tra");
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("vi");
      await expectTabs(page, VI_TABS);
      await expect(page.getByRole("tablist").getAttribute("aria-label")).resolves.toBe("Các chức năng");
      await expect(page.getByTestId("outside-office").count()).resolves.toBe(0);
      // The first workflow is selected; its body is a lazily loaded chunk that renders without error.
      await expect(page.getByTestId("workflow-title").textContent()).resolves.toBe("Phân loại hộ");
      await workflowLoaded(page);
      expect(server.requests.some((p) => p.startsWith("/chunks/"))).toBe(true);
      await expect(page.getByTestId("lang-vi").getAttribute("aria-pressed")).resolves.toBe("true");
      await pane.screenshot("taskpane-vi-light");

      await page.getByTestId("lang-en").click();
      await expect(page.getByTestId("app-title").textContent()).resolves.toBe("Poverty Planner");
      await expectTabs(page, EN_TABS);
      await expect(page.getByTestId("workflow-title").textContent()).resolves.toBe("Classify");
      await expect(page.getByTestId("workflow-description").textContent()).resolves.toMatch(/^Find poor/);
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
      await expect(page.getByTestId("lang-en").getAttribute("aria-pressed")).resolves.toBe("true");
      await pane.screenshot("taskpane-en-light");

      await page.reload();
      await page.getByTestId("app-shell").waitFor();
      await expect(page.getByTestId("app-title").textContent()).resolves.toBe("Poverty Planner");

      // The custom functions of the shared runtime were registered in the same page.
      const ids = await page.evaluate(() =>
        Object.keys((window as unknown as { __customFunctions: object }).__customFunctions),
      );
      expect(ids.length).toBeGreaterThan(0);

      pane.assertNoExternalRequests();
      pane.assertNoPageErrors();
    } finally {
      await pane.close();
    }
  });

  it("navigates with the keyboard", async () => {
    const pane = await openTaskpane(browser, server.url);
    const { page } = pane;
    try {
      await page.getByTestId("nav-classify").waitFor();
      await page.getByTestId("nav-classify").focus();
      await page.keyboard.press("ArrowRight");
      await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe(
        "nav-validate",
      );
      await page.keyboard.press("Enter");
      await page.getByTestId("workflow-validate").waitFor();
      await workflowLoaded(page);
      await expect(page.getByTestId("workflow-title").textContent()).resolves.toBe("Kiểm tra hồ sơ");
      await expect(page.getByTestId("nav-validate").getAttribute("aria-selected")).resolves.toBe("true");
      // The panel is labelled by its heading.
      await expect(page.getByRole("tabpanel", { name: "Kiểm tra hồ sơ" }).count()).resolves.toBe(1);
      pane.assertNoExternalRequests();
      pane.assertNoPageErrors();
    } finally {
      await pane.close();
    }
  });

  it("opens a workflow from the URL hash", async () => {
    const pane = await openTaskpane(browser, server.url, { path: "/taskpane.html#reports" });
    try {
      await pane.page.getByTestId("workflow-reports").waitFor();
      await expect(pane.page.getByTestId("workflow-title").textContent()).resolves.toBe("Báo cáo");
      await workflowLoaded(pane.page);
      pane.assertNoPageErrors();
    } finally {
      await pane.close();
    }
  });

  it("follows the dark Office theme", async () => {
    const pane = await openTaskpane(browser, server.url, { stub: { dark: true } });
    const { page } = pane;
    try {
      await page.getByTestId("app-shell").waitFor();
      const bg = await page.getByTestId("app-shell").evaluate((el) => getComputedStyle(el).backgroundColor);
      const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
      expect(r + g + b).toBeLessThan(3 * 80); // a dark background
      await workflowLoaded(page);
      await pane.screenshot("taskpane-vi-dark");
      pane.assertNoExternalRequests();
      pane.assertNoPageErrors();
    } finally {
      await pane.close();
    }
  });

  it("outside Office shows 'Mở trong Excel' and still renders the shell", async () => {
    const pane = await openTaskpane(browser, server.url, { stub: { host: null } });
    const { page } = pane;
    try {
      await page.getByTestId("outside-office").waitFor();
      await expect(page.getByTestId("outside-office").textContent()).resolves.toContain("Mở trong Excel");
      await expect(page.getByRole("tab").count()).resolves.toBe(IDS.length);
      await workflowLoaded(page);
      await pane.screenshot("taskpane-outside-office");
      pane.assertNoExternalRequests();
      pane.assertNoPageErrors();
    } finally {
      await pane.close();
    }
  });
});
