/**
 * Running the real `poverty` bin (bin/poverty.js → lib/src/cli/main.js) from tests.
 * `ensureCliBuilt()` compiles lib/ with `tsc -p tsconfig.cli.json` when it is missing or older than any
 * source it is built from (src/core, src/xlsx, src/cli); a lock directory keeps parallel jest workers from
 * compiling at the same time.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..");
export const BIN = join(ROOT, "bin", "poverty.js");
const MAIN = join(ROOT, "lib", "src", "cli", "main.js");
const LOCK = join(ROOT, "lib", ".build-lock");

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestSource(p));
    else if (e.name.endsWith(".ts")) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function stale(): boolean {
  if (!existsSync(MAIN)) return true;
  const built = statSync(MAIN).mtimeMs;
  return ["src/core", "src/xlsx", "src/cli"].some((d) => newestSource(join(ROOT, d)) > built);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureCliBuilt(): Promise<void> {
  if (!stale()) return;
  mkdirSync(join(ROOT, "lib"), { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 150_000) rmdirSync(LOCK); // a crashed build left it behind
      await sleep(500);
      if (!stale()) return;
    }
  }
  try {
    if (!stale()) return;
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    // Type errors elsewhere in the tree do not stop emission; what matters is a fresh main.js.
    const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
    if (!existsSync(MAIN)) throw new Error(`CLI build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmdirSync(LOCK);
  }
}

export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node bin/poverty.js …args` in `cwd`. */
export function poverty(cwd: string, ...args: string[]): BinResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
