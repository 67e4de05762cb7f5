/**
 * Strict JSON parsing with an error that says where: line, column and what is wrong.
 * jsonc-parser (the parser of VS Code) reports offsets, which JSON.parse does not in every
 * runtime. A leading byte-order mark is accepted; keys that would reach a prototype and
 * nesting deeper than any scenario needs are refused before anything reads the value.
 */
import { parse, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { MAX_JSON_DEPTH } from './plain.ts';
import { isForbiddenKey } from './path.ts';
import { ScenarioError, type ScenarioProblem } from './validate.ts';

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Offset where nesting first exceeds max, outside strings; -1 if it never does. */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

/** Parse JSON text; throws a ScenarioError naming the source, line and column of every problem. */
export function parseJsonText(text: string, source = 'input'): unknown {
  // A byte-order mark (as some Windows editors write) is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const at = (offset: number) => {
    const { line, column } = lineColumn(text, offset);
    return `line ${line}, column ${column}`;
  };
  const deep = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deep >= 0)
    throw new ScenarioError(
      [{ path: '', message: `nested more than ${MAX_JSON_DEPTH} levels deep (${at(deep)}); no scenario needs that many` }],
      source,
    );
  const errors: ParseError[] = [];
  const value = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const problems: ScenarioProblem[] = errors
    .slice(0, 20)
    .map((e) => ({ path: '', message: `not valid JSON (${at(e.offset)}): ${printParseErrorCode(e.error)}` }));
  if (errors.length > 20) problems.push({ path: '', message: `and ${errors.length - 20} more JSON syntax errors` });
  visit(
    text,
    {
      onObjectProperty: (name, offset, _length, _line, _col, pathSupplier) => {
        if (isForbiddenKey(name))
          problems.push({
            path: [...pathSupplier(), name]
              .map((k) => (typeof k === 'number' ? `[${k}]` : k))
              .join('.')
              .replace(/\.\[/g, '['),
            message: `"${name}" is not allowed as a field name (${at(offset)})`,
          });
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  if (problems.length > 0) throw new ScenarioError(problems, source);
  return value;
}
