/**
 * Validation of submissions: the finding model, the rule catalogue and the runner.
 * Faces (CLI, task pane, report sheet) render the same findings.
 */
export * from "./finding";
export * from "./catalogue";
export * from "./run";
export * from "./rules/tables";
export * from "./rules/household";
export * from "./rules/cross";
export * from "./rules/plan";
export * from "./rules/implied";
export { unitKey } from "./rules/common";
export * from "./docs";
