/**
 * Chỉ tiêu: from a units table (households, poor households per unit) set a reduction in percentage
 * points, choose the allocation method and the years of a path, preview the split, write the target
 * tables; and plan-indicator tracking from a plan sheet. All arithmetic is core/targets + core/tables.
 */
import { useState } from "react";
import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  SpinButton,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { EyeRegular, TableAddRegular } from "@fluentui/react-icons";
import { formatNumber, formatPercent, type Lang } from "../../../core/i18n";
import { allocationUnits, planIndicators, readSheet } from "../../../core/sheet";
import { ALLOCATION_METHODS, type AllocationMethod, type AllocationUnit } from "../../../core/targets";
import {
  buildTargetTables,
  buildTrackingTable,
  computeTargets,
  type PlanIndicator,
  type TargetComputation,
  type TargetTablesInput,
} from "../../../core/tables";
import { fail } from "../../../core/errors";
import type { ExcelHost } from "../../../excel/host";
import { readSheetGrid } from "../../../excel/read";
import { writeResultTables } from "../../../excel/write";
import type { WorkflowProps } from "../types";
import { useGateway } from "../common/gateway";
import { useOperation, type Progress } from "../common/operation";
import { SheetPicker, useSheetChoice } from "../common/sheets";
import { EmptyState, Hint, OperationStatusView, useCommonStyles } from "../common/ui";
import { YEARS, usePreferences } from "../common/year";
import { useStrings } from "../../i18n";
import { translate, type StringKey } from "../../strings";

const UNIT_KINDS = ["summary", "target"] as const;
const PLAN_KINDS = ["plan"] as const;

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "left" },
  num: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "right" },
});

