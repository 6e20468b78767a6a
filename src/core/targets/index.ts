/**
 * Targets (docs/domain.md §8.2, §8.3, §8.5, §9.3): reduction targets in percentage points, multi-year paths,
 * exact allocation to units, progress against plans. Rates and pp are fractions (0.03 = 3 pp).
 */
export * from "./reduction";
export * from "./paths";
export * from "./allocate";
export * from "./progress";
