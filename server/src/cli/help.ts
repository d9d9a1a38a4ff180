import { RULES } from '../rules/index.js';

export const MAIN_HELP = `Tradecraft checks the claims, evidence, hypotheses, assumptions, indicators and sources of analyses written in Markdown.

Usage:
  tradecraft check [options] [PATHS...]   check Markdown files and folders (default: .)
  tradecraft lsp [--stdio]                the language server, for editors that speak LSP
  tradecraft --help | --version

Run "tradecraft check --help" for the options of check, "tradecraft lsp --help" for the server.
`;

export const LSP_HELP = `Usage: tradecraft lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]

Starts the Tradecraft language server; without a transport flag it speaks LSP over standard
input and output. Editors start it themselves: see the README for Neovim, Helix and VS Code.
Settings arrive from the editor as the "tradecraft" section (workspace/configuration).
`;

export function checkHelp(): string {
  const codes = RULES.map((rule) => `  ${rule.code.padEnd(20)} ${rule.defaultSeverity.padEnd(12)} ${rule.summary}`).join('\n');
  return `Usage: tradecraft check [options] [PATHS...]

Checks each Markdown file named, and every *.md file below each folder named (node_modules and
hidden folders are skipped). Without PATHS, checks the current folder.

Options:
  -f, --format text|json|sarif   how to print the diagnostics (default: text)
                                   text   file:line:col: severity code message (1-based)
                                   json   {"files":[{"path","diagnostics":[…]}]}, LSP-style 0-based ranges
                                   sarif  SARIF 2.1.0, for code-scanning services
      --severity-min LEVEL       print only diagnostics at least this severe:
                                 error, warning, information or hint (default: hint, all)
      --severity CODE=LEVEL      change a code's severity: error, warning, information, hint or off
                                 (repeatable; the tradecraft.severity.<code> setting of the editor)
  -b, --bibliography FILE        a bibliography file (.bib, .json, .yaml) for every document, read
                                 wherever it is (repeatable; the tradecraft.bibliography setting)
  -w, --workspace DIR            the folder whose files documents may name in bibliography: and
                                 relative links (default: the current folder)
      --standards STANDARD       hold documents to a standard of analytic writing: icd203, phia
                                 or none (default: none); a document's front matter standards:
                                 wins (the tradecraft.standards setting)
  -h, --help                     show this help

Exit status: 0 without error-level diagnostics, 1 with at least one, 2 when a path or file could
not be read or the command line is wrong.

Codes (default severity):
${codes}
`;
}
