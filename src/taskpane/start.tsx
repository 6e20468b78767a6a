/**
 * Rendering the pane at start-up (called from index.tsx inside Office.onReady; tests call it directly
 * with a stub Office global). Reads, once: the Office theme and the language saved in the workbook.
 * Language: the workbook's document setting (Cài đặt), else this browser's last choice, else Vietnamese.
 */
import { createRoot, type Root as ReactRoot } from "react-dom/client";
import { documentLanguage } from "../excel/preferences";
import { Root } from "./Root";
import type { HostInfo } from "./host";
import { currentOfficeTheme, isDarkOfficeTheme } from "./theme";

export function startPane(host: HostInfo, container: Element | null = document.getElementById("container")): ReactRoot {
  if (!container) throw new Error("taskpane.html has no #container element");
  const documentLang = host.host ? documentLanguage() : undefined;
  const root = createRoot(container);
  root.render(<Root host={host} dark={isDarkOfficeTheme(currentOfficeTheme())} documentLang={documentLang} />);
  return root;
}
