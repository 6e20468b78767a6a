/** @jest-environment jsdom */
/**
 * The pane's review year (useReviewYear): a sheet title naming a year no standard covers falls back to the saved or
 * default year, and the reason says the title's year was set aside and why (never a silent substitution).
 */
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { GatewayProvider } from "../../src/taskpane/workflows/common/gateway";
import { useReviewYear } from "../../src/taskpane/workflows/common/year";
import { FakeWorkbook } from "../support/fake-excel";
import { fakeHost } from "../support/fake-host";

const host = fakeHost(new FakeWorkbook({ sheets: [] }));
const wrapper = ({ children }: { children: ReactNode }) => <GatewayProvider host={host}>{children}</GatewayProvider>;

describe("useReviewYear", () => {
  it("a title year outside every standard is set aside, and the reason says so in both languages", () => {
    const { result } = renderHook(() => useReviewYear({ year: 2010, name: "DS hộ nghèo 2010" }), { wrapper });
    expect(result.current.year).not.toBe(2010);
    expect(result.current.resolved.reason.vi).toContain("Năm rà soát 2010");
    expect(result.current.resolved.reason.vi).toContain("DS hộ nghèo 2010");
    expect(result.current.resolved.reason.vi).toContain("không thuộc chuẩn nghèo nào");
    expect(result.current.resolved.reason.en).toContain("Review year 2010");
    expect(result.current.resolved.reason.en).toContain("not covered by any poverty standard");
  });

  it("a supported title year is used with the resolver's own reason", () => {
    const { result } = renderHook(() => useReviewYear({ year: 2023, name: "DS 2023" }), { wrapper });
    expect(result.current.year).toBe(2023);
    expect(result.current.resolved.reason.vi).not.toContain("không thuộc chuẩn nghèo nào");
  });
});
