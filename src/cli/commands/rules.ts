import { resolve } from "path";
import type { Command } from "../command";
import { RULES } from "../../core/validate/catalogue";
import { rulesMarkdown } from "../../core/validate/docs";
import { writeFileAtomic } from "../../xlsx/write";
import { parseArgs } from "./validate";

/** `poverty rules [--markdown] [--out docs/validation-rules.md] [--lang vi|en]`: the validation rule catalogue. */
export const rulesCommand: Command = {
  name: "rules",
  summaryVi: "Liệt kê các quy tắc kiểm tra (mã, mức độ); --markdown sinh docs/validation-rules.md",
  summaryEn: "List the validation rules (code, severity); --markdown generates docs/validation-rules.md",
  usage: "poverty rules [--markdown] [--out <file.md>] [--lang vi|en]",
  async run(args, io) {
    const { opts } = parseArgs(args);
    const lang = opts["--lang"] === "en" ? "en" : "vi";
    if (opts["--markdown"] === true || typeof opts["--out"] === "string") {
      const md = rulesMarkdown();
      if (typeof opts["--out"] === "string") {
        const target = resolve(io.cwd, opts["--out"]);
        await writeFileAtomic(target, Buffer.from(md, "utf8"));
        io.err(`${lang === "vi" ? "Đã ghi" : "Written"}: ${target}`);
      } else io.out(md);
      return 0;
    }
    for (const r of RULES)
      io.out(`${r.code.padEnd(28)} ${r.severity.padEnd(8)} ${lang === "vi" ? r.title.vi : r.title.en}`);
    return 0;
  },
};
