import type { Command } from "../command";

/** `poverty demo` — the main job on built-in sample data (grows with each capability). */
export const demoCommand: Command = {
  name: "demo",
  summaryVi: "Chạy toàn bộ quy trình trên dữ liệu mẫu có sẵn (ghi vào thư mục demo/)",
  summaryEn: "Run the whole workflow on built-in sample data (writes to demo/)",
  usage: "poverty demo [--out <folder>] [--seed <n>] [--images]",
  async run(_args, io) {
    io.out("TODO");
    return 0;
  },
};
