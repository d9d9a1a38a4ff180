import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { createService } from '../../server/src/service.js';
import { DEFAULT_SETTINGS } from '../../server/src/settings.js';
import { MemoryHost, WORKSPACE } from '../support/memoryHost.js';

const LIBRARY = JSON.stringify([{ id: 'shared', title: 'In the file' }, { id: 'filed', title: 'Only in the file' }]);

describe('the source table', () => {
  const service = createService({ host: new MemoryHost({ '/ws/refs.json': LIBRARY }), settings: DEFAULT_SETTINGS });
  const keysOf = async (text: string) => (await service.analyze({ uri: URI.file('/ws/doc.md'), text, workspaceFolder: WORKSPACE })).sources.keys;

  it('lists every key once, the document\'s first', async () => {
    assert.deepEqual(await keysOf('---\nsources:\n  shared: {title: In the document}\n  mine: {title: Mine}\nbibliography: refs.json\n---\n[@shared]'), ['shared', 'mine', 'filed']);
  });

  it('keeps the files\' own list from one version to the next while the document defines no source', async () => {
    const first = await keysOf('---\nbibliography: refs.json\n---\n:claim[One [@shared]]{#c1}');
    const second = await keysOf('---\nbibliography: refs.json\n---\n:claim[Two [@filed]]{#c1}');
    assert.deepEqual(first, ['shared', 'filed']);
    assert.equal(second, first, 'the same list, so that "did you mean" finds its index again');
  });
});
