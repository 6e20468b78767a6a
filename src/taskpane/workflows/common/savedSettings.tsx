/**
 * What of the settings saved in the workbook (Cài đặt) cannot be used, said where the planner works instead of
 * quietly computing without it: a saved local standard that no longer parses (the national standard is used), or
 * saved "Đơn vị" details that no longer parse (forms are written without their header). The reasons are the core's
 * own messages (`parseLocalStandard`, `parseFrameOptions`).
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { isPovertyError } from "../../../core/errors";
import { pick, type Bilingual } from "../../../core/i18n";
import { parseLocalStandard } from "../../../core/standards";
import { parseFrameOptions } from "../../../core/tables";
import type { DocumentPreferences } from "../../../excel/settings";
import { useStrings } from "../../i18n";

/** The saved settings a workflow uses. */
export type SavedSetting = "localStandard" | "frame";

/** The saved settings that cannot be used, each with what the pane does instead and the core's reason. */
export function savedSettingsProblems(
  prefs: DocumentPreferences,
  uses: readonly SavedSetting[] = ["localStandard", "frame"],
): Bilingual[] {
  const out: Bilingual[] = [];
  const reason = (e: unknown): Bilingual => {
    if (!isPovertyError(e)) throw e;
    return { vi: e.messageVi, en: e.messageEn };
  };
  if (uses.includes("localStandard") && prefs.localStandard) {
    try {
      parseLocalStandard(prefs.localStandard);
    } catch (e) {
      const r = reason(e);
      out.push({
        vi: `Chuẩn nghèo địa phương đã lưu không dùng được nên đang dùng chuẩn quốc gia. ${r.vi}`,
        en: `The saved local poverty standard cannot be used, so the national standard is used. ${r.en}`,
      });
    }
  }
  if (uses.includes("frame"))
    try {
      parseFrameOptions(prefs.frame);
    } catch (e) {
      const r = reason(e);
      out.push({
        vi: `Thông tin đơn vị đã lưu không dùng được nên các biểu được ghi không có phần đầu văn bản. ${r.vi}`,
        en: `The saved unit details cannot be used, so forms are written without their header. ${r.en}`,
      });
    }
  return out;
}

/** A warning above a workflow when a saved setting it uses cannot be used; nothing otherwise. */
export function SavedSettingsNotice({ prefs, uses }: { prefs: DocumentPreferences; uses?: readonly SavedSetting[] }) {
  const { lang, t } = useStrings();
  const problems = savedSettingsProblems(prefs, uses);
  if (problems.length === 0) return null;
  return (
    <MessageBar layout="multiline" intent="warning" data-testid="saved-settings-problem">
      <MessageBarBody>
        <MessageBarTitle>{t("common.savedSettingsTitle")}</MessageBarTitle>
        {problems.map((p) => pick(p, lang)).join(" ")} {t("common.savedSettingsFix")}
      </MessageBarBody>
    </MessageBar>
  );
}
