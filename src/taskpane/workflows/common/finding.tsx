/**
 * One located finding as the pane lists it: where it is ("Trang!C9", or "tệp / Trang!C9" for a picked file), "Đi
 * tới ô" for a cell of this workbook, and the message in the pane's language. Shared by the Validate cards and the
 * findings that stop an action (./blocking.tsx). Presentation only: the finding comes from the core.
 */
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowForwardRegular } from "@fluentui/react-icons";
import type { Finding } from "../../../core/validate";
import { useStrings } from "../../i18n";
import { locationOf } from "./place";

const useStyles = makeStyles({
  row: { display: "flex", flexDirection: "column", gap: "2px" },
  head: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
  },
});

/**
 * A `<li>` for one finding. "Đi tới ô" (test id `gotoTestId`, `data-cell`) only for a cell of this workbook: a
 * picked file's cells cannot be selected.
 */
export function FindingRow({
  finding: f,
  onGoTo,
  testId,
  gotoTestId,
  className,
}: {
  finding: Finding;
  onGoTo: (f: Finding) => void;
  testId: string;
  gotoTestId: string;
  className?: string;
}) {
  const { t, lang } = useStrings();
  const styles = useStyles();
  return (
    <li className={mergeClasses(styles.row, className)} data-testid={testId}>
      <span className={styles.head}>
        <Text size={200} weight="semibold">
          {locationOf(f)}
        </Text>
        {!f.file && f.cell && (
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowForwardRegular />}
            onClick={() => onGoTo(f)}
            aria-label={t("validate.goto", { cell: `${f.sheet}!${f.cell}` })}
            data-testid={gotoTestId}
            data-cell={f.cell}
          >
            {t("validate.gotoShort")}
          </Button>
        )}
      </span>
      <Text size={200}>{lang === "vi" ? f.messageVi : f.messageEn}</Text>
    </li>
  );
}
