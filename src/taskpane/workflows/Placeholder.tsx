/** Body of a workflow that is not built yet. Replace the registry entry, not this file. */
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { WrenchRegular } from "@fluentui/react-icons";
import { useStrings } from "../i18n";
import type { WorkflowProps } from "./registry";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export default function Placeholder({ id }: WorkflowProps) {
  const styles = useStyles();
  const { t } = useStrings();
  return (
    <div className={styles.root} data-testid="workflow-placeholder" data-workflow={id}>
      <WrenchRegular aria-hidden="true" fontSize={20} />
      <Body1>{t("app.placeholder")}</Body1>
    </div>
  );
}
