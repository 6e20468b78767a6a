/**
 * Kiểm tra hồ sơ: validate sheets of this workbook and .xlsx files picked from disk; list the findings
 * with severity/sheet filters and "go to cell"; write the findings sheet (with links); highlight the
 * cells and clear the highlighting; consolidate several rosters into one sheet.
 */
import { useEffect, useMemo, useRef, useState, type ReactElement } from "react";
import { Button, Checkbox, Dropdown, Field, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowForwardRegular,
  DismissRegular,
  DocumentAddRegular,
  ErrorCircleRegular,
  HighlightRegular,
  InfoRegular,
  PlayRegular,
  TableAddRegular,
  WarningRegular,
  EraserRegular,
  MergeRegular,
} from "@fluentui/react-icons";
import type { Finding, Severity } from "../../../core/findings/finding";
import { SEVERITY_TEXT, findingsTable, highlightFindings, clearHighlights } from "../../../excel/findings";
import { listSheets, type SheetInfo } from "../../../excel/read";
import { selectCell } from "../../../excel/navigate";
import { writeResultTables } from "../../../excel/write";
import { describeError } from "../../../excel/errors";
import type { WorkflowProps } from "../types";
import { useGateway } from "../common/gateway";
import { useOperation } from "../common/operation";
import { EmptyState, Hint, OperationStatusView, useCommonStyles } from "../common/ui";
import { YEARS, useLocalStandard, usePreferences } from "../common/year";
import { useStrings } from "../../i18n";
import { consolidatedTable, runValidate, type PickedFile, type ValidateOutcome } from "./validateRun";

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const SHOWN = 200;
const ICONS: Record<Severity, ReactElement> = {
  error: <ErrorCircleRegular />,
  warning: <WarningRegular />,
  info: <InfoRegular />,
};

