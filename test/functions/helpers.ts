/** Test helpers for POVERTY.* functions: read an element or a thrown error as { code, message }. */
export interface Err {
  code: string;
  message: string;
}

export function isErr(v: unknown): v is CustomFunctions.Error {
  return v instanceof CustomFunctions.Error;
}

/** The error of a spill element (fails the test when the element is a value). */
export function errOf(v: unknown): Err {
  if (!isErr(v)) throw new Error(`expected an error element, got ${JSON.stringify(v)}`);
  return { code: v.code as string, message: v.message ?? "" };
}

/** The error thrown by a whole call. */
export function thrown(f: () => unknown): Err {
  try {
    f();
  } catch (e) {
    return errOf(e);
  }
  throw new Error("expected the call to throw a CustomFunctions.Error");
}

/** Element codes of a spill: numbers/strings as-is, errors as their code. */
export function codes(m: unknown[][]): unknown[][] {
  return m.map((r) => r.map((v) => (isErr(v) ? v.code : v)));
}
