/** The benchmark cases, in the order they run and print. */
import type { BenchOptions, Row } from "../harness";
import * as classify from "./classify";
import * as measures from "./measures";
import * as allocate from "./allocate";
import * as bundle from "./bundle";
import * as transitions from "./transitions";
import * as validate from "./validate";
import * as consolidate from "./consolidate";

export interface Case {
  /** one line for --help */
  title: string;
  run(opts: BenchOptions): Promise<Row[]>;
}

export const CASES: Record<string, Case> = {
  classify,
  measures,
  allocate,
  transitions,
  validate,
  consolidate,
  bundle,
};
