/**
 * Range adapter of TRANSITIONS: two rosters as columns (id, category) → the core's entries. Rows where
 * both the id and the category are blank are not households and are skipped; everything else goes to
 * the core, which reports blank ids, duplicates and unknown categories.
 */
import type { Category } from "../core/household";
import type { CurrentEntry, PreviousEntry } from "../core/transitions";
import { fail } from "../core/errors";
import { isBlank, isOmitted, toTextOrBlank, toVector } from "./normalize";

type Parse = (v: unknown) => Category | undefined;

function roster(
  ids: unknown,
  status: unknown,
  which: readonly [string, string],
  parse: Parse,
): { id: string; category: Category }[] {
  const idv = toVector(ids, [`Mã hộ ${which[0]}`, `The household codes ${which[1]}`]);
  const stv = toVector(status, [`Loại hộ ${which[0]}`, `The categories ${which[1]}`]);
  if (idv.length !== stv.length) {
    fail(
      "INVALID_ARGUMENT",
      `Mã hộ ${which[0]} có ${idv.length} ô nhưng loại hộ có ${stv.length} ô`,
      `The household codes ${which[1]} have ${idv.length} cells but the categories ${stv.length}`,
    );
  }
  const out: { id: string; category: Category }[] = [];
  for (let i = 0; i < idv.length; i++) {
    const idCell = idv[i];
    const st = stv[i];
    if ((isBlank(idCell) || idCell === 0) && (isBlank(st) || st === 0)) continue;
    const id = toTextOrBlank(idCell, ["Mã hộ", "The household code"]) ?? "";
    const text = toTextOrBlank(st, ["Loại hộ", "The category"]) ?? "";
    // an unreadable category is passed as written: the core reports it (INVALID_CATEGORY) with the id
    out.push({ id, category: (parse(text) ?? text) as Category });
  }
  return out;
}

export function transitionRows(
  prevIds: unknown,
  prevStatus: unknown,
  ids: unknown,
  status: unknown,
  everEscaped: unknown,
  parse: Parse,
): { previous: PreviousEntry[]; current: CurrentEntry[]; everEscaped: string[] } {
  const previous = roster(prevIds, prevStatus, ["năm trước", "of the previous review"], parse);
  const current = roster(ids, status, ["năm nay", "of this review"], parse);
  const escaped = isOmitted(everEscaped)
    ? []
    : toVector(everEscaped, ["Mã hộ đã từng thoát nghèo", "The ever-escaped codes"])
        .map((v) => (isBlank(v) ? null : toTextOrBlank(v)))
        .filter((v): v is string => v !== null);
  return { previous, current, everEscaped: escaped };
}
