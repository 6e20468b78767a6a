/**
 * Timing and memory helpers. Times are medians of several runs (the machine is shared: the median resists the
 * odd slow run); ratios are taken between variants measured in the same process, interleaved run by run, so a
 * burst of load from a neighbour hits both sides.
 */

export interface BenchOptions {
  quick: boolean;
  /** runs per measurement (median) */
  runs: number;
  seed: number;
  /** override the roster sizes of the classify case (--sizes 100000,1048575) */
  sizes?: number[];
}

export interface Target {
  /** e.g. "≤ 3×" */
  text: string;
  met: boolean;
  /** how far from the target, as a human string ("1.4× over", "OK with 2.1× margin") */
  detail?: string;
}

export interface Row {
  case: string;
  variant: string;
  size?: number;
  status: "ok" | "not available" | "error";
  medianMs?: number;
  minMs?: number;
  runs?: number;
  /** items per second (items = sizeUnit) */
  throughput?: number;
  sizeUnit?: string;
  /** peak resident set of the process that ran the case (MB) */
  peakRssMB?: number;
  /** extra measurements (syncs, bytes, …) */
  metrics?: Record<string, number | string>;
  ratio?: { label: string; value: number };
  target?: Target;
  note?: string;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

/**
 * A full GC, then a pause so V8's concurrent sweeper threads finish before the clock starts: on a 2-core machine
 * they otherwise compete with the measured code. The pause grows with the heap (15 ms + 1 ms per 4 MB used, at most
 * 300 ms): with the 1M rosters in memory (≈ 0.9 GB) a fixed 15 ms left the sweeper running, which slowed the
 * typed-array kernel 2–3× (23 ms → 55–70 ms at 1M rows) and so flattered every ratio taken against it.
 */
export async function settle(ms?: number): Promise<void> {
  gc();
  const pause = ms ?? Math.min(300, 15 + process.memoryUsage().heapUsed / 4_194_304);
  await new Promise((r) => setTimeout(r, pause));
}

/** Peak resident set size of this process so far, MB (Linux reports maxRSS in KiB). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function rssMB(): number {
  return process.memoryUsage().rss / 1048576;
}

export interface Timing {
  samples: number[];
  median: number;
  min: number;
}

function timing(samples: number[]): Timing {
  return { samples, median: median(samples), min: Math.min(...samples) };
}

/** Run `fn` once to warm up, then `runs` times; returns the median. `fn` returns a value we keep alive. */
export async function measure(fn: () => unknown, runs: number, warmup = 1): Promise<Timing> {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await settle();
    const t0 = nowMs();
    sink = fn();
    samples.push(nowMs() - t0);
  }
  keep(sink);
  return timing(samples);
}

export async function measureAsync(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<Timing> {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await settle();
    const t0 = nowMs();
    sink = await fn();
    samples.push(nowMs() - t0);
  }
  keep(sink);
  return timing(samples);
}

/**
 * Measure several variants interleaved (A B C, B C A, C A B, …) so that noise from other processes on the
 * shared cores is spread evenly over them. Each variant is warmed up once first.
 */
export async function measureInterleaved(
  fns: Record<string, () => unknown>,
  runs: number,
): Promise<Record<string, Timing>> {
  const names = Object.keys(fns);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  let sink: unknown;
  for (const n of names) sink = fns[n]();
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(r + k) % names.length];
      await settle();
      const t0 = nowMs();
      sink = fns[n]();
      samples[n].push(nowMs() - t0);
    }
  }
  keep(sink);
  return Object.fromEntries(names.map((n) => [n, timing(samples[n])]));
}

let kept: unknown;
/** Keep a result reachable so the optimiser cannot drop the work that produced it. */
export function keep(v: unknown): void {
  kept = v;
}
export function kept_(): unknown {
  return kept;
}

export function notAvailable(caseName: string, variant: string, reason: string, size?: number): Row {
  return { case: caseName, variant, size, status: "not available", note: reason };
}

export function errorRow(caseName: string, variant: string, e: unknown, size?: number): Row {
  const msg = e instanceof Error ? e.message : String(e);
  return { case: caseName, variant, size, status: "error", note: msg.split("\n")[0].slice(0, 200) };
}

/** "≤ limit" target on a ratio. */
export function atMost(value: number, limit: number, unit = "×"): Target {
  const met = value <= limit;
  return {
    text: `≤ ${limit}${unit}`,
    met,
    detail: met ? `${fmtNum(limit / value)}× margin` : `over by ${fmtNum(value / limit)}×`,
  };
}

/** "≥ limit" target on a ratio. */
export function atLeast(value: number, limit: number, unit = "×"): Target {
  const met = value >= limit;
  return {
    text: `≥ ${limit}${unit}`,
    met,
    detail: met ? `${fmtNum(value / limit)}× margin` : `short by ${fmtNum(limit / value)}×`,
  };
}

export function fmtNum(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

export function fmtMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

export function fmtCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n % 1e6 === 0 ? 0 : 2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(n % 1e3 === 0 ? 0 : 1)}k`;
  return String(n);
}

export function fmtRate(perS: number, unit: string): string {
  if (perS >= 1e6) return `${(perS / 1e6).toFixed(1)} M ${unit}/s`;
  if (perS >= 1e3) return `${(perS / 1e3).toFixed(1)} k ${unit}/s`;
  return `${perS.toFixed(1)} ${unit}/s`;
}

export function fmtBytes(b: number): string {
  if (b >= 1048576) return `${(b / 1048576).toFixed(2)} MB`;
  if (b >= 1024) return `${(b / 1024).toFixed(1)} KB`;
  return `${b} B`;
}

export function okRow(
  caseName: string,
  variant: string,
  size: number,
  sizeUnit: string,
  t: Timing,
  extra: Partial<Row> = {},
): Row {
  return {
    case: caseName,
    variant,
    size,
    sizeUnit,
    status: "ok",
    medianMs: t.median,
    minMs: t.min,
    runs: t.samples.length,
    throughput: t.median > 0 ? (size / t.median) * 1000 : undefined,
    ...extra,
  };
}
