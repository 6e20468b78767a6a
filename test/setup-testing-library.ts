/**
 * Testing Library on a loaded machine. `findBy…`/`waitFor` give up after `asyncUtilTimeout` (1 s by default):
 * on a busy 2-core CI box a workflow still "Đang tìm bảng dữ liệu…" after 1 s made
 * test/taskpane/classify.test.tsx fail once. These waits poll for a state, they do not measure speed, so a
 * generous bound only makes a real failure slower to report (jest's own test timeout, 60 s, stays the cap).
 * Configured only in DOM test environments (node-environment tests never load Testing Library).
 */
export const ASYNC_UTIL_TIMEOUT_MS = 20_000;

if (typeof document !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("@testing-library/dom") as typeof import("@testing-library/dom")).configure({
    asyncUtilTimeout: ASYNC_UTIL_TIMEOUT_MS,
  });
}
