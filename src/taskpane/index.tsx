/**
 * Task pane entry. Renders inside Office.onReady (never Office.initialize). Outside Office, onReady
 * resolves with host null and the shell shows "Mở trong Excel"; if office.js did not load at all
 * (opened from disk, blocked CDN) the shell still renders in that state. What is read at start-up
 * (theme, the workbook's saved language) is in start.tsx.
 */
import { OUTSIDE_OFFICE, toHostInfo } from "./host";
import { startPane } from "./start";

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => startPane(toHostInfo(info)));
} else {
  startPane(OUTSIDE_OFFICE);
}
