/** A CLI subcommand. Each lives in src/cli/commands/<name>.ts and is registered in src/cli/commands/index.ts. */
export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

export interface Command {
  name: string;
  summaryVi: string;
  summaryEn: string;
  /** Usage line(s) shown by `poverty <name> --help`. */
  usage: string;
  /** Returns the process exit code: 0 ok, 1 findings/errors in the data, 2 unreadable input or bad usage. */
  run(args: string[], io: CliIO): Promise<number>;
}
