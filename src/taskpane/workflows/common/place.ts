/** Where a finding is, as the pane writes it. Presentation only: the finding comes from the core. */
import type { Finding } from "../../../core/validate";

/** "file / sheet" for a finding from a picked file, else the sheet name. */
export function placeOf(f: Finding): string {
  return f.file ? `${f.file} / ${f.sheet}` : f.sheet;
}

/** The place with the cell when there is one: "Trang!C9", "tệp / Trang!C9". */
export function locationOf(f: Finding): string {
  return f.cell ? `${placeOf(f)}!${f.cell}` : placeOf(f);
}
