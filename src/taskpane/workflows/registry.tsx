/**
 * Workflow registry: one entry per navigation item. The shell (src/taskpane/App.tsx) renders the tab,
 * the heading (title + one-line description from the string catalogue) and, below it, the entry's
 * lazily loaded component inside <Suspense> and an error boundary.
 *
 * To replace a placeholder with a real workflow (taskpane engineer):
 *   component: lazy(() => import("./classify/ClassifyWorkflow")),   // default export: ComponentType<WorkflowProps>
 * Keep the import lazy: workflow code (and what it pulls from src/core / src/excel) then lands in its own
 * chunk and the first render stays small (the benchmark measures gzip of taskpane.js; budget 200 KB).
 * Order of WORKFLOWS = order of the tabs. Ids are stable (tests and saved settings use them).
 *
 * data-testid attributes (shared by the shell, the browser smoke test and workflow e2e tests):
 *   app-shell                 root of the shell
 *   app-title                 product name in the header
 *   lang-vi / lang-en         language buttons (aria-pressed tells which is active)
 *   outside-office            the "Mở trong Excel" message (only when Office.onReady gave host null)
 *   nav                       the tab list; nav-<id> one tab (e.g. nav-validate)
 *   workflow-<id>             the panel of the selected workflow (e.g. workflow-classify)
 *   workflow-title / workflow-description   its heading
 *   workflow-loading          Suspense fallback while a workflow chunk loads
 *   workflow-error            message when a workflow chunk failed to load or threw while rendering
 *   workflow-placeholder      "Đang phát triển" body of a workflow not built yet
 * Workflows should prefix their own test ids with their id: `classify-run`, `validate-findings`, …
 */
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { FluentIcon } from "@fluentui/react-icons";
import {
  ClipboardTaskListLtrRegular,
  DataBarVerticalRegular,
  DocumentTableRegular,
  PeopleCommunityRegular,
  SettingsRegular,
  TargetArrowRegular,
} from "@fluentui/react-icons";
import type { StringKey } from "../strings";

export type WorkflowId = "classify" | "validate" | "targets" | "reports" | "templates" | "settings";

/** Props every workflow component receives. Language: useStrings(); host: useHost() (src/taskpane). */
export interface WorkflowProps {
  id: WorkflowId;
}

export interface WorkflowDefinition {
  id: WorkflowId;
  /** Tab label and heading. */
  title: StringKey;
  /** One line under the heading. */
  description: StringKey;
  icon: FluentIcon;
  component: LazyExoticComponent<ComponentType<WorkflowProps>>;
}

export const WORKFLOWS: readonly WorkflowDefinition[] = [
  {
    id: "classify",
    title: "nav.classify",
    description: "wf.classify.description",
    icon: PeopleCommunityRegular,
    component: lazy(() => import(/* webpackChunkName: "wf-classify" */ "./classify/ClassifyWorkflow")),
  },
  {
    id: "validate",
    title: "nav.validate",
    description: "wf.validate.description",
    icon: ClipboardTaskListLtrRegular,
    component: lazy(() => import(/* webpackChunkName: "wf-validate" */ "./validate/ValidateWorkflow")),
  },
  {
    id: "targets",
    title: "nav.targets",
    description: "wf.targets.description",
    icon: TargetArrowRegular,
    component: lazy(() => import(/* webpackChunkName: "wf-targets" */ "./targets/TargetsWorkflow")),
  },
  {
    id: "reports",
    title: "nav.reports",
    description: "wf.reports.description",
    icon: DataBarVerticalRegular,
    component: lazy(() => import(/* webpackChunkName: "wf-reports" */ "./reports/ReportsWorkflow")),
  },
  {
    id: "templates",
    title: "nav.templates",
    description: "wf.templates.description",
    icon: DocumentTableRegular,
    component: lazy(() => import(/* webpackChunkName: "wf-templates" */ "./templates/TemplatesWorkflow")),
  },
  {
    id: "settings",
    title: "nav.settings",
    description: "wf.settings.description",
    icon: SettingsRegular,
    component: lazy(() => import(/* webpackChunkName: "wf-settings" */ "./settings/SettingsWorkflow")),
  },
];

export function findWorkflow(id: string): WorkflowDefinition | undefined {
  return WORKFLOWS.find((w) => w.id === id);
}
