/**
 * Cài đặt: the choices saved IN the workbook (document settings), so colleagues who open the file get the same:
 * - the default review year (with the legal basis of its standard, the core's `legalBasis`, which names the
 *   transition basis of 2026) or, when automatic, the cut-over month from which last year's review counts as
 *   published (the core's `defaultReviewYear`);
 * - "Đơn vị": the issuing body, place and signers printed in the frame of every generated form;
 * - an optional local (provincial) standard, edited as a form — the core checks it and its messages appear next
 *   to the fields (lines by area, the deprivation cutoff, the review years) — with JSON import/export for sharing
 *   between provinces' files;
 * - the interface language in use (chosen with the one VI/EN switch at the top of the pane).
 * The two sections open on request (each shows a one-line summary), so "Lưu vào sổ tính" is on the first screen.
 */
import { useMemo, useState } from "react";
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
  Input,
  MessageBar,
  Option,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowImportRegular, ErrorCircleRegular, SaveRegular } from "@fluentui/react-icons";
import { isPovertyError } from "../../../core/errors";
import { formatNumber, pick } from "../../../core/i18n";
import {
  citationDocument,
  DEFAULT_CUTOVER_MONTH,
  defaultReviewYear,
  type LocalStandardInput,
  type StandardIssue,
} from "../../../core/standards";
import { FRAME_FIELD_LABELS, parseFrameOptions, type FrameOptions } from "../../../core/tables";
import { savePreferences } from "../../../excel/settings";
import { useStrings } from "../../i18n";
import { translate } from "../../strings";
import type { WorkflowProps } from "../types";
import { useGateway } from "../common/gateway";
import { useOperation } from "../common/operation";
import { Hint, OperationStatusView, useCommonStyles } from "../common/ui";
import { YearPicker, usePreferences } from "../common/year";
import {
  AREAS,
  LINES,
  checkForm,
  emptyForm,
  formFromInput,
  importJson,
  nationalFor,
  type AreaKey,
  type LineKey,
  type LocalForm,
} from "./localStandard";

/** Frame fields a planner sets once (the date of a form is written when it is signed). */
const UNIT_FIELDS: readonly (keyof FrameOptions)[] = ["parent", "issuer", "place", "preparer", "headTitle", "head"];

const useStyles = makeStyles({
  lines: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
  },
  colHead: { fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  years: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
  // Fluent inputs ask for a minimum width; in the two- and three-column grids they take what they are given.
  fill: { minWidth: 0, width: "100%" },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  footer: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  accordion: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
  },
  header: { display: "flex", flexDirection: "column", minWidth: 0 },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
});

function savedLocal(text: string | undefined): LocalStandardInput | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as LocalStandardInput;
  } catch {
    return undefined;
  }
}

