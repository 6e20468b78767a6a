/**
 * UI language for the task pane: Vietnamese by default, English on request.
 *
 * At start-up the language is, in order: the one saved in the workbook's document settings (Cài đặt →
 * saved with the file, so a colleague who opens it gets the same choice), else the one this browser
 * last used (localStorage, key LANG_STORAGE_KEY), else Vietnamese. The header switch changes the
 * language for this session and remembers it in localStorage; the settings workflow also saves it in the
 * workbook. This provider stays the single source of the current language.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Lang } from "../core/i18n";
import { loadLanguage, translate, type StringKey } from "./strings";

export const LANG_STORAGE_KEY = "poverty-planner.lang";

export interface StringsApi {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: StringKey, params?: Record<string, string | number>) => string;
}

const LangContext = createContext<StringsApi | null>(null);

/** The language this browser stored, or undefined (none, or storage unavailable in privacy modes). */
export function storedLang(): Lang | undefined {
  try {
    const v = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return v === "en" || v === "vi" ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The stored language, or Vietnamese. */
export function readStoredLang(): Lang {
  return storedLang() ?? "vi";
}

/** Start-up language: the workbook's document setting, else the browser's stored choice, else Vietnamese. */
export function startupLang(documentLang?: Lang): Lang {
  return documentLang ?? storedLang() ?? "vi";
}

function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not persisted; the choice still applies for this session.
  }
}

export interface LanguageProviderProps {
  /** Forces the language (tests). */
  initial?: Lang;
  /** The language saved in the workbook's document settings, if any: wins over localStorage. */
  documentLang?: Lang;
  children: ReactNode;
}

export function LanguageProvider({ initial, documentLang, children }: LanguageProviderProps) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? startupLang(documentLang));
  // English texts are a separate chunk: switch once they are in (at once when already loaded).
  const setLang = useCallback((next: Lang) => {
    const apply = () => {
      setLangState(next);
      storeLang(next);
    };
    loadLanguage(next).then(apply, apply);
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
