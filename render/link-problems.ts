/**
 * What of a link the app could not read (ui/state.ts, decodeState, says it in English), in the
 * page's language. Loaded only when a link has a problem: the first screen does without it.
 */
import { getLang, unitName } from './i18n.ts';
import { BY_NAME, lastName } from './param-labels.ts';
import { paramLabel } from './assumption-labels.ts';
import { linkEn, type LinkKey } from './messages/link-en.ts';
import { linkZh } from './messages/link-zh.ts';

/** A message of this module in the page's language, its {params} filled in. */
function tr(key: LinkKey, params: Record<string, string> = {}): string {
  const s = (getLang() === 'zh' ? linkZh : linkEn)[key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? `{${k}}`);
}

/** A part of the state a link keeps, in words of the page's language. */
export function linkPartName(key: string): string {
  const known = ['columns', 'seed', 'days', 'view', 'lang', 'speed', 'selected', 'replications', 'whyReplications'];
  return known.includes(key) ? tr(`link.part.${key}` as LinkKey) : key;
}

/** A value as a scenario's validation describes it ("nothing", "an array", "abc", 7), in the page's language. */
function valueText(v: string): string {
  const said: Record<string, LinkKey> = { nothing: 'link.v.nothing', 'an array': 'link.v.array', 'an object': 'link.v.object' };
  return v in said ? tr(said[v]) : v;
}

/** A type a scenario's validation expects (zod's names), in words of the page's language. */
function typeText(type: string): string {
  const known = ['number', 'int', 'string', 'boolean', 'object', 'array'];
  return known.includes(type) ? tr(`link.type.${type}` as LinkKey) : type;
}

/**
 * Why a scenario's validation refused a value (scenarios/validate.ts, problemOf, says it in
 * English: "expected ≥ 0 1/resident/year, got -3"), in the page's language: what was
 * expected, with its unit, and what was given. A reason of another form stays as it is.
 */
