/**
 * Phân loại hộ: pick the household sheet (proposed by header detection), review the column mapping,
 * choose the review year (standard + citation shown), run; the pane shows counts and a small chart,
 * the workbook gets "KQ - Phân loại hộ" (classified copy) and "KQ - Biểu 1 - Kết quả" (with a native chart).
 */
import { useEffect, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PlayRegular } from "@fluentui/react-icons";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "../../../core/household";
import { formatNumber, formatPercent, pick } from "../../../core/i18n";
import type { WorkflowProps } from "../types";
import { writtenMessage } from "../common/progress";
import { useGateway } from "../common/gateway";
import { useOperation } from "../common/operation";
import { MappingReview, SheetPicker, useSheetChoice } from "../common/sheets";
import { ActionRow, OperationStatusView, EmptyState, useCommonStyles } from "../common/ui";
import { YearPicker, useFrame, useLocalStandard, usePreferences, useReviewYear } from "../common/year";
import { useStrings } from "../../i18n";
import { runClassify, type ClassifySummary } from "./classifyRun";
import { SavedSettingsNotice } from "../common/savedSettings";

const KINDS = ["roster"] as const;
const ROSTER_FIELDS = ["id", "unit", "area", "members", "income", "scoreA", "depTotal"];

const useStyles = makeStyles({
  bars: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  barRow: { display: "grid", gridTemplateColumns: "1fr", gap: "2px" },
  track: { height: "8px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  fill: { height: "8px", backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
});

export function ResultCounts({ summary }: { summary: ClassifySummary }) {
  const { t, lang } = useStrings();
  const styles = useStyles();
  const rows: { key: Category | "invalid"; label: string }[] = [
    ...CATEGORIES.map((c) => ({ key: c, label: pick(CATEGORY_LABELS[c], lang) })),
    ...(summary.counts.invalid > 0 ? [{ key: "invalid" as const, label: t("classify.invalid") }] : []),
  ];
  const max = Math.max(1, ...rows.map((r) => summary.counts[r.key]));
  return (
    <section data-testid="classify-results" aria-label={t("classify.results")}>
      <Text weight="semibold">{t("classify.results")}</Text>
      <Text block size={200}>
        {t("classify.total", { n: formatNumber(summary.total, lang) })}
      </Text>
      <ul className={styles.bars} aria-label={t("classify.chartLabel")}>
        {rows.map((r) => {
          const n = summary.counts[r.key];
          return (
            <li key={r.key} className={styles.barRow} data-testid={`classify-count-${r.key}`}>
              <Text size={200}>
                {r.label}: <b>{formatNumber(n, lang)}</b> ({formatPercent(summary.total ? n / summary.total : 0, lang)})
              </Text>
              <div className={styles.track} aria-hidden="true">
                <div className={styles.fill} style={{ width: `${(100 * n) / max}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
      {summary.counts.invalid > 0 && (
        <Text size={200}>{t("classify.invalidDetail", { n: summary.counts.invalid })}</Text>
      )}
    </section>
  );
}

/** Columns a household list needs to be classified: one field of each group. */
const ROSTER_REQUIRED = [["id"], ["area"], ["income", "scoreA"], ["depTotal", "dep.*"]] as const;

export default function ClassifyWorkflow(_: WorkflowProps) {
  const { t, lang } = useStrings();
  const host = useGateway();
  const styles = useCommonStyles();
  const choice = useSheetChoice(KINDS);
  const prefs = usePreferences();
  const local = useLocalStandard(prefs);
  const frame = useFrame(prefs);
  const selected = choice.selected;
  const { year, resolved, setYear } = useReviewYear(
    selected && { year: selected.detection.yearHint, name: selected.name },
    local,
  );
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<ClassifySummary | undefined>();
  const op = useOperation();
  useEffect(() => setOverrides({}), [selected?.name]);

  const isRoster = selected?.kind === "roster" || Object.keys(overrides).length > 0;
  const run = () =>
    selected &&
    op.run(async (signal, report) => {
      setSummary(undefined);
      const s = await runClassify(
        { sheet: selected.name, year, mapping: overrides, local, lang, frame },
        host,
        signal,
        report,
      );
      setSummary(s);
      return writtenMessage(lang, s.written);
    });
  const blocked = !selected ? t("classify.needSheet") : !isRoster ? t("classify.needRoster") : undefined;

  return (
    <div className={styles.stack} data-testid="classify">
      <SavedSettingsNotice prefs={prefs} />
      <SheetPicker choice={choice} kinds={KINDS} testId="classify" label={t("classify.sheet")} />
      {selected && !isRoster && (
        <EmptyState testId="classify-no-roster" title={t("classify.noRoster")} hint={t("classify.noRosterHint")} />
      )}
      {selected && isRoster && (
        <MappingReview
          candidate={selected}
          overrides={overrides}
          fields={ROSTER_FIELDS}
          required={ROSTER_REQUIRED}
          testId="classify"
          onChange={(field, letter) =>
            setOverrides((o) => {
              const next = { ...o };
              if (letter) next[field] = letter;
              else delete next[field];
              return next;
            })
          }
        />
      )}
      {selected && <YearPicker year={year} onChange={setYear} testId="classify" local={local} resolved={resolved} />}
      {!choice.loading && !choice.error && (
        <ActionRow reason={op.status === "running" ? undefined : blocked} testId="classify-run">
          <Button
            appearance="primary"
            icon={<PlayRegular />}
            onClick={run}
            disabled={op.status === "running" || blocked !== undefined}
            data-testid="classify-run"
          >
            {t("classify.run")}
          </Button>
        </ActionRow>
      )}
      <OperationStatusView op={op} testId="classify" />
      {summary && <ResultCounts summary={summary} />}
    </div>
  );
}
