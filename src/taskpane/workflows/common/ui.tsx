/**
 * Small shared pieces of the workflows: status messages (icon + text), progress with cancel, empty states.
 * Every MessageBar in the pane is `layout="multiline"`: Fluent's default "auto" layout first lays the
 * text out on ONE line and wraps it only after a ResizeObserver callback, so for a frame (longer on a busy
 * machine) a long message made the 350 px pane scroll sideways.
 */
import { Children, cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { describeError } from "../../../excel/errors";
import type { Operation } from "./operation";
import { useStrings } from "../../i18n";

export const useCommonStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

/** Progress, cancel, error, cancelled and success states of an operation. */
export function OperationStatusView({ op, testId }: { op: Operation; testId: string }) {
  const { t, lang } = useStrings();
  const styles = useCommonStyles();
  if (op.status === "running") {
    return (
      <div className={styles.section} data-testid={`${testId}-progress`} role="status" aria-live="polite">
        <ProgressBar
          value={op.progress?.value}
          thickness="large"
          aria-label={op.progress?.text ?? t("common.working")}
        />
        <div className={styles.row}>
          <Text size={200}>{op.progress?.text ?? t("common.working")}</Text>
          <Button size="small" icon={<DismissRegular />} onClick={op.cancel} data-testid={`${testId}-cancel`}>
            {t("common.cancel")}
          </Button>
        </div>
      </div>
    );
  }
  if (op.status === "error") {
    return (
      <MessageBar layout="multiline" intent="error" data-testid={`${testId}-error`}>
        <MessageBarBody>
          <MessageBarTitle>{t("common.errorTitle")}</MessageBarTitle>
          {describeError(op.error, lang)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (op.status === "cancelled") {
    return (
      <MessageBar layout="multiline" intent="warning" data-testid={`${testId}-cancelled`}>
        <MessageBarBody>{t("common.cancelled")}</MessageBarBody>
      </MessageBar>
    );
  }
  if (op.status === "done" && op.message) {
    return (
      <MessageBar layout="multiline" intent="success" data-testid={`${testId}-done`}>
        <MessageBarBody>
          <MessageBarTitle>{t("common.doneTitle")}</MessageBarTitle>
          {op.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}

export function EmptyState({ title, hint, testId }: { title: string; hint?: ReactNode; testId: string }) {
  return (
    <MessageBar layout="multiline" intent="info" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {hint}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Hint({ children }: { children: ReactNode }) {
  const styles = useCommonStyles();
  return <Caption1 className={styles.muted}>{children}</Caption1>;
}

/**
 * The row of a workflow's main button(s). When `reason` is given (the button is disabled), it is written next to
 * the button and linked to it (aria-describedby), so a disabled button always says why.
 */
export function ActionRow({ reason, testId, children }: { reason?: string; testId: string; children: ReactNode }) {
  const styles = useCommonStyles();
  const id = useId();
  const items = Children.map(children, (child) =>
    reason && isValidElement(child)
      ? cloneElement(child as ReactElement<{ "aria-describedby"?: string }>, { "aria-describedby": id })
      : child,
  );
  return (
    <div className={styles.row}>
      {items}
      {reason && (
        <Caption1 id={id} className={styles.muted} data-testid={`${testId}-reason`}>
          {reason}
        </Caption1>
      )}
    </div>
  );
}
