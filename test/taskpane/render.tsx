/** Rendering helpers for workflow component tests (jsdom). */
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LanguageProvider } from "../../src/taskpane/i18n";
import { registerCatalogue } from "../../src/taskpane/strings";
import { en } from "../../src/taskpane/strings-en";

// Workflows are rendered here without the registry that loads the English texts with their chunk.
registerCatalogue("en", en);
import { GatewayProvider } from "../../src/taskpane/workflows/common/gateway";
import type { FakeWorkbook } from "../support/fake-excel";
import { fakeHost } from "../support/fake-host";

/** jsdom lacks ResizeObserver; some Fluent v9 components need it (microsoft/fluentui#30077). */
export function installDomStubs(): void {
  const g = globalThis as unknown as { ResizeObserver?: unknown };
  if (!g.ResizeObserver) {
    g.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
}

export function renderWorkflow(ui: ReactElement, wb: FakeWorkbook, lang: "vi" | "en" = "vi"): RenderResult {
  installDomStubs();
  return render(
    <LanguageProvider initial={lang}>
      <FluentProvider theme={webLightTheme}>
        <GatewayProvider host={fakeHost(wb)}>{ui}</GatewayProvider>
      </FluentProvider>
    </LanguageProvider>,
  );
}
