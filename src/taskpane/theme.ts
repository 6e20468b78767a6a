/**
 * Follow the Office theme. Office raises theme-change events only in Outlook, so the theme is read
 * once at start-up: `officeTheme.isDarkTheme` when the host provides it,
 * otherwise the luminance of `bodyBackgroundColor`; light when unknown.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

interface OfficeThemeLike {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** Relative luminance (0 black … 1 white) of "#rrggbb"; null when not a hex colour. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function isDarkOfficeTheme(theme: OfficeThemeLike | null | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const l = luminance(theme.bodyBackgroundColor);
  return l !== null && l < 0.2;
}

/** The Office theme of the running host, or undefined outside Office / on hosts without it. */
export function currentOfficeTheme(): OfficeThemeLike | undefined {
  try {
    return typeof Office !== "undefined" ? (Office.context?.officeTheme as OfficeThemeLike | undefined) : undefined;
  } catch {
    return undefined;
  }
}

export function fluentTheme(dark: boolean): Theme {
  return dark ? webDarkTheme : webLightTheme;
}
