import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summaryStatus } from '../../client/src/summaryText.js';
import type { DocumentSummary } from '../../server/src/protocol.js';

const NONE: DocumentSummary = {
  claims: { count: 0, unsupported: 0 },
  evidence: { count: 0, unsourced: 0 },
  hypotheses: { count: 0, untested: 0 },
  assumptions: { count: 0, unsupported: 0 },
  indicators: { count: 0, observed: 0 },
};

describe('the status bar\'s words for a document summary', () => {
  it('names the claims and hypotheses with what needs work, evidence only in the tooltip', () => {
    const status = summaryStatus({ ...NONE, claims: { count: 12, unsupported: 1 }, evidence: { count: 7, unsourced: 0 }, hypotheses: { count: 3, untested: 1 } });
    assert.equal(status?.text, '$(warning) 12 claims · 1 unsupported · 3 hypotheses · 1 untested');
    assert.equal(status?.tooltip, 'Tradecraft: click to open the Problems view\nClaims: 12, 1 unsupported\nEvidence: 7\nHypotheses: 3, 1 untested');
  });

  it('says nothing of work when nothing needs it, and counts one of a kind in the singular', () => {
    const status = summaryStatus({ ...NONE, claims: { count: 1, unsupported: 0 }, hypotheses: { count: 1, untested: 0 } });
    assert.equal(status?.text, '$(check) 1 claim · 1 hypothesis');
  });

  it('adds the unsupported assumptions of a v1.3 document, and keeps its indicators for the tooltip', () => {
    const status = summaryStatus({ ...NONE, claims: { count: 2, unsupported: 0 }, assumptions: { count: 2, unsupported: 1 }, indicators: { count: 4, observed: 1 } });
    assert.equal(status?.text, '$(warning) 2 claims · 1 unsupported assumption');
    assert.match(status!.tooltip, /\nAssumptions: 2, 1 marked unsupported\nIndicators: 4, 1 observed$/);
    assert.equal(summaryStatus({ ...NONE, claims: { count: 2, unsupported: 0 }, assumptions: { count: 2, unsupported: 0 } })?.text, '$(check) 2 claims');
  });

  it('names a document without claims or hypotheses by its other markers', () => {
    assert.equal(summaryStatus({ ...NONE, assumptions: { count: 2, unsupported: 1 }, indicators: { count: 1, observed: 1 } })?.text, '$(warning) 2 assumptions · 1 unsupported · 1 indicator');
    assert.equal(summaryStatus({ ...NONE, evidence: { count: 2, unsourced: 1 } })?.text, '$(warning) 2 evidence · 1 unsourced');
  });

  it('hides the item for a document without markers', () => {
    assert.equal(summaryStatus(NONE), undefined);
  });
});
