/**
 * Kiểm tra hồ sơ: check sheets of this workbook and .xlsx files picked from disk. The result starts with what
 * the planner does next: a bar that stays on screen while scrolling (counts, "Ghi trang kết quả", "Tô màu ô",
 * more actions), then one card per rule — the most serious first — with its count and cells, each with "Đi tới
 * ô". Rule codes and descriptions appear only under "Chi tiết". A disabled action always says why.
 */
import { useEffect, useMemo, useRef, useState, type ReactElement } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  DismissRegular,
  DocumentAddRegular,
  EraserRegular,
  ErrorCircleRegular,
  HighlightRegular,
  InfoRegular,
  MergeRegular,
  MoreHorizontalRegular,
  PlayRegular,
  TableAddRegular,
  WarningRegular,
} from "@fluentui/react-icons";
import { pick } from "../../../core/i18n";
import type { Finding, Severity } from "../../../core/findings";
import { reviewYearsHeadline } from "../../../core/validate";
import { SEVERITY_TEXT, findingsTable, highlightFindings, clearHighlights } from "../../../excel/findings";
import { listSheets, type SheetInfo } from "../../../excel/read";
import { selectCell } from "../../../excel/navigate";
import { writeResultTables } from "../../../excel/write";
import { describeError } from "../../../excel/errors";
import { useStrings } from "../../i18n";
import type { WorkflowProps } from "../types";
import { FindingRow } from "../common/finding";
import { writtenMessage } from "../common/progress";
import { useGateway } from "../common/gateway";
import { useOperation } from "../common/operation";
import { ActionRow, EmptyState, Hint, OperationStatusView, useCommonStyles } from "../common/ui";
import { YearPicker, useLocalStandard, usePreferences } from "../common/year";
import { SEVERITY_ORDER, groupFindings, placeOf, type FindingGroup } from "./groups";
import { consolidatedTables, runValidate, type PickedFile, type ValidateOutcome } from "./validateRun";
import { SavedSettingsNotice } from "../common/savedSettings";

/** Cells listed per card; the findings sheet has them all. */
const SHOWN_PER_GROUP = 100;
const ICONS: Record<Severity, ReactElement> = {
  error: <ErrorCircleRegular />,
  warning: <WarningRegular />,
  info: <InfoRegular />,
};

