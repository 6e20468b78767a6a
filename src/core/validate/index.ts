/**
 * Validation of submissions — the public surface: the runner (`validateSheet`, `validateWorkbooks`), what stops a
 * report or an allocation (`reportRoster`, `targetUnits`), the rules documentation, and the finding model and rule
 * catalogue (they live in `core/findings` and are re-exported here). The rule functions (`rules/*.ts`) are the
 * runner's internals, not an API: a face that needs one of their answers gets a service here instead.
 * Faces (CLI, task pane, report sheet) render the same findings.
 */
export * from "../findings";
export * from "./run";
export * from "./inputs";
export { unitKey } from "../sheet/text";
export * from "./docs";
