/**
 * Báo cáo: from a household roster, prepare the official forms (Form 1, transitions when start categories
 * exist, deprivation tables, Alkire–Foster, breakdowns — core/tables buildReportTables), choose which to
 * write, and write them as generated sheets.
 */
import { useState } from "react";
import { Button, Checkbox, Text } from "@fluentui/react-components";
import { DocumentBulletListRegular, TableAddRegular } from "@fluentui/react-icons";
import { fail } from "../../../core/errors";
import type { Category } from "../../../core/household";
import { pick, type Lang } from "../../../core/i18n";
import { readSheet, recordedTargetGroups } from "../../../core/sheet";
import { reportRoster, type Finding } from "../../../core/validate";
import { standardForYear } from "../../../core/standards";
import { buildReportTables, type ResultTable } from "../../../core/tables";
import { readSheetGrid } from "../../../excel/read";
import { writeResultTables } from "../../../excel/write";
import type { WorkflowProps } from "../types";
import { readingProgress, writingProgress, writtenMessage } from "../common/progress";
import { useGateway } from "../common/gateway";
import { BlockingFindings } from "../common/blocking";
import { useOperation } from "../common/operation";
import { SheetPicker, useSheetChoice } from "../common/sheets";
import { ActionRow, EmptyState, OperationStatusView, useCommonStyles } from "../common/ui";
import { YearPicker, useFrame, useLocalStandard, usePreferences, useReviewYear } from "../common/year";
import { classifyHouseholds } from "../classify/classifyRun";
import { useStrings } from "../../i18n";
import { isStringKey, translate, type StringKey } from "../../strings";
import { SavedSettingsNotice } from "../common/savedSettings";

const KINDS = ["roster"] as const;

export default function ReportsWorkflow(_: WorkflowProps) {
  const { t, lang } = useStrings();
  const host = useGateway();
  const common = useCommonStyles();
  const choice = useSheetChoice(KINDS);
  const prefs = usePreferences();
  const local = useLocalStandard(prefs);
  const frame = useFrame(prefs);
  const selected = choice.selected;
  const { year, resolved, setYear } = useReviewYear(
    selected && { year: selected.detection.yearHint, name: selected.name },
    local,
  );
  const [tables, setTables] = useState<ResultTable[] | undefined>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const prep = useOperation();
  const write = useOperation();
  // What stopped the last preparation, for the sheet and year it was run with (hidden once one changes).
  const [blocked, setBlocked] = useState<{ key: string; findings: Finding[] }>();
  const runKey = `${selected?.name ?? ""}|${year}`;

  const prepare = () =>
    selected &&
    prep.run(async (signal, report) => {
      setTables(undefined);
      setBlocked(undefined);
      write.reset();
      const standard = standardForYear(year, { local });
      const grid = await readSheetGrid(selected.name, {
        host,
        signal,
        onProgress: readingProgress(lang, selected.name, report),
      });
      const read = readSheet(grid, { kind: "roster", standard });
      // The core decides what stops a report, as for `poverty report`: never a report over part of the roster.
      const { households, blocking } = reportRoster(read);
      if (blocking.length) {
        setBlocked({ key: runKey, findings: blocking });
        return;
      }
      if (!households.length)
        fail("MISSING_VALUE", translate("vi", "classify.noRoster"), translate("en", "classify.noRoster"), {
          sheet: selected.name,
        });
      const { categories, errors } = await classifyHouseholds(households, standard, lang, signal, report);
      // A value the standard needs for a household (e.g. a score threshold it does not know) stops the report too.
      const unclassified = errors.find((e) => e !== undefined);
      if (unclassified) throw unclassified;
      const cats = categories as Category[];
      const built = buildReportTables(households, standard, {
        reviewYear: year,
        categories: cats,
        lang,
        frame,
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
        onProgress: writingProgress(lang, report),
      });
      return writtenMessage(lang, written);
    });

  const isRoster = selected?.kind === "roster";
  const prepReason = !selected ? t("classify.needSheet") : !isRoster ? t("classify.needRoster") : undefined;
  return (
    <div className={common.stack} data-testid="reports">
      <SavedSettingsNotice prefs={prefs} />
      <SheetPicker choice={choice} kinds={KINDS} testId="reports" label={t("classify.sheet")} />
      {selected && !isRoster && (
        <EmptyState testId="reports-no-roster" title={t("classify.noRoster")} hint={t("classify.noRosterHint")} />
      )}
      {selected && <YearPicker year={year} onChange={setYear} testId="reports" local={local} resolved={resolved} />}
      {!choice.loading && !choice.error && (
        <ActionRow reason={prep.status === "running" ? undefined : prepReason} testId="reports-prepare">
          <Button
            appearance={tables ? "secondary" : "primary"}
            icon={<DocumentBulletListRegular />}
            onClick={prepare}
            disabled={prep.status === "running" || prepReason !== undefined}
            data-testid="reports-prepare"
          >
            {t("reports.prepare")}
          </Button>
        </ActionRow>
      )}
      <OperationStatusView op={prep} testId="reports-prepare" />
      {blocked?.key === runKey && prep.status !== "running" && (
        <BlockingFindings
          findings={blocked.findings}
          testId="reports"
          title={t("reports.blocked", { n: blocked.findings.length })}
        />
      )}
      {tables && (
        <section className={common.section} data-testid="reports-list">
          <fieldset style={{ border: "none", margin: 0, padding: 0, minWidth: 0 }}>
            <legend style={{ padding: 0 }}>
              <Text weight="semibold">{t("reports.choose")}</Text>
            </legend>
            {tables.map((x) => (
              <Checkbox
                key={x.id}
                label={formLabel(x, t, lang)}
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
          <ActionRow reason={chosen.size === 0 ? t("reports.none") : undefined} testId="reports-write">
            <Button
              appearance="primary"
              icon={<TableAddRegular />}
              onClick={doWrite}
              disabled={chosen.size === 0 || write.status === "running"}
              data-testid="reports-write"
            >
              {t("reports.write", { n: chosen.size })}
            </Button>
          </ActionRow>
          <OperationStatusView op={write} testId="reports" />
        </section>
      )}
    </div>
  );
}

/** What a form is, in the official words (Biểu 1 … 5, Alkire–Foster …); the sheet name for a form not listed. */
function formLabel(x: ResultTable, t: (k: StringKey) => string, lang: Lang): string {
  const key = `reports.t.${x.id}` as StringKey;
  return isStringKey(key) ? t(key) : pick(x.sheetName, lang);
}
