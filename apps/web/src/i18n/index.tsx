import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { en, zh } from './dictionary';
import type { Lang, MessageKey } from './dictionary';
import { vocabLabel } from './labels';
import type { Vocabulary } from './labels';

export type { Lang, MessageKey } from './dictionary';
export type { Vocabulary } from './labels';

type Vars = Record<string, string | number>;

/** Replace `{name}` placeholders. */
export function format(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A core UI string (i18n/dictionary.ts). */
  t: (key: MessageKey, vars?: Vars) => string;
  /** The name of a status, kind, role, channel, action… in the current language. */
  label: (vocab: Vocabulary, value: string | null | undefined) => string;
}

const STORAGE_KEY = 'minsheng.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** The language outside React (the API client sends it as Accept-Language). */
export let currentLang: Lang = initialLang();

function makeI18n(lang: Lang, setLang: (l: Lang) => void): I18n {
  const table = lang === 'en' ? en : zh;
  return {
    lang, setLang,
    t: (key, vars) => format(table[key] ?? key, vars),
    label: (vocab, value) => vocabLabel(lang, vocab, value),
  };
}

const I18nContext = createContext<I18n>(makeI18n('zh', () => undefined));

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? currentLang);
  const setLang = useCallback((l: Lang) => {
    currentLang = l;
    try { localStorage.setItem(STORAGE_KEY, l); } catch { /* private mode: the choice lasts this page only */ }
    dayjs.locale(l === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
    setLangState(l);
  }, []);
  const value = useMemo(() => {
    currentLang = lang;
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    return makeI18n(lang, setLang);
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/**
 * Strings that belong to one screen, kept beside it instead of in the core dictionary:
 *   const M = defineMessages({ zh: { title: '派单' }, en: { title: 'Dispatch' } });
 *   const m = useMessages(M); m('title')
 */
export function defineMessages<K extends string>(messages: { zh: Record<K, string>; en: Record<K, string> }) {
  return messages;
}

export function useMessages<K extends string>(messages: { zh: Record<K, string>; en: Record<K, string> }) {
  const { lang } = useI18n();
  return useCallback((key: K, vars?: Vars) => format((lang === 'en' ? messages.en : messages.zh)[key] ?? key, vars), [lang, messages]);
}
