/**
 * Things in a valid scenario that are probably not what its author meant. A level's `kind`
 * defaults to "intermediate", so a level called "community" that does not say
 * `"kind": "community"` does not count towards local resolution.
 */
import type { Scenario } from './schema.ts';

const LOOKS_LIKE: [kind: 'grid' | 'community', pattern: RegExp][] = [
  ['grid', /^(grids?|micro-?grids?|grid[ -]workers?|网格|网格员)$/i],
  ['community', /^(communit(y|ies)|villages?|villages?[ -]and[ -]communit(y|ies)|社区|村|村社区)$/i],
];

/** One line per suspicious level, naming it and what to write. */
export function scenarioWarnings(s: Scenario): string[] {
  const out: string[] = [];
  for (const l of s.levels) {
    for (const [kind, re] of LOOKS_LIKE) {
      if (l.kind === kind || !(re.test(l.id) || re.test(l.name) || (l.nameZh !== undefined && re.test(l.nameZh)))) continue;
      out.push(
        `levels[${l.id}] is named like a ${kind} level but its kind is "${l.kind}"${l.kind === 'intermediate' ? ' (the default)' : ''}: ` +
          `cases it closes do not count as closed at grid or community. Add "kind": "${kind}" if it is one (see docs/scenarios.md).`,
      );
    }
  }
  return out;
}
