import type { FileReport } from '../report.js';

/** `file:line:col: severity code message`, 1-based: the shape compilers print and problem matchers read. */
export function formatText(reports: readonly FileReport[]): string {
  return reports
    .flatMap((report) =>
      report.diagnostics.map(
        (d) => `${printable(report.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${printable(d.message)}\n`,
      ),
    )
    .join('');
}

/**
 * Text from a document or a file name, safe to print on a terminal on one line: control
 * characters (C0 but tab, DEL, C1, so every escape sequence) and the bidirectional overrides and
 * isolates, which would reorder what is shown, are written as visible escapes (`\x1B`, `\u202E`).
 */
export function printable(text: string): string {
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (character) => {
    const code = character.charCodeAt(0).toString(16).toUpperCase();
    return code.length <= 2 ? `\\x${code.padStart(2, '0')}` : `\\u${code}`;
  });
}
