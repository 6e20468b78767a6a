import type { Command } from "../command";
import { standardForYear } from "../../core/standards";
import { buildRosterTemplate, buildSummaryTemplate } from "../../core/tables";
import { buildRegisterTemplate } from "../../core/sponsors";
import type { Lang } from "../../core/i18n";
import { writeTablesToBuffer } from "../../xlsx/write";
import { prepareOutput } from "../output";
import { FRAME_USAGE, frameOptionsOf } from "../args";

/**
 * `poverty template [--kind roster|summary|register|all] [--year N] [--lang vi|en] [--rows N] [--unit …] [--place …] --out blank.xlsx`
 * register: the sponsorship register and its quota sheet ("Giúp hộ nghèo có địa chỉ", core/sponsors).
 */
export const templateCommand: Command = {
  name: "template",
  summaryVi: "Tạo biểu mẫu trống (danh sách hộ, biểu tổng hợp, sổ đỡ đầu hộ nghèo) có kiểm tra dữ liệu nhập",
  summaryEn: "Write blank templates (household roster, summary form, sponsorship register) with data validation",
  usage: `poverty template [--kind roster|summary|register|all] [--year N] [--lang vi|en] [--rows N] ${FRAME_USAGE} [--force] --out blank.xlsx`,
  async run(args, io) {
    const opt = (name: string) => {
      const i = args.indexOf(name);
      return i >= 0 ? args[i + 1] : undefined;
    };
    const out = opt("--out");
    const kind = opt("--kind") ?? "all";
    const lang = (opt("--lang") ?? "vi") as Lang;
    const year = Number(opt("--year") ?? 2026);
    const rows = opt("--rows") === undefined ? undefined : Number(opt("--rows"));
    const frame = frameOptionsOf(opt);
    if (
      !out ||
      !["roster", "summary", "register", "all"].includes(kind) ||
      !["vi", "en"].includes(lang) ||
      (rows !== undefined && !(Number.isInteger(rows) && rows > 0 && rows <= 100000))
    ) {
      io.err("Cách dùng / Usage: " + this.usage);
      return 2;
    }
    const output = prepareOutput({ out, inputs: [], force: args.includes("--force"), cwd: io.cwd });
    const target = output.path;
    const standard = standardForYear(year);
    const want = (k: string) => kind === k || kind === "all";
    const tables = [
      ...(want("roster") ? [buildRosterTemplate(standard, { lang, frame, ...(rows ? { rows } : {}) })] : []),
      ...(want("summary") ? [buildSummaryTemplate(standard, { lang, frame, ...(rows ? { rows } : {}) })] : []),
      ...(want("register") ? buildRegisterTemplate({ lang, frame, ...(rows ? { rows } : {}) }) : []),
    ];
    await output.write(await writeTablesToBuffer(tables, { lang }));
    io.out(lang === "vi" ? `Đã ghi biểu mẫu: ${target}` : `Template written: ${target}`);
    return 0;
  },
};