export function scenarioReasonText(reason: string): string {
  if (getLang() === 'en') return reason;
  let m: RegExpExecArray | null;
  const unit = (u: string | undefined) => (u ? ` ${unitName(u)}` : '');
  if ((m = /^expected (≥|>|≤|<) (-?[\d.e+-]+)(?: (.+?))?, got (.+)$/.exec(reason)))
    return tr('link.r.bound', { op: m[1], n: m[2], unit: unit(m[3]), got: valueText(m[4]) });
  if ((m = /^expected (at least|at most) (\d+) items?$/.exec(reason)))
    return tr(m[1] === 'at least' ? 'link.r.atLeast' : 'link.r.atMost', { n: m[2] });
  if ((m = /^expected a multiple of (\S+), got (.+)$/.exec(reason))) return tr('link.r.multiple', { n: m[1], got: valueText(m[2]) });
  if ((m = /^expected one of (.+), got (.+)$/.exec(reason))) return tr('link.r.oneOf', { values: m[1], got: valueText(m[2]) });
  if ((m = /^required: expected (\w+)(?: \((.+)\))?$/.exec(reason)))
    return tr('link.r.required', { type: typeText(m[1]), unit: unit(m[2]) });
  if ((m = /^expected (number|int|string|boolean|object|array), got (.+)$/.exec(reason)))
    return tr('link.r.type', { type: typeText(m[1]), got: valueText(m[2]) });
  if ((m = /^unknown fields? (.+)$/.exec(reason))) return tr('link.r.unknownField', { keys: m[1] });
  if ((m = /^parameter path "[^"]*": "([^"]+)" is not a parameter\b/.exec(reason))) return tr('link.r.noParameter', { name: m[1] });
  if ((m = /^parameter path "[^"]*": (\[[^\]]+\]) chooses an item of a list\b/.exec(reason))) return tr('link.r.notList', { item: m[1] });
  return crossFieldText(reason) ?? reason;
}

/** The checks across fields of scenarios/schema.ts (checkConsistency) a link's change can fail, in the page's language. */
function crossFieldText(reason: string): string | undefined {
  // The sums checked are of residents' chances (bypassBase + bypassLowTrust, silentBase + silentLowTrust).
  const label = (name: string) => paramLabel(`residents.${name}`);
  let m: RegExpExecArray | null;
  if (reason === 'expected staff > 0 at the bottom level, which takes cases in') return tr('link.r.bottomStaff');
  if ((m = /^expected \(staffPerUnit \+ cadresPerUnit\) × caseworkShare ≥ 0\.5 \(at least one case worker\), got (.+)$/.exec(reason)))
    return tr('link.r.caseWorker', { got: m[1] });
  if (reason === 'expected at least one case worker (staff × caseworkShare ≥ 0.5) when the centre is enabled')
    return tr('link.r.centreWorker');
  if ((m = /^expected (\w+) \+ (\w+) ≤ 1 \(a chance\), got (.+)$/.exec(reason)))
    return tr('link.r.chanceSum', { a: label(m[1]), b: label(m[2]), got: m[3] });
  if (reason === 'expected at least one domain with weight > 0') return tr('link.r.domainWeight');
  if ((m = /^expected end \((.+) min\) after start \((.+) min\)$/.exec(reason)))
    return tr('link.r.calendarEnd', { end: m[1], start: m[2] });
  if (reason === 'expected at least one working day') return tr('link.r.workingDay');
  if ((m = /^expected a competence threshold ≥ the level below's \((.+)\), got (.+)$/.exec(reason)))
    return tr('link.r.thresholdBelow', { prev: m[1], got: m[2] });
  if ((m = /^a level with no staff cannot resolve cases: expected threshold ≤ (.+) \(the level below's\)$/.exec(reason)))
    return tr('link.r.noStaffThreshold', { prev: m[1] });
  return undefined;
}

/**
 * What could not be read of a link (ui/state.ts, decodeState, says it in English), in the
 * page's language: the app's own reasons translated, a field's by its label, a scenario's
 * validation by what it expected (scenarioReasonText).
 */
export function linkProblemText(problem: string): string {
  // The app's controls' labels first, then every assumption's (by path), then the name's words.
  const label = (path: string) => BY_NAME[lastName(path)]?.[getLang()] ?? paramLabel(path);
  let m: RegExpExecArray | null;
  if (problem === 'the part after # is not a flatgov state') return tr('link.p.notState');
  if (problem === 'the state in the link is damaged (it may have been cut short)') return tr('link.p.damaged');
  if (problem === 'the state in the link is not an object') return tr('link.p.notObject');
  if (problem === 'no valid structure') return tr('link.p.noStructure');
  if ((m = /^the state in the link is larger than ([\d.]+) MB/.exec(problem))) return tr('link.p.tooLarge', { mb: m[1] });
  if ((m = /^no link version \(this app reads (\d+)\)$/.exec(problem))) return tr('link.p.noVersion', { want: m[1] });
  if ((m = /^link version (.+) \(this app reads (\d+)\)$/.exec(problem))) return tr('link.p.version', { v: m[1], want: m[2] });
  if ((m = /^structure (\d+): unknown preset "(.*)"$/.exec(problem))) return tr('link.p.preset', { i: m[1], preset: m[2] });
  if ((m = /^structure (\d+): its scenario is not valid$/.exec(problem))) return tr('link.p.scenario', { i: m[1] });
  if ((m = /^structure (\d+), ([^:]+): (.*)$/.exec(problem)))
    return tr('link.p.change', { i: m[1], field: label(m[2]), reason: scenarioReasonText(m[3]) });
  if ((m = /^(seed|days|view|lang|speed|replications|whyReplications): expected (.*)$/.exec(problem)))
    return tr('link.p.field', {
      field: linkPartName(m[1]),
      expected:
        m[1] === 'view' || m[1] === 'lang' ? m[2] : tr(`link.expected.${m[1] === 'whyReplications' ? 'replications' : m[1]}` as LinkKey),
    });
  return problem;
}