/** Units (code, name, poor, households) from a summary/target sheet, read by the core's sheet reader. */
export async function readUnits(
  host: ExcelHost,
  sheet: string,
  signal: AbortSignal,
  report: (p: Progress) => void,
  lang: Lang,
): Promise<AllocationUnit[]> {
  const grid = await readSheetGrid(sheet, {
    host,
    signal,
    onProgress: (p) =>
      report({ text: translate(lang, "common.reading", { sheet, done: p.rowsRead, total: p.totalRows }) }),
  });
  // The same reading as `poverty targets`: units, poor and household counts from a summary/target sheet.
  const read = readSheet(grid);
  const { units, findings } = allocationUnits(grid, read);
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (+${errors.length - 1})` : "";
    fail("MISSING_VALUE", errors[0].messageVi + more, errors[0].messageEn + more, { sheet, cell: errors[0].cell });
  }
  if (units.length === 0)
    fail("MISSING_VALUE", translate("vi", "targets.noUnits"), translate("en", "targets.noUnits"), { sheet });
  return units;
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

export default function TargetsWorkflow(_: WorkflowProps) {
  const { t, lang } = useStrings();
  const host = useGateway();
  const common = useCommonStyles();
  const styles = useStyles();
  const prefs = usePreferences();
  const units = useSheetChoice(UNIT_KINDS);
  const plan = useSheetChoice(PLAN_KINDS);
  const [reductionText, setReductionText] = useState("1");
  const [method, setMethod] = useState<AllocationMethod>("proportional");
  const [baseYear, setBaseYear] = useState<number>((prefs.reviewYear ?? new Date().getFullYear()) - 1);
  const [years, setYears] = useState(0);
  const [period, setPeriod] = useState(String(prefs.reviewYear ?? new Date().getFullYear()));
  const [preview, setPreview] = useState<TargetComputation | undefined>();
  const op = useOperation();
  const trackOp = useOperation();

  const reduction = Number(reductionText.replace(",", ".")) / 100;
  const reductionOk = reductionText.trim() !== "" && Number.isFinite(reduction) && reduction >= 0 && reduction <= 1;
  const needs: Partial<Record<AllocationMethod, string>> = { weighted: "weight", tiered: "tier" };
  const methodOk = !needs[method];

  const input = async (signal: AbortSignal, report: (p: Progress) => void): Promise<TargetTablesInput> => {
    if (!units.selected) throw new Error("no sheet");
    const list = await readUnits(host, units.selected.name, signal, report, lang);
    return { units: list, reduction, method, baseYear, years };
  };
  const doPreview = () =>
    op.run(async (signal, report) => {
      setPreview(computeTargets(await input(signal, report)));
    });
  const doWrite = () =>
    op.run(async (signal, report) => {
      const inp = await input(signal, report);
      setPreview(computeTargets(inp));
      const written = await writeResultTables(buildTargetTables(inp, { lang }), { host, signal, lang });
      return t("common.written", { n: written.length, sheets: written.map((w) => w.sheetName).join(", ") });
    });
  const doTracking = () =>
    trackOp.run(async (signal) => {
      if (!plan.selected) throw new Error("no sheet");
      const items = await readPlan(host, plan.selected.name, signal);
      const written = await writeResultTables([buildTrackingTable({ items, period }, { lang })], {
        host,
        signal,
        lang,
      });
      return t("common.written", { n: written.length, sheets: written.map((w) => w.sheetName).join(", ") });
    });

  const unitsUsable = units.selected && (UNIT_KINDS as readonly string[]).includes(units.selected.kind);
  return (
    <div className={common.stack} data-testid="targets">
      <SheetPicker choice={units} kinds={UNIT_KINDS} testId="targets-units" label={t("targets.unitsSheet")} />
      {units.selected && !unitsUsable && <EmptyState testId="targets-no-units" title={t("targets.noUnits")} />}
      <Field
        label={t("targets.reduction")}
        hint={t("targets.reductionHint")}
        validationMessage={reductionOk ? undefined : t("targets.badReduction")}
      >
        <Input
          value={reductionText}
          onChange={(_, d) => setReductionText(d.value)}
          inputMode="decimal"
          data-testid="targets-reduction"
        />
      </Field>
      <Field
        label={t("targets.method")}
        validationMessage={methodOk ? undefined : t("targets.methodUnavailable", { field: needs[method] ?? "" })}
        validationState={methodOk ? "none" : "warning"}
      >
        <Dropdown
          data-testid="targets-method"
          value={t(`targets.m.${method}` as StringKey)}
          selectedOptions={[method]}
          onOptionSelect={(_, d) => d.optionValue && setMethod(d.optionValue as AllocationMethod)}
        >
          {ALLOCATION_METHODS.map((m) => (
            <Option key={m} value={m} text={t(`targets.m.${m}` as StringKey)}>
              {t(`targets.m.${m}` as StringKey)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={common.row}>
        <Field label={t("targets.baseYear")}>
          <Dropdown
            data-testid="targets-base-year"
            value={String(baseYear)}
            selectedOptions={[String(baseYear)]}
            onOptionSelect={(_, d) => d.optionValue && setBaseYear(Number(d.optionValue))}
          >
            {YEARS.map((y) => (
              <Option key={y} value={String(y)}>
                {String(y)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t("targets.years")}>
          <SpinButton
            min={0}
            max={10}
            value={years}
            onChange={(_, d) => setYears(Math.max(0, Math.min(10, Number(d.value ?? d.displayValue ?? 0) || 0)))}
            data-testid="targets-years"
          />
        </Field>
      </div>
      <div className={common.row}>
        <Button
          icon={<EyeRegular />}
          onClick={doPreview}
          disabled={!unitsUsable || !reductionOk || !methodOk || op.status === "running"}
          data-testid="targets-preview"
        >
          {t("targets.preview")}
        </Button>
        <Button
          appearance="primary"
          icon={<TableAddRegular />}
          onClick={doWrite}
          disabled={!unitsUsable || !reductionOk || !methodOk || op.status === "running"}
          data-testid="targets-write"
        >
          {t("targets.write")}
        </Button>
      </div>
      <OperationStatusView op={op} testId="targets" />
      {preview && (
        <section data-testid="targets-preview-table">
          <table className={styles.table}>
            <caption>
              <Text weight="semibold">{t("targets.previewCaption")}</Text>
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
              {preview.allocation.rows.map((r) => (
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
            {t("targets.totalAllocated", {
              n: formatNumber(
                preview.allocation.rows.reduce((n, r) => n + r.allocated, 0),
                lang,
              ),
            })}
          </Hint>
        </section>
      )}

      <section className={common.section} aria-label={t("targets.trackingTitle")} data-testid="targets-tracking">
        <Text weight="semibold">{t("targets.trackingTitle")}</Text>
        <SheetPicker choice={plan} kinds={PLAN_KINDS} testId="targets-plan" label={t("targets.planSheet")} />
        {plan.selected && plan.selected.kind !== "plan" && (
          <EmptyState testId="targets-no-plan" title={t("targets.noPlan")} />
        )}
        <Field label={t("targets.period")}>
          <Input value={period} onChange={(_, d) => setPeriod(d.value)} data-testid="targets-period" />
        </Field>
        <Button
          icon={<TableAddRegular />}
          onClick={doTracking}
          disabled={!plan.selected || plan.selected.kind !== "plan" || trackOp.status === "running"}
          data-testid="targets-write-tracking"
        >
          {t("targets.writeTracking")}
        </Button>
        <OperationStatusView op={trackOp} testId="targets-tracking" />
      </section>
    </div>
  );
}
