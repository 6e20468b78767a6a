/** @jest-environment jsdom */
/**
 * Start-up language: the workbook's document setting (saved by Cài đặt) wins over this browser's
 * localStorage, which wins over Vietnamese. Runs the real start-up (src/taskpane/start.tsx, what
 * index.tsx calls in Office.onReady) under a stub Office global, as Excel would start the pane.
 */
import { act, screen, waitFor } from "@testing-library/react";
import { SETTINGS_KEY, documentLanguage } from "../../src/excel/settings";
import { LANG_STORAGE_KEY, startupLang } from "../../src/taskpane/i18n";
import { startPane as start } from "../../src/taskpane/start";
import { toHostInfo } from "../../src/taskpane/host";
import type { Root } from "react-dom/client";
import { installDomStubs } from "./render";

type Settings = Record<string, unknown>;

function installOffice(settings: Settings | "throws" | null): void {
  (globalThis as Record<string, unknown>).Office = {
    onReady: (cb: (info: { host: string; platform: string }) => void) => {
      cb({ host: "Excel", platform: "OfficeOnline" });
      return Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
    },
    context: {
      officeTheme: { isDarkTheme: false },
      requirements: { isSetSupported: () => true },
      document:
        settings === null
          ? undefined
          : {
              settings: {
                get: (name: string) => {
                  if (settings === "throws") throw new Error("settings unavailable");
                  return settings[name] ?? null;
                },
                set: () => undefined,
                remove: () => undefined,
                saveAsync: () => undefined,
              },
            },
    },
  };
}

let root: Root | undefined;

/** What index.tsx does: Office.onReady → startPane(host info). */
async function startPane(): Promise<void> {
  installDomStubs();
  document.body.innerHTML = '<div id="container"></div>';
  const office = (globalThis as unknown as { Office: { onReady(cb: (info: unknown) => void): void } }).Office;
  await act(async () => {
    office.onReady((info) => {
      root = start(toHostInfo(info as { host: string }));
    });
  });
  await waitFor(() => expect(screen.getByTestId("lang-vi")).toBeTruthy());
}

function pressed(lang: "vi" | "en"): string | null {
  return screen.getByTestId(`lang-${lang}`).getAttribute("aria-pressed");
}

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  delete (globalThis as Record<string, unknown>).Office;
  localStorage.clear();
  document.body.innerHTML = "";
});

describe("start-up language", () => {
  it("the workbook's saved language wins over this browser's choice", async () => {
    localStorage.setItem(LANG_STORAGE_KEY, "vi");
    installOffice({ [SETTINGS_KEY]: { version: 1, lang: "en", reviewYear: 2026 } });
    await startPane();
    expect(pressed("en")).toBe("true");
    expect(pressed("vi")).toBe("false");
    expect(document.documentElement.lang).toBe("en");
  });

  it("and the other way round: a Vietnamese workbook opened in a browser that last used English", async () => {
    localStorage.setItem(LANG_STORAGE_KEY, "en");
    installOffice({ [SETTINGS_KEY]: { version: 1, lang: "vi" } });
    await startPane();
    expect(pressed("vi")).toBe("true");
    expect(document.documentElement.lang).toBe("vi");
  });

  it("without a saved language in the workbook, localStorage decides", async () => {
    localStorage.setItem(LANG_STORAGE_KEY, "en");
    installOffice({ [SETTINGS_KEY]: { version: 1, reviewYear: 2026 } });
    await startPane();
    expect(pressed("en")).toBe("true");
  });

  it("with neither, Vietnamese; unreadable settings never break start-up", async () => {
    installOffice("throws");
    await startPane();
    expect(pressed("vi")).toBe("true");
    expect(document.documentElement.lang).toBe("vi");
  });
});

describe("documentLanguage / startupLang", () => {
  const settings = (value: unknown) => () => ({
    get: () => value,
    set: () => undefined,
    remove: () => undefined,
    saveAsync: () => undefined,
  });
  it("reads only a valid language from the settings object", () => {
    expect(documentLanguage(settings({ version: 1, lang: "en" }))).toBe("en");
    expect(documentLanguage(settings({ version: 1, lang: "fr" }))).toBeUndefined();
    expect(documentLanguage(settings("garbage"))).toBeUndefined();
    expect(documentLanguage(() => undefined)).toBeUndefined();
  });
  it("orders document, then localStorage, then vi", () => {
    localStorage.setItem(LANG_STORAGE_KEY, "en");
    expect(startupLang("vi")).toBe("vi");
    expect(startupLang(undefined)).toBe("en");
    localStorage.setItem(LANG_STORAGE_KEY, "xx");
    expect(startupLang(undefined)).toBe("vi");
  });
});
