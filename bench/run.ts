/**
 * `npm run bench` — Poverty Planner benchmarks (issue 8). Not part of `npm test`.
 *
 *   npm run bench                      full run (rosters of 10k, 100k and 1,048,575 households), human table
 *   npm run bench -- --quick           small sizes (whole run well under 30 s after the build)
 *   npm run bench -- --json            machine-readable results on stdout (progress goes to stderr; the build
 *                                      before it prints webpack's summary on stdout too — use --out for a clean file)
 *   npm run bench -- --out r.json      also write the JSON to a file
 *   npm run bench -- --only classify,validate   selected cases
 *   npm run bench -- --runs 9          runs per measurement (median); default 5 (quick 3)
 *   npm run bench -- --only classify --sizes 100000   classify at chosen roster sizes
 *
 * Each case runs in its own Node process (--expose-gc) so its peak memory is its own. Ratios are computed
 * between variants measured in the same process, interleaved. Results are also written to bench/out/last.json.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { BenchOptions, Row } from "./harness";
import { fmtBytes, fmtCount, fmtMs, fmtNum, fmtRate } from "./harness";
import { CASES } from "./cases";
import { projectRoot } from "./load";

interface Args extends BenchOptions {
  json: boolean;
  out: string | null;
  only: string[] | null;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { quick: false, json: false, out: null, runs: 0, seed: 20250701, only: null };
  for (let i = 0; i < argv.length; i++) {
    const [k, inline] = argv[i].split("=", 2);
    const val = () => inline ?? argv[++i];
    if (k === "--quick") a.quick = true;
    else if (k === "--json") a.json = true;
    else if (k === "--out") a.out = val();
    else if (k === "--runs") a.runs = Number(val());
    else if (k === "--seed") a.seed = Number(val());
    else if (k === "--only")
      a.only = val()
        .split(",")
        .map((s) => s.trim());
    else if (k === "--sizes") a.sizes = val().split(",").map(Number);
    else if (k === "--help" || k === "-h") {
      process.stdout.write(
        `Usage: npm run bench -- [--quick] [--json] [--out FILE] [--only ${Object.keys(CASES).join(",")}] [--runs N] [--seed S]\n`,
      );
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!a.runs) a.runs = a.quick ? 3 : 5;
  return a;
}

export interface Machine {
  nproc: number;
  cpu: string;
  memoryGB: number;
  node: string;
  os: string;
  loadavg: number[];
  commit?: string;
}

export function machine(root: string): Machine {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    const m = /model name\s*:\s*(.*)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"));
    if (m) cpu = m[1].trim();
  } catch {
    /* not Linux */
  }
  let commit: string | undefined;
  try {
    const head = fs.readFileSync(path.join(root, ".git", "HEAD"), "utf8").trim();
    commit = head.startsWith("ref: ")
      ? fs
          .readFileSync(path.join(root, ".git", head.slice(5)), "utf8")
          .trim()
          .slice(0, 7)
      : head.slice(0, 7);
  } catch {
    /* not a git checkout */
  }
  return {
    nproc: typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length,
    cpu,
    memoryGB: Math.round((os.totalmem() / 1073741824) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    commit,
  };
}

