/**
 * Plan sheet read → plan indicators (chỉ tiêu kế hoạch) for the tracking table (core/tables `buildTrackingTable`):
 * which rows are indicators and which way each one goes. The plan rules (core/validate) decide the direction
 * with the same `planDirection`, so the pane, the CLI and the validator never disagree on it.
 */
import { fold } from "../i18n";
import type { PlanIndicator } from "../tables/tracking";
import type { SheetRead } from "./read";

/** Direction of an indicator and how it was decided (for the catalogue and messages). */
export interface PlanDirection {
  direction: "increase" | "reduce";
  from: "column" | "text" | "default";
}

const REDUCE_WORDS = /(^| )(giam|ha|reduce|decrease|lower|cut)( |$)/;
const INCREASE_WORDS = /(^| )(tang|nang|increase|raise|grow)( |$)/;
/** "giảm … xuống còn", "còn dưới", "reduce to", "down to", "no more than": a level to reach. */
const REDUCE_TO =
  /(xuong con|giam con|con duoi|con khong qua|xuong duoi|xuong muc|reduce to|reduced to|down to|no more than|at most)|^(giam|ha)( .*)? con (duoi |khong qua )?\d|^(reduce|lower|cut|decrease|bring down)( .*)? to (below |under )?\d/;
const REDUCE_START = /^(giam|ha|reduce|decrease|lower|cut)( |$)/;

/**
 * Direction of a plan indicator:
 * 1. a direction column ("Loại chỉ tiêu": "Giảm xuống còn" / "Tăng lên", "Reduce to" / "Increase to");
 * 2. else the indicator text says a level to reach downwards ("giảm … xuống còn", "giảm … còn 3%", "còn dưới",
 *    "reduce … to 3%") → reduce;
 * 3. else the text starts with "Giảm"/"Reduce" and the row has a baseline above the plan (the plan is a level) → reduce;
 * 4. else increase — including "Giảm tỷ lệ hộ nghèo 1,5 %" without a level: the plan is an amount of reduction
 *    (percentage points, docs/domain.md §8.2), where more is better.
 */
export function planDirection(
  indicator: string,
  directionText: string,
  baseline?: number,
  plan?: number,
): PlanDirection {
  const d = fold(directionText).trim();
  if (d) {
    if (REDUCE_WORDS.test(d)) return { direction: "reduce", from: "column" };
    if (INCREASE_WORDS.test(d)) return { direction: "increase", from: "column" };
  }
  const t = fold(indicator).replace(/\s+/g, " ").trim();
  if (REDUCE_TO.test(t)) return { direction: "reduce", from: "text" };
  if (REDUCE_START.test(t) && baseline !== undefined && plan !== undefined && baseline > plan)
    return { direction: "reduce", from: "text" };
  return { direction: "increase", from: "default" };
}

/**
 * The indicators of a plan sheet that have both a plan and an actual value, in sheet order: indicator text (the
 * row's label when the indicator cell is blank), unit of measure, direction (`planDirection`: a direction column,
 * else the indicator's wording and its baseline), baseline when given, plan and actual.
 */
export function planIndicators(read: SheetRead): PlanIndicator[] {
  return (read.table ?? [])
    .filter((r) => r.kind === "body" && Number.isFinite(r.values.planTarget) && Number.isFinite(r.values.planActual))
    .map((r) => {
      const indicator = r.texts.indicator ?? r.label;
      const baseline = Number.isFinite(r.values.planBaseline) ? r.values.planBaseline : undefined;
      const { direction } = planDirection(indicator, r.texts.planDirection ?? "", baseline, r.values.planTarget);
      return {
        indicator,
        unitOfMeasure: r.texts.unitOfMeasure ?? "",
        direction,
        ...(baseline !== undefined ? { baseline } : {}),
        plan: r.values.planTarget,
        actual: r.values.planActual,
      };
    });
}
