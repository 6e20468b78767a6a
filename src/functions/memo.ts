/**
 * A small LRU memo for custom-function results, keyed by a cheap hash of the arguments.
 *
 * Excel recalculates a function whenever a precedent changes, and many cells may call the same function
 * with the same ranges (thousands of =POVERTY.RATE(A:A, …)). Hashing the arguments is one linear pass with no
 * allocation, cheaper than parsing and classifying them again on ranges up to ~200k cells; above that (a 1M-row
 * CLASSIFY) hashing costs about as much as the work itself, so large calls are computed directly (`maxArgCells`).
 *
 * The key is the function id, every argument's shape, and two independent 32-bit hashes of every value
 * (type-tagged, so 1 ≠ "1" ≠ TRUE): a false hit needs a 64-bit collision on the same shapes.
 * Bounded by entries and by the total number of cached result cells; the least recently used goes first.
 * Cached results are shared: callers must not mutate a returned array (Excel never does).
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Module-level aliases: inside a vm context (jest, some hosts) every global lookup is slow, and this
// loop makes millions of them.
const imul = Math.imul;
const isArray = Array.isArray;

/** Two running 32-bit hashes (FNV-1a style with different offsets; murmur-like finaliser). */
class Hasher {
  a = 0x811c9dc5 | 0;
  b = 0x01000193 ^ 0x5bd1e995;

  int(x: number): void {
    this.a = imul(this.a ^ x, 0x01000193);
    this.b = imul(this.b ^ x, 0x5bd1e995);
    this.b ^= this.b >>> 15;
  }

  str(s: string): void {
    this.int(s.length);
    for (let i = 0; i < s.length; i++) this.int(s.charCodeAt(i));
  }

  value(v: unknown): void {
    switch (typeof v) {
      case "number":
        f64[0] = v;
        this.int(1);
        this.int(u32[0]);
        this.int(u32[1]);
        return;
      case "string":
        this.int(2);
        this.str(v);
        return;
      case "boolean":
        this.int(v ? 3 : 4);
        return;
      case "undefined":
        this.int(5);
        return;
      case "symbol":
        this.int(6);
        return;
      default:
        if (v === null) {
          this.int(7);
        } else if (isArray(v)) {
          this.int(8);
          this.int(v.length);
          for (let i = 0; i < v.length; i++) this.value(v[i]);
        } else if (v instanceof Date) {
          this.int(9);
          this.value(v.getTime());
        } else {
          // error values and other objects: hash their own enumerable text fields (code, type, error, message)
          this.int(10);
          const o = v as Record<string, unknown>;
          for (const k of ["code", "type", "error", "message"]) {
            const x = o[k];
            if (typeof x === "string") this.str(x);
          }
        }
    }
  }

  digest(): string {
    return (this.a >>> 0).toString(36) + "." + (this.b >>> 0).toString(36);
  }
}

/** Hash of a function id and its arguments (arrays of any depth, scalars, null). */
export function hashArgs(id: string, args: readonly unknown[]): string {
  const h = new Hasher();
  h.str(id);
  h.int(args.length);
  for (const a of args) h.value(a);
  return `${id}:${h.digest()}`;
}

export interface MemoOptions {
  /** Most results kept (default 32). */
  maxEntries?: number;
  /** Most result cells kept over all entries (default 2,000,000); a larger single result is not cached. */
  maxCells?: number;
  /**
   * Arguments with more cells than this (default 200,000) are not memoised: hashing every cell costs about as much
   * as the work it would save (measured at 1M households: hashing 12.6M cells ≈ a whole CLASSIFY), so above it the
   * call computes directly. A hit must be much cheaper than a recompute; sampling cells would risk a false hit.
   */
  maxArgCells?: number;
}

/** Cells of the arguments, from each argument's rows × first-row width (Excel ranges are rectangular): O(args). */
export function argCells(args: readonly unknown[]): number {
  let cells = 0;
  for (const a of args) {
    if (!isArray(a)) cells++;
    else {
      const first = a[0];
      cells += a.length * (isArray(first) ? first.length : 1);
    }
  }
  return cells;
}

/** Least-recently-used cache of 2-D results (a Map keeps insertion order: re-insert on hit). */
export class LruMemo {
  private readonly map = new Map<string, { value: unknown[][]; cells: number }>();
  private cells = 0;
  readonly maxEntries: number;
  readonly maxCells: number;
  readonly maxArgCells: number;
  hits = 0;
  misses = 0;
  /** Calls computed directly because their arguments were above `maxArgCells`. */
  bypassed = 0;

  constructor(options?: MemoOptions) {
    this.maxEntries = options?.maxEntries ?? 32;
    this.maxCells = options?.maxCells ?? 2_000_000;
    this.maxArgCells = options?.maxArgCells ?? 200_000;
  }

  get size(): number {
    return this.map.size;
  }

  get(key: string): unknown[][] | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  set(key: string, value: unknown[][]): void {
    let cells = 0;
    for (const r of value) cells += r.length;
    if (cells > this.maxCells) return;
    const old = this.map.get(key);
    if (old) {
      this.cells -= old.cells;
      this.map.delete(key);
    }
    this.map.set(key, { value, cells });
    this.cells += cells;
    while (this.map.size > this.maxEntries || this.cells > this.maxCells) {
      const oldest = this.map.keys().next().value as string;
      this.cells -= this.map.get(oldest)!.cells;
      this.map.delete(oldest);
    }
  }

  clear(): void {
    this.map.clear();
    this.cells = 0;
    this.hits = 0;
    this.misses = 0;
    this.bypassed = 0;
  }

  /**
   * The cached result for (id, args), or compute, cache and return it. Only successful results are
   * cached; a thrown error is not (the next call recomputes and throws again). Arguments above `maxArgCells`
   * cells are not hashed: the call computes directly.
   */
  memo(id: string, args: readonly unknown[], compute: () => unknown[][]): unknown[][] {
    if (argCells(args) > this.maxArgCells) {
      this.bypassed++;
      return compute();
    }
    const key = hashArgs(id, args);
    const hit = this.get(key);
    if (hit) {
      this.hits++;
      return hit;
    }
    this.misses++;
    const value = compute();
    this.set(key, value);
    return value;
  }
}

/** The memo shared by all POVERTY.* functions of this runtime. */
export const memo = new LruMemo();
