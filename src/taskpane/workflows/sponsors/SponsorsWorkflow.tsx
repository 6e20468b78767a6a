/**
 * Giúp hộ có địa chỉ: from the organisations' sponsorship register (and its quota sheet) and the household rosters
 * of the workbook, check the register and write the period's report sheets — households sponsored against quota,
 * support, loans and interest, and with the end-of-period roster the outcomes beside the households not sponsored.
 * Reading and computing: ./sponsorsRun.ts (core/sponsors); writing: src/excel. The findings are listed with "Đi tới
 * ô" and written in full on the "Kiểm tra sổ đỡ đầu" sheet.
 */
import { useEffect, useMemo, useState } from "react";
import { Button, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, HandshakeRegular } from "@fluentui/react-icons";
import { formatNumber, pick } from "../../../core/i18n";
import { isPovertyError } from "../../../core/errors";
import { parsePeriod, type Period, type SponsorshipResult } from "../../../core/sponsors";
import type { Finding } from "../../../core/findings";
import { describeError } from "../../../excel/errors";
import { selectCell } from "../../../excel/navigate";
import { writeResultTables } from "../../../excel/write";
import type { WorkflowProps } from "../types";
import { writingProgress, writtenMessage } from "../common/progress";
import { useGateway } from "../common/gateway";
import { useOperation } from "../common/operation";
import { ActionRow, EmptyState, Hint, OperationStatusView, useCommonStyles } from "../common/ui";
import { useFrame, useLocalStandard, usePreferences } from "../common/year";
import { useStrings } from "../../i18n";
import { discoverSponsorSheets, prepareSponsors, type SponsorSheet } from "./sponsorsRun";
import { SavedSettingsNotice } from "../common/savedSettings";

const NONE = "";
const FINDINGS_SHOWN = 20;

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "left" },
  num: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "right" },
  finding: { display: "flex", flexDirection: "column", gap: "2px" },
});

/** The current quarter, e.g. "2026-Q4": the usual reporting period. */
function currentQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

