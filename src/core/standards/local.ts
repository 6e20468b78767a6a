/**
 * Local (provincial) standards. The law lets a province adopt a higher standard than the national one
 * (e.g. Hà Nội Decision 13/2021/QĐ-UBND for 2022–2025; the power is confirmed for the 2026–2030 draft decree).
 * A local standard is a small JSON document that names the national standard it extends (`basedOn`) and
 * overrides its lines, with its own citation. It is merged onto the national one and validated by the same
 * `StandardSchema`, plus sanity rules.
 */
import { z } from "zod";
import { fail } from "../errors";
import { formatNumber } from "../i18n";
import {
  AreaLinesSchema,
  BilingualSchema,
  CitationSchema,
  StandardSchema,
  UncertainSchema,
  type Standard,
} from "./schema";
import { standardById } from "./lookup";
import { englishDocumentName } from "./document";
import { NATIONAL_STANDARDS } from "./data";

const positiveLine = z.number().int().positive();
const AreaOverrideSchema = z.strictObject({
  poverty: positiveLine.optional(),
  nearPoverty: positiveLine.optional(),
  averageCeiling: positiveLine.optional(),
});

/**
 * A local standard's citation: as a national one, but `documentEn` may be left out (files written before it
 * existed, or by hand); it is then derived from `document` by `englishDocumentName` ("Quyết định 13/2021/QĐ-UBND"
 * → "Decision 13/2021/QĐ-UBND").
 */
export const LocalCitationSchema = CitationSchema.extend({ documentEn: z.string().min(1).optional() });

/** What a province writes: `basedOn` + overrides. Unknown keys are rejected (typos must not pass silently). */
export const LocalStandardInputSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "ASCII id (letters, digits, . _ -)"),
  basedOn: z.string().min(1),
  province: z.string().min(1).optional(),
  name: BilingualSchema.optional(),
  citation: LocalCitationSchema,
  reviewYears: z.strictObject({ from: z.number().int(), to: z.number().int() }).optional(),
  lines: z.strictObject({ rural: AreaOverrideSchema.optional(), urban: AreaOverrideSchema.optional() }).optional(),
  /** Minimum number of deprivations for "poor"; may only be lowered (more households counted). Default: national. */
  deprivationCutoff: z.number().int().positive().optional(),
  notes: z.array(BilingualSchema).optional(),
  uncertain: z.array(UncertainSchema).optional(),
});
export type LocalStandardInput = z.infer<typeof LocalStandardInputSchema>;

/** One problem found in a local standard, with its JSON path ("lines.rural.poverty"). */
export interface StandardIssue {
  path: string;
  vi: string;
  en: string;
}

