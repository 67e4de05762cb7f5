/**
 * A structure on equal terms in the app: parts taken from presets ("the traditional
 * county's structure with Longgang 2021's policy") and posts scaled to a preset's total,
 * as experiment files write them (experiments/experiment.ts) and scenarios/parts.ts does
 * them. Loaded when a column has terms, so the first screen does without it.
 */
import { presetIds, presets } from 'virtual:scenario-data';
import { composeScenario, withPostsOf, type Parts } from '../scenarios/parts.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { validateScenario as ValidateFn } from '../scenarios/validate.ts';
import { addMessages, getLang, nameOf, t } from '../render/i18n.ts';
import { whyEn } from '../render/messages/why-en.ts';
import { whyZh } from '../render/messages/why-zh.ts';

addMessages({ en: whyEn, zh: whyZh });

/** A column's terms, as the state holds them (ui/state.ts ColumnSpec). */
export interface Terms {
  parts?: Partial<Record<'resources' | 'policy' | 'calendars', string>>;
  equalPosts?: { preset: string; posts: 'all' | 'city' };
}

/** The parts a structure can take from a preset in the app. */
export const PART_KEYS = ['resources', 'policy', 'calendars'] as const;

const preset = (id: string): Scenario => {
  if (!Object.hasOwn(presets, id)) throw new Error(`unknown preset "${id}": expected one of ${presetIds.join(', ')}`);
  return structuredClone(presets[id]);
};

/** The structure `s` with the column's parts from presets, then at a preset's posts. */
export function withTerms(s: Scenario, terms: Terms): Scenario {
  let out = s;
  const parts: Partial<Parts> = {};
  for (const k of PART_KEYS) {
    const id = terms.parts?.[k];
    if (id) parts[k] = preset(id);
  }
  if (Object.keys(parts).length > 0) out = composeScenario({ ...parts, structure: out });
  if (terms.equalPosts) out = withPostsOf(out, preset(terms.equalPosts.preset), terms.equalPosts.posts);
  return out;
}

/** The structure the user's changes apply to: `s` with the column's terms, validated; a problem names the field. */
export function termsBase(s: Scenario, terms: Terms, validate: typeof ValidateFn): ReturnType<typeof ValidateFn> {
  try {
    return validate(withTerms(s, terms));
  } catch (e) {
    return { ok: false, problems: [{ path: terms.equalPosts ? 'equalPosts' : 'parts', message: (e as Error).message }] };
  }
}

/**
 * The terms a link carries, put into `spec` where they name presets and give a valid
 * structure; what was not kept, said (each problem starting with ", " or ": " after the
 * structure's name).
 */
export async function termsOfLink(
  col: { parts?: unknown; equalPosts?: unknown },
  spec: Terms & { changes: Record<string, unknown> },
  build: (
    c: Terms & { preset?: string; custom?: { name: string; json: unknown }; changes: Record<string, unknown> },
  ) => Promise<{ base?: Scenario }>,
): Promise<string[]> {
  const problems: string[] = [];
  const terms: Terms = {};
  const isPreset = (v: unknown): v is string => typeof v === 'string' && presetIds.includes(v);
  if (col.parts !== undefined) {
    const raw = col.parts && typeof col.parts === 'object' && !Array.isArray(col.parts) ? (col.parts as Record<string, unknown>) : {};
    const parts: NonNullable<Terms['parts']> = {};
    for (const [k, v] of Object.entries(raw)) {
      if ((PART_KEYS as readonly string[]).includes(k) && isPreset(v)) parts[k as (typeof PART_KEYS)[number]] = v;
      else problems.push(`, parts.${k}: expected one of ${PART_KEYS.join(', ')} from a preset (${presetIds.join(', ')})`);
    }
    if (Object.keys(raw).length === 0) problems.push(', parts: expected an object such as {"policy": "longgang-2021"}');
    if (Object.keys(parts).length > 0) terms.parts = parts;
  }
  if (col.equalPosts !== undefined) {
    const e = col.equalPosts as { preset?: unknown; posts?: unknown } | null;
    if (e && typeof e === 'object' && isPreset(e.preset) && (e.posts === 'all' || e.posts === 'city'))
      terms.equalPosts = { preset: e.preset, posts: e.posts };
    else problems.push(`, equalPosts: expected {"preset": one of ${presetIds.join(', ')}, "posts": "all" or "city"}`);
  }
  if (terms.parts || terms.equalPosts) {
    if ((await build({ ...spec, ...terms })).base) Object.assign(spec, terms);
    else problems.push(': its parts and equal posts give no valid structure; they were dropped');
  }
  return problems;
}

/** A preset's short name (before its colon), in the current language. */
export const presetShortName = (id: string): string => nameOf(presets[id] ?? { name: id }).split(/[:：]/)[0];

/** The column's terms in words, in the current language ("With policy of Longgang 2021, at the city posts of Longgang 2021"). */
export function termsLine(terms: Terms): string {
  const zh = getLang() === 'zh';
  const sep = zh ? '，' : ', ';
  const parts = PART_KEYS.flatMap((k) => {
    const id = terms.parts?.[k];
    return id ? [t('terms.partOf', { part: zh ? t(`part.${k}`) : t(`part.${k}`).toLowerCase(), name: presetShortName(id) })] : [];
  });
  const e = terms.equalPosts;
  const posts = e ? t(e.posts === 'city' ? 'terms.atCityPosts' : 'terms.atPosts', { name: presetShortName(e.preset) }) : '';
  if (parts.length) return [t('terms.with', { parts: parts.join(sep) }), posts].filter(Boolean).join(sep);
  return posts.charAt(0).toUpperCase() + posts.slice(1);
}
