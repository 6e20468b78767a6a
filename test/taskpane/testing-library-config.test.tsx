/** @jest-environment jsdom */
/** The global Testing Library configuration (test/setup-testing-library.ts) is in force in DOM tests. */
import { getConfig } from "@testing-library/react";
import { ASYNC_UTIL_TIMEOUT_MS } from "../setup-testing-library";

it("waits up to 20 s for async queries (a loaded 2-core machine), not the default 1 s", () => {
  expect(ASYNC_UTIL_TIMEOUT_MS).toBeGreaterThanOrEqual(10_000);
  expect(getConfig().asyncUtilTimeout).toBe(ASYNC_UTIL_TIMEOUT_MS);
});

it("no pane or browser test shortens that bound or sleeps for a time (waits are for states, never for speed)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require("fs") as typeof import("fs");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require("path") as typeof import("path");
  const offenders: string[] = [];
  for (const dir of ["taskpane", "e2e"]) {
    const root = path.resolve(__dirname, "..", dir);
    for (const name of fs.readdirSync(root)) {
      if (!/\.tsx?$/.test(name) || name === path.basename(__filename)) continue;
      const src = fs.readFileSync(path.join(root, name), "utf8");
      if (/waitForTimeout\(|\{ timeout: \d|new Promise\(\(r\w*\) => setTimeout/.test(src))
        offenders.push(`${dir}/${name}`);
    }
  }
  expect(offenders).toEqual([]);
});