const pathText = (path: ReadonlyArray<PropertyKey>): string =>
  path.length === 0
    ? "(gốc/root)"
    : path
        .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
        .join(".")
        .replace(/\.\[/g, "[");

function zodIssues(schema: z.ZodType, input: unknown): StandardIssue[] {
  const en = schema.safeParse(input);
  if (en.success) return [];
  const vi = schema.safeParse(input, { error: z.locales.vi().localeError });
  return en.error.issues.map((iss, i) => ({
    path: pathText(iss.path),
    en: iss.message,
    vi: vi.success ? iss.message : (vi.error.issues[i]?.message ?? iss.message),
  }));
}

function throwIssues(issues: StandardIssue[], id?: string): never {
  const head = {
    vi: `Chuẩn địa phương${id ? ` "${id}"` : ""} không hợp lệ:`,
    en: `Local standard${id ? ` "${id}"` : ""} is not valid:`,
  };
  return fail(
    "INVALID_STANDARD",
    [head.vi, ...issues.map((x) => `- ${x.path}: ${x.vi}`)].join("\n"),
    [head.en, ...issues.map((x) => `- ${x.path}: ${x.en}`)].join("\n"),
    { issues },
  );
}

const vnd = (v: number) => ({ vi: formatNumber(v, "vi"), en: formatNumber(v, "en") });

/**
 * Sanity rules for any standard (national or local), returned as issues (empty = sane):
 * lines positive (schema); nearPoverty ≥ poverty (band) or = poverty ("and"); averageCeiling ≥ nearPoverty;
 * reviewYears.from ≤ to; indicator services exist; bCutoff = deprivationCutoff × bPerDeprivation.
 * With `national`, also: local lines ≥ national lines (a province may only raise them), a deprivation cutoff no
 * higher than the national one (a lower cutoff counts more households as poor), local review years inside the
 * national ones, and the same rule.
 */
export function checkStandard(std: Standard, national?: Standard): StandardIssue[] {
  const out: StandardIssue[] = [];
  if (std.reviewYears.from > std.reviewYears.to) {
    out.push({
      path: "reviewYears",
      vi: `năm bắt đầu ${std.reviewYears.from} sau năm kết thúc ${std.reviewYears.to}`,
      en: `start year ${std.reviewYears.from} is after end year ${std.reviewYears.to}`,
    });
  }
  for (const area of ["rural", "urban"] as const) {
    const l = std.lines[area];
    const p = `lines.${area}`;
    if (l.poverty !== null && l.nearPoverty !== null) {
      if (std.rule === "and" && l.nearPoverty !== l.poverty) {
        out.push({
          path: `${p}.nearPoverty`,
          vi: `với quy tắc "và" (2022+), chuẩn cận nghèo phải bằng chuẩn nghèo (${vnd(l.poverty).vi})`,
          en: `under the "and" rule (2022+) the near-poverty line must equal the poverty line (${vnd(l.poverty).en})`,
        });
      } else if (l.nearPoverty < l.poverty) {
        out.push({
          path: `${p}.nearPoverty`,
          vi: `chuẩn cận nghèo ${vnd(l.nearPoverty).vi} thấp hơn chuẩn nghèo ${vnd(l.poverty).vi}`,
          en: `near-poverty line ${vnd(l.nearPoverty).en} is below the poverty line ${vnd(l.poverty).en}`,
        });
      }
    }
    const top = l.nearPoverty ?? l.poverty;
    if (l.averageCeiling !== null && top !== null && l.averageCeiling < top) {
      out.push({
        path: `${p}.averageCeiling`,
        vi: `mức trần trung bình ${vnd(l.averageCeiling).vi} thấp hơn chuẩn ${vnd(top).vi}`,
        en: `average ceiling ${vnd(l.averageCeiling).en} is below the line ${vnd(top).en}`,
      });
    }
    if (national) {
      const n = national.lines[area];
      // Under the "and" rule nearPoverty mirrors poverty: compare it once.
      const keys =
        std.rule === "and"
          ? (["poverty", "averageCeiling"] as const)
          : (["poverty", "nearPoverty", "averageCeiling"] as const);
      for (const key of keys) {
        const lv = l[key];
        const nv = n[key];
        if (lv !== null && nv !== null && lv < nv) {
          out.push({
            path: `${p}.${key}`,
            vi: `${vnd(lv).vi} thấp hơn mức quốc gia ${vnd(nv).vi} (${national.citation.document}); địa phương chỉ được quy định cao hơn`,
            en: `${vnd(lv).en} is below the national value ${vnd(nv).en} (${national.citation.documentEn}); a province may only set a higher standard`,
          });
        }
      }
    }
  }
  if (national && std.deprivationCutoff > national.deprivationCutoff) {
    out.push({
      path: "deprivationCutoff",
      vi: `ngưỡng ${std.deprivationCutoff} chỉ số thiếu hụt cao hơn mức quốc gia ${national.deprivationCutoff} (${national.citation.document}); địa phương chỉ được quy định cao hơn (ngưỡng thấp hơn hoặc bằng)`,
      en: `a cutoff of ${std.deprivationCutoff} deprivations is above the national ${national.deprivationCutoff} (${national.citation.documentEn}); a province may only set a higher standard (a cutoff at most the national one)`,
    });
  }
  if (std.indicators && std.deprivationCutoff > std.indicators.length) {
    out.push({
      path: "deprivationCutoff",
      vi: `ngưỡng ${std.deprivationCutoff} chỉ số thiếu hụt lớn hơn số chỉ số (${std.indicators.length})`,
      en: `a cutoff of ${std.deprivationCutoff} deprivations exceeds the number of indicators (${std.indicators.length})`,
    });
  }
  if (national) {
    if (std.reviewYears.from < national.reviewYears.from || std.reviewYears.to > national.reviewYears.to) {
      out.push({
        path: "reviewYears",
        vi: `năm ${std.reviewYears.from}–${std.reviewYears.to} nằm ngoài phạm vi ${national.reviewYears.from}–${national.reviewYears.to} của ${national.id}`,
        en: `years ${std.reviewYears.from}–${std.reviewYears.to} are outside ${national.id}'s ${national.reviewYears.from}–${national.reviewYears.to}`,
      });
    }
  }
  const serviceIds = new Set(std.services.map((s) => s.id));
  for (const list of [
    ["indicators", std.indicators],
    ["draftIndicators", std.draftIndicators],
  ] as const) {
    (list[1] ?? []).forEach((ind, i) => {
      if (!serviceIds.has(ind.service)) {
        out.push({
          path: `${list[0]}[${i}].service`,
          vi: `dịch vụ "${ind.service}" không có trong danh sách services`,
          en: `service "${ind.service}" is not in services`,
        });
      }
    });
  }
  if (std.scores.bCutoff !== std.deprivationCutoff * std.scores.bPerDeprivation) {
    out.push({
      path: "scores.bCutoff",
      vi: `điểm B tối thiểu phải bằng ${std.deprivationCutoff} × ${std.scores.bPerDeprivation}`,
      en: `score-B cutoff must equal ${std.deprivationCutoff} × ${std.scores.bPerDeprivation}`,
    });
  }
  return out;
}

/**
 * Parse and validate a province's local standard (a JSON text or an already-parsed object) that extends a
 * national one: `{ id, basedOn: "ND07-2021", province?, name?, citation, reviewYears?, lines?: { rural?, urban? },
 * deprivationCutoff?, notes?, uncertain? }`, where `citation` is `{ vi, en, document, documentEn?, issued,
 * effective?, note? }` (`documentEn` derived from `document` when left out). Missing values are inherited from the
 * national standard; under the "and" rule `nearPoverty` follows `poverty` unless given. Lines are VND/person/month
 * and may only be raised; the deprivation cutoff may only be lowered (score B's cutoff follows it).
 * Legal basis: provinces may set higher standards (Decree 07/2021/NĐ-CP; the 2026–2030 draft decree).
 * @returns a frozen `Standard` with `scope: "local"`, usable with `standardForYear(year, { local })`.
 * @throws PovertyError INVALID_STANDARD with one "path: message" line per problem, in Vietnamese and English.
 */
export function parseLocalStandard(input: unknown): Standard {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch (e) {
      throwIssues([
        {
          path: "(JSON)",
          vi: `không đọc được JSON: ${(e as Error).message}`,
          en: `not valid JSON: ${(e as Error).message}`,
        },
      ]);
    }
  }
  const structural = zodIssues(LocalStandardInputSchema, data);
  if (structural.length)
    throwIssues(
      structural,
      typeof (data as { id?: unknown })?.id === "string" ? (data as { id: string }).id : undefined,
    );
  const local = data as LocalStandardInput;

  const base = standardById(local.basedOn);
  if (!base) {
    throwIssues(
      [
        {
          path: "basedOn",
          vi: `không có chuẩn quốc gia "${local.basedOn}"; dùng một trong: ${NATIONAL_STANDARDS.map((s) => s.id).join(", ")}`,
          en: `no national standard "${local.basedOn}"; use one of: ${NATIONAL_STANDARDS.map((s) => s.id).join(", ")}`,
        },
      ],
      local.id,
    );
  }
  if (standardById(local.id)) {
    throwIssues(
      [
        {
          path: "id",
          vi: `mã "${local.id}" trùng mã chuẩn quốc gia`,
          en: `id "${local.id}" is a national standard's id`,
        },
      ],
      local.id,
    );
  }

  const mergeArea = (area: "rural" | "urban") => {
    const o = local.lines?.[area] ?? {};
    const b = base.lines[area];
    const poverty = o.poverty ?? b.poverty;
    const nearPoverty = o.nearPoverty ?? (base.rule === "and" ? poverty : b.nearPoverty);
    return AreaLinesSchema.parse({ poverty, nearPoverty, averageCeiling: o.averageCeiling ?? b.averageCeiling });
  };

  const merged: Standard = {
    ...structuredCloneStandard(base),
    id: local.id,
    name: local.name ?? {
      vi: `${base.name.vi} (địa phương${local.province ? `: ${local.province}` : ""})`,
      en: `${base.name.en} (local${local.province ? `: ${local.province}` : ""})`,
    },
    scope: "local",
    basedOn: base.id,
    ...(local.province ? { province: local.province } : {}),
    citation: {
      ...local.citation,
      documentEn: local.citation.documentEn ?? englishDocumentName(local.citation.document),
    },
    reviewYears: local.reviewYears ?? { ...base.reviewYears },
    lines: { rural: mergeArea("rural"), urban: mergeArea("urban") },
    ...(local.deprivationCutoff !== undefined
      ? {
          deprivationCutoff: local.deprivationCutoff,
          scores: { ...base.scores, bCutoff: local.deprivationCutoff * base.scores.bPerDeprivation },
        }
      : {}),
    notes: [...(base.notes ?? []), ...(local.notes ?? [])],
    uncertain: [...base.uncertain, ...(local.uncertain ?? [])],
  };

  const schemaIssues = zodIssues(StandardSchema, merged);
  /* istanbul ignore next -- merging valid parts always yields a valid shape; kept as a guard */
  if (schemaIssues.length) throwIssues(schemaIssues, local.id);
  const sanity = checkStandard(merged, base);
  if (sanity.length) throwIssues(sanity, local.id);
  return Object.freeze(merged);
}

function structuredCloneStandard(s: Standard): Standard {
  return JSON.parse(JSON.stringify(s)) as Standard;
}
