/**
 * The task pane shell: header (product name, language switch), "open in Excel" notice when not inside
 * Office, tab navigation over the workflow registry and the selected workflow's panel.
 * Layout targets the default pane width (~350 px): tabs wrap into a grid, content is one column.
 */
import { Component, Suspense, useCallback, useId, useState, type ErrorInfo, type ReactNode } from "react";
import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Title3,
  ToggleButton,
  makeStyles,
  tokens,
  type SelectTabData,
} from "@fluentui/react-components";
import type { Lang } from "../core/i18n";
import { useHost } from "./host";
import { useStrings } from "./i18n";
import { WORKFLOWS, findWorkflow, type WorkflowDefinition, type WorkflowId } from "./workflows/registry";

const useStyles = makeStyles({
  shell: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  logo: { width: "24px", height: "24px", flexShrink: 0 },
  title: { overflow: "hidden", textOverflow: "ellipsis" },
  langGroup: { display: "flex", gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  langButton: { minWidth: "36px", paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  notice: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  nav: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(104px, 1fr))",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: { justifyContent: "flex-start", minWidth: 0 },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    flexGrow: 1,
  },
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  description: { color: tokens.colorNeutralForeground2 },
});

function initialWorkflow(): WorkflowId {
  const fromHash = typeof location !== "undefined" ? location.hash.replace(/^#/, "") : "";
  return findWorkflow(fromHash)?.id ?? WORKFLOWS[0].id;
}

export function App() {
  const styles = useStyles();
  const { t } = useStrings();
  const { host } = useHost();
  const [selected, setSelected] = useState<WorkflowId>(initialWorkflow);
  const workflow = findWorkflow(selected) ?? WORKFLOWS[0];

  const onTabSelect = useCallback((_: unknown, data: SelectTabData) => {
    const next = findWorkflow(String(data.value));
    if (!next) return;
    setSelected(next.id);
    try {
      history.replaceState(null, "", `#${next.id}`);
    } catch {
      // Some hosts sandbox history; the selection still works.
    }
  }, []);

  return (
    <div className={styles.shell} data-testid="app-shell">
      <header className={styles.header}>
        <div className={styles.brand}>
          <img className={styles.logo} src="assets/icon-32.png" alt="" aria-hidden="true" />
          <Subtitle2 as="h1" className={styles.title} data-testid="app-title">
            {t("app.title")}
          </Subtitle2>
        </div>
        <LanguageSwitch />
      </header>
      {host === null && (
        <MessageBar layout="multiline" intent="warning" className={styles.notice} data-testid="outside-office">
          <MessageBarBody>
            <MessageBarTitle>{t("app.outsideOfficeTitle")}</MessageBarTitle>
            {t("app.outsideOfficeBody")}
          </MessageBarBody>
        </MessageBar>
      )}
      <nav aria-label={t("app.navLabel")}>
        <TabList
          className={styles.nav}
          selectedValue={selected}
          onTabSelect={onTabSelect}
          size="small"
          aria-label={t("app.navLabel")}
          data-testid="nav"
        >
          {WORKFLOWS.map((w) => (
            <Tab
              key={w.id}
              value={w.id}
              icon={<w.icon />}
              className={styles.tab}
              id={`tab-${w.id}`}
              aria-controls={`panel-${w.id}`}
              data-testid={`nav-${w.id}`}
            >
              {t(w.title)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <WorkflowPanel key={workflow.id} workflow={workflow} />
    </div>
  );
}

function LanguageSwitch() {
  const styles = useStyles();
  const { lang, setLang, t } = useStrings();
  const option = (value: Lang, label: string, short: string) => (
    <ToggleButton
      size="small"
      className={styles.langButton}
      appearance={lang === value ? "primary" : "subtle"}
      checked={lang === value}
      onClick={() => setLang(value)}
      aria-label={label}
      title={label}
      lang={value}
      data-testid={`lang-${value}`}
    >
      {short}
    </ToggleButton>
  );
  return (
    <div role="group" aria-label={t("app.languageGroup")} className={styles.langGroup}>
      {option("vi", t("app.languageVi"), "VI")}
      {option("en", t("app.languageEn"), "EN")}
    </div>
  );
}

function WorkflowPanel({ workflow }: { workflow: WorkflowDefinition }) {
  const styles = useStyles();
  const { t } = useStrings();
  const headingId = useId();
  const Body = workflow.component;
  return (
    <main
      className={styles.panel}
      id={`panel-${workflow.id}`}
      role="tabpanel"
      aria-labelledby={headingId}
      data-testid={`workflow-${workflow.id}`}
    >
      <div className={styles.heading}>
        <Title3 as="h2" id={headingId} data-testid="workflow-title">
          {t(workflow.title)}
        </Title3>
        <Caption1 className={styles.description} data-testid="workflow-description">
          {t(workflow.description)}
        </Caption1>
      </div>
      <WorkflowErrorBoundary>
        <Suspense fallback={<Spinner size="small" label={t("app.loading")} data-testid="workflow-loading" />}>
          <Body id={workflow.id} />
        </Suspense>
      </WorkflowErrorBoundary>
    </main>
  );
}

interface BoundaryState {
  error: Error | null;
}

/** Shows a load/render failure of one workflow as a message; the rest of the pane keeps working. */
class WorkflowErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Visible to developers in the pane's devtools; the user sees the message bar below.
    console.error("Workflow failed", error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <WorkflowError message={this.state.error.message} />;
    return this.props.children;
  }
}

function WorkflowError({ message }: { message: string }) {
  const { t } = useStrings();
  return (
    <MessageBar layout="multiline" intent="error" data-testid="workflow-error">
      <MessageBarBody>
        <MessageBarTitle>{t("app.loadFailedTitle")}</MessageBarTitle>
        <Body1>{t("app.loadFailedBody", { message })}</Body1>
      </MessageBarBody>
    </MessageBar>
  );
}
