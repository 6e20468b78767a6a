/**
 * The one command-line parser of `poverty` (every command uses it): `--name value`, `--name=value`, boolean
 * `--flags`, positional arguments, `--` ends the options. Each command declares its options once, with a value
 * parser per option, and gets typed values back:
 *
 *   const cl = parseCommandLine(args, {
 *     out: opt.text("tệp.xlsx", "file.xlsx"),
 *     year: opt.year(),
 *     lang: opt.lang(),
 *     force: opt.flag(),
 *   }, { min: 1, what: { vi: "tệp cần kiểm tra", en: "files to check" } });
 *   cl.values.year;  // number | undefined
 *   cl.values.lang;  // "vi" | "en" (default "vi")
 *
 * Adding an option to a command is one line in its spec. Unknown options, a missing or malformed value, an
 * option given twice, a value given to a flag and a wrong number of positional arguments are usage errors:
 * PovertyError INVALID_ARGUMENT with `details.usage = true` (main prints the message in Vietnamese and English,
 * then the command's usage line, and exits 2). A value is never turned into NaN: `--year abc` is an error.
 */
import { fail } from "../core/errors";
import type { Lang } from "../core/i18n";

interface Flag {
  readonly kind: "flag";
}
interface Valued<T> {
  readonly kind: "value";
  /** Placeholder shown in messages, e.g. "N". */
  readonly meta: string;
  /** Text → value. @throws PovertyError (usage errors: use `usageFail`). */
  readonly parse: (text: string, option: string) => T;
}
interface Defaulted<T> extends Valued<T> {
  readonly default: T;
}
export type OptionSpec = Flag | Valued<unknown>;
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The typed values of a spec: flags are booleans, options with a default always have a value. */
export type OptionValues<S extends OptionSpecs> = {
  -readonly [K in keyof S]: S[K] extends Flag
    ? boolean
    : S[K] extends Defaulted<infer T>
      ? T
      : S[K] extends Valued<infer T>
        ? T | undefined
        : never;
};

export interface CommandLine<S extends OptionSpecs> {
  positional: string[];
  values: OptionValues<S>;
}

export interface PositionalSpec {
  min?: number;
  max?: number;
  /** What the positional arguments are (for "missing …" messages). */
  what?: { vi: string; en: string };
}

/** A usage error (exit 2, the usage line is printed after the message). */
export function usageFail(vi: string, en: string, details: Record<string, unknown> = {}): never {
  return fail("INVALID_ARGUMENT", vi, en, { ...details, usage: true });
}

/** Whether an error is a usage error raised by this module (or by a command with `usageFail`). */
export function isUsageError(e: unknown): boolean {
  return (
    typeof e === "object" &&
    e !== null &&
    (e as { code?: unknown }).code === "INVALID_ARGUMENT" &&
    (e as { details?: { usage?: unknown } }).details?.usage === true
  );
}

function valued<T>(meta: string, parse: (text: string, option: string) => T): Valued<T> {
  return { kind: "value", meta, parse };
}

/** Option builders. */
export const opt = {
  /** A boolean `--flag` (false when absent). */
  flag: (): Flag => ({ kind: "flag" }),
  /** Any text (a path, a sheet name). */
  text: (meta = "…"): Valued<string> => valued(meta, (t) => t),
  /** One of the listed words. */
  choice: <C extends string>(choices: readonly C[]): Valued<C> =>
    valued(choices.join("|"), (t, o) => {
      if ((choices as readonly string[]).includes(t)) return t as C;
      return usageFail(
        `Giá trị không hợp lệ cho ${o}: "${t}". Chọn một trong: ${choices.join(", ")}.`,
        `Invalid value for ${o}: "${t}". Choose one of: ${choices.join(", ")}.`,
        { option: o, value: t },
      );
    }),
  /** A year: four digits (1900–2100). */
  year: (): Valued<number> =>
    valued("N", (t, o) => {
      const n = /^\d{4}$/.test(t.trim()) ? Number(t) : NaN;
      if (n >= 1900 && n <= 2100) return n;
      return usageFail(
        `${o} cần một năm gồm 4 chữ số (ví dụ ${o} 2025), không phải "${t}".`,
        `${o} needs a four-digit year (e.g. ${o} 2025), not "${t}".`,
        { option: o, value: t },
      );
    }),
  /** A whole number in [min, max]. */
  int: (min: number, max: number): Valued<number> =>
    valued("N", (t, o) => {
      const n = /^[+-]?\d+$/.test(t.trim()) ? Number(t) : NaN;
      if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
      return usageFail(
        `${o} cần một số nguyên từ ${min} đến ${max}, không phải "${t}".`,
        `${o} needs a whole number from ${min} to ${max}, not "${t}".`,
        { option: o, value: t },
      );
    }),
  /** A value read by the given parser (which throws its own PovertyError). */
  custom: <T>(meta: string, parse: (text: string, option: string) => T): Valued<T> => valued(meta, parse),
  /** `--lang vi|en`, default vi. */
  lang: (): Defaulted<Lang> => opt.withDefault(opt.choice(["vi", "en"] as const), "vi"),
  /** The same option with a default value. */
  withDefault: <T>(o: Valued<T>, value: T): Defaulted<T> => ({ ...o, default: value }),
};

