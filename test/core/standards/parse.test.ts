import { parseArea, parseCategory } from "../../../src/core/standards";

describe("parseArea", () => {
  test.each([
    "thành thị",
    "Thành Thị",
    "THÀNH THỊ",
    "thanh thi",
    "Thanh Thi",
    "đô thị",
    "Đô thị",
    "do thi",
    "khu vực thành thị",
    "Khu vực đô thị",
    "urban",
    "Urban",
    "TT",
    "tt",
    "ĐT",
    "  thành   thị ",
    "Thành thị.",
  ])("%p → urban", (v) => expect(parseArea(v)).toBe("urban"));

  test.each(["nông thôn", "Nông Thôn", "NÔNG THÔN", "nong thon", "khu vực nông thôn", "rural", "RURAL", "NT", "nt"])(
    "%p → rural",
    (v) => expect(parseArea(v)).toBe("rural"),
  );

  // NFD-composed input (decomposed diacritics as some exports write them)
  test("decomposed Unicode", () => expect(parseArea("Nông thôn".normalize("NFD"))).toBe("rural"));

  test.each([undefined, null, "", "  ", 1, 2, 0, true, "phường", "xã", "thành", "thi", "city", "nông", {}])(
    "%p → undefined",
    (v) => expect(parseArea(v)).toBeUndefined(),
  );
});

describe("parseCategory", () => {
  test.each([
    "Hộ nghèo",
    "hộ nghèo",
    "HỘ NGHÈO",
    "nghèo",
    "Nghèo",
    "ngheo",
    "ho ngheo",
    "HN",
    "hn",
    "poor",
    "Poor",
    "POOR",
    "poor household",
  ])("%p → poor", (v) => expect(parseCategory(v)).toBe("poor"));
  test.each([
    "Hộ cận nghèo",
    "hộ cận nghèo",
    "cận nghèo",
    "Cận Nghèo",
    "can ngheo",
    "ho can ngheo",
    "HCN",
    "hcn",
    "CN",
    "near-poor",
    "Near-poor",
    "near poor",
    "nearPoor",
    "NEARPOOR",
  ])("%p → nearPoor", (v) => expect(parseCategory(v)).toBe("nearPoor"));
  test.each([
    "Hộ có mức sống trung bình",
    "hộ có mức sống trung bình",
    "mức sống trung bình",
    "trung bình",
    "Trung Bình",
    "trung binh",
    "TB",
    "tb",
    "MSTB",
    "average",
    "Average living standard",
  ])("%p → average", (v) => expect(parseCategory(v)).toBe("average"));
  test.each([
    "Không thuộc diện",
    "không thuộc diện",
    "khong thuoc dien",
    "không",
    "Không",
    "khong",
    "none",
    "None",
    "Not in any category",
    "non-poor",
  ])("%p → none", (v) => expect(parseCategory(v)).toBe("none"));
  test("'cận nghèo' never matches 'nghèo'", () => {
    expect(parseCategory("cận nghèo")).not.toBe("poor");
    expect(parseCategory("Hộ cận nghèo")).not.toBe("poor");
    expect(parseCategory("HCN")).not.toBe("poor");
  });
  test.each([undefined, null, "", "   ", 1, "thoát nghèo", "tái nghèo", "nghèo đói", "xyz", true])(
    "%p → undefined",
    (v) => expect(parseCategory(v)).toBeUndefined(),
  );
});
