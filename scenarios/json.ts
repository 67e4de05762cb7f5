/**
 * Strict JSON parsing with an error that says where: line, column and what is wrong.
 * jsonc-parser (the parser of VS Code) reports offsets, which JSON.parse does not in every
 * runtime.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ScenarioError } from './validate.ts';

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parse JSON text; throws a ScenarioError naming the source, line and column. */
export function parseJsonText(text: string, source = 'input'): unknown {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const e = errors[0];
    const { line, column } = lineColumn(text, e.offset);
    throw new ScenarioError(
      [{ path: '', message: `not valid JSON (line ${line}, column ${column}): ${printParseErrorCode(e.error)}` }],
      source,
    );
  }
  return value;
}
