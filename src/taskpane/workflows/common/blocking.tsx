/**
 * The findings that stop a workflow's action (nothing was written): one error bar with what to do, then each finding
 * where it is ("Trang!C9") with "Đi tới ô" for a cell of this workbook, and its message in the pane's language.
 * Rule codes and what the rule checks appear only under "Chi tiết" — as in the Validate workflow's cards.
 * Presentation only: the findings come from the core.
 */
import { useState } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { pick } from "../../../core/i18n";
import { RULE_BY_CODE, type Finding } from "../../../core/validate";
import { describeError } from "../../../excel/errors";
import { selectCell } from "../../../excel/navigate";
import { useStrings } from "../../i18n";
import { FindingRow } from "./finding";
import { useGateway } from "./gateway";
import { locationOf } from "./place";
import { Hint, useCommonStyles } from "./ui";

/** Findings listed in the bar; a table with more errors is better read with Kiểm tra hồ sơ. */
const SHOWN = 20;

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    paddingLeft: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

export function BlockingFindings({
  findings,
  title,
  testId,
}: {
  findings: readonly Finding[];
  title: string;
  testId: string;
}) {
  const { t, lang } = useStrings();
  const host = useGateway();
  const styles = useStyles();
  const common = useCommonStyles();
  const [details, setDetails] = useState(false);
  const [navError, setNavError] = useState<unknown>();
  if (findings.length === 0) return null;
  const goTo = async (f: Finding) => {
    setNavError(undefined);
    try {
      await selectCell(f.sheet, f.cell, host);
    } catch (e) {
      setNavError(e);
    }
  };
  const codes = [...new Set(findings.map((f) => f.code))];
  return (
    <MessageBar layout="multiline" intent="error" data-testid={`${testId}-blocked`}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.list}>
          {findings.slice(0, SHOWN).map((f, i) => (
            <FindingRow
              key={`${locationOf(f)}|${f.code}|${i}`}
              finding={f}
              onGoTo={(x) => void goTo(x)}
              testId={`${testId}-blocked-finding`}
              gotoTestId={`${testId}-goto`}
            />
          ))}
        </ul>
        {findings.length > SHOWN && <Hint>{t("common.moreBlocking", { n: SHOWN, total: findings.length })}</Hint>}
        {navError !== undefined && <Hint>{describeError(navError, lang)}</Hint>}
        <div>
          <Button
            size="small"
            appearance="transparent"
            onClick={() => setDetails((v) => !v)}
            aria-expanded={details}
            data-testid={`${testId}-blocked-details`}
          >
            {t("validate.details")}
          </Button>
        </div>
        {details && (
          <div className={common.stack} data-testid={`${testId}-blocked-details-body`}>
            {codes.map((code) => (
              <Caption1 block key={code}>
                {t("validate.code", { code })}
                {RULE_BY_CODE[code] ? ` — ${pick(RULE_BY_CODE[code].title, lang)}` : ""}
              </Caption1>
            ))}
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
