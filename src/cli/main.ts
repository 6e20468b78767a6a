/**
 * `poverty` — command line over .xlsx files. Vietnamese first; `--lang en` for English.
 * Exit codes: 0 ok, 1 the data has errors, 2 unreadable input or bad usage.
 */
import { isPovertyError } from "../core/errors";
import type { CliIO } from "./command";
import { commands } from "./commands";
import { removePendingTemps } from "./output";

import { readFileSync, existsSync } from "fs";
import { dirname, join } from "path";

/** package.json, found by walking up (works from src/ under jest and from lib/ when compiled). */
function packageInfo(): { version: string } {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const p = join(dir, "package.json");
    if (existsSync(p)) return JSON.parse(readFileSync(p, "utf8")) as { version: string };
    dir = dirname(dir);
  }
  return { version: "0.0.0" };
}
const pkg = packageInfo();

function help(io: CliIO): void {
  io.out(`poverty ${pkg.version} — Giảm nghèo – Kế hoạch & Kiểm tra (Poverty Planner)`);
  io.out("");
  io.out("Cách dùng / Usage: poverty <lệnh|command> [tùy chọn|options]");
  io.out("");
  for (const c of commands) {
    io.out(`  ${c.name.padEnd(12)} ${c.summaryVi}`);
    io.out(`  ${"".padEnd(12)} ${c.summaryEn}`);
  }
  io.out("");
  io.out("  --help, -h     Trợ giúp / Help;  poverty <lệnh> --help");
  io.out("  --version, -v  Phiên bản / Version");
  io.out("");
  io.out("Dữ liệu hộ gia đình là dữ liệu cá nhân: lệnh này không gửi gì ra mạng.");
  io.out("Household lists are personal data: this tool makes no network calls.");
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    help(io);
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.out(pkg.version);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.err(`Lệnh không tồn tại: "${name}". Xem: poverty --help`);
    io.err(`Unknown command: "${name}". See: poverty --help`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(cmd.usage);
    io.out(cmd.summaryVi);
    io.out(cmd.summaryEn);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (isPovertyError(e)) {
      io.err(`Lỗi [${e.code}]: ${e.messageVi}`);
      io.err(`Error [${e.code}]: ${e.messageEn}`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`Lỗi không mong đợi / Unexpected error: ${message}`);
    return 2;
  }
}

/**
 * For the `poverty` process: a temporary output file being written when the process ends (Ctrl-C, kill) is
 * removed, so an interrupted run leaves nothing half-written.
 */
export function installCleanup(): void {
  process.on("exit", removePendingTemps);
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)
    process.once(signal, () => {
      removePendingTemps();
      process.exit(code);
    });
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
  cwd: process.cwd(),
};
