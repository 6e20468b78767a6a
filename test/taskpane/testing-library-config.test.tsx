/** @jest-environment jsdom */
/** The global Testing Library configuration (test/setup-testing-library.ts) is in force in DOM tests. */
import { getConfig } from "@testing-library/react";
import { ASYNC_UTIL_TIMEOUT_MS } from "../setup-testing-library";

it("waits up to 20 s for async queries (a loaded 2-core machine), not the default 1 s", () => {
  expect(ASYNC_UTIL_TIMEOUT_MS).toBeGreaterThanOrEqual(10_000);
  expect(getConfig().asyncUtilTimeout).toBe(ASYNC_UTIL_TIMEOUT_MS);
});