const useStyles = makeStyles({
  sheets: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  fileInput: { display: "none" },
  // The actions stay on screen while the planner scrolls through the findings.
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  header: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  headerText: { display: "flex", flexDirection: "column", minWidth: 0 },
  sev: { flexShrink: 0, fontSize: "20px", marginTop: "1px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  cells: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column" },
  // One finding (./common/finding.tsx lays it out), ruled off from the next.
  cell: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  details: {
    marginTop: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  placeFilter: { flexBasis: "100%", minWidth: 0 },
  fill: { minWidth: 0 },
  menuReason: { display: "block", color: tokens.colorNeutralForeground3 },
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
  const [severity, setSeverity] = useState<Set<Severity>>(new Set(SEVERITY_ORDER));
  const [placeFilter, setPlaceFilter] = useState<string>("");
  const [openGroups, setOpenGroups] = useState<string[]>([]);
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
  const places = useMemo(() => [...new Set(findings.map(placeOf).filter(Boolean))], [findings]);
  const shown = useMemo(
    () => findings.filter((f) => severity.has(f.severity) && (!placeFilter || placeOf(f) === placeFilter)),
    [findings, severity, placeFilter],
  );
  const groups = useMemo(() => groupFindings(shown), [shown]);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const summary = t("validate.summary", { errors: counts.error, warnings: counts.warning, infos: counts.info });

  const run = () =>
    op.run(async (signal, report) => {
      setOutcome(undefined);
      action.reset();
      const out = await runValidate(
        { sheets: [...checked], files, year, local, cutoverMonth: prefs.cutoverMonth, lang },
        host,
        signal,
        report,
      );
      setOutcome(out);
      setPlaceFilter("");
      const first = groupFindings(out.findings)[0];
      setOpenGroups(first ? [groupKey(first)] : []);
    });

  const writeFindings = () =>
    action.run(async (signal) => {
      const written = await writeResultTables([findingsTable(findings, { lang })], { host, signal, lang });
      return writtenMessage(lang, written);
    });
  const highlight = () =>
    action.run(async () => t("validate.highlighted", { n: await highlightFindings(findings, host) }));
  const clear = () =>
    action.run(async () => t("validate.cleared", { n: await clearHighlights(sheets?.map((s) => s.name) ?? [], host) }));
  const rosters = outcome ? outcome.report.sheets.filter((r) => r.kind === "roster" && r.roster?.length).length : 0;
  // The core's consolidation (the same as `poverty consolidate`): empty when refused or fewer than two rosters.
  const merged = outcome ? consolidatedTables(outcome, lang) : { tables: [], blocking: 0 };
  const consolidated = merged.tables.length ? merged.tables : undefined;
  const notMerged = merged.blocking
    ? t("validate.consolidateRefused", { n: merged.blocking })
    : t("validate.consolidateNone", { n: rosters });
  const consolidate = () =>
    action.run(async (signal) => {
      if (!consolidated) return notMerged;
      const written = await writeResultTables(consolidated, { host, signal, lang });
      return writtenMessage(lang, written);
    });
  const goTo = async (f: Finding) => {
    setNavError(undefined);
    try {
      await selectCell(f.sheet, f.cell, host);
    } catch (e) {
      setNavError(e);
    }
  };

  const busy = action.status === "running";
  const located = findings.some((f) => !f.file && f.cell);
  const nothing = checked.size === 0 && files.length === 0;
  const reasons = {
    highlight: located ? undefined : t("validate.highlightNone"),
    consolidate: consolidated ? undefined : notMerged,
  };
  return (
    <div className={common.stack} data-testid="validate">
      <SavedSettingsNotice prefs={prefs} uses={["localStandard"]} />
      <section className={common.section} aria-label={t("validate.sources")}>
        {sheetsError !== undefined && (
          <EmptyState
            testId="validate-sheets-error"
            title={t("common.errorTitle")}
            hint={describeError(sheetsError, lang)}
          />
        )}
        {!sheets && sheetsError === undefined && (
          <Text role="status" data-testid="validate-loading">
            {t("common.loadingSheets")}
          </Text>
        )}
        {sheets && sheets.length === 0 && <Hint>{t("common.noSheets")}</Hint>}
        {sheets && sheets.length > 0 && (
          <fieldset style={{ border: "none", margin: 0, padding: 0, minWidth: 0 }}>
            <legend style={{ padding: 0 }}>
              <Text>{t("validate.sheetsLabel")}</Text>
            </legend>
            <div className={styles.sheets}>
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
            </div>
          </fieldset>
        )}
        <div className={common.row}>
          <Button
            icon={<DocumentAddRegular />}
            onClick={() => fileInput.current?.click()}
            data-testid="validate-pick-files"
          >
            {t("validate.pickFiles")}
          </Button>
          <Hint>{files.length > 0 ? t("validate.fileCount", { n: files.length }) : t("validate.filesHint")}</Hint>
        </div>
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
      <YearPicker
        year={year}
        onChange={setYear}
        testId="validate"
        local={local}
        emptyOption={t("validate.yearAuto")}
        hint={t("validate.yearAutoHint")}
      />
      <ActionRow reason={nothing ? t("validate.nothing") : undefined} testId="validate-run">
        <Button
          appearance="primary"
          icon={<PlayRegular />}
          onClick={run}
          disabled={op.status === "running" || nothing}
          data-testid="validate-run"
        >
          {t("validate.run")}
        </Button>
      </ActionRow>
      <OperationStatusView op={op} testId="validate" />
      {outcome && (
        <section className={common.section} data-testid="validate-results" aria-label={t("validate.results")}>
          <div className={styles.bar} data-testid="validate-bar">
            <Text weight="semibold" role="status" data-testid="validate-summary">
              {findings.length === 0 ? t("validate.clean") : summary}
            </Text>
            <div className={styles.actions}>
              <Button
                size="small"
                appearance="primary"
                icon={<TableAddRegular />}
                onClick={writeFindings}
                disabled={busy}
                data-testid="validate-write"
              >
                {t("validate.writeSheet")}
              </Button>
              <Button
                size="small"
                icon={<HighlightRegular />}
                onClick={highlight}
                disabled={busy || !located}
                aria-describedby={reasons.highlight ? "validate-highlight-reason" : undefined}
                data-testid="validate-highlight"
              >
                {t("validate.highlight")}
              </Button>
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <Button
                    size="small"
                    icon={<MoreHorizontalRegular />}
                    disabled={busy}
                    aria-label={t("validate.moreActions")}
                    title={t("validate.moreActions")}
                    data-testid="validate-more"
                  />
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    <MenuItem icon={<EraserRegular />} onClick={clear} data-testid="validate-clear">
                      {t("validate.clearHighlight")}
                    </MenuItem>
                    <MenuItem
                      icon={<MergeRegular />}
                      onClick={consolidate}
                      disabled={!consolidated}
                      data-testid="validate-consolidate"
                    >
                      {t("validate.consolidate")}
                      <Caption1 className={styles.menuReason} data-testid="validate-consolidate-reason">
                        {reasons.consolidate ?? t("validate.consolidateHint")}
                      </Caption1>
                    </MenuItem>
                  </MenuList>
                </MenuPopover>
              </Menu>
            </div>
            {reasons.highlight && findings.length > 0 && (
              <Caption1 id="validate-highlight-reason" className={common.muted}>
                {reasons.highlight}
              </Caption1>
            )}
            <OperationStatusView op={action} testId="validate-action" />
          </div>
          <Caption1 className={common.muted} data-testid="validate-years">
            {pick(reviewYearsHeadline(outcome.report.years), lang)}
          </Caption1>
          {findings.length > 0 && (
            <div className={styles.filters}>
              <div role="group" aria-label={t("validate.filterSeverity")} className={styles.filters}>
                {SEVERITY_ORDER.map((s) => (
                  <Checkbox
                    key={s}
                    data-testid={`validate-filter-${s}`}
                    label={`${pick(SEVERITY_TEXT[s], lang)} (${counts[s]})`}
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
              {places.length > 1 && (
                <Field label={t("validate.filterSheet")} size="small" className={styles.placeFilter}>
                  <Dropdown
                    size="small"
                    className={styles.fill}
                    data-testid="validate-filter-sheet"
                    value={placeFilter || t("validate.allSheets")}
                    selectedOptions={[placeFilter]}
                    onOptionSelect={(_, d) => setPlaceFilter(d.optionValue ?? "")}
                  >
                    <Option value="" text={t("validate.allSheets")}>
                      {t("validate.allSheets")}
                    </Option>
                    {places.map((n) => (
                      <Option key={n} value={n}>
                        {n}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              )}
            </div>
          )}
          {findings.length > 0 && groups.length === 0 && <Hint>{t("validate.noMatch")}</Hint>}
          {navError !== undefined && (
            <EmptyState
              testId="validate-goto-error"
              title={t("common.errorTitle")}
              hint={describeError(navError, lang)}
            />
          )}
          <Accordion
            multiple
            collapsible
            openItems={openGroups}
            onToggle={(_, d) => setOpenGroups(d.openItems.map(String))}
            data-testid="validate-findings"
          >
            {groups.map((g) => (
              <GroupCard key={groupKey(g)} group={g} onGoTo={goTo} />
            ))}
          </Accordion>
        </section>
      )}
    </div>
  );
}

function groupKey(g: FindingGroup): string {
  return `${g.severity}|${g.code}`;
}

/** One rule: severity (icon + word), its title, how many cells and where; opened, each cell with "Đi tới ô". */
function GroupCard({ group, onGoTo }: { group: FindingGroup; onGoTo: (f: Finding) => void }) {
  const { t, lang } = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const [details, setDetails] = useState(false);
  const n = group.findings.length;
  const sev = pick(SEVERITY_TEXT[group.severity], lang);
  return (
    <AccordionItem
      value={groupKey(group)}
      data-testid="validate-group"
      data-code={group.code}
      data-severity={group.severity}
      data-count={n}
    >
      <AccordionHeader expandIconPosition="end" size="small">
        <span className={styles.header}>
          <span className={`${styles.sev} ${styles[group.severity]}`} aria-hidden="true">
            {ICONS[group.severity]}
          </span>
          <span className={styles.headerText}>
            <Text weight="semibold">{pick(group.title, lang)}</Text>
            <Caption1 className={common.muted}>
              {sev} · {t("validate.groupCount", { n })}
              {group.places.length === 1 ? ` · ${group.places[0]}` : ""}
            </Caption1>
          </span>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <ul className={styles.cells}>
          {group.findings.slice(0, SHOWN_PER_GROUP).map((f, i) => (
            <FindingRow
              key={`${placeOf(f)}|${f.cell}|${i}`}
              finding={f}
              onGoTo={onGoTo}
              testId="validate-finding"
              gotoTestId="validate-goto"
              className={styles.cell}
            />
          ))}
        </ul>
        {n > SHOWN_PER_GROUP && <Hint>{t("validate.moreCells", { n: SHOWN_PER_GROUP, total: n })}</Hint>}
        <Button
          size="small"
          appearance="transparent"
          onClick={() => setDetails((v) => !v)}
          aria-expanded={details}
          data-testid="validate-details"
        >
          {t("validate.details")}
        </Button>
        {details && (
          <div className={styles.details} data-testid="validate-details-body">
            <Caption1 block>{t("validate.code", { code: group.code })}</Caption1>
            {group.description && <Caption1 block>{pick(group.description, lang)}</Caption1>}
          </div>
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}
