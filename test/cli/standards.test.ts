/**
 * docs/standards.md is generated from src/core/standards and must not drift from it;
 * `poverty standards` prints a year's standard (text) or the markdown, through the real bin.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { formatNumber, listStandards, standardForYear } from "../../src/core";
import { standardsMarkdown } from "../../src/cli/standards-doc";
import { ensureCliBuilt, poverty, ROOT } from "./bin";

jest.setTimeout(240_000);

const DOC = join(ROOT, "docs", "standards.md");
const REGENERATE = "Regenerate it: npm run build:cli && node bin/poverty.js standards --markdown > docs/standards.md";

test("the committed docs/standards.md equals the markdown generated from the standards data", () => {
  const committed = readFileSync(DOC, "utf8");
  const generated = standardsMarkdown();
  if (committed !== generated)
    throw new Error(`docs/standards.md is out of date with src/core/standards. ${REGENERATE}`);
  expect(committed).toBe(generated);
});

test("the markdown carries every standard's citation, years, lines (null = unknown), indicators and uncertain notes, vi before en", () => {
  const md = standardsMarkdown();
  const en = md.indexOf("## English");
  expect(md.indexOf("## Tiếng Việt")).toBeGreaterThan(0);
  expect(en).toBeGreaterThan(md.indexOf("## Tiếng Việt"));
  for (const s of listStandards()) {
    expect(md.slice(0, en)).toContain(s.citation.vi);
    expect(md.slice(en)).toContain(s.citation.en);
    expect(md).toContain(`${s.reviewYears.from}–${s.reviewYears.to}`);
    for (const area of ["rural", "urban"] as const) {
      const line = s.lines[area].poverty;
      if (line !== null) expect(md.slice(0, en)).toContain(`${formatNumber(line, "vi")} đ`);
    }
    for (const ind of s.indicators ?? []) expect(md).toContain(`\`${ind.id}\``);
    for (const u of s.uncertain) {
      expect(md.slice(0, en)).toContain(u.note.vi.replace(/\|/g, "\\|"));
      expect(md.slice(en)).toContain(u.note.en.replace(/\|/g, "\\|"));
    }
    for (const n of s.notes ?? []) expect(md).toContain(n.vi);
  }
  // A null line is shown as unknown, never as a number.
  const s2027 = standardForYear(2027);
  expect(s2027.lines.rural.averageCeiling).toBeNull();
  expect(md).toMatch(/\| khu vực nông thôn \| 2\.200\.000 đ \| 2\.200\.000 đ \| chưa rõ \|/);
  expect(md).toContain("| rural area | 2,200,000 VND | 2,200,000 VND | unknown |");
});

describe("poverty standards (bin)", () => {
  beforeAll(ensureCliBuilt);

  test("--markdown prints the document", () => {
    const r = poverty(ROOT, "standards", "--markdown");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(standardsMarkdown());
  });

  test("--year prints that year's standard; a year outside every standard exits 2", () => {
    const vi = poverty(ROOT, "standards", "--year", "2024");
    expect(vi.code).toBe(0);
    const s = standardForYear(2024);
    expect(vi.stdout.split("\n")[0]).toBe(
      "Năm rà soát 2024 · chuẩn Nghị định 07/2021/NĐ-CP · năm rà soát 2024 do người dùng chọn (tùy chọn --year)",
    );
    expect(vi.stdout.split("\n")[1]).toBe(
      "Căn cứ: Nghị định 07/2021/NĐ-CP (Điều 3): chuẩn nghèo đa chiều giai đoạn 2022–2025.",
    );
    expect(vi.stdout).toContain(s.citation.vi);
    expect(vi.stdout).toMatch(/khu vực nông thôn\s+1\.500\.000 đ/);
    const en = poverty(ROOT, "standards", "--year", "2019", "--lang", "en");
    expect(en.stdout).toContain(standardForYear(2019).citation.en);
    expect(en.stdout).toMatch(/rural area\s+700,000 VND\s+1,000,000 VND/);
    const bad = poverty(ROOT, "standards", "--year", "2040");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("UNKNOWN_YEAR");
    expect(poverty(ROOT, "standards", "--year", "x").code).toBe(2);
  });

  test("without --year: the default review year, and why (the latest review with results)", () => {
    const r = poverty(ROOT, "standards");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(
      /^Năm rà soát \d{4} · chuẩn .+ · mặc định: năm rà soát gần nhất đã có kết quả/,
    );
    expect(poverty(ROOT, "standards", "--cutover-month", "0").code).toBe(2);
  });
});
