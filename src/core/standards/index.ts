/**
 * Poverty standards (chuẩn nghèo) as data, keyed by review year, with local (provincial) overrides.
 * Sources and uncertainties: docs/standards.md (generated from this module).
 */
export * from "./schema";
export * from "./document";
export { QD59_2015, ND07_2021, ND351_2025, NATIONAL_STANDARDS } from "./data";
export * from "./lookup";
export * from "./local";
export * from "./parse";
export * from "./year";
