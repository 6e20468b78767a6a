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
  /** Overrides every stored language (tests). */
  lang?: Lang;
  /** The language saved in the workbook's document settings (read at start-up); wins over localStorage. */
  documentLang?: Lang;
}

export function Root({ host, dark, lang, documentLang }: RootProps) {
  return (
    <HostContext.Provider value={host}>
      <LanguageProvider initial={lang} documentLang={documentLang}>
        <FluentProvider theme={fluentTheme(dark)} style={{ minHeight: "100vh" }}>
          <App />
        </FluentProvider>
      </LanguageProvider>
    </HostContext.Provider>
  );
}
