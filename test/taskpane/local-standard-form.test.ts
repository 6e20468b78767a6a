/**
 * The local-standard form of Cài đặt: what the planner types → the document the core reads; the core decides what
 * is valid and its messages come back with the paths of the fields they concern.
 */
import {
  checkForm,
  emptyForm,
  formFromInput,
  importJson,
  nationalFor,
} from "../../src/taskpane/workflows/settings/localStandard";
import { parseLocalStandard } from "../../src/core/standards";

const filled = () => ({
  ...emptyForm(2024),
  province: "Hà Nội",
  document: "Quyết định 13/2021/QĐ-UBND",
  issued: "2021-09-05",
  from: "2022",
  to: "2025",
});

describe("local-standard form", () => {
  it("starts on the national standard of the year: its period, no line typed", () => {
    const f = emptyForm(2024);
    expect([f.from, f.to]).toEqual(["2024", "2026"]); // ND07-2021 covers review years 2022–2026 (2026: transition)
    expect(nationalFor(f)?.id).toBe("ND07-2021");
    expect(Object.values(f.lines.rural).every((v) => v === "")).toBe(true);
  });

  it("builds the document the core accepts; blank lines stay national, typed ones are read the Vietnamese way", () => {
    const form = filled();
    form.lines.rural.poverty = "2.000.000";
    form.lines.urban.averageCeiling = "3 500 000";
    const r = checkForm(form);
    expect(r.issues).toEqual([]);
    const std = parseLocalStandard(r.json!);
    expect(std.basedOn).toBe("ND07-2021");
    expect(std.province).toBe("Hà Nội");
    expect(std.lines.rural.poverty).toBe(2_000_000);
    expect(std.lines.rural.nearPoverty).toBe(2_000_000); // "and" rule: follows the poverty line
    expect(std.lines.urban.poverty).toBe(2_000_000); // national
    expect(std.lines.urban.averageCeiling).toBe(3_500_000);
    expect(std.citation).toMatchObject({ document: "Quyết định 13/2021/QĐ-UBND", issued: "2021-09-05" });
    // English texts name the document in English; the number stays as printed
    expect(std.citation.documentEn).toBe("Decision 13/2021/QĐ-UBND");
    expect(std.citation.en).toMatch(/^Decision 13\/2021\/QĐ-UBND of 05\/09\/2021/);
    expect(JSON.parse(r.json!).id).toBe("LOCAL-HA-NOI-2022");
  });

  it("returns the core's refusals with the field paths (a line below the national one, years across standards)", () => {
    const low = filled();
    low.lines.rural.poverty = "1.000.000";
    const r = checkForm(low);
    expect(r.json).toBeUndefined();
    expect(r.issues.map((i) => i.path)).toContain("lines.rural.poverty");
    expect(r.issues.find((i) => i.path === "lines.rural.poverty")?.vi).toContain("thấp hơn mức quốc gia");
    const across = { ...filled(), to: "2028" };
    expect(checkForm(across).issues.map((i) => i.path)).toContain("reviewYears");
  });

  it("says what is missing or not a number before asking the core", () => {
    const r = checkForm({
      ...emptyForm(2024),
      from: "năm",
      lines: { ...emptyForm(2024).lines, rural: { poverty: "hai triệu", nearPoverty: "", averageCeiling: "" } },
    });
    expect(r.issues.map((i) => i.path).sort()).toEqual(
      ["citation.document", "citation.issued", "lines.rural.poverty", "province", "reviewYears"].sort(),
    );
    expect(r.issues.find((i) => i.path === "lines.rural.poverty")?.vi).toBe(
      "“hai triệu” không phải số đồng (ví dụ 2.500.000)",
    );
  });

  it("the deprivation cutoff: blank = national; typed = in the document; not a number or above national = refused", () => {
    expect(JSON.parse(checkForm(filled()).json!).deprivationCutoff).toBeUndefined();
    const two = checkForm({ ...filled(), cutoff: " 2 " });
    expect(JSON.parse(two.json!).deprivationCutoff).toBe(2);
    expect(two.standard?.deprivationCutoff).toBe(2);
    expect(checkForm({ ...filled(), cutoff: "ba" }).issues).toEqual([
      {
        path: "deprivationCutoff",
        vi: "“ba” không phải số chỉ số (một số nguyên từ 1, ví dụ 3)",
        en: "“ba” is not a number of indicators (a whole number from 1, e.g. 3)",
      },
    ]);
    const four = checkForm({ ...filled(), cutoff: "4" });
    expect(four.json).toBeUndefined();
    expect(four.issues.map((i) => i.path)).toEqual(["deprivationCutoff"]);
    // A saved document's cutoff shows in the form; clearing the field goes back to the national one.
    const imported = importJson(two.json!, "vi");
    expect(imported.form?.cutoff).toBe("2");
    const cleared = checkForm({ ...imported.form!, cutoff: "" }, imported.input);
    expect(cleared.standard?.deprivationCutoff).toBe(3);
  });

  it("imports a JSON document into the form and keeps the fields the form does not show", () => {
    const json = JSON.stringify({
      id: "HN-2022",
      basedOn: "ND07-2021",
      province: "Hà Nội",
      name: { vi: "Chuẩn nghèo Hà Nội 2022–2025", en: "Hà Nội poverty standard 2022–2025" },
      citation: { vi: "QĐ 13", en: "Decision 13", document: "Quyết định 13/2021/QĐ-UBND", issued: "2021-09-05" },
      reviewYears: { from: 2022, to: 2025 },
      lines: { rural: { poverty: 2_000_000 } },
    });
    const imported = importJson(json, "vi");
    expect(imported.issues).toEqual([]);
    expect(imported.form?.lines.rural.poverty).toBe("2.000.000");
    const again = checkForm(imported.form!, imported.input);
    expect(JSON.parse(again.json!)).toMatchObject({ id: "HN-2022", name: { vi: "Chuẩn nghèo Hà Nội 2022–2025" } });
    expect(formFromInput(imported.input!, "en").lines.rural.poverty).toBe("2,000,000");
    expect(importJson("{", "vi").issues[0].path).toBe("(JSON)");
  });
});
