/**
 * Rendering the pane at start-up (called from index.tsx inside Office.onReady; tests call it directly
 * with a stub Office global). Reads, once: the Office theme and the language saved in the workbook.
 * Language: the workbook's document setting (Cài đặt), else this browser's last choice, else Vietnamese; English
 * texts are loaded before the first render in English.
 */
import { createRoot, type Root as ReactRoot } from "react-dom/client";
import { documentLanguage } from "../excel/preferences";
import { Root } from "./Root";
import { startupLang } from "./i18n";
import { loadLanguage } from "./strings";
import type { HostInfo } from "./host";
import { currentOfficeTheme, isDarkOfficeTheme } from "./theme";

export function startPane(host: HostInfo, container: Element | null = document.getElementById("container")): ReactRoot {
  if (!container) throw new Error("taskpane.html has no #container element");
  const documentLang = host.host ? documentLanguage() : undefined;
  const root = createRoot(container);
  const render = () =>
    root.render(<Root host={host} dark={isDarkOfficeTheme(currentOfficeTheme())} documentLang={documentLang} />);
  // The English texts are a separate chunk: fetch them first when the pane starts in English (if that fails,
  // the pane still starts, in Vietnamese texts).
  const lang = startupLang(documentLang);
  if (lang === "vi") render();
  else loadLanguage(lang).then(render, render);
  return root;
}
