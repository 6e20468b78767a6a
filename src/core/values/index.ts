/**
 * Cell values as people write them: number text in Vietnamese and English format and 0/1 flags — one set of rules
 * for every face (custom functions, sheet reader). Pure: no Office, DOM or Node.
 */
export * from "./number";
export * from "./flag";
