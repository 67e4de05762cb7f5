/**
 * Strings shown to users, in English and Chinese, and locale-aware number formatting, for
 * the app and the command line's brief alike (the messages are in render/messages/).
 * Components read `t()` and re-render when the language changes (the app re-renders all).
 * English is always loaded; Chinese is loaded when first asked for (`loadLang`).
 */
import { en, type MessageKey as BaseKey } from './messages/en.ts';
import type { MapKey } from './messages/map-en.ts';
import type { StoryKey } from './messages/story-en.ts';
import type { WhyKey } from './messages/why-en.ts';
import type { DiscoverKey } from './messages/discover-en.ts';

export type Lang = 'en' | 'zh';
export const LANGS: Lang[] = ['en', 'zh'];
/** The keys of every message: those of the first screen and those of parts loaded later (the guided story, the map, why they differ, where it loses). */
export type MessageKey = BaseKey | StoryKey | MapKey | WhyKey | DiscoverKey;
const tables: Record<Lang, Partial<Record<MessageKey, string>>> = { en: { ...en }, zh: {} };

/** The languages whose messages are in (English always: the first screen carries it; Chinese when first asked for). */
const loaded = new Set<Lang>(['en']);

/** Load a language's messages (Chinese is fetched when first asked for, so an English page does not carry it). */
export async function loadLang(l: Lang): Promise<void> {
  if (loaded.has(l)) return;
  const { zh } = await import('./messages/zh.ts');
  tables.zh = { ...zh, ...tables.zh };
  loaded.add(l);
}

/** Add the messages of a part loaded later (the same keys in both languages). */
export function addMessages(more: { en: Partial<Record<MessageKey, string>>; zh: Partial<Record<MessageKey, string>> }): void {
  Object.assign(tables.en, more.en);
  Object.assign(tables.zh, more.zh);
}

let lang: Lang = 'en';
const langListeners: ((l: Lang) => void)[] = [];

/** Call `listener` with the language each time it is set (the app sets its page's `lang` attribute so). */
export function onLangChange(listener: (l: Lang) => void): void {
  langListeners.push(listener);
}

/** Set the language; its messages must be loaded (loadLang). */
export function setLang(l: Lang): void {
  if (!loaded.has(l)) throw new Error(`the messages of "${l}" are not loaded: await loadLang("${l}") first`);
  lang = l;
  for (const listener of langListeners) listener(l);
}

export function getLang(): Lang {
  return lang;
}

export function locale(): string {
  return lang === 'zh' ? 'zh-CN' : 'en-GB';
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const s = tables[lang][key] ?? tables.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

const formats = new Map<string, Intl.NumberFormat>();
/** A number in the current locale with the given fraction digits. */
export function fmt(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return '–';
  const key = `${lang}/${digits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(x);
}

const UNITS_ZH: Record<string, string> = {
  posts: '人',
  offices: '个',
  min: '分钟',
  h: '小时',
  share: '比例',
  difficulty: '难度',
  '1/difficulty': '1/难度',
  '1/resident/year': '件/人·年',
  'yuan/year': '元/年',
  yuan: '元',
  '×': '倍',
  'km/h': '公里/小时',
  days: '天',
  day: '天',
  'working days': '工作日',
  residents: '人',
  'micro-grids': '个',
  bases: '个',
  'km²': '平方公里',
  domains: '个',
  '1/day': '1/天',
  'share/day': '比例/天',
  'yuan/day': '元/天',
  'staff-equivalents': '人当量',
  'cases/server': '件/人',
  'h/week': '小时/周',
  'h/week per office below': '小时/周（每个下级单位）',
  'h/week per subordinate office': '小时/周（每个下级单位）',
  weight: '权重',
  'percentage points': '个百分点',
};

/** A unit of the scenario schema in the current language. */
export function unitName(u: string): string {
  return lang === 'zh' ? (UNITS_ZH[u] ?? u) : u;
}

/** Display name of something that has a name and maybe a Chinese name. */
export function nameOf(x: { name: string; nameZh?: string }): string {
  return lang === 'zh' && x.nameZh ? x.nameZh : x.name;
}
