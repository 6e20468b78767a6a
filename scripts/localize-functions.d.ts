/** Types for scripts/localize-functions.js (used by webpack.config.js and test/contract). */
export interface FunctionsJson {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    parameters?: Array<{ name: string; description?: string; [key: string]: unknown }>;
    [key: string]: unknown;
  }>;
  [key: string]: unknown;
}
export type TranslationTable = Record<string, { description: string; parameters?: Record<string, string> }>;
export function localize(functionsJson: FunctionsJson, table: TranslationTable): FunctionsJson;
