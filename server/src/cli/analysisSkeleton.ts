/**
 * The analysis that `tradecraft new` writes and the `tradecraft-analysis` snippet inserts (the
 * snippet of `snippets/markdown.json` is checked against it): a question, a bottom line drawn
 * from two hypotheses, evidence for and against them, every piece cited, and an indicator to
 * watch for each hypothesis. It checks clean, so a
 * newcomer starts from a working analysis and sees each diagnostic appear as they change it.
 */
export const ANALYSIS_SKELETON = `---
title: "Will the new export controls change Country X's policy?"
sources:
  trade-office-2026:
    title: Foreign trade statistics, first half of 2026
    publisher: National trade office of Country X
    url: https://example.org/trade-statistics
  press-briefing:
    title: Briefing by the Minister of the Economy
    publisher: Ministry of the Economy of Country X
    url: https://example.org/briefing
---

# Will the new export controls change Country X's policy?

Write the question the analysis answers, then the bottom line first. Each marker holds a piece
of the argument: a claim must be backed, evidence must cite a source, and every hypothesis
should be weighed by evidence for or against it. Run \`tradecraft check\` (the editor checks as
you type) to see what a judgment still lacks.

## Bottom line

::claim[Country X will probably keep its policy for the next year: its exporters are already finding other buyers]{#c-bottom-line confidence=moderate from=h-adapts,h-yields}

## Hypotheses

::hypothesis[Country X adapts: it sells to other markets and keeps its policy]{#h-adapts status=favored}

::hypothesis[Country X yields: the lost trade costs too much and it changes course]{#h-yields status=open}

## Evidence

::evidence[Exports to the markets under control fell by a third, while exports to other markets rose by about as much [@trade-office-2026]]{#e-redirected for=h-adapts against=h-yields}

::evidence[The minister called the losses "painful" and asked for talks [@press-briefing]]{#e-costs for=h-yields}

## What to watch

::indicator[Exporters sign long-term contracts with buyers in other markets]{#i-contracts for=h-adapts status=watch}

::indicator[Country X sends a delegation to negotiate an easing of the controls]{#i-talks for=h-yields status=watch}
`;
