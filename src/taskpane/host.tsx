/**
 * What Office told us at start-up (Office.onReady). Outside Office (a plain browser, a test page
 * without the stub) `host` is null: the shell still renders and shows "Mở trong Excel".
 */
import { createContext, useContext } from "react";

export interface HostInfo {
  /** "Excel" inside Excel; null outside Office. */
  host: string | null;
  /** "PC", "Mac", "OfficeOnline", … ; null outside Office. */
  platform: string | null;
}

export const OUTSIDE_OFFICE: HostInfo = { host: null, platform: null };

export const HostContext = createContext<HostInfo>(OUTSIDE_OFFICE);

export function useHost(): HostInfo & { inExcel: boolean } {
  const info = useContext(HostContext);
  return { ...info, inExcel: info.host === "Excel" };
}

/** Normalise Office.onReady's info (enum values are strings at run time). */
export function toHostInfo(info: { host?: unknown; platform?: unknown } | null | undefined): HostInfo {
  return {
    host: typeof info?.host === "string" && info.host ? info.host : null,
    platform: typeof info?.platform === "string" && info.platform ? info.platform : null,
  };
}
