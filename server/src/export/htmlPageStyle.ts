/**
 * The style of the exported page: readable prose in light and dark colour schemes and on paper;
 * the argument's markers plain until "Show the argument" is ticked, then outlined in their kind's
 * colour with a tag of kind, id and what they support.
 */
export const HTML_PAGE_STYLE = `
:root { color-scheme: light dark; --text: #1f2328; --background: #ffffff; --muted: #59636e; --claim: #0b5cad; --evidence: #1a7f37; --hypothesis: #8250df; --assumption: #9a6700; --indicator: #bc4c00; }
@media (prefers-color-scheme: dark) { :root { --text: #e6edf3; --background: #0d1117; --muted: #9198a1; --claim: #58a6ff; --evidence: #3fb950; --hypothesis: #bc8cff; --assumption: #d29922; --indicator: #f0883e; } }
body { margin: 0 auto; max-width: 44rem; padding: 2rem 1.25rem 4rem; font: 1.05rem/1.6 Georgia, "Times New Roman", serif; color: var(--text); background: var(--background); }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
a { color: var(--claim); }
cite { font-style: italic; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid var(--muted); color: var(--muted); }
table { border-collapse: collapse; } th, td { border: 1px solid var(--muted); padding: 0.25rem 0.5rem; }
.tc-toggle-label { display: inline-block; margin-bottom: 1rem; font: 0.85rem system-ui, sans-serif; color: var(--muted); cursor: pointer; }
.tc-toggle:checked ~ main .tc-marker { --kind: var(--claim); }
.tc-toggle:checked ~ main .tc-evidence { --kind: var(--evidence); }
.tc-toggle:checked ~ main .tc-hypothesis { --kind: var(--hypothesis); }
.tc-toggle:checked ~ main .tc-assumption { --kind: var(--assumption); }
.tc-toggle:checked ~ main .tc-indicator { --kind: var(--indicator); }
.tc-toggle:checked ~ main span.tc-marker { text-decoration: underline 2px var(--kind); text-underline-offset: 0.2em; }
.tc-toggle:checked ~ main span.tc-marker::after { content: attr(data-tc-label); display: inline-block; margin-left: 0.25em; font: 0.7rem system-ui, sans-serif; color: var(--kind); vertical-align: super; }
.tc-toggle:checked ~ main div.tc-marker { border-left: 3px solid var(--kind); padding-left: 0.75rem; }
.tc-toggle:checked ~ main div.tc-marker::before { content: attr(data-tc-label); display: block; font: 0.75rem system-ui, sans-serif; color: var(--kind); }
@media print { .tc-toggle, .tc-toggle-label { display: none; } body { max-width: none; color: #000; background: #fff; } a { color: inherit; } }
`;
