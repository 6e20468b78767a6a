/**
 * Tables are data: the ResultTable model and the generators (core results → ResultTable).
 * Writers: src/xlsx/write.ts (ExcelJS) and src/excel (Office.js).
 */
export * from "./model";
export * from "./frame";
export * from "./build";
export * from "./form1";
export * from "./exclusion";
export * from "./deprivation";
export * from "./breakdowns";
export * from "./targets";
export * from "./tracking";
export * from "./templates";
export * from "./transitions";
export * from "./report";
export * from "./roster";
export * from "./plan";
