import { hashArgs, LruMemo } from "../../src/functions/memo";

describe("hashArgs", () => {
  it("is stable for equal arguments and differs for any change", () => {
    const a = [[1, "x", null]];
    expect(hashArgs("F", [a])).toBe(hashArgs("F", [[[1, "x", null]]]));
    const variants = [
      [[[2, "x", null]]],
      [[[1, "y", null]]],
      [[[1, "x", 0]]],
      [[[1, "x", ""]]],
      [[[1, "x"], [null]]],
      [[["1", "x", null]]],
      [[[true, "x", null]]],
      [[[1, "x", null]], null],
    ];
    const base = hashArgs("F", [a]);
    for (const v of variants) expect(hashArgs("F", v)).not.toBe(base);
    expect(hashArgs("G", [a])).not.toBe(base);
  });
  it("tells 0 from -0 only as numbers, and error objects by code", () => {
    expect(hashArgs("F", [{ code: "#N/A" }])).not.toBe(hashArgs("F", [{ code: "#NUM!" }]));
  });
  it("has no collisions over 20,000 distinct small inputs", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20000; i++) seen.add(hashArgs("F", [[[i, i % 7]]]));
    expect(seen.size).toBe(20000);
  });
});

describe("LruMemo", () => {
  it("serves repeated calls from the cache and counts hits", () => {
    const m = new LruMemo();
    const compute = jest.fn(() => [[1]]);
    expect(m.memo("F", [[[1]]], compute)).toEqual([[1]]);
    expect(m.memo("F", [[[1]]], compute)).toEqual([[1]]);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(m.hits).toBe(1);
    expect(m.misses).toBe(1);
    m.memo("F", [[[2]]], compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });
  it("evicts the least recently used entry beyond maxEntries", () => {
    const m = new LruMemo({ maxEntries: 2 });
    m.set("a", [[1]]);
    m.set("b", [[2]]);
    m.get("a"); // a is now most recent
    m.set("c", [[3]]);
    expect(m.get("b")).toBeUndefined();
    expect(m.get("a")).toEqual([[1]]);
    expect(m.get("c")).toEqual([[3]]);
    expect(m.size).toBe(2);
  });
  it("is bounded by cells, and does not cache a result larger than the bound", () => {
    const m = new LruMemo({ maxCells: 5 });
    m.set("big", [[1, 2, 3, 4, 5, 6]]);
    expect(m.get("big")).toBeUndefined();
    m.set("a", [[1, 2, 3]]);
    m.set("b", [[1, 2, 3]]);
    expect(m.get("a")).toBeUndefined();
    expect(m.get("b")).toBeDefined();
  });
  it("does not cache errors", () => {
    const m = new LruMemo();
    let n = 0;
    const boom = () => {
      n++;
      throw new Error("x");
    };
    expect(() => m.memo("F", [1], boom)).toThrow();
    expect(() => m.memo("F", [1], boom)).toThrow();
    expect(n).toBe(2);
    m.clear();
    expect(m.size).toBe(0);
  });
});

describe("LruMemo: large arguments", () => {
  it("computes directly (no hash, no cache) when the arguments exceed maxArgCells", () => {
    const m = new LruMemo({ maxArgCells: 10 });
    let calls = 0;
    const big = Array.from({ length: 6 }, () => [1, 2]); // 12 cells
    const f = () => (calls++, [[1]]);
    m.memo("F", [big], f);
    m.memo("F", [big], f);
    expect(calls).toBe(2);
    expect(m.bypassed).toBe(2);
    expect(m.size).toBe(0);
    m.memo("F", [[[1, 2]], 3], f); // 3 cells: cached
    m.memo("F", [[[1, 2]], 3], f);
    expect(calls).toBe(3);
    expect(m.hits).toBe(1);
  });
});
