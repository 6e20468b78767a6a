/** The task pane's string catalogue and workflow registry agree with each other (src/taskpane). */
import { strings, translate, type StringKey } from "../../src/taskpane/strings";
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
