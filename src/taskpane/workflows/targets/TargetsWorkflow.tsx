/**
 * Chỉ tiêu: one sheet choice and one form. A units table (households, poor households per unit) gets the target
 * form — the reduction in percentage points ("điểm %", read by the core's parseReduction like the CLI and the
 * functions), the allocation method, the start year and the path — and writes the target tables; a plan sheet
 * gets the tracking form. All arithmetic is core/targets + core/tables.
 */
import { useMemo, useState } from "react";
import { Button, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { EyeRegular, TableAddRegular } from "@fluentui/react-icons";
import { formatNumber, formatPercent, pick, type Lang } from "../../../core/i18n";
import { allocationUnits, planIndicators, readSheet } from "../../../core/sheet";
import { targetFeasibility, targetUnits, type Finding, type TargetPlan } from "../../../core/validate";
import {
  ALLOCATION_METHODS,
  REDUCTION_UNIT,
  formatReduction,
  parseReduction,
  reductionInputText,
  type AllocationMethod,
  type AllocationUnit,
} from "../../../core/targets";
import {
  buildTargetTables,
  buildTrackingTable,
  computeTargets,
  type PlanIndicator,
  type TargetComputation,
  type TargetTablesInput,
} from "../../../core/tables";
import { fail, isPovertyError } from "../../../core/errors";
import type { ExcelHost } from "../../../excel/host";
import { readSheetGrid } from "../../../excel/read";
import { writeResultTables } from "../../../excel/write";
import type { WorkflowProps } from "../types";
import { writtenMessage } from "../common/progress";
import { useGateway } from "../common/gateway";
import { useOperation, type Progress } from "../common/operation";
import { SheetPicker, useSheetChoice } from "../common/sheets";
import { BlockingFindings } from "../common/blocking";
import { ActionRow, EmptyState, Hint, OperationStatusView, useCommonStyles } from "../common/ui";
import { YearPicker, useFrame, usePreferences, useReviewYear } from "../common/year";
import { useStrings } from "../../i18n";
import { translate, type StringKey } from "../../strings";
import { SavedSettingsNotice } from "../common/savedSettings";

const UNIT_KINDS = ["summary", "target"] as const;
/** One sheet choice: a units table (the target form) is proposed before a plan sheet (the tracking form). */
const KINDS = ["summary", "target", "plan"] as const;

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: "left", paddingBottom: tokens.spacingVerticalXS },
  fill: { minWidth: 0 },
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)", gap: tokens.spacingHorizontalS },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "left" },
  num: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "right" },
});

/** The units read from a summary/target sheet, and the errors that stop an allocation over them. */
export interface UnitsRead {
  units: AllocationUnit[];
  /** Errors located in the sheet; empty when the target tables can be written. */
  blocking: Finding[];
  /** Why it is blocked: errors in the table's columns, or a reduction beyond the poor households (TARGET_IMPOSSIBLE). */
  reason?: "table" | "impossible";
}

/**
 * Units (code, name, poor, households) from a summary/target sheet, read by the core's sheet reader, and what stops
 * the allocation — decided by the core as for `poverty targets`: `targetUnits` (only errors in what the allocation
 * reads: tier or weight when the method needs it), then `targetFeasibility` (a reduction beyond the poor households,
 * the whole table's or a tier unit's, is an error with the poor count, never capped).
 */
export async function readUnits(
  host: ExcelHost,
  sheet: string,
  signal: AbortSignal,
  report: (p: Progress) => void,
  lang: Lang,
  plan: TargetPlan = { method: "proportional" },
): Promise<UnitsRead> {
  const grid = await readSheetGrid(sheet, {
    host,
    signal,
    onProgress: (p) =>
      report({ text: translate(lang, "common.reading", { sheet, done: p.rowsRead, total: p.totalRows }) }),
  });
  const { read, units, rows, blocking } = targetUnits(grid, { method: plan.method });
  if (blocking.length > 0) return { units, blocking, reason: "table" };
  if (units.length === 0)
    fail("MISSING_VALUE", translate("vi", "targets.noUnits"), translate("en", "targets.noUnits"), { sheet });
  if (plan.reduction === undefined && !plan.tierReductions) return { units, blocking: [] };
  const impossible = targetFeasibility({ read, units, rows }, plan);
  return impossible.length > 0 ? { units, blocking: impossible, reason: "impossible" } : { units, blocking: [] };
}

/** Plan indicators (indicator, unit of measure, plan, actual) from a plan sheet. */
export async function readPlan(host: ExcelHost, sheet: string, signal: AbortSignal): Promise<PlanIndicator[]> {
  const grid = await readSheetGrid(sheet, { host, signal });
  const read = readSheet(grid, { kind: "plan" });
  // One core service (core/sheet planIndicators): the validator's direction rule — a direction column, else a
  // level to reach downwards, else "increase" ("Giảm tỷ lệ hộ nghèo 1,5 %" is an amount of reduction).
  const items = planIndicators(read);
  if (items.length === 0)
    fail("MISSING_VALUE", translate("vi", "targets.noPlan"), translate("en", "targets.noPlan"), { sheet });
  return items;
}

