/**
 * The findings vocabulary: the finding model (`Finding`, `Severity`), the rule catalogue (every code
 * with its severity, titles and message templates) and `finding()`. It sits below both the sheet
 * reader (`core/sheet`) and the validators (`core/validate`), which both emit findings.
 */
export * from "./finding";
export * from "./catalogue";
export * from "./table";