const useStyles = makeStyles({
  finding: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  sev: {
    display: "inline-flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
    fontWeight: tokens.fontWeightSemibold,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  fileInput: { display: "none" },
});

export default function ValidateWorkflow(_: WorkflowProps) {
  const { t, lang } = useStrings();
  const host = useGateway();
  const common = useCommonStyles();
  const styles = useStyles();
  const prefs = usePreferences();
  const local = useLocalStandard(prefs);
  const [sheets, setSheets] = useState<SheetInfo[] | undefined>();
  const [sheetsError, setSheetsError] = useState<unknown>();
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [year, setYear] = useState<number | undefined>(prefs.reviewYear);
  const [outcome, setOutcome] = useState<ValidateOutcome | undefined>();
  const [severity, setSeverity] = useState<Set<Severity>>(new Set(SEVERITIES));
  const [sheetFilter, setSheetFilter] = useState<string>("");
  const [navError, setNavError] = useState<unknown>();
  const fileInput = useRef<HTMLInputElement>(null);
  const op = useOperation();
  const action = useOperation();

  useEffect(() => {
    let live = true;
    listSheets(host).then(
      (list) => {
        if (!live) return;
        const usable = list.filter((s) => s.visible && !s.generated);
        setSheets(usable);
        setChecked(new Set(usable.map((s) => s.name)));
      },
      (e) => live && setSheetsError(e),
    );
    return () => {
      live = false;
    };
  }, [host]);

  const findings = useMemo(() => outcome?.findings ?? [], [outcome]);
  const sheetNames = useMemo(
    () => [...new Set(findings.map((f) => (f.file ? `${f.file} / ${f.sheet}` : f.sheet)).filter(Boolean))],
    [findings],
  );
  const filtered = findings.filter(
    (f) => severity.has(f.severity) && (!sheetFilter || (f.file ? `${f.file} / ${f.sheet}` : f.sheet) === sheetFilter),
  );
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const summaryParams = { errors: counts.error, warnings: counts.warning, infos: counts.info };

  const run = () =>
    op.run(async (signal, report) => {
      setOutcome(undefined);
      action.reset();
      const out = await runValidate({ sheets: [...checked], files, year, local, lang }, host, signal, report);
      setOutcome(out);
      setSheetFilter("");
    });

  const writeFindings = () =>
    action.run(async (signal) => {
      const written = await writeResultTables([findingsTable(findings, { lang })], { host, signal, lang });
      return t("common.written", { n: written.length, sheets: written.map((w) => w.sheetName).join(", ") });
    });
  const highlight = () =>
    action.run(async () => {
      const n = await highlightFindings(findings, host);
      return t("validate.highlighted", { n });
    });
  const clear = () =>
    action.run(async () => {
      const n = await clearHighlights(sheets?.map((s) => s.name) ?? [], host);
      return t("validate.cleared", { n });
    });
  const consolidated = outcome ? consolidatedTable(outcome.report.sheets, lang) : undefined;
  const consolidate = () =>
    action.run(async (signal) => {
      if (!consolidated) return t("validate.consolidateNone");
      const written = await writeResultTables([consolidated], { host, signal, lang });
      return t("common.written", { n: written.length, sheets: written.map((w) => w.sheetName).join(", ") });
    });
  const goTo = async (f: Finding) => {
    setNavError(undefined);
    try {
      await selectCell(f.sheet, f.cell, host);
    } catch (e) {
      setNavError(e);
    }
  };

  const nothing = checked.size === 0 && files.length === 0;
  return (
    <div className={common.stack} data-testid="validate">
      <section className={common.section} aria-label={t("validate.sources")}>
        <Text weight="semibold">{t("validate.sources")}</Text>
        {sheetsError !== undefined && (
          <EmptyState
            testId="validate-sheets-error"
            title={t("common.errorTitle")}
            hint={describeError(sheetsError, lang)}
          />
        )}
        {sheets && sheets.length === 0 && <Hint>{t("common.noSheets")}</Hint>}
        {sheets && sheets.length > 0 && (
          <fieldset style={{ border: "none", margin: 0, padding: 0 }}>
            <legend>
              <Text size={200}>{t("validate.sheetsLabel")}</Text>
            </legend>
            {sheets.map((s) => (
              <Checkbox
                key={s.name}
                label={s.name}
                checked={checked.has(s.name)}
                data-testid={`validate-sheet-${s.name}`}
                onChange={(_, d) =>
                  setChecked((c) => {
                    const n = new Set(c);
                    if (d.checked) n.add(s.name);
                    else n.delete(s.name);
                    return n;
                  })
                }
              />
            ))}
          </fieldset>
        )}
        <Field label={t("validate.files")}>
          <div className={common.row}>
            <Button
              icon={<DocumentAddRegular />}
              onClick={() => fileInput.current?.click()}
              data-testid="validate-pick-files"
            >
              {t("validate.pickFiles")}
            </Button>
            {files.length > 0 && <Text size={200}>{t("validate.fileCount", { n: files.length })}</Text>}
          </div>
        </Field>
        <input
          ref={fileInput}
          className={styles.fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple
          data-testid="validate-file-input"
          aria-label={t("validate.pickFiles")}
          onChange={(e) => {
            const picked = Array.from(e.target.files ?? []);
            setFiles((fs) => [...fs, ...picked.filter((p) => !fs.some((f) => f.name === p.name))]);
            e.target.value = "";
          }}
        />
        {files.length > 0 && (
          <ul className={common.list} data-testid="validate-files">
            {files.map((f) => (
              <li key={f.name} className={common.row}>
                <Text size={200}>{f.name}</Text>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DismissRegular />}
                  aria-label={t("validate.removeFile", { name: f.name })}
                  onClick={() => setFiles((fs) => fs.filter((x) => x !== f))}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <Field label={t("validate.year")}>
        <Dropdown
          data-testid="validate-year"
          value={year === undefined ? t("validate.yearAuto") : String(year)}
          selectedOptions={[year === undefined ? "" : String(year)]}
          onOptionSelect={(_, d) => setYear(d.optionValue ? Number(d.optionValue) : undefined)}
        >
          <Option value="" text={t("validate.yearAuto")}>
            {t("validate.yearAuto")}
          </Option>
          {YEARS.map((y) => (
            <Option key={y} value={String(y)}>
              {String(y)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={common.row}>
        <Button
          appearance="primary"
          icon={<PlayRegular />}
          onClick={run}
          disabled={op.status === "running" || nothing}
          data-testid="validate-run"
        >
          {t("validate.run")}
        </Button>
        {nothing && <Hint>{t("validate.nothing")}</Hint>}
      </div>
      <OperationStatusView op={op} testId="validate" />
      {outcome && (
        <section
          className={common.section}
          data-testid="validate-results"
          aria-label={t("validate.summary", summaryParams)}
        >
          <Text weight="semibold" role="status" data-testid="validate-summary">
            {findings.length === 0 ? t("validate.clean") : t("validate.summary", summaryParams)}
          </Text>
          {findings.length > 0 && (
            <>
              <div className={common.row} role="group" aria-label={t("validate.filterSeverity")}>
                {SEVERITIES.map((s) => (
                  <Checkbox
                    key={s}
                    data-testid={`validate-filter-${s}`}
                    label={`${SEVERITY_TEXT[s].symbol} ${lang === "vi" ? SEVERITY_TEXT[s].vi : SEVERITY_TEXT[s].en} (${counts[s]})`}
                    checked={severity.has(s)}
                    onChange={(_, d) =>
                      setSeverity((cur) => {
                        const n = new Set(cur);
                        if (d.checked) n.add(s);
                        else n.delete(s);
                        return n;
                      })
                    }
                  />
                ))}
              </div>
              <Field label={t("validate.filterSheet")}>
                <Dropdown
                  data-testid="validate-filter-sheet"
                  value={sheetFilter || t("validate.allSheets")}
                  selectedOptions={[sheetFilter]}
                  onOptionSelect={(_, d) => setSheetFilter(d.optionValue ?? "")}
                >
                  <Option value="" text={t("validate.allSheets")}>
                    {t("validate.allSheets")}
                  </Option>
                  {sheetNames.map((n) => (
                    <Option key={n} value={n}>
                      {n}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Hint>{t("validate.shown", { shown: Math.min(SHOWN, filtered.length), total: findings.length })}</Hint>
              {filtered.length === 0 && <Hint>{t("validate.noMatch")}</Hint>}
              <ul className={common.list} data-testid="validate-findings">
                {filtered.slice(0, SHOWN).map((f, i) => (
                  <li
                    key={`${f.file ?? ""}|${f.sheet}|${f.cell}|${f.code}|${i}`}
                    className={styles.finding}
                    data-testid="validate-finding"
                  >
                    <span className={`${styles.sev} ${styles[f.severity]}`}>
                      {ICONS[f.severity]}
                      {lang === "vi" ? SEVERITY_TEXT[f.severity].vi : SEVERITY_TEXT[f.severity].en}
                      <Text size={200}>
                        {" "}
                        · {f.code} · {f.sheet}
                        {f.cell ? `!${f.cell}` : ""}
                        {f.file ? ` ${t("validate.otherFile", { file: f.file })}` : ""}
                      </Text>
                    </span>
                    <Text size={200}>{lang === "vi" ? f.messageVi : f.messageEn}</Text>
                    {!f.file && f.cell && (
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<ArrowForwardRegular />}
                        onClick={() => void goTo(f)}
                        data-testid="validate-goto"
                      >
                        {t("validate.goto", { cell: f.cell })}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
              {filtered.length > SHOWN && <Hint>{t("validate.more", { n: SHOWN })}</Hint>}
              {navError !== undefined && (
                <EmptyState
                  testId="validate-goto-error"
                  title={t("common.errorTitle")}
                  hint={describeError(navError, lang)}
                />
              )}
            </>
          )}
          <div className={common.row}>
            <Button
              icon={<TableAddRegular />}
              onClick={writeFindings}
              disabled={action.status === "running"}
              data-testid="validate-write"
            >
              {t("validate.writeSheet")}
            </Button>
            {findings.some((f) => !f.file && f.cell) && (
              <>
                <Button
                  icon={<HighlightRegular />}
                  onClick={highlight}
                  disabled={action.status === "running"}
                  data-testid="validate-highlight"
                >
                  {t("validate.highlight")}
                </Button>
                <Button
                  icon={<EraserRegular />}
                  onClick={clear}
                  disabled={action.status === "running"}
                  data-testid="validate-clear"
                >
                  {t("validate.clearHighlight")}
                </Button>
              </>
            )}
          </div>
          <Field hint={t("validate.consolidateHint")}>
            <Button
              icon={<MergeRegular />}
              onClick={consolidate}
              disabled={action.status === "running" || !consolidated}
              data-testid="validate-consolidate"
            >
              {t("validate.consolidate")}
            </Button>
          </Field>
          <OperationStatusView op={action} testId="validate-action" />
        </section>
      )}
    </div>
  );
}
