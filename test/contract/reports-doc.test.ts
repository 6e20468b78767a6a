/**
 * docs/reports.md shows the administrative frame and says how to set the unit and place, in the pane and on the
 * command line — and stays true to the code: every frame option the CLI takes and every field of the pane's
 * "Đơn vị" setting is named in it.
 */
import * as fs from "fs";
import * as path from "path";
import { FRAME_USAGE } from "../../src/cli/args";
import { FRAME_FIELD_LABELS } from "../../src/core/tables";

const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "reports.md"), "utf8");

describe("docs/reports.md: the frame and how to set the unit and place", () => {
  it("draws the frame: issuing body, national motto, form number, unit of measure, place and date, signatures", () => {
    for (const part of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Biểu PP-01",
      "Đơn vị tính:",
      "Bình Điền, ngày 15 tháng 12 năm 2026",
      "NGƯỜI LẬP BIỂU",
      "(Ký, ghi rõ họ tên, đóng dấu)",
    ])
      expect({ part, found: doc.includes(part) }).toEqual({ part, found: true });
  });

  it("names every frame option of the command line, with an example", () => {
    const options = [...FRAME_USAGE.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
    expect(options).toEqual(["--unit", "--parent", "--place", "--date"]);
    for (const o of options) expect({ o, found: doc.includes(`\`${o} `) }).toEqual({ o, found: true });
    expect(doc).toMatch(/poverty report \S+ --unit "[^"]+" .*--place "[^"]+"/);
  });

  it("says where the pane sets them (Cài đặt → Đơn vị) and names each field as the pane labels it", () => {
    expect(doc).toContain("Cài đặt → Đơn vị");
    expect(doc).toContain("Settings → Unit");
    for (const label of Object.values(FRAME_FIELD_LABELS).map((l) => l.vi))
      expect({ label, found: doc.includes(label) }).toEqual({ label, found: true });
  });
});
