/**
 * The core's public surface. Other layers (functions, excel, xlsx, taskpane, cli) import from here
 * or from a module's own index. Keep one `export *` line per module.
 */
export * from "./errors";
export * from "./i18n";
export * from "./address";
export * from "./grid";
export * from "./household";
export * from "./findings";
export * from "./validate";
export * from "./sheet";
export * from "./tables/model";
export * from "./tables/frame";
export * from "./sample";
export * from "./standards";
export * from "./classify";
export * from "./measures";
export * from "./targets";
export * from "./transitions";
export * from "./sponsors";
export * from "./consolidate";
