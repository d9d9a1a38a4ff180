/**
 * The diagnostics publisher in process, with fakes around it: what it publishes when an analysis
 * fails or is given up. (The core should never throw; the server must stay truthful if it does.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Superseded } from '../../server/src/lsp/analyses.js';
import { DiagnosticsPublisher } from '../../server/src/lsp/diagnosticsPublisher.js';
import type { Diagnostic } from '../../server/src/types.js';

const URI = 'file:///workspace/analysis.md';
const FOUND: Diagnostic = { code: 'unsupported-claim', severity: 'warning', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, message: 'A claim cites no source.' };

/** A publisher over one document whose analysis does what `analyze` says. */
function publisherOf(analyze: () => Promise<unknown>) {
  let document = TextDocument.create(URI, 'markdown', 1, ':claim[x]{#c1}\n');
  const published: PublishDiagnosticsParams[] = [];
  const errors: unknown[] = [];
  let wake = () => {};
  const connection = {
    async sendDiagnostics(params: PublishDiagnosticsParams) {
      published.push(params);
      wake();
    },
  };
  const documents = { get: (uri: string) => (uri === URI ? document : undefined), all: () => [document] };
  const state = { settings: { diagnosticsDelay: 0 }, service: { computeDiagnostics: () => [FOUND] } };
  const workspaces = { folderOf: () => ({}), stateOf: async () => state, isChecked: async () => true };
  const publisher = new DiagnosticsPublisher(connection as never, documents as never, { latest: analyze } as never, workspaces as never, (error) => errors.push(error));
  return {
    published,
    errors,
    /** Edits the document, schedules its diagnostics and waits until they are sent, or for `ms`. */
    async edit(text: string, ms = 2000): Promise<PublishDiagnosticsParams | undefined> {
      document = TextDocument.update(document, [{ text }], document.version + 1);
      const before = published.length;
      const sent = new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, ms);
      });
      await publisher.schedule(URI);
      await sent;
      return published.length > before ? published.at(-1) : undefined;
    },
  };
}

describe('the diagnostics publisher', () => {
  it('publishes, for a version whose analysis throws, one diagnostic that says so, and logs the error', async () => {
    let fail = false;
    const { edit, errors } = publisherOf(async () => {
      if (fail) throw new RangeError('Maximum call stack size exceeded');
      return {};
    });
    assert.deepEqual((await edit(':claim[y]{#c1}\n'))?.diagnostics.map((d) => d.code), ['unsupported-claim']);
    fail = true;
    const failed = await edit(`${'*'.repeat(8000)}x${'*'.repeat(8000)}\n`);
    assert.equal(failed?.version, 3);
    assert.deepEqual(failed?.diagnostics.map(({ range, severity, source, code }) => ({ range, severity, source, code })), [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'tradecraft', code: undefined },
    ], 'the previous diagnostics are not left as current');
    assert.match(failed!.diagnostics[0]!.message as string, /^Tradecraft could not check this version of the document \(Maximum call stack size exceeded\).*Tradecraft output/);
    assert.ok(errors.some((error) => error instanceof RangeError), 'the error is logged');
  });

  it('publishes nothing for an analysis given up because the text changed', async () => {
    const { edit, errors } = publisherOf(async () => {
      throw new Superseded(URI);
    });
    assert.equal(await edit('changed\n', 200), undefined);
    assert.deepEqual(errors, []);
  });
});
