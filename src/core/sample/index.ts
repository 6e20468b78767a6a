export * from "./random";
export * from "./roster";
