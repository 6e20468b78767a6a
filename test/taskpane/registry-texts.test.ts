/**
 * @jest-environment jsdom
 *
 * Every workflow chunk brings the English half of the catalogue with it: workflows write bilingual tables and
 * bilingual errors (`translate("en", …)`) whatever the pane's language, and a Vietnamese pane has not loaded English
 * otherwise. Checked per workflow in a fresh module registry (no English loaded before the chunk).
 */
import type { LazyExoticComponent, ComponentType } from "react";

/** React.lazy keeps its loader in `_payload._result` until first render; calling it is loading the chunk. */
function loaderOf(component: LazyExoticComponent<ComponentType<unknown>>): () => Promise<unknown> {
  const payload = (component as unknown as { _payload?: { _status?: number; _result?: unknown } })._payload;
  if (!payload || typeof payload._result !== "function") throw new Error("React.lazy's payload changed shape");
  return payload._result as () => Promise<unknown>;
}

describe("workflow registry", () => {
  it("loads the English texts with every workflow", async () => {
    const { WORKFLOWS } = jest.requireActual<typeof import("../../src/taskpane/workflows/registry")>(
      "../../src/taskpane/workflows/registry",
    );
    const ids = WORKFLOWS.map((w) => w.id);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    const missing: string[] = [];
    for (const id of ids) {
      let englishLoaded = false;
      await jest.isolateModulesAsync(async () => {
        const registry = await import("../../src/taskpane/workflows/registry");
        const strings = await import("../../src/taskpane/strings");
        const wf = registry.WORKFLOWS.find((w) => w.id === id)!;
        if (strings.strings.en) throw new Error("English was loaded before the chunk");
        await loaderOf(wf.component as LazyExoticComponent<ComponentType<unknown>>)();
        englishLoaded = Boolean(strings.strings.en);
      });
      if (!englishLoaded) missing.push(id);
    }
    expect(missing).toEqual([]);
  }, 120_000);
});
