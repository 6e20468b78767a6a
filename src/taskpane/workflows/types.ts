/**
 * Types shared by the workflow registry and the workflows. They live here, not in registry.tsx, so that a
 * workflow module never imports the registry that lazily imports it (no import cycle, not even type-only).
 */

/** Stable ids: the tab order is the registry's; tests, the URL hash and saved settings use these ids. */
export type WorkflowId = "classify" | "validate" | "targets" | "reports" | "sponsors" | "templates" | "settings";

/** Props every workflow component receives. Language: useStrings(); host: useHost() (src/taskpane). */
export interface WorkflowProps {
  id: WorkflowId;
}
