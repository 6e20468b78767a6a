/**
 * The task pane's string catalogues and workflow registry agree with each other (src/taskpane).
 *
 * Two catalogues, on purpose: the shell's (src/taskpane/strings.ts) is in the first-render bundle; the
 * workflows' (src/taskpane/workflows/strings.ts) is imported only by the lazily loaded workflow chunks, so
 * merging them would move every workflow text into the first render. Both get the same parity checks
 * here, and their keys must not collide (one name, one meaning).
 */
import * as fs from "fs";
import * as path from "path";
import { strings, translate, type StringKey } from "../../src/taskpane/strings";
import { wfStrings, wfTranslate, type WfKey } from "../../src/taskpane/workflows/strings";
import { WORKFLOWS } from "../../src/taskpane/workflows/registry";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("strings catalogue", () => {
  const keys = Object.keys(strings.vi) as StringKey[];

  it("English has exactly the Vietnamese keys, none blank, same placeholders", () => {
    expect(Object.keys(strings.en).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      expect(strings.vi[k].trim()).not.toBe("");
      expect(strings.en[k].trim()).not.toBe("");
      expect(placeholders(strings.en[k])).toEqual(placeholders(strings.vi[k]));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("vi", "app.loadFailedBody", { message: "X" })).toBe("Hãy đóng và mở lại ngăn tác vụ. Chi tiết: X");
    expect(translate("en", "app.loadFailedBody")).toContain("{message}");
  });

  it("every workflow has a distinct id, title and description in both languages", () => {
    expect(WORKFLOWS.map((w) => w.id)).toEqual(["classify", "validate", "targets", "reports", "templates", "settings"]);
    expect(WORKFLOWS.map((w) => strings.vi[w.title])).toEqual([
      "Phân loại hộ",
      "Kiểm tra hồ sơ",
      "Chỉ tiêu",
      "Báo cáo",
      "Mẫu biểu",
      "Cài đặt",
    ]);
    for (const lang of ["vi", "en"] as const) {
      expect(new Set(WORKFLOWS.map((w) => strings[lang][w.title])).size).toBe(WORKFLOWS.length);
      expect(new Set(WORKFLOWS.map((w) => strings[lang][w.description])).size).toBe(WORKFLOWS.length);
    }
  });
});

describe("workflow strings catalogue", () => {
  const keys = Object.keys(wfStrings.vi) as WfKey[];

  it("English has exactly the Vietnamese keys, none blank, same placeholders", () => {
    expect(keys.length).toBeGreaterThan(50);
    expect(Object.keys(wfStrings.en).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      expect({ k, vi: wfStrings.vi[k].trim() !== "" }).toEqual({ k, vi: true });
      expect({ k, en: wfStrings.en[k].trim() !== "" }).toEqual({ k, en: true });
      expect({ k, p: placeholders(wfStrings.en[k]) }).toEqual({ k, p: placeholders(wfStrings.vi[k]) });
    }
  });

  it("English is translated, not copied: texts with Vietnamese letters are not identical in English", () => {
    const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
    const copied = keys.filter((k) => vietnamese.test(wfStrings.vi[k]) && wfStrings.vi[k] === wfStrings.en[k]);
    expect(copied).toEqual([]);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(wfTranslate("vi", "common.written", { n: 2, sheets: "A, B" })).toBe("Đã ghi 2 trang: A, B");
    expect(wfTranslate("en", "common.written")).toContain("{n}");
  });

  it("shares no key with the shell's catalogue", () => {
    const shell = new Set(Object.keys(strings.vi));
    expect(keys.filter((k) => shell.has(k))).toEqual([]);
  });

  it('every key used in the workflow sources exists (t("…") with a literal key)', () => {
    const dir = path.resolve(__dirname, "../../src/taskpane/workflows");
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (/\.tsx?$/.test(e.name) && e.name !== "strings.ts") files.push(path.join(d, e.name));
      }
    };
    walk(dir);
    const all = new Set<string>([...keys, ...Object.keys(strings.vi)]);
    const missing: string[] = [];
    let used = 0;
    for (const f of files) {
      const src = fs.readFileSync(f, "utf8");
      for (const m of src.matchAll(/\bt\(\s*"([a-zA-Z]+\.[\w.]+)"/g)) {
        used++;
        if (!all.has(m[1])) missing.push(`${path.basename(f)}: ${m[1]}`);
      }
    }
    expect(used).toBeGreaterThan(50); // the scan does find the calls
    expect(missing).toEqual([]);
  });
});
