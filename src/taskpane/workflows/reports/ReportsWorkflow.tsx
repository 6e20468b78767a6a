/**
 * Báo cáo: from a household roster, prepare the official forms (Form 1, transitions when start categories
 * exist, deprivation tables, Alkire–Foster, breakdowns — core/tables buildReportTables), choose which to
 * write, and write them as generated sheets.
 */
import { useState } from "react";
import { Button, Checkbox, Text } from "@fluentui/react-components";
import { DocumentBulletListRegular, TableAddRegular } from "@fluentui/react-icons";
import { fail } from "../../../core/errors";
import type { Category, Household } from "../../../core/household";
import { pick } from "../../../core/i18n";
import { readSheet, recordedTargetGroups } from "../../../core/sheet";
import { standardForYear } from "../../../core/standards";
import { buildReportTables } from "../../../core/tables/report";
import type { ResultTable } from "../../../core/tables/model";
import { readSheetGrid } from "../../../excel/read";
import { writeResultTables } from "../../../excel/write";
import type { WorkflowProps } from "../types";
import { useGateway } from "../common/gateway";
import { useOperation } from "../common/operation";
import { SheetPicker, useSheetChoice } from "../common/sheets";
import { EmptyState, Hint, OperationStatusView, useCommonStyles } from "../common/ui";
import { YearPicker, useLocalStandard, usePreferences, useReviewYear } from "../common/year";
import { classifyHouseholds } from "../classify/classifyRun";
import { useStrings } from "../../i18n";
import { translate } from "../../strings";

const KINDS = ["roster"] as const;

export default function ReportsWorkflow(_: WorkflowProps) {
  const { t, lang } = useStrings();
  const host = useGateway();
  const common = useCommonStyles();
  const choice = useSheetChoice(KINDS);
  const prefs = usePreferences();
  const local = useLocalStandard(prefs);
  const [year, setYear] = useReviewYear(choice.selected?.detection.yearHint);
  const [tables, setTables] = useState<ResultTable[] | undefined>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const prep = useOperation();
  const write = useOperation();
  const selected = choice.selected;

  const prepare = () =>
    selected &&
    prep.run(async (signal, report) => {
      setTables(undefined);
      write.reset();
      const standard = standardForYear(year, { local });
      const grid = await readSheetGrid(selected.name, {
        host,
        signal,
        onProgress: (p) =>
          report({
            text: t("common.reading", { sheet: selected.name, done: p.rowsRead, total: p.totalRows }),
            value: p.totalRows ? p.rowsRead / p.totalRows : undefined,
          }),
      });
      const read = readSheet(grid, { kind: "roster", standard });
      if (!read.roster?.length)
        fail("MISSING_VALUE", translate("vi", "classify.noRoster"), translate("en", "classify.noRoster"), {
          sheet: selected.name,
        });
      const households = read.roster.map((r) => r.household);
      const { categories } = await classifyHouseholds(households, standard, lang, signal, report);
      const valid: Household[] = households.filter((_, i) => categories[i] !== undefined);
      const cats = categories.filter((c): c is Category => c !== undefined);
      const built = buildReportTables(valid, standard, {
        reviewYear: year,
        categories: cats,
        lang,
        recordedGroups: recordedTargetGroups(read),
      });
      setTables(built);
      setChosen(new Set(built.map((b) => b.id)));
    });
  const doWrite = () =>
    tables &&
    write.run(async (signal, report) => {
      const list = tables.filter((x) => chosen.has(x.id));
      const written = await writeResultTables(list, {
        host,
        signal,
        lang,
        onProgress: (p) =>
          report({
            text: t("common.writing", { done: p.rowsWritten, total: p.totalRows }),
            value: p.totalRows ? p.rowsWritten / p.totalRows : undefined,
          }),
      });
      return t("common.written", { n: written.length, sheets: written.map((w) => w.sheetName).join(", ") });
    });

  return (
    <div className={common.stack} data-testid="reports">
      <SheetPicker choice={choice} kinds={KINDS} testId="reports" label={t("reports.roster")} />
      {selected && selected.kind !== "roster" && (
        <EmptyState testId="reports-no-roster" title={t("classify.noRoster")} hint={t("classify.noRosterHint")} />
      )}
      {selected && <YearPicker year={year} onChange={setYear} testId="reports" local={local} />}
      <div className={common.row}>
        <Button
          icon={<DocumentBulletListRegular />}
          onClick={prepare}
          disabled={!selected || selected.kind !== "roster" || prep.status === "running"}
          data-testid="reports-prepare"
        >
          {t("reports.prepare")}
        </Button>
      </div>
      <OperationStatusView op={prep} testId="reports-prepare" />
      {tables && (
        <section className={common.section} data-testid="reports-list">
          <fieldset style={{ border: "none", margin: 0, padding: 0 }}>
            <legend>
              <Text weight="semibold">{t("reports.choose")}</Text>
            </legend>
            {tables.map((x) => (
              <Checkbox
                key={x.id}
                label={pick(x.sheetName, lang)}
                checked={chosen.has(x.id)}
                data-testid={`reports-table-${x.id}`}
                onChange={(_, d) =>
                  setChosen((c) => {
                    const n = new Set(c);
                    if (d.checked) n.add(x.id);
                    else n.delete(x.id);
                    return n;
                  })
                }
              />
            ))}
          </fieldset>
          {chosen.size === 0 && <Hint>{t("reports.none")}</Hint>}
          <Button
            appearance="primary"
            icon={<TableAddRegular />}
            onClick={doWrite}
            disabled={chosen.size === 0 || write.status === "running"}
            data-testid="reports-write"
          >
            {t("reports.write", { n: chosen.size })}
          </Button>
          <OperationStatusView op={write} testId="reports" />
        </section>
      )}
    </div>
  );
}
