/**
 * Finding codes are a type derived from the catalogue: a code that is not catalogued fails type-checking
 * (`npm run typecheck` runs tsconfig.test.json over this file), and still throws at run time for a value
 * that slipped past the types (a code read back from JSON).
 */
import { RULES, RULE_BY_CODE, finding, isFindingCode, type FindingCode } from "../../../src/core/findings";

// If FindingCode ever widens back to `string`, this line stops compiling.
const codeIsNotString: string extends FindingCode ? "regressed" : "typed" = "typed";

describe("FindingCode", () => {
  test("a code that is not in the catalogue does not type-check, and throws if forced", () => {
    // @ts-expect-error "TYPO" is not a catalogued code (an unused directive fails the typecheck if the typing regresses)
    expect(() => finding("TYPO", { sheet: "x" })).toThrow(/Unknown finding code TYPO/);
    expect(codeIsNotString).toBe("typed");
  });

  test("a catalogued code type-checks and builds a located finding with the rule's severity", () => {
    const f = finding("RATE_MISMATCH", { sheet: "Xã A", row0: 8, col0: 4 }, { value: 0.08, expected: 0.0797 });
    expect(f).toMatchObject({ code: "RATE_MISMATCH", severity: "error", sheet: "Xã A", cell: "E9", row: 9, column: 5 });
    // @ts-expect-error Finding.code is a FindingCode too: comparing it with an uncatalogued code is a type error
    expect(f.code === "RATE_MISMATCHED").toBe(false);
  });

  test("isFindingCode narrows exactly the catalogued codes", () => {
    expect(RULES.length).toBeGreaterThan(50);
    for (const r of RULES) expect(isFindingCode(r.code)).toBe(true);
    expect(isFindingCode("TYPO")).toBe(false);
    expect(isFindingCode("toString")).toBe(false);
    expect(Object.keys(RULE_BY_CODE)).toHaveLength(RULES.length);
  });
});
