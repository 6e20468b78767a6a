/**
 * Case — consolidate at province scale (issue 13): `poverty consolidate` of one 300,000-household roster and of
 * one 1,000,000-household roster, each a fresh `poverty` process (the real bin, as a planner runs it): wall time and
 * peak RSS of that process. Targets: 300k < 20 s and < 1.5 GB; 1M < 60 s and < 3 GB (quick: 10k and 30k, same
 * targets).
 *
 * The input rosters (title, header, 22 columns, declared categories computed by the kernel so they are right, unique
 * ids) are written once into the temp dir with the product's streaming writer (src/xlsx/stream-write.ts; ExcelJS
 * would take minutes for 1M rows) and cached by size and seed.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateRoster, INDICATORS, rosterGrid } from "../data";
import type { BenchOptions, Row } from "../harness";
import { atMost, errorRow, nowMs, notAvailable } from "../harness";
import { classifyKernel } from "../kernel";
import { projectRoot, tryLoad } from "../load";
import { kernelRule, progress, REVIEW_YEAR } from "./common";

export const title = "consolidate 300k and 1M households: `poverty consolidate` in a fresh process (wall, peak RSS)";
const CASE = "consolidate";
const SHEET = "Danh sách hộ";

interface StreamWriterMod {
  XlsxStreamWriter: new (sink: { write(d: Uint8Array): void }) => {
    beginSheet(name: string, cols: { header: string; width: number; text?: boolean }[]): void;
    row(values: unknown[]): void;
    endSheet(): void;
    finish(): void;
  };
}

/** The roster file of `n` households (cached). */
function rosterFile(n: number, seed: number): string | { error: string } {
  const dir = path.join(os.tmpdir(), "poverty-bench");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `consolidate-${n}-${seed}.xlsx`);
  if (fs.existsSync(file)) return file;
  const kr = kernelRule();
  if ("error" in kr) return kr;
  const w = tryLoad<StreamWriterMod>("src/xlsx/stream-write", ["XlsxStreamWriter"]);
  if (!w.ok) return { error: w.reason };
  progress(`consolidate: writing a ${n}-household roster (once; cached)`);
  const r = generateRoster(n, seed);
  const declared = classifyKernel(r.income, r.area, r.flags, INDICATORS, kr.rule);
  const grid = rosterGrid(r, declared, null);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, "w");
  try {
    const writer = new w.mod.XlsxStreamWriter({ write: (d) => void fs.writeSync(fd, d) });
    // The title and blank rows come first, as a ward writes them; the header row is the third row.
    const width = grid[2].length;
    writer.beginSheet(
      SHEET,
      Array.from({ length: width }, (_v, i) => ({ header: i === 0 ? String(grid[0][0] ?? "") : "", width: 12 })),
    );
    for (const row of grid.slice(1)) writer.row(row);
    writer.endSheet();
    writer.finish();
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  return file;
}

interface Run {
  code: number | null;
  wallMs: number;
  /** User + system CPU time of the process (all its threads). */
  cpuMs: number;
  rssMB: number;
  out: string;
  err: string;
}

/** `node bin/poverty.js consolidate <file> --out <out> --year Y --force` with its peak RSS reported on exit. */
function consolidate(file: string, out: string): Promise<Run> {
  const root = projectRoot();
  const preload = path.join(os.tmpdir(), "poverty-bench", "rss-on-exit.js");
  fs.writeFileSync(
    preload,
    `process.on("exit", () => { const u = process.resourceUsage(); process.stderr.write("@@RSS " + Math.round(u.maxRSS / 1024) + " @@CPU " + Math.round((u.userCPUTime + u.systemCPUTime) / 1000) + "\\n"); });`,
  );
  const args = ["-r", preload, path.join(root, "bin", "poverty.js"), "consolidate", file];
  args.push("--out", out, "--year", String(REVIEW_YEAR), "--force");
  const t0 = nowMs();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let so = "";
    let se = "";
    child.stdout.on("data", (d: Buffer) => (so += d.toString()));
    child.stderr.on("data", (d: Buffer) => (se += d.toString()));
    child.on("close", (code) => {
      const rss = Number(/@@RSS (\d+)/.exec(se)?.[1] ?? NaN);
      const cpu = Number(/@@CPU (\d+)/.exec(se)?.[1] ?? NaN);
      resolve({ code, wallMs: nowMs() - t0, cpuMs: cpu, rssMB: rss, out: so, err: se });
    });
  });
}

export async function run(opts: BenchOptions): Promise<Row[]> {
  const cases: { n: number; wall: number; mem: number }[] = opts.quick
    ? [
        { n: 10_000, wall: 20, mem: 1536 },
        { n: 30_000, wall: 60, mem: 3072 },
      ]
    : [
        { n: 300_000, wall: 20, mem: 1536 },
        { n: 1_000_000, wall: 60, mem: 3072 },
      ];
  const rows: Row[] = [];
  for (const c of cases) {
    const variant = "poverty consolidate (read, check, stream the merged roster)";
    try {
      const file = rosterFile(c.n, opts.seed);
      if (typeof file !== "string") {
        rows.push(notAvailable(CASE, variant, file.error, c.n));
        continue;
      }
      const out = path.join(os.tmpdir(), "poverty-bench", `merged-${c.n}.xlsx`);
      progress(`consolidate: ${c.n} households (fresh process)`);
      const r = await consolidate(file, out);
      if (r.code !== 0) {
        rows.push(errorRow(CASE, variant, new Error(`exit ${r.code}: ${(r.err || r.out).slice(-300)}`), c.n));
        continue;
      }
      const merged = Number(/Đã gộp (\d+) hộ/.exec(r.out)?.[1]);
      const wall = atMost(r.wallMs / 1000, c.wall, " s");
      const mem = atMost(r.rssMB, c.mem, " MB");
      rows.push({
        case: CASE,
        variant,
        size: c.n,
        sizeUnit: "households",
        status: "ok",
        medianMs: r.wallMs,
        runs: 1,
        throughput: (c.n / r.wallMs) * 1000,
        peakRssMB: r.rssMB,
        metrics: {
          "households merged": merged,
          "cpu ms": r.cpuMs,
          "input bytes": fs.statSync(file).size,
          "output bytes": fs.statSync(out).size,
        },
        target: {
          text: `< ${c.wall} s and < ${(c.mem / 1024).toFixed(1)} GB`,
          met: wall.met && mem.met && merged === c.n,
          detail: `wall ${wall.detail}; memory ${mem.detail}`,
        },
      });
      fs.rmSync(out, { force: true });
    } catch (e) {
      rows.push(errorRow(CASE, variant, e, c.n));
    }
  }
  return rows;
}