export default function SettingsWorkflow(_: WorkflowProps) {
  const { t, lang } = useStrings();
  const host = useGateway();
  const common = useCommonStyles();
  const styles = useStyles();
  const prefs = usePreferences();
  const [year, setYear] = useState<number | undefined>(prefs.reviewYear);
  const [cutover, setCutover] = useState<number | undefined>(prefs.cutoverMonth);
  const [unit, setUnit] = useState<Record<string, string>>(() => ({ ...(prefs.frame ?? {}) }));
  const [base, setBase] = useState<LocalStandardInput | undefined>(() => savedLocal(prefs.localStandard));
  const [useLocal, setUseLocal] = useState(Boolean(prefs.localStandard));
  const [form, setForm] = useState<LocalForm>(() =>
    base
      ? formFromInput(base, lang)
      : emptyForm(prefs.reviewYear ?? defaultReviewYear(new Date(), { cutoverMonth: prefs.cutoverMonth })),
  );
  const [touched, setTouched] = useState(false);
  // Both sections start closed: the first screen shows the year, one line per section and "Lưu vào sổ tính".
  const [open, setOpen] = useState<string[]>([]);
  const [jsonOpen, setJsonOpen] = useState(false);
  const [jsonText, setJsonText] = useState("");
  const [importIssues, setImportIssues] = useState<StandardIssue[]>([]);
  const op = useOperation();

  const today = useMemo(() => defaultReviewYear(new Date(), { cutoverMonth: cutover }), [cutover]);
  const check = useMemo(() => (useLocal ? checkForm(form, base) : undefined), [useLocal, form, base]);
  const issueAt = (...paths: string[]) => {
    if (!touched || !check) return undefined;
    const found = check.issues.filter((i) => paths.some((p) => i.path === p || i.path.startsWith(p + ".")));
    return found.length ? found.map((i) => (lang === "vi" ? i.vi : i.en)).join("; ") : undefined;
  };
  const placed = ["province", "citation", "reviewYears", "lines", "deprivationCutoff"];
  const otherIssues = touched && check ? check.issues.filter((i) => !placed.some((p) => i.path.startsWith(p))) : [];
  const national = nationalFor(form);

  let unitError: { field?: string; message: string } | undefined;
  let frame: FrameOptions = {};
  try {
    frame = parseFrameOptions(unit);
  } catch (e) {
    unitError = isPovertyError(e)
      ? { field: String(e.details.field ?? ""), message: e.messageIn(lang) }
      : { message: String(e) };
  }

  const unitSummary = [frame.issuer, frame.place].filter(Boolean).join(" · ");

  const setLine = (a: AreaKey, k: LineKey, v: string) =>
    setForm((f) => ({ ...f, lines: { ...f.lines, [a]: { ...f.lines[a], [k]: v } } }));

  // What stops saving, in the planner's words (shown next to the button, not as an Excel failure).
  const [invalid, setInvalid] = useState<string | undefined>();
  const save = () => {
    setTouched(true);
    // A refused save must not leave the success of an earlier one on screen.
    if (unitError || (useLocal && !check?.json)) op.reset();
    if (unitError) {
      setOpen((o) => [...new Set([...o, "unit"])]);
      setInvalid(t("settings.unitInvalid"));
      return;
    }
    if (useLocal && !check?.json) {
      setOpen((o) => [...new Set([...o, "local"])]);
      setInvalid(t("settings.localInvalid"));
      return;
    }
    setInvalid(undefined);
    void op.run(async () => {
      await savePreferences(
        {
          version: 1,
          lang,
          reviewYear: year,
          // The cut-over month only matters for the automatic year; kept when a year is chosen (going back to
          // automatic brings it back).
          cutoverMonth: cutover,
          localStandard: useLocal ? check?.json : undefined,
          frame: Object.fromEntries(Object.entries(frame).filter(([, v]) => typeof v === "string")) as Record<
            string,
            string
          >,
        },
        host,
      );
      return translate(lang, "settings.saved");
    });
  };

  const doImport = () => {
    const r = importJson(jsonText, lang);
    setImportIssues(r.issues);
    if (r.input && r.form) {
      setBase(r.input);
      setForm(r.form);
      setUseLocal(true);
      setTouched(true);
    }
  };

  const lineLabel: Record<LineKey, string> = {
    poverty: t("settings.linePoverty"),
    nearPoverty: t("settings.lineNearPoverty"),
    averageCeiling: t("settings.lineAverage"),
  };
  const andRule = national?.rule === "and";
  return (
    <div className={common.stack} data-testid="settings">
      <YearPicker
        year={year}
        onChange={setYear}
        testId="settings"
        label={t("settings.defaultYear")}
        emptyOption={t("settings.yearAuto", { year: String(today) })}
        hint={t("settings.yearAutoHint")}
        basisYear={today}
      />
      {year === undefined && (
        <Field label={t("settings.cutover")} hint={t("settings.cutoverHint")}>
          <Dropdown
            className={styles.fill}
            data-testid="settings-cutover"
            value={t("settings.month", { m: cutover ?? DEFAULT_CUTOVER_MONTH })}
            selectedOptions={[String(cutover ?? DEFAULT_CUTOVER_MONTH)]}
            onOptionSelect={(_, d) => {
              const m = Number(d.optionValue);
              setCutover(m === DEFAULT_CUTOVER_MONTH ? undefined : m);
            }}
          >
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <Option key={m} value={String(m)}>
                {t("settings.month", { m })}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}

      <Accordion
        multiple
        collapsible
        openItems={open}
        onToggle={(_, d) => setOpen(d.openItems.map(String))}
        className={styles.accordion}
      >
        <AccordionItem value="unit" data-testid="settings-unit">
          <AccordionHeader expandIconPosition="end" button={{ "data-testid": "settings-unit-toggle" } as object}>
            <span className={styles.header}>
              <Text weight="semibold">{t("settings.unit")}</Text>
              <Caption1 className={common.muted} data-testid="settings-unit-summary">
                {unitSummary || t("settings.unitEmpty")}
              </Caption1>
            </span>
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <Hint>{t("settings.unitHint")}</Hint>
            {UNIT_FIELDS.map((f) => (
              <Field
                key={f}
                label={pick(FRAME_FIELD_LABELS[f], lang)}
                hint={
                  f === "issuer"
                    ? t("settings.unitHintIssuer")
                    : f === "headTitle"
                      ? t("settings.unitHintHeadTitle")
                      : undefined
                }
                validationMessage={unitError?.field === f ? unitError.message : undefined}
              >
                <Input
                  value={unit[f] ?? ""}
                  onChange={(_, d) => setUnit((u) => ({ ...u, [f]: d.value }))}
                  data-testid={`settings-unit-${f}`}
                />
              </Field>
            ))}
          </AccordionPanel>
        </AccordionItem>

        <AccordionItem value="local" data-testid="settings-local">
          <AccordionHeader expandIconPosition="end" button={{ "data-testid": "settings-local-toggle" } as object}>
            <span className={styles.header}>
              <Text weight="semibold">{t("settings.local")}</Text>
              <Caption1 className={common.muted} data-testid="settings-local-summary">
                {useLocal && check?.standard
                  ? pick(check.standard.name, lang)
                  : useLocal
                    ? t("settings.localDraft")
                    : t("settings.localNone")}
              </Caption1>
            </span>
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <Checkbox
              checked={useLocal}
              onChange={(_, d) => setUseLocal(Boolean(d.checked))}
              label={t("settings.useLocal")}
              data-testid="settings-use-local"
            />
            {!useLocal && <Hint>{t("settings.localHint")}</Hint>}
            {useLocal && (
              <>
                <Field label={t("settings.province")} validationMessage={issueAt("province")}>
                  <Input
                    value={form.province}
                    onChange={(_, d) => setForm((f) => ({ ...f, province: d.value }))}
                    data-testid="settings-local-province"
                  />
                </Field>
                <Field label={t("settings.document")} validationMessage={issueAt("citation.document", "citation.vi")}>
                  <Input
                    value={form.document}
                    placeholder="Quyết định 13/2021/QĐ-UBND"
                    onChange={(_, d) => setForm((f) => ({ ...f, document: d.value }))}
                    data-testid="settings-local-document"
                  />
                </Field>
                <Field label={t("settings.issued")} validationMessage={issueAt("citation.issued")}>
                  <Input
                    type="date"
                    value={form.issued}
                    onChange={(_, d) => setForm((f) => ({ ...f, issued: d.value }))}
                    data-testid="settings-local-issued"
                  />
                </Field>
                <div>
                  <div className={styles.years}>
                    <Field label={t("settings.fromYear")}>
                      <Input
                        value={form.from}
                        inputMode="numeric"
                        onChange={(_, d) => setForm((f) => ({ ...f, from: d.value }))}
                        className={styles.fill}
                        data-testid="settings-local-from"
                      />
                    </Field>
                    <Field label={t("settings.toYear")}>
                      <Input
                        value={form.to}
                        inputMode="numeric"
                        onChange={(_, d) => setForm((f) => ({ ...f, to: d.value }))}
                        className={styles.fill}
                        data-testid="settings-local-to"
                      />
                    </Field>
                  </div>
                  {issueAt("reviewYears", "basedOn") && (
                    <Caption1 block className={styles.error} role="alert" data-testid="settings-local-years-error">
                      <ErrorCircleRegular aria-hidden="true" /> {issueAt("reviewYears", "basedOn")}
                    </Caption1>
                  )}
                  {national && (
                    <Caption1 block className={common.muted}>
                      {t("settings.raises", {
                        name: pick(national.name, lang),
                        doc: pick(citationDocument(national.citation), lang),
                      })}
                    </Caption1>
                  )}
                </div>
                <div role="group" aria-labelledby="settings-lines-title">
                  <Text id="settings-lines-title">{t("settings.lines")}</Text>
                  <div className={styles.lines}>
                    <span />
                    <Caption1 className={styles.colHead}>{t("settings.rural")}</Caption1>
                    <Caption1 className={styles.colHead}>{t("settings.urban")}</Caption1>
                    {LINES.map((k) => (
                      <LineRow
                        key={k}
                        label={lineLabel[k]}
                        lineKey={k}
                        form={form}
                        nationalLines={national?.lines}
                        disabled={k === "nearPoverty" && andRule}
                        onChange={setLine}
                        lang={lang}
                        areaLabel={{ rural: t("settings.rural"), urban: t("settings.urban") }}
                        fill={styles.fill}
                      />
                    ))}
                  </div>
                  {andRule && <Hint>{t("settings.andRule")}</Hint>}
                  {AREAS.flatMap((a) => LINES.map((k) => issueAt(`lines.${a}.${k}`)))
                    .filter(Boolean)
                    .map((m) => (
                      <Caption1
                        block
                        key={m}
                        role="alert"
                        className={styles.error}
                        data-testid="settings-local-line-error"
                      >
                        <ErrorCircleRegular aria-hidden="true" /> {m}
                      </Caption1>
                    ))}
                </div>
                <Field
                  label={t("settings.cutoffLabel")}
                  hint={national ? t("settings.cutoffHint", { n: national.deprivationCutoff }) : undefined}
                  validationMessage={issueAt("deprivationCutoff")}
                >
                  <Input
                    value={form.cutoff}
                    inputMode="numeric"
                    placeholder={national ? String(national.deprivationCutoff) : undefined}
                    onChange={(_, d) => setForm((f) => ({ ...f, cutoff: d.value }))}
                    data-testid="settings-local-cutoff"
                  />
                </Field>
                {otherIssues.length > 0 && (
                  <MessageBar layout="multiline" intent="error" data-testid="settings-local-error">
                    <MessageBarBody>
                      <ul className={styles.issues}>
                        {otherIssues.map((i) => (
                          <li key={i.path + i.vi}>{lang === "vi" ? i.vi : i.en}</li>
                        ))}
                      </ul>
                    </MessageBarBody>
                  </MessageBar>
                )}
                {check?.standard && (
                  <Caption1 block data-testid="settings-local-ok">
                    {t("settings.localOk", {
                      name: pick(check.standard.name, lang),
                      from: String(check.standard.reviewYears.from),
                      to: String(check.standard.reviewYears.to),
                    })}
                  </Caption1>
                )}
              </>
            )}
            <Button
              size="small"
              appearance="transparent"
              onClick={() => {
                setJsonOpen((v) => !v);
                setJsonText(check?.json ?? prefs.localStandard ?? "");
              }}
              aria-expanded={jsonOpen}
              data-testid="settings-json-toggle"
              style={{ alignSelf: "flex-start" }}
            >
              {t("settings.json")}
            </Button>
            {jsonOpen && (
              <>
                <Field label={t("settings.jsonLabel")} hint={t("settings.jsonHint")}>
                  <Textarea
                    value={jsonText}
                    onChange={(_, d) => setJsonText(d.value)}
                    resize="vertical"
                    rows={6}
                    data-testid="settings-json"
                  />
                </Field>
                <Button
                  icon={<ArrowImportRegular />}
                  onClick={doImport}
                  data-testid="settings-json-import"
                  style={{ alignSelf: "flex-start" }}
                >
                  {t("settings.jsonImport")}
                </Button>
                {importIssues.length > 0 && (
                  <MessageBar layout="multiline" intent="error" data-testid="settings-json-error">
                    <MessageBarBody>
                      <ul className={styles.issues}>
                        {importIssues.map((i) => (
                          <li key={i.path + i.vi}>
                            {i.path}: {lang === "vi" ? i.vi : i.en}
                          </li>
                        ))}
                      </ul>
                    </MessageBarBody>
                  </MessageBar>
                )}
              </>
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      <div className={styles.footer}>
        <Button
          appearance="primary"
          icon={<SaveRegular />}
          onClick={save}
          disabled={op.status === "running"}
          data-testid="settings-save"
          style={{ alignSelf: "flex-start" }}
        >
          {t("settings.save")}
        </Button>
        {invalid && (
          <MessageBar layout="multiline" intent="error" data-testid="settings-invalid">
            <MessageBarBody>{invalid}</MessageBarBody>
          </MessageBar>
        )}
        <OperationStatusView op={op} testId="settings" />
      </div>
      <Hint>{t("settings.note", { lang: t(lang === "vi" ? "app.languageVi" : "app.languageEn") })}</Hint>
    </div>
  );
}

function LineRow({
  label,
  lineKey,
  form,
  nationalLines,
  disabled,
  onChange,
  lang,
  areaLabel,
  fill,
}: {
  areaLabel: Record<AreaKey, string>;
  fill: string;
  label: string;
  lineKey: LineKey;
  form: LocalForm;
  nationalLines?: Record<AreaKey, Record<LineKey, number | null>>;
  disabled: boolean;
  onChange: (a: AreaKey, k: LineKey, v: string) => void;
  lang: "vi" | "en";
}) {
  return (
    <>
      <Caption1>{label}</Caption1>
      {AREAS.map((a) => {
        const national = nationalLines?.[a][lineKey];
        return (
          <Input
            key={a}
            size="small"
            inputMode="numeric"
            aria-label={`${label} — ${areaLabel[a]}`}
            value={disabled ? "" : form.lines[a][lineKey]}
            placeholder={national ? formatNumber(national, lang) : "—"}
            disabled={disabled}
            onChange={(_, d) => onChange(a, lineKey, d.value)}
            className={fill}
            data-testid={`settings-line-${a}-${lineKey}`}
          />
        );
      })}
    </>
  );
}
