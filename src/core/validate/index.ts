/**
 * Validation of submissions: the runner and the rules (the finding model and the rule catalogue live
 * in `core/findings` and are re-exported here).
 * Faces (CLI, task pane, report sheet) render the same findings.
 */
export * from "../findings";
export * from "./run";
export * from "./rules/tables";
export * from "./rules/household";
export * from "./rules/cross";
export * from "./rules/plan";
export * from "./rules/implied";
export * from "./inputs";
export { unitKey } from "../sheet/text";
export * from "./docs";
