/**
 * Parameter paths checked against the scenario schema, before any scenario is read: a path
 * in an experiment's overrides, sweep or listed design points, in a shared link's changes or
 * in a library call may name only fields the schema defines — a field of an object, a key of
 * a map (`calendars.office`), an item of a list by index or id (`levels[community]`) — and
 * never a property of a list or an object (`levels.length`, `demand.toString`).
 *
 * scenarios/path.ts applies the same rule to the scenario itself when the value is set; this
 * module lets a whole experiment or link be refused, every bad path named, up front.
 */
import type { z } from 'zod';
import { parsePath, PathError, type PathSegment } from './path.ts';
import { scenarioSchema } from './schema.ts';

/** What this module reads of a zod schema node (zod does not type its definitions for outside use). */
interface SchemaNode {
  def?: {
    type?: string;
    innerType?: SchemaNode;
    in?: SchemaNode;
    shape?: Record<string, SchemaNode>;
    element?: SchemaNode;
    valueType?: SchemaNode;
  };
}

/** The schema node inside defaults, optionals, nullables and pipes. */
function unwrap(s: SchemaNode | undefined): SchemaNode | undefined {
  for (;;) {
    const t = s?.def?.type;
    if (t === 'default' || t === 'prefault' || t === 'optional' || t === 'nullable' || t === 'catch' || t === 'readonly')
      s = s!.def!.innerType;
    else if (t === 'pipe') s = s!.def!.in;
    else return s;
  }
}

/** Whether the items of a list are objects with an id (levels, departments, domains). */
function hasIds(element: SchemaNode | undefined): boolean {
  const item = unwrap(element);
  return item?.def?.type === 'object' && Object.hasOwn(item.def.shape ?? {}, 'id');
}

function kindOf(s: SchemaNode | undefined): string {
  const t = s?.def?.type;
  return t === 'object' ? 'an object' : t === 'array' ? 'a list' : t === 'record' ? 'a map' : 'a value';
}

/**
 * The segments of a path that names a field of the schema (the scenario's by default);
 * throws a PathError saying which segment names no field and what the place holds.
 */
export function checkParamPath(path: string, root: z.ZodType = scenarioSchema): PathSegment[] {
  const segs = parsePath(path);
  let s = unwrap(root as unknown as SchemaNode);
  let prefix = '';
  const place = () => (prefix ? `"${prefix}"` : 'the scenario');
  for (const seg of segs) {
    const def = s?.def ?? {};
    const t = def.type;
    if (typeof seg === 'string') {
      if (t === 'object') {
        const shape = def.shape ?? {};
        if (!Object.hasOwn(shape, seg))
          throw new PathError(
            `parameter path "${path}": "${seg}" is not a parameter of ${place()} (its fields: ${Object.keys(shape).join(', ')})`,
          );
        s = shape[seg];
      } else if (t === 'record') s = def.valueType;
      else if (t === 'array') {
        const ids = hasIds(def.element);
        throw new PathError(
          `parameter path "${path}": "${seg}" is not a parameter (${place()} is a list: choose an item by ${ids ? 'index or id, e.g. [0] or [<id>]' : 'index, e.g. [0]'})`,
        );
      } else throw new PathError(`parameter path "${path}": "${seg}" is inside ${place()}, which is ${kindOf(s)} with no fields`);
      prefix = prefix ? `${prefix}.${seg}` : seg;
    } else {
      const label = typeof seg === 'number' ? `[${seg}]` : `[${seg.id}]`;
      if (t !== 'array')
        throw new PathError(`parameter path "${path}": ${label} chooses an item of a list, but ${place()} is ${kindOf(s)}`);
      if (typeof seg === 'object' && !hasIds(def.element))
        throw new PathError(`parameter path "${path}": ${label}: the items of ${place()} have no id; choose one by index, e.g. [0]`);
      s = def.element;
      prefix = `${prefix}${label}`;
    }
    s = unwrap(s);
  }
  return segs;
}
