/**
 * Workflow registry: one entry per tab. The shell (src/taskpane/App.tsx) renders the tab (icon above the
 * short `tab` label, the full `title` and the `description` as its tooltip) and the selected entry's lazily
 * loaded component inside <Suspense> and an error boundary. The panel has no visible heading: the tab says
 * where the planner is, so the workflow's first control is the first thing on screen.
 *
 * To add a workflow (e.g. "Giúp hộ có địa chỉ"):
 *   1. add its id to `WorkflowId` in ./types.ts;
 *   2. add three strings to src/taskpane/strings.ts (`nav.<id>` full name, `tab.<id>` one or two short
 *      words for the tab, `wf.<id>.description` one line), Vietnamese and English;
 *   3. add an entry below: component: lazy(() => withTexts(import("./<id>/<Name>Workflow"))) with a default export of
 *      type ComponentType<WorkflowProps> (import WorkflowProps from ./types, never from this file);
 *   4. put the primary button within the first 700 px of the pane (test/e2e/workflows.test.ts checks it);
 *      test/taskpane/registry-texts.test.ts checks the chunk brings the English texts (withTexts).
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
 *   workflow-title / workflow-description   its heading and description (for screen readers only)
 *   workflow-loading          Suspense fallback while a workflow chunk loads
 *   workflow-error            message when a workflow chunk failed to load or threw while rendering
 * Workflows prefix their own test ids with their id: `classify-run`, `validate-findings`, …
 */
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { FluentIcon } from "@fluentui/react-icons";
import {
  ClipboardTaskListLtrRegular,
  DataBarVerticalRegular,
  DocumentTableRegular,
  HandshakeRegular,
  PeopleCommunityRegular,
  SettingsRegular,
  TargetArrowRegular,
} from "@fluentui/react-icons";
import { loadLanguage, type StringKey } from "../strings";
import type { WorkflowId, WorkflowProps } from "./types";

export type { WorkflowId, WorkflowProps };

export interface WorkflowDefinition {
  id: WorkflowId;
  /** Full name: the tab's tooltip and the panel's accessible name. */
  title: StringKey;
  /** One or two short words under the tab's icon. */
  tab: StringKey;
  /** One line under the heading. */
  description: StringKey;
  icon: FluentIcon;
  component: LazyExoticComponent<ComponentType<WorkflowProps>>;
}

/**
 * A workflow chunk together with the English texts: workflows write bilingual tables (Vietnamese and English
 * titles and headers), so both halves of the catalogue must be there, whatever the pane's language.
 */
function withTexts<M>(chunk: Promise<M>): Promise<M> {
  return Promise.all([chunk, loadLanguage("en")]).then(([m]) => m);
}

export const WORKFLOWS: readonly WorkflowDefinition[] = [
  {
    id: "classify",
    title: "nav.classify",
    tab: "tab.classify",
    description: "wf.classify.description",
    icon: PeopleCommunityRegular,
    component: lazy(() => withTexts(import(/* webpackChunkName: "wf-classify" */ "./classify/ClassifyWorkflow"))),
  },
  {
    id: "validate",
    title: "nav.validate",
    tab: "tab.validate",
    description: "wf.validate.description",
    icon: ClipboardTaskListLtrRegular,
    component: lazy(() => withTexts(import(/* webpackChunkName: "wf-validate" */ "./validate/ValidateWorkflow"))),
  },
  {
    id: "targets",
    title: "nav.targets",
    tab: "tab.targets",
    description: "wf.targets.description",
    icon: TargetArrowRegular,
    component: lazy(() => withTexts(import(/* webpackChunkName: "wf-targets" */ "./targets/TargetsWorkflow"))),
  },
  {
    id: "reports",
    title: "nav.reports",
    tab: "tab.reports",
    description: "wf.reports.description",
    icon: DataBarVerticalRegular,
    component: lazy(() => withTexts(import(/* webpackChunkName: "wf-reports" */ "./reports/ReportsWorkflow"))),
  },
  {
    id: "sponsors",
    title: "nav.sponsors",
    tab: "tab.sponsors",
    description: "wf.sponsors.description",
    icon: HandshakeRegular,
    component: lazy(() => withTexts(import(/* webpackChunkName: "wf-sponsors" */ "./sponsors/SponsorsWorkflow"))),
  },
  {
    id: "templates",
    title: "nav.templates",
    tab: "tab.templates",
    description: "wf.templates.description",
    icon: DocumentTableRegular,
    component: lazy(() => withTexts(import(/* webpackChunkName: "wf-templates" */ "./templates/TemplatesWorkflow"))),
  },
  {
    id: "settings",
    title: "nav.settings",
    tab: "tab.settings",
    description: "wf.settings.description",
    icon: SettingsRegular,
    component: lazy(() => withTexts(import(/* webpackChunkName: "wf-settings" */ "./settings/SettingsWorkflow"))),
  },
];

export function findWorkflow(id: string): WorkflowDefinition | undefined {
  return WORKFLOWS.find((w) => w.id === id);
}
