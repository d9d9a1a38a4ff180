/**
 * Where JSON text first breaks its grammar, and why in a few words. `JSON.parse` says neither
 * reliably: its message often has no position and quotes the text instead, which a diagnostic
 * must not repeat. An iterative scan, so that any depth of nesting is read without recursion.
 */
export interface JsonError {
  readonly reason: string;
  readonly offset: number;
}

type Expected = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'comma-or-end';

const WHITESPACE = /[ \t\n\r]*/y;
const STRING_PREFIX = /"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4}))*/y;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** The first error in `text`, or undefined when it is valid JSON. */
export function findJsonError(text: string): JsonError | undefined {
  const open: string[] = [];
  let expected: Expected = 'value';
  let at = 0;
  for (;;) {
    at = matchEnd(WHITESPACE, text, at)!;
    if (at === text.length) return expected === 'comma-or-end' && open.length === 0 ? undefined : { reason: 'the file ends before the JSON does', offset: at };
    const character = text[at]!;
    const fail = (reason: string): JsonError => ({ reason, offset: at });
    if (expected === 'comma-or-end') {
      const container = open[open.length - 1];
      if (container === undefined) return fail('more text after the JSON');
      if (character === ',') expected = container === '[' ? 'value' : 'key';
      else if (character === (container === '[' ? ']' : '}')) open.pop();
      else return fail(container === '[' ? "expected ',' or ']'" : "expected ',' or '}'");
      at++;
    } else if (expected === 'colon') {
      if (character !== ':') return fail("expected ':'");
      expected = 'value';
      at++;
    } else if ((expected === 'value-or-end' && character === ']') || (expected === 'key-or-end' && character === '}')) {
      open.pop();
      expected = 'comma-or-end';
      at++;
    } else if (character === '"') {
      const end = matchEnd(STRING_PREFIX, text, at)!;
      if (text[end] !== '"') return { reason: stringError(text[end]), offset: end };
      expected = expected.startsWith('key') ? 'colon' : 'comma-or-end';
      at = end + 1;
    } else if (expected.startsWith('key')) {
      return fail('expected a property name in double quotes');
    } else if (character === '[' || character === '{') {
      open.push(character);
      expected = character === '[' ? 'value-or-end' : 'key-or-end';
      at++;
    } else {
      const end = matchEnd(SCALAR, text, at);
      if (end === undefined) return fail('unexpected character');
      expected = 'comma-or-end';
      at = end;
    }
  }
}

function matchEnd(pattern: RegExp, text: string, at: number): number | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text) ? pattern.lastIndex : undefined;
}

function stringError(stop: string | undefined): string {
  if (stop === undefined) return 'a string is not closed';
  if (stop === '\\') return 'an invalid escape in a string';
  return stop === '\n' || stop === '\r' ? 'a line break in a string' : 'a control character in a string';
}
