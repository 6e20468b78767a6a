/**
 * The Excel gateway: the only code that calls Excel.run. Workflows import from here.
 *
 * Requirement sets used (ExcelApi): 1.1 values/valueTypes/numberFormat/formulas; 1.4 getItemOrNullObject,
 * getUsedRangeOrNullObject, Worksheet.names; 1.6 conditional formats (highlight); 1.7 freeze panes,
 * chart series X values; 1.8 data validation (templates); 1.9 page layout (skipped when missing), RangeAreas
 * (highlight). Document settings are Common API.
 */
export * from "./errors";
export * from "./host";
export * from "./marker";
export * from "./read";
export * from "./render";
export * from "./write";
export * from "./findings";
export * from "./navigate";
export * from "./settings";
export type * from "./office";
