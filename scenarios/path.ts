/**
 * Parameter paths such as `demand.casesPerResidentYear`, `levels[community].staffPerUnit`
 * or `departments[0].staff`: brackets select an array item by id (or by index).
 *
 * Paths come from users (experiment overrides, sweeps, links), so they only ever reach a
 * scenario's own fields: `__proto__`, `constructor` and `prototype` are refused, inherited
 * properties are never followed, and a list is entered only by an item (`[0]`, `[grid]`),
 * never by a property of the list itself: `levels.length` would grow the list to any size.
 * scenarios/param-path.ts checks a path against the scenario schema before any scenario is read.
 */
export type PathSegment = string | number | { id: string };

export class PathError extends Error {}

/** Names that reach an object's prototype instead of its own fields. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/** Longer than any parameter path of a scenario (the longest is under a hundred characters). */
export const MAX_PATH_LENGTH = 300;

export function parsePath(path: string): PathSegment[] {
  if (typeof path !== 'string') throw new PathError(`parameter path: expected a string, got ${typeof path}`);
  if (path.length > MAX_PATH_LENGTH)
    throw new PathError(`parameter path "${path.slice(0, 40)}…": longer than ${MAX_PATH_LENGTH} characters, which no parameter is`);
  const out: PathSegment[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(path))) {
    if (m.index !== last && path[last] !== '.') throw new PathError(`parameter path "${path}": unexpected "${path.slice(last, m.index)}"`);
    last = re.lastIndex;
    const name = m[1] ?? m[2];
    if (isForbiddenKey(name))
      throw new PathError(`parameter path "${path}": "${name}" is not a parameter (it would reach the object's prototype)`);
    if (m[1] !== undefined) out.push(m[1]);
    else if (/^\d+$/.test(m[2])) out.push(Number(m[2]));
    else if (m[2]) out.push({ id: m[2] });
    else throw new PathError(`parameter path "${path}": empty brackets`);
  }
  if (out.length === 0 || last !== path.length)
    throw new PathError(`parameter path "${path}": expected names separated by dots, e.g. levels[community].units`);
  return out;
}

function step(container: unknown, seg: PathSegment, path: string): { parent: Record<string | number, unknown>; key: string | number } {
  if (typeof seg === 'object') {
    if (!Array.isArray(container)) throw new PathError(`parameter path "${path}": [${seg.id}] needs a list`);
    const i = container.findIndex((x) => x && typeof x === 'object' && Object.hasOwn(x, 'id') && (x as { id?: unknown }).id === seg.id);
    if (i < 0)
      throw new PathError(
        `parameter path "${path}": no item with id "${seg.id}" (ids: ${container.map((x) => (x as { id?: string }).id).join(', ')})`,
      );
    return { parent: container as unknown as Record<number, unknown>, key: i };
  }
  if (container === null || typeof container !== 'object')
    throw new PathError(`parameter path "${path}": "${String(seg)}" is inside a value, not an object`);
  if (typeof seg === 'number' && !(Array.isArray(container) && seg < container.length))
    throw new PathError(`parameter path "${path}": no item ${seg}`);
  // A list has items, not fields: `length` (or `map`, or `0` after a dot) is a property of the list.
  if (typeof seg === 'string' && Array.isArray(container))
    throw new PathError(
      `parameter path "${path}": "${seg}" is not a parameter (the items of a list are chosen by index or id, e.g. [0] or [<id>])`,
    );
  return { parent: container as Record<string | number, unknown>, key: seg };
}

const known = (o: object) => (Object.keys(o).length > 0 ? ` (known: ${Object.keys(o).join(', ')})` : ' (this map is empty)');

/** The value at path, or undefined where the path leaves the object's own fields. */
export function getPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const seg of parsePath(path)) {
    if (typeof seg === 'string' && Array.isArray(cur)) return undefined;
    const { parent, key } = step(cur, seg, path);
    if (!Object.hasOwn(parent, key)) return undefined;
    cur = parent[key];
  }
  return cur;
}

/** A copy of obj with the value at path replaced (the path must exist up to its last name). */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const segs = parsePath(path);
  const copy = structuredClone(obj);
  let cur: unknown = copy;
  for (let i = 0; i < segs.length - 1; i++) {
    const { parent, key } = step(cur, segs[i], path);
    if (!Object.hasOwn(parent, key)) throw new PathError(`parameter path "${path}": no parameter "${String(key)}" here${known(parent)}`);
    cur = parent[key];
  }
  const { parent, key } = step(cur, segs[segs.length - 1], path);
  if (!Object.hasOwn(parent, key) && typeof key === 'string')
    throw new PathError(`parameter path "${path}": no parameter "${key}" here${known(parent)}`);
  parent[key] = value;
  return copy;
}
