/**
 * Which parameters the app offers as controls, and how each is shown: everything else
 * (unit, range, default, description) comes from the scenario schema.
 */
import { fields } from 'virtual:scenario-data';
import { getPath } from '../scenarios/path.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { parsePath } from '../scenarios/path.ts';
import { getLang } from '../render/i18n.ts';
import { BY_NAME, plainHelp, words } from '../render/param-labels.ts';

export interface ParamField {
  path: string;
  /** Label and help in both languages. */
  label: { en: string; zh: string };
  help?: { en: string; zh: string };
  kind: 'number' | 'slider' | 'switch';
  min: number;
  max: number;
  step: number;
  unit: string;
  /** Shown as a percentage (shares). */
  percent: boolean;
}

export interface ParamSection {
  id: string;
  title: { en: string; zh: string };
  open: boolean;
  fields: ParamField[];
}

const L = (en: string, zh: string) => ({ en, zh });

function field(s: Scenario, path: string, label?: { en: string; zh: string }): ParamField | undefined {
  let value: unknown;
  try {
    value = getPath(s, path);
  } catch {
    return undefined;
  }
  const segs = parsePath(path);
  // The schema's entry for the path: list items by `[]`, whichever item it is.
  const key = segs.reduce<string>((out, x) => out + (typeof x === 'string' ? (out ? `.${x}` : x) : '[]'), '');
  const meta = Object.hasOwn(fields, key) ? fields[key] : undefined;
  if (!meta) return undefined;
  const last = String(segs[segs.length - 1]);
  const lab = label ?? BY_NAME[last] ?? L(words(last), words(last));
  // Help in plain words: no file of the code, no field name in code type.
  const help = meta.description ? L(plainHelp(meta.description, 'en'), plainHelp(meta.descriptionZh ?? meta.description, 'zh')) : undefined;
  if (typeof value === 'boolean') return { path, label: lab, help, kind: 'switch', min: 0, max: 1, step: 1, unit: '', percent: false };
  if (typeof value !== 'number') return undefined;
  const unit = meta.unit ?? '';
  const min = meta.min ?? 0;
  const max = Math.min(meta.max ?? 1e6, unit === 'share' ? 1 : Infinity);
  const percent = unit === 'share';
  const step = meta.int ? 1 : percent ? 0.01 : value >= 100 ? 1 : value >= 10 ? 0.5 : 0.05;
  return { path, label: lab, help, kind: percent ? 'slider' : 'number', min, max: Number.isFinite(max) ? max : 1e6, step, unit, percent };
}

function named(prefix: { en: string; zh: string }, f: ParamField | undefined): ParamField | undefined {
  return f && { ...f, label: { en: `${prefix.en}: ${f.label.en}`, zh: `${prefix.zh}：${f.label.zh}` } };
}

