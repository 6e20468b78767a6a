/**
 * Cài đặt: interface language, default review year and an optional local standard (checked by the core
 * before saving), saved in the workbook's document settings so colleagues opening the file get the same.
 */
import { useState } from "react";
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Textarea,
} from "@fluentui/react-components";
import { CheckmarkRegular, SaveRegular } from "@fluentui/react-icons";
import type { Lang } from "../../../core/i18n";
import { pick } from "../../../core/i18n";
import { checkStandard, parseLocalStandard, type StandardIssue } from "../../../core/standards";
import { isPovertyError } from "../../../core/errors";
import { savePreferences } from "../../../excel/settings";
import { useStrings } from "../../i18n";
import type { WorkflowProps } from "../types";
import { useGateway } from "../common/gateway";
import { useOperation } from "../common/operation";
import { Hint, OperationStatusView, useCommonStyles } from "../common/ui";
import { YEARS, usePreferences } from "../common/year";
import { translate } from "../../strings";

export default function SettingsWorkflow(_: WorkflowProps) {
  const { t, lang } = useStrings();
  const { setLang } = useStrings();
  const host = useGateway();
  const common = useCommonStyles();
  const prefs = usePreferences();
  const [uiLang, setUiLang] = useState<Lang>(prefs.lang ?? lang);
  const [year, setYear] = useState<number | undefined>(prefs.reviewYear);
  const [localText, setLocalText] = useState(prefs.localStandard ?? "");
  const [check, setCheck] = useState<{ ok?: string; error?: string; issues?: StandardIssue[] } | undefined>();
  const op = useOperation();

  const validateLocal = (): boolean => {
    if (!localText.trim()) {
      setCheck(undefined);
      return true;
    }
    try {
      const std = parseLocalStandard(localText);
      setCheck({
        ok: t("settings.localOk", {
          name: pick(std.name, lang),
          from: String(std.reviewYears.from),
          to: String(std.reviewYears.to),
        }),
        issues: checkStandard(std),
      });
      return true;
    } catch (e) {
      setCheck({ error: isPovertyError(e) ? e.messageIn(lang) : String(e) });
      return false;
    }
  };
  const save = () =>
    op.run(async () => {
      if (!validateLocal()) throw new Error(t("common.errorTitle"));
      await savePreferences(
        { version: 1, lang: uiLang, reviewYear: year, localStandard: localText.trim() || undefined },
        host,
      );
      setLang(uiLang);
      return translate(uiLang, "settings.saved");
    });

  return (
    <div className={common.stack} data-testid="settings">
      <Field label={t("settings.language")}>
        <RadioGroup value={uiLang} onChange={(_, d) => setUiLang(d.value as Lang)} data-testid="settings-lang">
          <Radio value="vi" label="Tiếng Việt" data-testid="settings-lang-vi" />
          <Radio value="en" label="English" data-testid="settings-lang-en" />
        </RadioGroup>
      </Field>
      <Field label={t("settings.defaultYear")}>
        <Dropdown
          data-testid="settings-year"
          value={year === undefined ? "—" : String(year)}
          selectedOptions={[year === undefined ? "" : String(year)]}
          onOptionSelect={(_, d) => setYear(d.optionValue ? Number(d.optionValue) : undefined)}
        >
          <Option value="" text="—">
            —
          </Option>
          {YEARS.map((y) => (
            <Option key={y} value={String(y)}>
              {String(y)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("settings.local")} hint={t("settings.localHint")}>
        <Textarea
          value={localText}
          onChange={(_, d) => setLocalText(d.value)}
          resize="vertical"
          rows={5}
          data-testid="settings-local"
        />
      </Field>
      <div className={common.row}>
        <Button
          icon={<CheckmarkRegular />}
          onClick={validateLocal}
          disabled={!localText.trim()}
          data-testid="settings-check"
        >
          {t("settings.check")}
        </Button>
        <Button
          appearance="primary"
          icon={<SaveRegular />}
          onClick={save}
          disabled={op.status === "running"}
          data-testid="settings-save"
        >
          {t("settings.save")}
        </Button>
      </div>
      {check?.error && (
        <MessageBar layout="multiline" intent="error" data-testid="settings-local-error">
          <MessageBarBody>{check.error}</MessageBarBody>
        </MessageBar>
      )}
      {check?.ok && (
        <MessageBar
          layout="multiline"
          intent={check.issues?.length ? "warning" : "success"}
          data-testid="settings-local-ok"
        >
          <MessageBarBody>
            {check.ok}
            {check.issues && check.issues.length > 0 && (
              <>
                <br />
                {t("settings.localIssues")}
                <ul>
                  {check.issues.map((i) => (
                    <li key={i.path}>
                      {i.path}: {lang === "vi" ? i.vi : i.en}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <OperationStatusView op={op} testId="settings" />
      <Hint>{t("settings.note")}</Hint>
    </div>
  );
}
