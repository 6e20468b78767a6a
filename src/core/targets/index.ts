/**
 * Targets: reduction targets in percentage points (one reading of typed targets: ./points.ts), multi-year paths,
 * exact allocation to units, progress against plans. Rates and pp are fractions (0.03 = 3 pp).
 */
export * from "./reduction";
export * from "./points";
export * from "./paths";
export * from "./allocate";
export * from "./progress";