export default function SponsorsWorkflow(_: WorkflowProps) {
  const { t, lang } = useStrings();
  const host = useGateway();
  const common = useCommonStyles();
  const styles = useStyles();
  const prefs = usePreferences();
  const local = useLocalStandard(prefs);
  const frame = useFrame(prefs);
  const [sheets, setSheets] = useState<SponsorSheet[] | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [nonce, setNonce] = useState(0);
  const [register, setRegister] = useState(NONE);
  const [quota, setQuota] = useState(NONE);
  const [start, setStart] = useState(NONE);
  const [end, setEnd] = useState(NONE);
  const [periodText, setPeriodText] = useState(currentQuarter());
  const [result, setResult] = useState<SponsorshipResult | undefined>();
  const op = useOperation();

  useEffect(() => {
    let live = true;
    setSheets(undefined);
    setLoadError(undefined);
    discoverSponsorSheets(host).then(
      (list) => {
        if (!live) return;
        setSheets(list);
        const of = (k: SponsorSheet["kind"]) => list.filter((s) => s.kind === k);
        setRegister(of("register")[0]?.name ?? NONE);
        setQuota(of("quota")[0]?.name ?? NONE);
        // Rosters in title-year order: the earlier is the start of the period, the later its end.
        const rosters = of("roster").sort((a, b) => (a.yearHint ?? 0) - (b.yearHint ?? 0));
        setStart(rosters[0]?.name ?? NONE);
        setEnd(rosters.length > 1 ? rosters[rosters.length - 1].name : NONE);
      },
      (e) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [host, nonce]);

  const period = useMemo((): Period | undefined => {
    try {
      return parsePeriod(periodText);
    } catch {
      return undefined;
    }
  }, [periodText]);
  const yearOf = (name: string, fallback: number) => sheets?.find((s) => s.name === name)?.yearHint ?? fallback;
  const startYear = period ? yearOf(start, period.year - 1) : undefined;
  const endYear = period && end ? yearOf(end, period.year) : undefined;

  const run = () =>
    period &&
    op.run(async (signal, report) => {
      setResult(undefined);
      const { result: r, tables } = await prepareSponsors({
        register,
        ...(quota ? { quota } : {}),
        start: { sheet: start, year: startYear! },
        ...(end ? { end: { sheet: end, year: endYear! } } : {}),
        period,
        lang,
        ...(local ? { local } : {}),
        frame,
        host,
        signal,
        onProgress: (text) => report({ text }),
      });
      setResult(r);
      const written = await writeResultTables(tables, {
        host,
        signal,
        lang,
        onProgress: writingProgress(lang, report),
      });
      return writtenMessage(lang, written);
    });

  const goto = useOperation();
  const go = (f: Finding) => goto.run(async () => void (await selectCell(f.sheet, f.cell, host)));

  if (loadError)
    return <EmptyState testId="sponsors-error" title={t("common.errorTitle")} hint={describeError(loadError, lang)} />;
  if (!sheets)
    return (
      <Text role="status" data-testid="sponsors-loading">
        {t("common.loadingSheets")}
      </Text>
    );
  const options = (kind: SponsorSheet["kind"]) => sheets.filter((s) => s.kind === kind || s.kind === "other");
  const picker = (
    testId: string,
    label: string,
    value: string,
    set: (v: string) => void,
    list: SponsorSheet[],
    noneLabel?: string,
  ) => (
    <Field label={label}>
      <Dropdown
        data-testid={testId}
        value={value || noneLabel || ""}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => set(d.optionValue ?? NONE)}
      >
        {noneLabel !== undefined && (
          <Option value={NONE} text={noneLabel}>
            {noneLabel}
          </Option>
        )}
        {list.map((s) => (
          <Option key={s.name} value={s.name} text={s.name}>
            {s.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
  const running = op.status === "running";
  // A disabled button always says why (ActionRow links the reason to it).
  const reason =
    register === NONE
      ? t("sponsors.needRegister")
      : start === NONE
        ? t("sponsors.needStart")
        : start === end
          ? t("sponsors.sameRoster")
          : period === undefined
            ? t("sponsors.badPeriod")
            : undefined;
  const errors = result?.findings.filter((f) => f.severity === "error").length ?? 0;
  const warnings = result?.findings.filter((f) => f.severity === "warning").length ?? 0;
  const infos = result?.findings.filter((f) => f.severity === "info").length ?? 0;

  return (
    <div className={common.stack} data-testid="sponsors">
      <SavedSettingsNotice prefs={prefs} />
      {!sheets.some((s) => s.kind === "register") && (
        <EmptyState
          testId="sponsors-no-register"
          title={t("sponsors.noRegister")}
          hint={t("sponsors.noRegisterHint")}
        />
      )}
      <Field
        label={t("sponsors.period")}
        hint={t("sponsors.periodHint")}
        validationMessage={period ? undefined : t("sponsors.badPeriod")}
      >
        <Input value={periodText} onChange={(_, d) => setPeriodText(d.value)} data-testid="sponsors-period" />
      </Field>
      {picker("sponsors-register", t("sponsors.register"), register, setRegister, options("register"))}
      {picker("sponsors-quota", t("sponsors.quota"), quota, setQuota, options("quota"), t("sponsors.noQuota"))}
      {picker("sponsors-start", t("sponsors.start"), start, setStart, options("roster"))}
      {startYear !== undefined && start !== NONE && (
        <Hint>{t("sponsors.rosterYear", { year: String(startYear) })}</Hint>
      )}
      {picker("sponsors-end", t("sponsors.end"), end, setEnd, options("roster"), t("sponsors.noEnd"))}
      {endYear !== undefined && <Hint>{t("sponsors.rosterYear", { year: String(endYear) })}</Hint>}

      <ActionRow reason={running ? undefined : reason} testId="sponsors-run">
        <Button
          appearance="primary"
          icon={<HandshakeRegular />}
          onClick={run}
          disabled={running || reason !== undefined}
          data-testid="sponsors-run"
        >
          {t("sponsors.run")}
        </Button>
        <Button
          appearance="subtle"
          icon={<ArrowClockwiseRegular />}
          onClick={() => setNonce((n) => n + 1)}
          aria-label={t("common.refresh")}
          title={t("common.refresh")}
        />
      </ActionRow>
      <OperationStatusView op={op} testId="sponsors" />
      {result && (
        <section className={common.section} data-testid="sponsors-results" aria-label={t("sponsors.results")}>
          <Text weight="semibold">{t("sponsors.results")}</Text>
          <Text data-testid="sponsors-summary">
            {t("sponsors.summary", {
              rows: result.counted.length,
              households: result.distinctHouseholds,
              pairs: result.pairs,
              organisations: result.organisations.length,
            })}
          </Text>
          <table className={styles.table} data-testid="sponsors-table">
            <thead>
              <tr>
                <th className={styles.cell} scope="col">
                  {t("sponsors.colOrganisation")}
                </th>
                <th className={styles.num} scope="col">
                  {t("sponsors.colHouseholds")}
                </th>
                <th className={styles.num} scope="col">
                  {t("sponsors.colQuota")}
                </th>
                {result.comparison && (
                  <th className={styles.num} scope="col">
                    {t("sponsors.colEscaped")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {result.organisations.map((o) => (
                <tr key={o.key}>
                  <th className={styles.cell} scope="row">
                    {pick(o.label, lang)}
                  </th>
                  <td className={styles.num}>{formatNumber(o.total.households, lang)}</td>
                  <td className={styles.num}>
                    {o.total.quota === undefined ? "–" : formatNumber(o.total.quota, lang)}
                  </td>
                  {result.comparison && (
                    <td className={styles.num}>
                      {o.total.outcome
                        ? `${formatNumber(o.total.outcome.toNearPoor + o.total.outcome.escaped, lang)} / ${formatNumber(o.total.outcome.poorStart, lang)}`
                        : "–"}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {result.comparison && <Hint>{t("sponsors.notCausal")}</Hint>}
          <Text data-testid="sponsors-checks">
            {result.findings.length === 0 ? t("sponsors.clean") : t("validate.summary", { errors, warnings, infos })}
          </Text>
          <ul className={common.list} data-testid="sponsors-findings">
            {result.findings.slice(0, FINDINGS_SHOWN).map((f, i) => (
              <li key={i} className={styles.finding} data-testid="sponsors-finding">
                <Text size={200}>
                  {f.code} · {f.sheet}!{f.cell}
                </Text>
                <Text size={200}>{lang === "vi" ? f.messageVi : f.messageEn}</Text>
                {f.cell && (
                  <Button size="small" appearance="subtle" onClick={() => go(f)} data-testid="sponsors-goto">
                    {t("validate.goto", { cell: f.cell })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {result.findings.length > FINDINGS_SHOWN && (
            <Hint>{t("sponsors.moreFindings", { n: result.findings.length })}</Hint>
          )}
          {goto.status === "error" && (
            <Hint>{isPovertyError(goto.error) ? goto.error.messageIn(lang) : describeError(goto.error, lang)}</Hint>
          )}
        </section>
      )}
    </div>
  );
}
