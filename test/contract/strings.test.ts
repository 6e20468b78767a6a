/**
 * The task pane's one string catalogue (src/taskpane/strings.ts) and the workflow registry agree with each
 * other and with the sources that use them; `translate` fills placeholders, writes numbers the language's
 * way and picks English plurals.
 */
import * as fs from "fs";
import * as path from "path";
import { loadLanguage, strings as loaded, translate, type Catalogue, type StringKey } from "../../src/taskpane/strings";
import { en } from "../../src/taskpane/strings-en";

const strings = { vi: loaded.vi as Catalogue, en };
import { WORKFLOWS } from "../../src/taskpane/workflows/registry";

/** Parameter names a text uses, plain `{n}` or plural `{n|one|other}`. */
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]))].sort();

describe("strings catalogue", () => {
  const keys = Object.keys(strings.vi) as StringKey[];
  beforeAll(() => loadLanguage("en"));

  it("keeps English out of the first render: a separate module, loaded on demand (then translate uses it)", async () => {
    const source = fs.readFileSync(path.resolve(__dirname, "../../src/taskpane/strings.ts"), "utf8");
    expect(source).not.toMatch(/import \{[^}]*\ben\b[^}]*\} from "\.\/strings-en"/); // only import(): a lazy chunk
    await loadLanguage("en");
    expect(loaded.en).toBe(en);
    expect(translate("en", "nav.classify")).toBe("Classify");
  });

  it("English has exactly the Vietnamese keys, none blank, same placeholders", () => {
    expect(keys.length).toBeGreaterThan(100);
    expect(Object.keys(strings.en).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      expect({ k, vi: strings.vi[k].trim() !== "" }).toEqual({ k, vi: true });
      expect({ k, en: strings.en[k].trim() !== "" }).toEqual({ k, en: true });
      expect({ k, p: placeholders(strings.en[k]) }).toEqual({ k, p: placeholders(strings.vi[k]) });
    }
  });

  it("English is translated, not copied: texts with Vietnamese letters are not identical in English", () => {
    const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
    const copied = keys.filter(
      (k) => vietnamese.test(strings.vi[k]) && strings.vi[k] === strings.en[k] && k !== "app.languageVi",
    );
    expect(copied).toEqual([]);
  });

  it("English never writes a plural with “(s)”: it uses {n|one|other}", () => {
    expect(keys.filter((k) => /\w\(s\)/.test(strings.en[k]))).toEqual([]);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("vi", "app.loadFailedBody", { message: "X" })).toBe("Hãy đóng và mở lại ngăn tác vụ. Chi tiết: X");
    expect(translate("en", "app.loadFailedBody")).toContain("{message}");
    expect(translate("vi", "common.written", { n: 2, sheets: "A, B" })).toBe("Đã ghi 2 trang: A, B");
  });

  it("writes numbers the language's way: 22.000/60.000 in Vietnamese, 22,000/60,000 in English", () => {
    const p = { sheet: "DS", done: 22000, total: 60000 };
    expect(translate("vi", "common.reading", p)).toBe("Đang đọc DS: 22.000/60.000 dòng");
    expect(translate("en", "common.reading", p)).toBe("Reading DS: 22,000/60,000 rows");
    // Strings are never reformatted (years, row numbers and codes are passed as text).
    expect(translate("vi", "classify.copyTitle", { year: "2026" })).toBe("DANH SÁCH HỘ ĐÃ PHÂN LOẠI – NĂM 2026");
  });

  it("picks the English singular for 1 and the plural otherwise (“1 note”, never “1 infos”)", () => {
    expect(translate("en", "validate.summary", { errors: 1, warnings: 0, infos: 1 })).toBe(
      "1 error · 0 warnings · 1 note",
    );
    expect(translate("en", "validate.summary", { errors: 2, warnings: 1, infos: 3 })).toBe(
      "2 errors · 1 warning · 3 notes",
    );
    expect(translate("en", "common.written", { n: 1, sheets: "KQ" })).toBe("Wrote 1 sheet: KQ");
    expect(translate("vi", "validate.summary", { errors: 1, warnings: 1200, infos: 1 })).toBe(
      "1 lỗi · 1.200 cảnh báo · 1 thông tin",
    );
  });

  it("every workflow has a distinct id, title, tab label and description in both languages", () => {
    expect(WORKFLOWS.map((w) => w.id)).toEqual([
      "classify",
      "validate",
      "targets",
      "reports",
      "sponsors",
      "templates",
      "settings",
    ]);
    expect(WORKFLOWS.map((w) => strings.vi[w.title])).toEqual([
      "Phân loại hộ",
      "Kiểm tra hồ sơ",
      "Chỉ tiêu",
      "Báo cáo",
      "Giúp hộ nghèo có địa chỉ",
      "Mẫu biểu",
      "Cài đặt",
    ]);
    for (const lang of ["vi", "en"] as const) {
      for (const field of ["title", "tab", "description"] as const)
        expect(new Set(WORKFLOWS.map((w) => strings[lang][w[field]])).size).toBe(WORKFLOWS.length);
      // A tab label is one or two short words (it sits under an icon in a 350 px row of tabs).
      for (const w of WORKFLOWS) expect(strings[lang][w.tab].length).toBeLessThanOrEqual(12);
    }
  });

  it('every key used in the pane sources exists (t("…") / translate(lang, "…") with a literal key)', () => {
    const dir = path.resolve(__dirname, "../../src/taskpane");
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (/\.tsx?$/.test(e.name) && e.name !== "strings.ts") files.push(path.join(d, e.name));
      }
    };
    walk(dir);
    const all = new Set<string>(keys);
    const missing: string[] = [];
    let used = 0;
    for (const f of files) {
      const src = fs.readFileSync(f, "utf8");
      for (const m of src.matchAll(/\b(?:t|translate\(\s*[\w."]+\s*,)\(?\s*"([a-zA-Z]+\.[\w.]+)"/g)) {
        used++;
        if (!all.has(m[1])) missing.push(`${path.basename(f)}: ${m[1]}`);
      }
    }
    expect(used).toBeGreaterThan(80); // the scan does find the calls
    expect(missing).toEqual([]);
  });
});
