/**
 * Measures (docs/domain.md §7–§9): rates, counts by group, deprivation headcounts, Alkire–Foster and FGT.
 * All rates and shares are fractions (0.0797 shows as 7,97 %).
 */
export * from "./rates";
export * from "./intervals";
export * from "./deprivations";
export * from "./alkireFoster";
export * from "./fgt";
export * from "./exclusion";