const PATH_YEARS = [0, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/** "tiered" needs a reduction per tier, which only `poverty targets --tiers` takes for now. */
const PANE_METHODS = ALLOCATION_METHODS.filter((m) => m !== "tiered");

export default function TargetsWorkflow(_: WorkflowProps) {
  const { t, lang } = useStrings();
  const host = useGateway();
  const common = useCommonStyles();
  const styles = useStyles();
  const prefs = usePreferences();
  const frame = useFrame(prefs);
  const choice = useSheetChoice(KINDS);
  const selected = choice.selected;
  const mode = !selected
    ? undefined
    : (UNIT_KINDS as readonly string[]).includes(selected.kind)
      ? "units"
      : selected.kind === "plan"
        ? "plan"
        : "none";
  const [reductionText, setReductionText] = useState(() => reductionInputText(0.01, lang));
  const [method, setMethod] = useState<AllocationMethod>("proportional");
  const { year: sheetYear } = useReviewYear(selected && { year: selected.detection.yearHint, name: selected.name });
  const [pickedBase, setPickedBase] = useState<number | undefined>();
  const baseYear = pickedBase ?? sheetYear;
  const [years, setYears] = useState(0);
  const [period, setPeriod] = useState(String(prefs.reviewYear ?? new Date().getFullYear()));
  const [preview, setPreview] = useState<{ result: TargetComputation; input: TargetTablesInput } | undefined>();
  const op = useOperation();
  // What stopped the last run, for the sheet, reduction and method it was run with (hidden once one changes).
  const [blocked, setBlocked] = useState<{ key: string; read: UnitsRead }>();

  let reduction: number | undefined;
  let reductionError: string | undefined;
  try {
    reduction = parseReduction(reductionText);
  } catch (e) {
    reductionError = isPovertyError(e) ? e.messageIn(lang) : String(e);
  }
  // "weighted" needs a weight column ("Trọng số"): the core's reading of the sheet says whether it is there.
  const weightMissing = useMemo(() => {
    if (!selected || mode !== "units") return undefined;
    try {
      const read = readSheet(selected.preview);
      return allocationUnits(selected.preview, read, { weight: true }).findings.find(
        (f) => f.field === "weight" && f.code === "STRUCT_MISSING_COLUMN",
      );
    } catch {
      return undefined;
    }
  }, [selected, mode]);
  const methodProblem =
    method === "weighted" && weightMissing
      ? lang === "vi"
        ? weightMissing.messageVi
        : weightMissing.messageEn
      : undefined;

  const runKey = `${selected?.name ?? ""}|${reduction ?? ""}|${method}`;
  /** The allocation's input, or undefined when the core's checks block it (the findings are shown, nothing written). */
  const input = async (signal: AbortSignal, report: (p: Progress) => void): Promise<TargetTablesInput | undefined> => {
    if (!selected || reduction === undefined) throw new Error("no sheet or reduction");
    setBlocked(undefined);
    const read = await readUnits(host, selected.name, signal, report, lang, { method, reduction });
    if (read.blocking.length > 0) {
      setBlocked({ key: runKey, read });
      setPreview(undefined);
      return undefined;
    }
    return { units: read.units, reduction, method, baseYear, years };
  };
  const written = (w: { sheetName: string }[]) => writtenMessage(lang, w);
  const doPreview = () =>
    op.run(async (signal, report) => {
      const inp = await input(signal, report);
      if (inp) setPreview({ result: computeTargets(inp), input: inp });
    });
  const doWrite = () =>
    op.run(async (signal, report) => {
      const inp = await input(signal, report);
      if (!inp) return;
      setPreview({ result: computeTargets(inp), input: inp });
      return written(await writeResultTables(buildTargetTables(inp, { lang, frame }), { host, signal, lang }));
    });
  const doTracking = () =>
    op.run(async (signal) => {
      if (!selected) throw new Error("no sheet");
      const items = await readPlan(host, selected.name, signal);
      const table = buildTrackingTable({ items, period }, { lang, frame });
      return written(await writeResultTables([table], { host, signal, lang }));
    });

  const running = op.status === "running";
  const unitsReason = !selected ? t("targets.needSheet") : reductionError ? t("targets.needReduction") : methodProblem;
  return (
    <div className={common.stack} data-testid="targets">
      <SavedSettingsNotice prefs={prefs} uses={["frame"]} />
      <SheetPicker choice={choice} kinds={KINDS} testId="targets" label={t("targets.sheet")} />
      {mode === "none" && (
        <EmptyState testId="targets-no-table" title={t("targets.noTable")} hint={t("targets.noTableHint")} />
      )}
      {mode === "units" && (
        <>
          <Field
            label={t("targets.reduction")}
            hint={
              reductionError ? undefined : t("targets.reductionHint", { shown: formatReduction(reduction ?? 0, lang) })
            }
            validationMessage={reductionError}
          >
            <Input
              value={reductionText}
              onChange={(_, d) => setReductionText(d.value)}
              inputMode="decimal"
              contentAfter={<Text size={200}>{pick(REDUCTION_UNIT, lang)}</Text>}
              data-testid="targets-reduction"
            />
          </Field>
          <Field
            label={t("targets.method")}
            validationMessage={methodProblem}
            validationState={methodProblem ? "warning" : "none"}
          >
            <Dropdown
              data-testid="targets-method"
              value={t(`targets.m.${method}` as StringKey)}
              selectedOptions={[method]}
              onOptionSelect={(_, d) => d.optionValue && setMethod(d.optionValue as AllocationMethod)}
            >
              {PANE_METHODS.map((m) => (
                <Option key={m} value={m} text={t(`targets.m.${m}` as StringKey)}>
                  {t(`targets.m.${m}` as StringKey)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <div className={styles.pair}>
            <YearPicker
              year={baseYear}
              onChange={setPickedBase}
              testId="targets-base"
              label={t("targets.baseYear")}
              basis={false}
            />
            <Field label={t("targets.path")}>
              <Dropdown
                className={styles.fill}
                data-testid="targets-years"
                value={pathLabel(years, baseYear, t)}
                selectedOptions={[String(years)]}
                onOptionSelect={(_, d) => d.optionValue && setYears(Number(d.optionValue))}
              >
                {PATH_YEARS.map((y) => (
                  <Option key={y} value={String(y)} text={pathLabel(y, baseYear, t)}>
                    {pathLabel(y, baseYear, t)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </div>
          <ActionRow reason={running ? undefined : unitsReason} testId="targets-write">
            <Button
              appearance="primary"
              icon={<TableAddRegular />}
              onClick={doWrite}
              disabled={running || unitsReason !== undefined}
              data-testid="targets-write"
            >
              {t("targets.write")}
            </Button>
            <Button
              icon={<EyeRegular />}
              onClick={doPreview}
              disabled={running || unitsReason !== undefined}
              data-testid="targets-preview"
            >
              {t("targets.preview")}
            </Button>
          </ActionRow>
        </>
      )}
      {mode === "plan" && (
        <>
          <Field label={t("targets.period")} hint={t("targets.periodHint")}>
            <Input value={period} onChange={(_, d) => setPeriod(d.value)} data-testid="targets-period" />
          </Field>
          <ActionRow
            reason={running ? undefined : period.trim() ? undefined : t("targets.needPeriod")}
            testId="targets-write-tracking"
          >
            <Button
              appearance="primary"
              icon={<TableAddRegular />}
              onClick={doTracking}
              disabled={running || !period.trim()}
              data-testid="targets-write-tracking"
            >
              {t("targets.writeTracking")}
            </Button>
          </ActionRow>
        </>
      )}
      <OperationStatusView op={op} testId={mode === "plan" ? "targets-tracking" : "targets"} />
      {mode === "units" && blocked?.key === runKey && op.status !== "running" && (
        <BlockingFindings
          findings={blocked.read.blocking}
          testId="targets"
          title={
            blocked.read.reason === "impossible"
              ? t("targets.blockedImpossible")
              : t("targets.blockedTable", { n: blocked.read.blocking.length })
          }
        />
      )}
      {mode === "units" && preview && (
        <section data-testid="targets-preview-table">
          <table className={styles.table}>
            <caption className={styles.caption}>
              <Text weight="semibold">
                {t("targets.previewCaption", {
                  shown: formatReduction(preview.input.reduction ?? 0, lang),
                  year: String(preview.input.baseYear + 1),
                })}
              </Text>
            </caption>
            <thead>
              <tr>
                <th className={styles.cell} scope="col">
                  {t("targets.colUnit")}
                </th>
                <th className={styles.num} scope="col">
                  {t("targets.colPoor")}
                </th>
                <th className={styles.num} scope="col">
                  {t("targets.colAllocated")}
                </th>
                <th className={styles.num} scope="col">
                  {t("targets.colEndRate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.result.allocation.rows.map((r) => (
                <tr key={r.code}>
                  <th className={styles.cell} scope="row">
                    {r.name ?? r.code}
                  </th>
                  <td className={styles.num}>{formatNumber(r.poor, lang)}</td>
                  <td className={styles.num}>{formatNumber(r.allocated, lang)}</td>
                  <td className={styles.num}>{formatPercent(r.targetRate, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Hint>
            {t("targets.totalAllocated", { n: preview.result.allocation.rows.reduce((n, r) => n + r.allocated, 0) })}
          </Hint>
        </section>
      )}
    </div>
  );
}

/** The path choice in words: "Chỉ chỉ tiêu năm 2026" or "Lộ trình 3 năm (2026–2028)". */
function pathLabel(years: number, baseYear: number, t: (k: StringKey, p?: Record<string, string | number>) => string) {
  return years === 0
    ? t("targets.pathNone", { year: String(baseYear + 1) })
    : t("targets.pathYears", { n: years, from: String(baseYear + 1), to: String(baseYear + years) });
}
