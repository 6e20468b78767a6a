/**
 * The task pane shell: a one-line header (product name, the language switch), the "open in Excel"
 * notice when not inside Office, one row of tabs over the workflow registry (icon above a short label) and
 * the selected workflow's panel. Layout targets the default pane width (~350 px) and puts the workflow's
 * first control about 100 px from the top: no heading repeats the selected tab (the panel's heading and
 * description exist for screen readers only).
 */
import { Component, Suspense, useCallback, useId, useState, type ErrorInfo, type ReactNode } from "react";
import { Tab, TabList, Text, ToggleButton, makeStyles, tokens, type SelectTabData } from "@fluentui/react-components";
import { ErrorCircleRegular, WarningRegular } from "@fluentui/react-icons";
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
  // One line: the product name (ellipsis when narrow; Excel's pane caption already shows the add-in's icon
  // and name) and the language switch.
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
  },
  title: {
    flexGrow: 1,
    minWidth: 0,
    margin: 0,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  langGroup: { display: "flex", flexShrink: 0 },
  langButton: { minWidth: "28px", paddingLeft: "2px", paddingRight: "2px" },
  notice: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderTopWidth: tokens.strokeWidthThin,
    borderRightWidth: tokens.strokeWidthThin,
    borderBottomWidth: tokens.strokeWidthThin,
    borderLeftWidth: tokens.strokeWidthThin,
    borderTopStyle: "solid",
    borderRightStyle: "solid",
    borderBottomStyle: "solid",
    borderLeftStyle: "solid",
  },
  noticeWarning: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderTopColor: tokens.colorPaletteYellowBorder1,
    borderRightColor: tokens.colorPaletteYellowBorder1,
    borderBottomColor: tokens.colorPaletteYellowBorder1,
    borderLeftColor: tokens.colorPaletteYellowBorder1,
  },
  noticeError: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderTopColor: tokens.colorPaletteRedBorder1,
    borderRightColor: tokens.colorPaletteRedBorder1,
    borderBottomColor: tokens.colorPaletteRedBorder1,
    borderLeftColor: tokens.colorPaletteRedBorder1,
  },
  iconWarning: { flexShrink: 0, color: tokens.colorPaletteYellowForeground2 },
  iconError: { flexShrink: 0, color: tokens.colorPaletteRedForeground1 },
  // One row of tabs, icon above a short label on one line, like the ribbon; the full name is the tab's tooltip.
  // Each tab is as wide as its label and the space left is shared out (all seven fit at 350 px in both
  // languages); a narrower pane scrolls the tab row itself, never the pane sideways.
  nav: {
    display: "grid",
    gridAutoFlow: "column",
    gridAutoColumns: "auto",
    overflowX: "auto",
    scrollbarWidth: "thin",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Fluent's Tab is a one-row grid (icon | label): stack it instead.
  tab: {
    gridAutoFlow: "row",
    justifyItems: "center",
    alignContent: "start",
    rowGap: "2px",
    minWidth: 0,
    paddingLeft: "2px",
    paddingRight: "2px",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
  },
  tabLabel: {
    gridColumnStart: 1,
    gridRowStart: 2,
    padding: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    textAlign: "center",
    whiteSpace: "nowrap",
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    flexGrow: 1,
  },
  // The panel's heading and description are for screen readers only: the selected tab already says where
  // the planner is, and the first control should be the first thing on screen.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
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
        <Text
          as="h1"
          size={200}
          weight="semibold"
          className={styles.title}
          title={t("app.title")}
          data-testid="app-title"
        >
          {t("app.title")}
        </Text>
        <LanguageSwitch />
      </header>
      {host === null && (
        <ShellNotice
          intent="warning"
          title={t("app.outsideOfficeTitle")}
          body={t("app.outsideOfficeBody")}
          testId="outside-office"
        />
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
              title={`${t(w.title)}: ${t(w.description)}`}
              data-testid={`nav-${w.id}`}
              content={{ className: styles.tabLabel }}
            >
              {t(w.tab)}
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
      // The name starts with what is shown ("VI – Tiếng Việt"), so "click VI" works by voice (WCAG 2.5.3).
      aria-label={`${short} – ${label}`}
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
  const descriptionId = useId();
  const Body = workflow.component;
  return (
    <main
      className={styles.panel}
      id={`panel-${workflow.id}`}
      role="tabpanel"
      aria-labelledby={headingId}
      aria-describedby={descriptionId}
      data-testid={`workflow-${workflow.id}`}
    >
      <h2 id={headingId} className={styles.visuallyHidden} data-testid="workflow-title">
        {t(workflow.title)}
      </h2>
      <p id={descriptionId} className={styles.visuallyHidden} data-testid="workflow-description">
        {t(workflow.description)}
      </p>
      <WorkflowErrorBoundary>
        <Suspense
          fallback={
            <Text role="status" size={200} data-testid="workflow-loading">
              {t("app.loading")}
            </Text>
          }
        >
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
    <ShellNotice
      intent="error"
      title={t("app.loadFailedTitle")}
      body={t("app.loadFailedBody", { message })}
      testId="workflow-error"
    />
  );
}

/**
 * A notice of the shell itself (outside Office, a workflow that failed to load): icon + title + text, never colour
 * alone. Not a Fluent MessageBar: the shell shows these rarely, and keeping MessageBar out of the first-render
 * bundle leaves room under the 200 KB budget (workflows, loaded lazily, use MessageBar).
 */
function ShellNotice({
  intent,
  title,
  body,
  testId,
}: {
  intent: "warning" | "error";
  title: string;
  body: string;
  testId: string;
}) {
  const styles = useStyles();
  const Icon = intent === "error" ? ErrorCircleRegular : WarningRegular;
  return (
    <div
      className={`${styles.notice} ${intent === "error" ? styles.noticeError : styles.noticeWarning}`}
      role={intent === "error" ? "alert" : "status"}
      data-testid={testId}
    >
      <Icon className={intent === "error" ? styles.iconError : styles.iconWarning} fontSize={20} aria-hidden="true" />
      <Text size={300}>
        <Text weight="semibold">{title}</Text> {body}
      </Text>
    </div>
  );
}
