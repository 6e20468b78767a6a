/**
 * UI language for the task pane: Vietnamese by default, English on request.
 * The choice is kept in localStorage for now (key LANG_STORAGE_KEY); the settings workflow may move it
 * into document settings later: call `setLang` from there and keep this provider as the single source.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Lang } from "../core/i18n";
import { translate, type StringKey } from "./strings";

export const LANG_STORAGE_KEY = "poverty-planner.lang";

export interface StringsApi {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: StringKey, params?: Record<string, string | number>) => string;
}

const LangContext = createContext<StringsApi | null>(null);

/** The stored language, or Vietnamese. Storage can be unavailable (privacy modes): then Vietnamese. */
export function readStoredLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return v === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not persisted; the choice still applies for this session.
  }
}

export function LanguageProvider({ initial, children }: { initial?: Lang; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? readStoredLang());
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    storeLang(next);
  }, []);
  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = lang;
  }, [lang]);
  const api = useMemo<StringsApi>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <LangContext.Provider value={api}>{children}</LangContext.Provider>;
}

/** Current language, its setter and the translate function. Must be used under <LanguageProvider>. */
export function useStrings(): StringsApi {
  const api = useContext(LangContext);
  if (!api) throw new Error("useStrings() needs a <LanguageProvider> above it");
  return api;
}
