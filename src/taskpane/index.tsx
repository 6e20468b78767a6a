/**
 * Task pane entry. Renders inside Office.onReady (never Office.initialize). Outside Office, onReady
 * resolves with host null and the shell shows "Mở trong Excel"; if office.js did not load at all
 * (opened from disk, blocked CDN) the shell still renders in that state.
 */
import { createRoot } from "react-dom/client";
import { Root } from "./Root";
import { OUTSIDE_OFFICE, toHostInfo, type HostInfo } from "./host";
import { currentOfficeTheme, isDarkOfficeTheme } from "./theme";

function start(host: HostInfo): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(<Root host={host} dark={isDarkOfficeTheme(currentOfficeTheme())} />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => start(toHostInfo(info)));
} else {
  start(OUTSIDE_OFFICE);
}
