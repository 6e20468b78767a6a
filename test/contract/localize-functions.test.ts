/** scripts/localize-functions.js: the merge that produces dist/functions-vi.json. */
import { localize, type FunctionsJson } from "../../scripts/localize-functions";

const META: FunctionsJson = {
  allowCustomDataForDataTypeAny: true,
  functions: [
    {
      id: "RATE",
      name: "RATE",
      description: "Share of households.",
      parameters: [
        { name: "count", description: "Households counted.", type: "any", dimensionality: "matrix" },
        { name: "total", description: "All households.", type: "any", dimensionality: "matrix" },
      ],
      result: { dimensionality: "matrix" },
    },
  ],
};
const TABLE = { RATE: { description: "Tỷ lệ hộ.", parameters: { count: "Số hộ.", total: "Tổng số hộ." } } };

describe("localize(functionsJson, table)", () => {
  it("replaces descriptions and keeps ids, names, types and order", () => {
    const vi = localize(META, TABLE);
    expect(vi.functions[0]).toEqual({
      ...META.functions[0],
      description: "Tỷ lệ hộ.",
      parameters: [
        { name: "count", description: "Số hộ.", type: "any", dimensionality: "matrix" },
        { name: "total", description: "Tổng số hộ.", type: "any", dimensionality: "matrix" },
      ],
    });
    expect(vi.allowCustomDataForDataTypeAny).toBe(true);
    expect(META.functions[0].description).toBe("Share of households."); // input untouched
  });

  it("fails when a function has no translation", () => {
    expect(() => localize(META, {})).toThrow(/RATE: no translation/);
  });

  it("fails when a parameter is missing or blank", () => {
    expect(() => localize(META, { RATE: { description: "Tỷ lệ.", parameters: { count: "Số hộ." } } })).toThrow(
      /parameter 'total'/,
    );
    expect(() =>
      localize(META, { RATE: { description: "Tỷ lệ.", parameters: { count: "Số hộ.", total: "  " } } }),
    ).toThrow(/parameter 'total'/);
  });

  it("fails on a blank description", () => {
    expect(() => localize(META, { RATE: { ...TABLE.RATE, description: "" } })).toThrow(
      /missing Vietnamese description/,
    );
  });

  it("fails on stale ids and parameters, and on attempts to translate the name", () => {
    expect(() => localize(META, { ...TABLE, OLD: { description: "x" } })).toThrow(/OLD: translation for a function/);
    expect(() =>
      localize(META, { RATE: { ...TABLE.RATE, parameters: { ...TABLE.RATE.parameters, extra: "x" } } }),
    ).toThrow(/unknown parameter 'extra'/);
    expect(() => localize(META, { RATE: { ...TABLE.RATE, name: "TỶ_LỆ" } as never })).toThrow(/unexpected key 'name'/);
  });

  it("lists every problem at once", () => {
    const meta: FunctionsJson = { functions: [...META.functions, { id: "B", name: "B", parameters: [] }] };
    expect(() => localize(meta, {})).toThrow(/RATE: no translation[\s\S]*B: no translation/);
  });
});
