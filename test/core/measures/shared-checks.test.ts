/**
 * One check, one message: the household vocabulary (area, category) and the deprivation-matrix checks are written
 * once (core/household.ts, core/measures/checks.ts) and every function that takes such input refuses it the same way.
 */
import { isPovertyError, type PovertyError } from "../../../src/core/errors";
import type { Category } from "../../../src/core/household";
import { classifyHousehold } from "../../../src/core/classify";
import { ND07_2021, incomeLine } from "../../../src/core/standards";
import {
  alkireFoster,
  countsBy,
  countsByCodes,
  deprivationHeadcounts,
  deprivationHeadcountsFlat,
  exclusionBy,
} from "../../../src/core/measures";

function caught(f: () => unknown): PovertyError {
  try {
    f();
  } catch (e) {
    if (isPovertyError(e)) return e;
    throw e;
  }
  throw new Error("no error");
}
const text = (e: PovertyError) => ({ code: e.code, vi: e.messageVi, en: e.messageEn });

describe("shared input checks", () => {
  test("an unknown area: the classifier and the standard lookup give the same error", () => {
    const a = caught(() =>
      classifyHousehold({ area: "mountain" as never, incomePerCapita: 1_000_000, deprivations: 0 }, ND07_2021),
    );
    const b = caught(() => incomeLine(ND07_2021, "mountain" as never, "poor"));
    expect(text(a)).toEqual(text(b));
    expect(a.code).toBe("UNKNOWN_AREA");
    expect(a.messageVi).toContain('"mountain"');
  });

  test("an unknown category (row 2): countsBy, exclusionBy and deprivationHeadcounts give the same error", () => {
    const cats = ["poor", "rich"] as unknown as Category[];
    const rows = [0, 1];
    const errors = [
      caught(() =>
        countsBy(
          rows,
          () => "all",
          (i) => cats[i],
        ),
      ),
      caught(() =>
        exclusionBy(
          rows,
          () => "all",
          (i) => cats[i],
          () => false,
        ),
      ),
      caught(() => deprivationHeadcounts([[0], [1]], { categories: cats })),
    ].map(text);
    expect(errors[1]).toEqual(errors[0]);
    expect(errors[2]).toEqual(errors[0]);
    expect(errors[0]).toMatchObject({ code: "UNKNOWN_CATEGORY", en: expect.stringMatching(/^Row 2: .*"rich"/) });
  });

  test("a category code outside 1–4 (row 3): countsByCodes and the flat headcounts give the same error", () => {
    const codes = Uint8Array.from([1, 4, 0]);
    const a = caught(() => countsByCodes(codes));
    const b = caught(() => deprivationHeadcountsFlat(Uint8Array.from([0, 1, 0]), 1, { codes }));
    expect(text(a)).toEqual(text(b));
    expect(a).toMatchObject({
      code: "UNKNOWN_CATEGORY",
      messageEn: expect.stringMatching(/^Row 3: invalid category code 0/),
    });
  });

  test("a short flag row (row 2) and a flag that is not 0/1: Alkire–Foster and the headcounts agree", () => {
    const short = [[1, 0], [1]];
    expect(text(caught(() => alkireFoster(short)))).toEqual(text(caught(() => deprivationHeadcounts(short))));
    expect(caught(() => alkireFoster(short)).messageEn).toBe("Row 2 of the deprivation flags must have 2 indicators.");
    const two = [[0, 2]];
    expect(text(caught(() => alkireFoster(two)))).toEqual(text(caught(() => deprivationHeadcounts(two))));
    expect(caught(() => deprivationHeadcountsFlat(Uint8Array.from([0, 2]), 2)).messageEn).toBe(
      "Row 1, indicator 2: a deprivation flag must be 0 or 1 (got 2).",
    );
  });
});
