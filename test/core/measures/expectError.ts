import { isPovertyError, type PovertyErrorCode } from "../../../src/core/errors";

/** Asserts that `fn` throws a PovertyError with `code` and non-empty Vietnamese and English messages. */
export function expectError(fn: () => unknown, code: PovertyErrorCode): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) throw new Error(`expected a PovertyError ${code}, nothing was thrown`);
  if (!isPovertyError(thrown)) throw thrown;
  expect(thrown.code).toBe(code);
  expect(thrown.messageVi.length).toBeGreaterThan(5);
  expect(thrown.messageEn.length).toBeGreaterThan(5);
}
