/** The benchmark cases, in the order they run and print. */
import type { BenchOptions, Row } from "../harness";
import * as classify from "./classify";

export interface Case {
  /** one line for --help */
  title: string;
  run(opts: BenchOptions): Promise<Row[]>;
}

export const CASES: Record<string, Case> = {
  classify,
};
