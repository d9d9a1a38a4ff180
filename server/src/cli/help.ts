import { RULES } from '../rules/index.js';
import type { ViewName } from './viewOptions.js';

export const MAIN_HELP = `Tradecraft checks the claims, evidence, hypotheses, assumptions, indicators and sources of analyses written in Markdown.

Usage:
  tradecraft check [options] [PATHS...]         check Markdown files and folders (default: .)
  tradecraft assumptions [options] [PATHS...]   the Key Assumptions Check of each document
  tradecraft indicators [options] [PATHS...]    the watch list: each hypothesis and its indicators
  tradecraft sources [options] [PATHS...]       the Quality of Information Check of its sources
  tradecraft matrix [options] [PATHS...]        the evidence matrix (ACH): hypotheses against evidence
  tradecraft map [options] [PATHS...]           the argument map, as Mermaid or Graphviz text
  tradecraft export [options] FILE              the analysis for Pandoc and Quarto, or as plain Markdown
  tradecraft new FILE                           write a new analysis to start from, which checks clean
  tradecraft lsp [--stdio]                      the language server, for editors that speak LSP
  tradecraft init                               write a commented .tradecraft.yaml here
  tradecraft --help | --version

Run "tradecraft check --help" for the options of check, "tradecraft sources --help" (or
assumptions, indicators, matrix, map) for those of a view, "tradecraft export --help" for the
export, "tradecraft new --help" for a new analysis, "tradecraft lsp --help" for the server.
`;

export const LSP_HELP = `Usage: tradecraft lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]

Starts the Tradecraft language server; without a transport flag it speaks LSP over standard
input and output. Editors start it themselves: see the README for Neovim, Helix and VS Code.
Settings arrive from the editor as the "tradecraft" section (workspace/configuration).
`;

export function checkHelp(): string {
  const codes = RULES.map((rule) => `  ${rule.code.padEnd(20)} ${rule.defaultSeverity.padEnd(12)} ${rule.summary}`).join('\n');
  return `Usage: tradecraft check [options] [PATHS...]

Checks each file named, and every Markdown (.md, .markdown), Quarto (.qmd) and R Markdown (.Rmd)
file below each folder named; node_modules, hidden folders and what the repository's .gitignore
files ignore are skipped. Without PATHS, checks the current folder.

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
  -c, --config FILE              the project configuration to read (default: the nearest
                                 .tradecraft.yaml in the current folder or above); flags win
      --no-config                read no .tradecraft.yaml
  -h, --help                     show this help

Exit status: 0 without error-level diagnostics, 1 with at least one, 2 when a path or file could
not be read or the command line is wrong.

Codes (default severity):
${codes}
`;
}

/** What each view shows, for its help. */
const VIEW_HELP: Readonly<Record<ViewName, string>> = {
  assumptions: `The Key Assumptions Check: each assumption (its id, status, line and text) with the claims
and hypotheses that rest on it (assumes= or nesting), then the key judgments (confidence=high or
.key) that rest on an assumption marked status=unsupported.`,
  indicators: `The watch list: each hypothesis (its id, status, line and text) with the indicators for and
against it and their status (watch, observed, absent or none), then the indicators that cannot
tell the hypotheses apart (for every hypothesis, at least two, and against none), and those
that name no hypothesis (with the claims they name, if any).`,
  sources: `The Quality of Information Check: each source of the front matter, and each entry of a
bibliography file that the document cites, with its title, grade (and what it means), whether it
is retracted (and why) or empty, where it is defined, the markers that cite it, and the key
judgments (confidence=high or .key) whose grounds hold that source and no other.`,
  matrix: `The evidence matrix of Analysis of Competing Hypotheses: a column a hypothesis (document
order), a row a marker that weighs one (for= or nested: consistent; against=: inconsistent;
an indicator only once observed). Each hypothesis gets its inconsistency score, the number of
rows inconsistent with it: the weighed hypothesis with the lowest is the least refuted. Rows
say whether they are sourced, whether they rate every hypothesis alike (non-discriminating),
and whether removing them alone would change which hypotheses are least refuted (sensitive).
A hypothesis marked favored that is not least refuted, or rejected that is, is pointed out.
The score is an aid to weigh the evidence, not a verdict.`,
  map: `The argument map: the support graph of each document as a flowchart, grounds below what
they ground. A node a marker (claim box, evidence parallelogram, hypothesis hexagon,
assumption trapezium, indicator rounded), an edge a for (nesting counts as for), an against
(red), an assumption a judgment rests on (dotted) or what an indicator not yet observed would
do (dotted, "if observed"). Unsupported claims are dashed red and say so. GitHub, Quarto and
Pandoc filters render Mermaid; Graphviz renders dot (dot -Tsvg).`,
};

const TABLE_FORMATS_HELP = `  -f, --format text|markdown|json   how to print the view (default: text)
                                      text      a block per row, for a terminal
                                      markdown  a section per document, GFM tables
                                      json      {"view","documents":[{"path",…rows}]}`;

/** How each view's formats (and its own options) are told in its help. */
const FORMAT_HELP: Readonly<Record<ViewName, string>> = {
  assumptions: TABLE_FORMATS_HELP,
  indicators: TABLE_FORMATS_HELP,
  sources: TABLE_FORMATS_HELP,
  matrix: `  -f, --format text|markdown|json|html
                                    how to print the matrix (default: text)
                                      text      a grid per document, at most 100 columns wide
                                      markdown  a section per document, GFM tables
                                      json      {"view","documents":[{"path","hypotheses",
                                                "rows","notObserved",…,"scoring"}]}
                                      html      one standalone page (no scripts, nothing
                                                fetched, light or dark as the system is)
      --order diagnosticity|document
                                    the rows: the most discriminating first (default), or
                                    in the order of the document`,
  map: `  -f, --format mermaid|dot          how to print the map (default: mermaid)
                                      mermaid   a Mermaid flowchart
                                      dot       a Graphviz digraph`,
};

export function viewHelp(view: ViewName): string {
  return `Usage: tradecraft ${view} [options] [PATHS...]

${VIEW_HELP[view]}

Reads each Markdown file named, and every *.md file below each folder named (node_modules and
hidden folders are skipped); without PATHS, the current folder. A document that uses no markers
has an empty view.

Options:
${FORMAT_HELP[view]}
  -b, --bibliography FILE           a bibliography file (.bib, .json, .yaml) for every document
                                    (repeatable), as for check
  -w, --workspace DIR               the folder whose files documents may name (default: the
                                    current folder), as for check
      --standards STANDARD          icd203, phia or none, as for check; the view is the same
                                    whatever the standard
  -c, --config FILE                 the project configuration (default: the nearest
      --no-config                   .tradecraft.yaml), or none, as for check
  -h, --help                        show this help

Exit status: 0 when every document was read, 2 when a path or file could not be read or the
command line is wrong.
`;
}
