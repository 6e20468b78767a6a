/**
 * Reading the sheets wards send: header detection, column mapping, value parsing, typed rows.
 * Flow: Grid → detect() → Detection (kind + mapping + findings) → read() → SheetRead (rows + findings).
 */
export * from "./fields";
export * from "./text";
export * from "./parse";
export * from "./detect";
export * from "./read";
export * from "./households";
export * from "./units";
export * from "./describe";
export * from "./movement";
export * from "./periods";
export * from "./indicators";
