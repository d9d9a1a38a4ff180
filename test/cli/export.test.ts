/** `tradecraft export`: the real command line on files of a temporary folder. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { assertNoCrash, lines, runCli, TempDir } from './cliHarness.js';

const SOURCED = lines(
  '---',
  'title: A desk note',
  'bibliography: refs.bib',
  'sources:',
  '  web: https://example.org/report',
  '---',
  '',
  ':claim[Kyiv moved early [@web] [@fromBib]]{#c1}',
  '',
);
const BROKEN = ':claim[Kyiv moved [@nowhere]]{#c1}\n';

describe('tradecraft export', () => {
  const dir = new TempDir('tradecraft-export-');
  dir.write('notes/refs.bib', '@misc{fromBib, title={From the library}}\n');
  dir.write('notes/note.md', SOURCED);
  dir.write('broken.md', BROKEN);
  after(() => dir.remove());

  it('writes the document for Pandoc on stdout, the bibliography named by its absolute path', async () => {
    const result = await runCli(['export', 'notes/note.md'], dir.root);
    assertNoCrash(result);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /\n\[Kyiv moved early \[@web\] \[@fromBib\]\]\{#c1 \.claim\}\n$/);
    assert.ok(result.stdout.includes(`bibliography:\n  - ${dir.path('notes/refs.bib')}\n`), result.stdout);
    assert.match(result.stdout, /references:\n {2}- id: web\n {4}type: webpage\n {4}URL: https:\/\/example\.org\/report\n/);
  });

  it('writes -o OUT and the sources beside it as CSL-JSON, and overwrites them only with --force', async () => {
    const result = await runCli(['export', 'notes/note.md', '-o', 'out/brief.md'], dir.root);
    assert.equal(result.status, 2, 'the folder of OUT does not exist');
    assert.match(result.stderr, /^tradecraft: cannot write .*out\/brief\.md/);
    dir.mkdir('out');
    assert.equal((await runCli(['export', 'notes/note.md', '-o', 'out/brief.md'], dir.root)).status, 0);
    const json = JSON.parse(readFileSync(dir.path('out/brief.references.json'), 'utf8'));
    assert.deepEqual(json, [{ id: 'web', type: 'webpage', URL: 'https://example.org/report' }]);
    assert.ok(readFileSync(dir.path('out/brief.md'), 'utf8').includes(`bibliography:\n  - ${dir.path('out/brief.references.json')}\n  - ${dir.path('notes/refs.bib')}\n`));
    const again = await runCli(['export', 'notes/note.md', '-o', 'out/brief.md'], dir.root);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /out\/brief\.md exists: give --force to overwrite it/);
    assert.equal((await runCli(['export', 'notes/note.md', '-o', 'out/brief.md', '--force'], dir.root)).status, 0);
  });

  it('stops at error-level diagnostics with exit 1 and them on stderr, unless --force', async () => {
    const stopped = await runCli(['export', 'broken.md'], dir.root);
    assert.equal(stopped.status, 1);
    assert.equal(stopped.stdout, '');
    assert.match(stopped.stderr, /^broken\.md:1:20: error unknown-source .*\ntradecraft: broken\.md has an error: fix it, or give --force/);
    const forced = await runCli(['export', 'broken.md', '--force'], dir.root);
    assert.equal(forced.status, 0);
    assert.equal(forced.stdout, '[Kyiv moved [@nowhere]]{#c1 .claim}\n');
  });

  it('writes plain Markdown with --to markdown, citations linked with --cite-links', async () => {
    const plain = await runCli(['export', '--to', 'markdown', 'notes/note.md'], dir.root);
    assert.match(plain.stdout, /\nKyiv moved early \[@web\] \[@fromBib\]\n$/);
    const linked = await runCli(['export', '--to', 'markdown', '--cite-links', 'notes/note.md'], dir.root);
    assert.match(linked.stdout, /\nKyiv moved early \(\[web\]\(<https:\/\/example\.org\/report>\)\) \(fromBib\)\n$/);
  });

  it('writes one standalone HTML page with --to html', async () => {
    const result = await runCli(['export', '--to', 'html', 'notes/note.md'], dir.root);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^<!doctype html>\n[^]*<title>A desk note<\/title>[^]*<span class="tc-marker tc-claim" id="c1"[^]*<li id="ref-fromBib"><cite>From the library<\/cite>/);
  });

  it('says what is wrong with its arguments, exit 2, without a stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['export'], /export takes one Markdown file\./],
      [['export', 'a.md', 'b.md'], /export takes one Markdown file, not 2/],
      [['export', '--to', 'docx', 'notes/note.md'], /"docx" is not allowed for --to: use one of pandoc, markdown, html/],
      [['export', '--cite-links', 'notes/note.md'], /--cite-links is an option of --to markdown only/],
      [['export', 'notes'], /notes is a folder: export takes one Markdown file/],
      [['export', 'missing.md'], /missing\.md/],
      [['export', '--format', 'json', 'notes/note.md'], /Unknown option '--format'/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, dir.root);
      assertNoCrash(result);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
    }
    assert.ok(!existsSync(dir.path('notes/note.references.json')));
  });

  it('has a help that names every option, exit 0', async () => {
    const result = await runCli(['export', '--help'], dir.root);
    assert.equal(result.status, 0);
    for (const option of ['--to pandoc', '--to markdown', '--to html', '--cite-links', '--output', '--force', '--bibliography', '--workspace', '--standards']) assert.ok(result.stdout.includes(option), option);
  });
});