/** Levenshtein distance (for "did you mean --out?"). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

/**
 * Parse a command's arguments against its option spec.
 * @throws PovertyError INVALID_ARGUMENT (usage error) — see the module comment.
 */
export function parseCommandLine<S extends OptionSpecs>(
  args: readonly string[],
  spec: S,
  positionals: PositionalSpec = {},
): CommandLine<S> {
  const positional: string[] = [];
  const seen = new Map<string, string>();
  const names = Object.keys(spec);
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (optionsEnded || !a.startsWith("-") || a === "-") {
      positional.push(a);
      continue;
    }
    if (a === "--") {
      optionsEnded = true;
      continue;
    }
    const eq = a.indexOf("=");
    const option = eq > 0 ? a.slice(0, eq) : a;
    const name = option.replace(/^--/, "");
    const s = option.startsWith("--") && Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (!s) {
      const near = names.filter((n) => distance(name, n) <= 2).map((n) => `--${n}`);
      const list = names.length ? names.map((n) => `--${n}`).join(", ") : "(không có / none)";
      usageFail(
        `Tùy chọn không hợp lệ: ${option}.${near.length ? ` Có phải ý bạn là ${near.join(" hoặc ")}?` : ""} Các tùy chọn: ${list}.`,
        `Unknown option: ${option}.${near.length ? ` Did you mean ${near.join(" or ")}?` : ""} Options: ${list}.`,
        { option },
      );
    }
    if (seen.has(name))
      usageFail(`Tùy chọn ${option} được cho hai lần.`, `Option ${option} is given twice.`, { option });
    if (s.kind === "flag") {
      if (eq > 0)
        usageFail(`${option} không nhận giá trị.`, `${option} takes no value.`, { option, value: a.slice(eq + 1) });
      seen.set(name, "");
      continue;
    }
    let text: string | undefined;
    if (eq > 0) text = a.slice(eq + 1);
    else {
      text = args[i + 1];
      if (text !== undefined && text.startsWith("--") && text.length > 2) text = undefined;
      else i++;
    }
    if (text === undefined || text === "")
      usageFail(
        `Thiếu giá trị sau ${option} (${option} ${s.meta}).`,
        `Missing value after ${option} (${option} ${s.meta}).`,
        { option },
      );
    seen.set(name, text);
  }
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const s = spec[name];
    const text = seen.get(name);
    if (s.kind === "flag") values[name] = text !== undefined;
    else if (text !== undefined) values[name] = s.parse(text, `--${name}`);
    else if ("default" in s) values[name] = (s as Defaulted<unknown>).default;
    else values[name] = undefined;
  }
  const { min = 0, max = Infinity, what } = positionals;
  if (positional.length < min)
    usageFail(`Thiếu ${what?.vi ?? "đối số"}.`, `Missing ${what?.en ?? "arguments"}.`, {
      expected: min,
      got: positional.length,
    });
  if (positional.length > max)
    usageFail(
      max === 0
        ? `Lệnh này không nhận đối số "${positional[0]}".`
        : `Thừa đối số: ${positional
            .slice(max)
            .map((p) => `"${p}"`)
            .join(", ")}.`,
      max === 0
        ? `This command takes no argument "${positional[0]}".`
        : `Too many arguments: ${positional
            .slice(max)
            .map((p) => `"${p}"`)
            .join(", ")}.`,
      { expected: max, got: positional.length },
    );
  return { positional, values: values as OptionValues<S> };
}
