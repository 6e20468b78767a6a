/**
 * Render a results file (bench/out/last.json, or --out of run.js) as the Markdown table used in
 * docs/performance.md:  node lib/bench/markdown.js bench/out/last.json
 */
import * as fs from "fs";
import type { Row } from "./harness";
import { fmtBytes, fmtCount, fmtMs, fmtNum, fmtRate } from "./harness";

function metrics(r: Row): string {
  const parts: string[] = [];
  if (r.ratio) parts.push(`**${r.ratio.label} = ${fmtNum(r.ratio.value)}×**`);
  for (const [k, v] of Object.entries(r.metrics ?? {})) {
    if (v === "" || k === "codes") continue;
    parts.push(
      `${k} ${typeof v === "number" ? (/bytes/i.test(k) ? fmtBytes(v) : Number.isInteger(v) ? String(v) : fmtNum(v)) : v}`,
    );
  }
  return parts.join("; ");
}

function main(): void {
  const file = process.argv[2] ?? "bench/out/last.json";
  const res = JSON.parse(fs.readFileSync(file, "utf8")) as {
    rows: Row[];
    machine: Record<string, unknown>;
    date: string;
    mode: string;
    runs: number;
    wallSeconds: number;
  };
  const m = res.machine as {
    nproc: number;
    cpu: string;
    memoryGB: number;
    node: string;
    os: string;
    loadavg: number[];
    commit?: string;
  };
  const out: string[] = [];
  out.push(
    `Run: ${res.date} (${res.mode}, ${res.runs} runs per measurement, wall ${res.wallSeconds} s), commit ${m.commit ?? "?"}; ` +
      `${m.nproc} cores, ${m.cpu}, ${m.memoryGB} GB, node ${m.node}, ${m.os}; load average at start ${m.loadavg.join(" / ")}.`,
  );
  out.push("");
  out.push("| case | variant | size | median | throughput | peak RSS | ratio / metrics | target |");
  out.push("|---|---|---:|---:|---:|---:|---|---|");
  for (const r of res.rows) {
    const size = r.size !== undefined ? fmtCount(r.size) : "";
    if (r.status !== "ok") {
      out.push(`| ${r.case} | ${r.variant} | ${size} | ${r.status} | | | ${r.note ?? ""} | |`);
      continue;
    }
    const target = r.target
      ? `${r.target.text}: **${r.target.met ? "met" : "MISSED"}**${r.target.detail ? ` (${r.target.detail})` : ""}`
      : "";
    out.push(
      `| ${r.case} | ${r.variant.replace(/\|/g, "\\|")} | ${size} | ${r.medianMs !== undefined ? fmtMs(r.medianMs) : ""} | ${
        r.throughput !== undefined && r.sizeUnit ? fmtRate(r.throughput, r.sizeUnit) : ""
      } | ${r.peakRssMB !== undefined ? `${r.peakRssMB.toFixed(0)} MB` : ""} | ${metrics(r)}${r.note ? ` (${r.note})` : ""} | ${target} |`,
    );
  }
  process.stdout.write(out.join("\n") + "\n");
}

main();
