/** A1-style cell addressing, 0-based indexes in code, 1-based rows/letters in text. */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (row0, col0) → "B3". */
export function a1(row0: number, col0: number): string {
  return `${columnLetters(col0)}${row0 + 1}`;
}

/** "B3" → { row0: 2, col0: 1 }; undefined when not an A1 address. */
export function parseA1(ref: string): { row0: number; col0: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  return { row0: Number(m[2]) - 1, col0: columnIndex(m[1]) };
}

/** Quote a sheet name for a formula or hyperlink reference: Xã A → 'Xã A'. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