/** The controls for a scenario, in sections. */
export function paramSections(s: Scenario): ParamSection[] {
  const nm = (x: { name: string; nameZh?: string }) => L(x.name, x.nameZh ?? x.name);
  const keep = (xs: (ParamField | undefined)[]) => xs.filter((x): x is ParamField => x !== undefined);
  return [
    {
      id: 'levers',
      title: L('Reform levers', '改革举措'),
      open: true,
      fields: keep([
        field(s, 'platform.enabled', L('Digital platform (“one network”)', '数字平台（“一网统管”）')),
        field(s, 'centre.enabled', L('Social governance centre', '社会治理中心')),
        field(s, 'levers.cadresSentDown'),
        field(s, 'levers.cadreTimeShare'),
        field(s, 'levers.admissionList'),
        field(s, 'levers.leadersFieldDay'),
        field(s, 'levers.floatingPosts'),
        field(s, 'levers.socialOrganisations.workShare'),
        field(s, 'levers.oneSeal.enabled', L('One approval bureau (“one seal”)', '一枚印章管审批')),
        field(s, 'levers.oneEnforcement.enabled', L('One enforcement team', '一支队伍管执法')),
        field(s, 'levers.modules'),
      ]),
    },
    {
      id: 'mechanisms',
      title: L('Mechanisms (switch one off to see what it does)', '机制（关闭一项看其作用）'),
      open: false,
      fields: keep([
        field(s, 'mechanisms.competence'),
        field(s, 'mechanisms.workload'),
        field(s, 'mechanisms.controlLoss'),
        field(s, 'mechanisms.residentsRespond'),
      ]),
    },
    {
      id: 'demand',
      title: L('Demand', '需求'),
      open: true,
      fields: keep([
        field(s, 'demand.casesPerResidentYear'),
        field(s, 'demand.fieldShare'),
        field(s, 'demand.difficultyRate'),
        field(s, 'residents.initialTrust'),
        field(s, 'residents.bypassLowTrust'),
      ]),
    },
    {
      id: 'levels',
      title: L('Levels', '层级'),
      open: false,
      fields: keep(
        s.levels.flatMap((l) => [
          named(nm(l), field(s, `levels[${l.id}].units`)),
          named(nm(l), field(s, `levels[${l.id}].staffPerUnit`)),
          named(nm(l), field(s, `levels[${l.id}].threshold`)),
          named(nm(l), field(s, `levels[${l.id}].competence.training`)),
          named(nm(l), field(s, `levels[${l.id}].competence.powers`)),
          named(nm(l), field(s, `levels[${l.id}].burdenOnBelowHoursPerWeek`)),
          named(nm(l), field(s, `levels[${l.id}].caseworkShare`)),
          named(nm(l), field(s, `levels[${l.id}].solve.mean`, L('Mean time to resolve', '平均办理时长'))),
          named(nm(l), field(s, `levels[${l.id}].forward.delay.mean`, L('Mean delay passing up', '上交平均耗时'))),
          named(nm(l), field(s, `levels[${l.id}].forward.returnProb`)),
          named(nm(l), field(s, `levels[${l.id}].forward.infoKept`)),
        ]),
      ),
    },
    {
      id: 'departments',
      title: L('Departments', '部门'),
      open: false,
      fields: keep(
        s.departments
          .filter((d) => d.domains.length > 0)
          .flatMap((d) => [
            named(nm(d), field(s, `departments[${d.id}].staff`)),
            named(nm(d), field(s, `departments[${d.id}].caseworkShare`)),
          ]),
      ),
    },
  ];
}

export function labelOf(x: { en: string; zh: string }): string {
  return getLang() === 'zh' ? x.zh : x.en;
}

/** The control of a parameter path, if the panel offers one. */
export function fieldOf(s: Scenario, path: string): ParamField | undefined {
  for (const sec of paramSections(s)) for (const f of sec.fields) if (f.path === path) return f;
  return undefined;
}

/** A path with list items by index, as validation reports them (`levels[grid].units` → `levels[0].units`). */
export function indexPath(s: Scenario, path: string): string {
  let cur: unknown = s;
  let out = '';
  for (const seg of parsePath(path)) {
    if (typeof seg === 'object') {
      const i = Array.isArray(cur) ? cur.findIndex((x) => (x as { id?: unknown })?.id === seg.id) : -1;
      out += `[${i}]`;
      cur = Array.isArray(cur) ? cur[i] : undefined;
    } else {
      out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
      cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
    }
  }
  return out;
}

/** A value as the panel shows it, with its unit. */
export function shownValue(
  f: ParamField | undefined,
  v: unknown,
  unit: (u: string) => string,
  num: (x: number, d?: number) => string,
): string {
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v !== 'number') return String(v);
  if (f?.percent) return `${num(100 * v, 0)}%`;
  const u = f?.unit ? ` ${unit(f.unit)}` : '';
  const digits = Number.isInteger(v) ? 0 : Number.isInteger(v * 10) ? 1 : 2;
  return `${num(v, digits)}${u}`;
}

/** The parameters of the demand section, which "apply to all structures" copies. */
export const DEMAND_PATHS = [
  'demand.casesPerResidentYear',
  'demand.fieldShare',
  'demand.difficultyRate',
  'residents.initialTrust',
  'residents.bypassLowTrust',
];

/** Short names of the source documents, for help texts that cite them by number. */
const SOURCE_SHORT: Record<string, { en: string; zh: string }> = {
  '000': L('Longgang at five, news report', '龙港设市五周年报道'),
  '001': L('Chen 2022, Zhejiang University', '陈宝胜 2022，浙江大学'),
  '002': L('big-department reform 2.0, report', '大部制改革2.0 报道'),
  '003': L('Wenzhou Daily, 28 Sep 2020', '温州日报 2020年9月28日'),
  '004': L('Longgang reform, news report', '龙港改革策源地报道'),
};

/** A text with source numbers ("000: 70%") written as short source names. */
export function readableSources(text: string): string {
  return text.replace(/\b(00\d)\b(?=\s*[:,)；：，）、]|\s*$)/g, (m, id: string) => (SOURCE_SHORT[id] ? labelOf(SOURCE_SHORT[id]) : m));
}
