/**
 * The direction of every movement column is read from its words in order and from the table's subject: each
 * supported wording (MOVEMENT_PHRASES, also printed in docs/validation-rules.md) gets its field and sign.
 */
import { MOVEMENT_PHRASES, movementOf, movementSubject } from "../../../src/core/sheet/movement";
import { detect } from "../../../src/core/sheet/detect";
import type { Grid } from "../../../src/core/grid";

describe("every supported movement wording, with its sign", () => {
  test.each(MOVEMENT_PHRASES.map((p) => [p.header, p.subject, p.field, p.sign] as const))(
    "%s (table of %s households) → %s, sign %d",
    (header, subject, field, sign) => {
      const m = movementOf(header, subject);
      expect(m?.field).toBe(field);
      expect(m?.sign).toBe(sign);
    },
  );

  test("the list covers every movement field, both subjects and both signs", () => {
    const fields = new Set(MOVEMENT_PHRASES.map((p) => p.field));
    for (const f of ["decToNear", "decAbove", "decToPoor", "decOther", "decTotal"])
      expect(fields.has(f as never)).toBe(true);
    for (const f of ["incFromNear", "incFromPoor", "incRe", "incNew", "incOther", "incTotal"])
      expect(fields.has(f as never)).toBe(true);
    expect(new Set(MOVEMENT_PHRASES.map((p) => p.subject))).toEqual(new Set(["poor", "nearPoor"]));
  });
});

describe("word order decides the direction, not single words", () => {
  test("'cận nghèo trở thành hộ nghèo' is an inflow to the poor and an outflow of the near-poor", () => {
    expect(movementOf("Số hộ cận nghèo trở thành hộ nghèo", "poor")).toMatchObject({ field: "incFromNear", sign: 1 });
    expect(movementOf("Số hộ cận nghèo trở thành hộ nghèo", "nearPoor")).toMatchObject({
      field: "decToPoor",
      sign: -1,
    });
  });
  test("swapping the two categories swaps the direction", () => {
    expect(movementOf("Số hộ nghèo trở thành hộ cận nghèo", "poor")?.sign).toBe(-1);
    expect(movementOf("Số hộ cận nghèo trở thành hộ nghèo", "poor")?.sign).toBe(1);
  });
  test("a child without direction words takes its parent's sign", () => {
    expect(movementOf("Giảm trong năm / Khác", "poor")?.field).toBe("decOther");
    expect(movementOf("Tăng trong năm / Khác", "poor")?.field).toBe("incOther");
  });
  test("stocks, rates and unit names are not movements", () => {
    for (const h of [
      "Số hộ nghèo đầu kỳ",
      "Số hộ nghèo cuối năm",
      "Tỷ lệ hộ nghèo (%)",
      "Số hộ thoát nghèo / Tỷ lệ (%)",
      "Mức giảm tỷ lệ hộ nghèo (%)",
      "Đơn vị",
      "Tổng số hộ",
      "Tổng số hộ nghèo và hộ cận nghèo",
    ])
      expect(movementOf(h, "poor")).toBeUndefined();
  });
});

test("the subject of a movement table: from its title, else from its start/end headers", () => {
  expect(movementSubject("TỔNG HỢP DIỄN BIẾN HỘ CẬN NGHÈO NĂM 2024", [])).toBe("nearPoor");
  expect(movementSubject("TỔNG HỢP DIỄN BIẾN HỘ NGHÈO NĂM 2024", [])).toBe("poor");
  expect(movementSubject("", ["Đơn vị", "Số hộ cận nghèo đầu năm", "Thoát cận nghèo"])).toBe("nearPoor");
  expect(movementSubject("", ["Đơn vị", "Số hộ nghèo đầu năm"])).toBe("poor");
  expect(movementSubject("", [])).toBe("poor");
});

test("detection maps Form 2 column 5 ('Số hộ cận nghèo trở thành hộ nghèo') as an inflow of the poor table", () => {
  const g: Grid = {
    sheetName: "Biểu 2",
    origin: "A1",
    values: [
      ["TỔNG HỢP DIỄN BIẾN HỘ NGHÈO"],
      [
        "Đơn vị",
        "Số hộ nghèo đầu kỳ",
        "Số hộ nghèo trở thành hộ cận nghèo",
        "Số hộ thoát nghèo",
        "Số hộ cận nghèo trở thành hộ nghèo",
        "Số hộ tái nghèo",
        "Số hộ phát sinh",
        "Số hộ nghèo cuối kỳ",
      ],
      ["Xã A", 100, 10, 5, 3, 1, 2, 91],
    ],
  };
  const d = detect(g);
  expect(d.kind).toBe("transition");
  expect(d.subject).toBe("poor");
  expect(d.mapping.byField).toMatchObject({
    start: 1,
    decToNear: 2,
    decAbove: 3,
    incFromNear: 4,
    incRe: 5,
    incNew: 6,
    end: 7,
  });
});
