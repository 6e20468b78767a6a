/** Providers around the shell: host info, language, Fluent theme. Tests render <Root> with a fake host. */
import { FluentProvider } from "@fluentui/react-components";
import type { Lang } from "../core/i18n";
import { App } from "./App";
import { HostContext, type HostInfo } from "./host";
import { LanguageProvider } from "./i18n";
import { fluentTheme } from "./theme";

export interface RootProps {
  host: HostInfo;
  dark: boolean;
  /** Overrides the stored language (tests). */
  lang?: Lang;
}

export function Root({ host, dark, lang }: RootProps) {
  return (
    <HostContext.Provider value={host}>
      <LanguageProvider initial={lang}>
        <FluentProvider theme={fluentTheme(dark)} style={{ minHeight: "100vh" }}>
          <App />
        </FluentProvider>
      </LanguageProvider>
    </HostContext.Provider>
  );
}
