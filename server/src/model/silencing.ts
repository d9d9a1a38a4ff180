import type { Span } from '../types.js';
import type { SilencingComment } from './model.js';

const COMMENT = /^<!--\s*tradecraft-(disable-next-line|disable|enable)(?=\s|-->)([\s\S]*?)-->\s*$/d;

/**
 * Reads `<!-- tradecraft-disable-next-line code … -->`, `<!-- tradecraft-disable … -->` or
 * `<!-- tradecraft-enable … -->` from an HTML block that starts at `offset`.
 */
export function readSilencingComment(html: string, offset: number): SilencingComment | undefined {
  const match = COMMENT.exec(html);
  if (!match) return undefined;
  const listStart = offset + match.indices![2]![0];
  const codes = [...match[2]!.matchAll(/\S+/g)].map((code) => ({
    name: code[0],
    span: { start: listStart + code.index, end: listStart + code.index + code[0].length },
  }));
  const span: Span = { start: offset, end: offset + html.trimEnd().length };
  return { span, directive: match[1] as SilencingComment['directive'], codes };
}
