/**
 * `poverty` — command line over .xlsx files. Vietnamese first; `--lang en` for English.
 * Exit codes: 0 ok, 1 the data has errors, 2 unreadable input or bad usage.
 */
import { isPovertyError } from "../core/errors";
import type { CliIO } from "./command";
import { commands } from "./commands";
import { removePendingTemps } from "./output";
import { isUsageError } from "./options";
import { errorFile, setDebug } from "./context";

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
  io.out("  --debug        Chi tiết kỹ thuật khi có lỗi ngoài dự kiến / Technical details of an unexpected error");
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
  // --debug (any command): show the stack of an unexpected error. Never shown otherwise.
  const debug = rest.includes("--debug");
  const args = rest.filter((a) => a !== "--debug");
  setDebug(debug);
  try {
    return await cmd.run(args, io);
  } catch (e) {
    if (isUsageError(e) && isPovertyError(e)) {
      io.err(e.messageVi);
      io.err(e.messageEn);
      io.err(`Cách dùng / Usage: ${cmd.usage}`);
      return 2;
    }
    if (isPovertyError(e)) {
      io.err(`Lỗi [${e.code}]: ${e.messageVi}`);
      io.err(`Error [${e.code}]: ${e.messageEn}`);
      return 2;
    }
    // A defect of ours, not of the data: say which file was being worked on, never a bare stack trace.
    const message = e instanceof Error ? e.message : String(e);
    const file = errorFile(e);
    io.err(
      file
        ? `Lỗi không mong đợi khi xử lý tệp "${file}" (lệnh ${cmd.name}): ${message}`
        : `Lỗi không mong đợi (lệnh ${cmd.name}): ${message}`,
    );
    io.err(
      file
        ? `Unexpected error while processing file "${file}" (command ${cmd.name}): ${message}`
        : `Unexpected error (command ${cmd.name}): ${message}`,
    );
    if (debug && e instanceof Error && e.stack) io.err(e.stack);
    else io.err("Chạy lại với --debug để xem chi tiết kỹ thuật. / Run again with --debug for technical details.");
    return 2;
  }
}

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