function runChild(root: string, name: string, opts: BenchOptions, echo: boolean): Promise<Row[]> {
  const script = path.join(__dirname, "child.js");
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--expose-gc", "--max-old-space-size=8192", script, name, JSON.stringify(opts)],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
      if (echo) process.stderr.write(d);
    });
    child.on("close", (code, signal) => {
      const line = out.split("\n").find((l) => l.startsWith("@@BENCH "));
      if (line) return resolve(JSON.parse(line.slice(8)) as Row[]);
      const why = signal ? `killed by ${signal}` : `exit code ${code}`;
      resolve([
        {
          case: name,
          variant: "-",
          status: "error",
          note: `${why}: ${err.trim().split("\n").slice(-3).join(" | ").slice(0, 300)}`,
        },
      ]);
    });
  });
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function cell(r: Row): string[] {
  const size = r.size !== undefined ? fmtCount(r.size) : "";
  if (r.status !== "ok") return [r.case, r.variant, size, r.status, "", "", "", r.note ?? ""];
  const time = r.medianMs !== undefined ? fmtMs(r.medianMs) : "";
  const thr = r.throughput !== undefined && r.sizeUnit ? fmtRate(r.throughput, r.sizeUnit) : "";
  const mem = r.peakRssMB !== undefined ? `${r.peakRssMB.toFixed(0)} MB` : "";
  const parts: string[] = [];
  if (r.ratio) parts.push(`${r.ratio.label} = ${fmtNum(r.ratio.value)}×`);
  for (const [k, v] of Object.entries(r.metrics ?? {}))
    parts.push(
      `${k} ${typeof v === "number" ? (/bytes/i.test(k) ? fmtBytes(v) : Number.isInteger(v) ? String(v) : fmtNum(v)) : v}`,
    );
  const target = r.target
    ? `${r.target.text} ${r.target.met ? "MET" : "MISSED"}${r.target.detail ? ` (${r.target.detail})` : ""}`
    : "";
  return [
    r.case,
    r.variant,
    size,
    time,
    thr,
    mem,
    parts.join("; "),
    [target, r.note ?? ""].filter(Boolean).join(" — "),
  ];
}

export function table(rows: Row[]): string {
  const head = ["case", "variant", "size", "median", "throughput", "peak RSS", "ratio / metrics", "target / note"];
  const cells = rows.map(cell);
  const widths = head.map((h, i) => Math.min(i === 7 ? 200 : 60, Math.max(h.length, ...cells.map((c) => c[i].length))));
  const line = (c: string[]) =>
    c
      .map((x, i) => pad(x, widths[i]))
      .join(" | ")
      .trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.map(line)].join("\n");
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = projectRoot();
  const names = args.only ?? Object.keys(CASES);
  for (const n of names)
    if (!CASES[n]) throw new Error(`unknown case "${n}" (cases: ${Object.keys(CASES).join(", ")})`);
  const m = machine(root);
  const opts: BenchOptions = {
    quick: args.quick,
    runs: args.runs,
    seed: args.seed,
    ...(args.sizes ? { sizes: args.sizes } : {}),
  };
  const log = (s: string) => process.stderr.write(s);
  if (!args.json) {
    log(`Poverty Planner bench — ${args.quick ? "quick" : "full"} run, ${opts.runs} runs per measurement (median)\n`);
    log(`machine: ${m.nproc} cores, ${m.cpu}, ${m.memoryGB} GB, node ${m.node}, load ${m.loadavg.join(" ")}\n`);
  }
  const t0 = Date.now();
  const rows: Row[] = [];
  for (const n of names) {
    if (!args.json) log(`▸ ${n}: ${CASES[n].title}\n`);
    const caseRows = await runChild(root, n, opts, !args.json);
    rows.push(...caseRows);
  }
  const wallS = (Date.now() - t0) / 1000;
  const result = {
    tool: "poverty-planner bench",
    date: new Date().toISOString(),
    mode: args.quick ? "quick" : "full",
    runs: opts.runs,
    seed: opts.seed,
    machine: m,
    wallSeconds: Math.round(wallS * 10) / 10,
    rows,
  };
  try {
    fs.mkdirSync(path.join(root, "bench", "out"), { recursive: true });
    fs.writeFileSync(
      path.join(root, "bench", "out", args.quick ? "last-quick.json" : "last.json"),
      JSON.stringify(result, null, 2),
    );
  } catch {
    /* read-only checkout: results still go to stdout */
  }
  if (args.out) fs.writeFileSync(path.resolve(args.out), JSON.stringify(result, null, 2) + "\n");
  if (args.json) process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  else {
    process.stdout.write("\n" + table(rows) + "\n\n");
    const targets = rows.filter((r) => r.target);
    const met = targets.filter((r) => r.target!.met).length;
    process.stdout.write(
      `targets: ${met}/${targets.length} met; ${rows.filter((r) => r.status !== "ok").length} rows not available or failed; wall ${wallS.toFixed(1)} s\n`,
    );
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exit(2);
});
