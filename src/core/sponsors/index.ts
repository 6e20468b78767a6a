/**
 * "Giúp hộ nghèo có địa chỉ": sponsorship registers of the mass organisations (reading, checks), the period's
 * sponsorship, support, loans and outcomes, and their report tables and templates. See docs/reports.md.
 */
export * from "./vocabulary";
export * from "./period";
export * from "./detect";
export * from "./register";
export * from "./compute";
export * from "./tables";
export * from "./sample";
