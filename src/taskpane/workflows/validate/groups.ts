/**
 * Findings as the pane shows them: one group per rule (all the cells one rule flagged), the most serious first
 * (error → warning → info), then the rule with more cells, then the code; inside a group the cells in reading
 * order (file, sheet, row, column). Presentation only: the findings themselves come from the core.
 */
import type { Bilingual } from "../../../core/i18n";
import { RULE_BY_CODE, sortFindings, type Finding, type Severity } from "../../../core/validate";
import { placeOf } from "../common/place";

export { placeOf };

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

export interface FindingGroup {
  /** The rule's stable code (shown only under "Chi tiết"). */
  code: string;
  severity: Severity;
  /** The rule's title from the catalogue, or the first message when the code is not catalogued. */
  title: Bilingual;
  /** What the rule checks (catalogue), for "Chi tiết". */
  description?: Bilingual;
  findings: Finding[];
  /** Where the findings are: "file / sheet" or "sheet", distinct, in reading order. */
  places: string[];
}

export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const byCode = new Map<string, Finding[]>();
  for (const f of sortFindings([...findings])) {
    const key = `${f.severity}|${f.code}`;
    const list = byCode.get(key);
    if (list) list.push(f);
    else byCode.set(key, [f]);
  }
  const groups: FindingGroup[] = [...byCode.values()].map((list) => {
    const first = list[0];
    const rule = RULE_BY_CODE[first.code];
    return {
      code: first.code,
      severity: first.severity,
      title: rule?.title ?? { vi: first.messageVi, en: first.messageEn },
      ...(rule ? { description: rule.description } : {}),
      findings: list,
      places: [...new Set(list.map(placeOf).filter(Boolean))],
    };
  });
  return groups.sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      b.findings.length - a.findings.length ||
      a.code.localeCompare(b.code),
  );
}
