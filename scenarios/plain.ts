/**
 * Checks that a parsed value is plain JSON data before anything reads it as a scenario:
 * no key that reaches a prototype (`__proto__`, `constructor`, `prototype`), no object
 * with a prototype other than Object's (a parser that assigned a `__proto__` key), and no
 * nesting deeper than any scenario needs. Iterative, so hostile depth cannot overflow the stack.
 */
import { isForbiddenKey } from './path.ts';

/** Deeper than any scenario, experiment or link (they nest about eight levels). */
export const MAX_JSON_DEPTH = 64;

export interface PlainProblem {
  path: string;
  message: string;
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (parent ? `${parent}.${key}` : key) : `${parent}[${JSON.stringify(key)}]`;
}

/** Every problem found (at most a few dozen), with its path. */
export function plainJsonProblems(value: unknown, maxDepth = MAX_JSON_DEPTH): PlainProblem[] {
  const problems: PlainProblem[] = [];
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length > 0 && problems.length < 50) {
    const { v, path, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) {
      problems.push({ path, message: `nested more than ${maxDepth} levels deep (no scenario needs that many)` });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: childPath(path, i), depth: depth + 1 });
      continue;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      problems.push({ path, message: 'a "__proto__" key is not allowed (it would replace the object\'s prototype)' });
      continue;
    }
    for (const key of Object.keys(v).reverse()) {
      if (isForbiddenKey(key)) problems.push({ path: childPath(path, key), message: `"${key}" is not allowed as a field name` });
      else stack.push({ v: (v as Record<string, unknown>)[key], path: childPath(path, key), depth: depth + 1 });
    }
  }
  return problems;
}
