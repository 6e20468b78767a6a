/**
 * Mẫu biểu: insert a blank household roster or a village summary form (core/tables templates) as a
 * generated sheet, with drop-downs, data validation, frozen header and locked formula cells.
 */
import { useState } from "react";
import { Button, Field, Radio, RadioGroup, SpinButton } from "@fluentui/react-components";
import { DocumentTableRegular } from "@fluentui/react-icons";
import { standardForYear } from "../../../core/standards";
import { buildRosterTemplate, buildSummaryTemplate } from "../../../core/tables";
import { buildRegisterTemplate } from "../../../core/sponsors";
import { writeResultTables } from "../../../excel/write";
import type { WorkflowProps } from "../types";
import { writtenMessage } from "../common/progress";
import { useGateway } from "../common/gateway";
import { useOperation } from "../common/operation";
import { OperationStatusView, useCommonStyles } from "../common/ui";
import { YearPicker, useFrame, useLocalStandard, usePreferences, useReviewYear } from "../common/year";
import { useStrings } from "../../i18n";
import { SavedSettingsNotice } from "../common/savedSettings";

export default function TemplatesWorkflow(_: WorkflowProps) {
  const { t, lang } = useStrings();
  const host = useGateway();
  const common = useCommonStyles();
  const prefs = usePreferences();
  const local = useLocalStandard(prefs);
  const frame = useFrame(prefs);
  const { year, resolved, setYear } = useReviewYear(undefined, local);
  const [kind, setKind] = useState<"roster" | "summary" | "register">("roster");
  const [rows, setRows] = useState(100);
  const op = useOperation();
  const insert = () =>
    op.run(async (signal) => {
      const standard = standardForYear(year, { local });
      const tables =
        kind === "roster"
          ? [buildRosterTemplate(standard, { lang, rows, frame })]
          : kind === "summary"
            ? [buildSummaryTemplate(standard, { lang, rows, frame })]
            : buildRegisterTemplate({ lang, rows, frame });
      const written = await writeResultTables(tables, { host, signal, lang });
      return writtenMessage(lang, written);
    });
  return (
    <div className={common.stack} data-testid="templates">
      <SavedSettingsNotice prefs={prefs} />
      <Field label={t("templates.kind")}>
        <RadioGroup
          value={kind}
          onChange={(_, d) => setKind(d.value as "roster" | "summary" | "register")}
          data-testid="templates-kind"
        >
          <Radio value="roster" label={t("templates.roster")} data-testid="templates-kind-roster" />
          <Radio value="summary" label={t("templates.summary")} data-testid="templates-kind-summary" />
          <Radio value="register" label={t("templates.register")} data-testid="templates-kind-register" />
        </RadioGroup>
      </Field>
      <YearPicker year={year} onChange={setYear} testId="templates" local={local} resolved={resolved} />
      <Field label={t("templates.rows")}>
        <SpinButton
          min={1}
          max={5000}
          value={rows}
          onChange={(_, d) => setRows(Math.max(1, Math.min(5000, Number(d.value ?? d.displayValue ?? 1) || 1)))}
          data-testid="templates-rows"
        />
      </Field>
      <div className={common.row}>
        <Button
          appearance="primary"
          icon={<DocumentTableRegular />}
          onClick={insert}
          disabled={op.status === "running"}
          data-testid="templates-insert"
        >
          {t("templates.insert")}
        </Button>
      </div>
      <OperationStatusView op={op} testId="templates" />
    </div>
  );
}
