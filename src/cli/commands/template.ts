import type { Command } from "../command";
import { standardForYear } from "../../core/standards";
import { buildRosterTemplate, buildSummaryTemplate } from "../../core/tables";
import { buildRegisterTemplate } from "../../core/sponsors";
import { writeTablesToBuffer } from "../../xlsx/write";
import { prepareOutput } from "../output";
import { FRAME_SPEC, FRAME_USAGE, frameOptionsOf } from "../args";
import { opt, parseCommandLine, usageFail } from "../options";

/** Options of `poverty template` (add an option: one line here). */
const TEMPLATE_OPTIONS = {
  kind: opt.withDefault(opt.choice(["roster", "summary", "register", "all"] as const), "all"),
  year: opt.withDefault(opt.year(), 2026),
  lang: opt.lang(),
  rows: opt.int(1, 100000),
  out: opt.text("blank.xlsx"),
  ...FRAME_SPEC,
  force: opt.flag(),
};

/**
 * `poverty template [--kind roster|summary|register|all] [--year N] [--lang vi|en] [--rows N] --out blank.xlsx`
 * register: the sponsorship register and its quota sheet ("Giúp hộ nghèo có địa chỉ", core/sponsors).
 */
export const templateCommand: Command = {
  name: "template",
  summaryVi: "Tạo biểu mẫu trống (danh sách hộ, biểu tổng hợp, sổ đỡ đầu hộ nghèo) có kiểm tra dữ liệu nhập",
  summaryEn: "Write blank templates (household roster, summary form, sponsorship register) with data validation",
  usage: `poverty template [--kind roster|summary|register|all] [--year N] [--lang vi|en] [--rows N] ${FRAME_USAGE} [--force] --out blank.xlsx`,
  async run(args, io) {
    const { values } = parseCommandLine(args, TEMPLATE_OPTIONS, { max: 0 });
    const { out, kind, lang, year, rows } = values;
    const frame = frameOptionsOf(values);
    if (!out) usageFail("Thiếu --out (tệp mẫu).", "Missing --out (the template file).");
    const output = prepareOutput({ out, inputs: [], force: values.force, cwd: io.cwd });
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
