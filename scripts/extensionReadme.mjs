// Writes the extension's page, dist/README.md, from client/README.md. The Extensions view shows a
// README's images only from https: addresses (VS Code's sanitizer drops data: and relative ones,
// and vsce would rewrite relative ones to the repository's address, which does not exist), so each
// screenshot is replaced by its description in the page; the screenshots themselves are shown by
// the extension's walkthrough, which may read images packaged with it. vsce then packages the page
// with --no-rewrite-relative-links. Usage: node scripts/extensionReadme.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const source = new URL('../client/README.md', import.meta.url);
const target = new URL('../dist/README.md', import.meta.url);
const IMAGE = /!\[([^\]]*)\]\(([^)\s]+)\)/g;

const page = readFileSync(source, 'utf8').replace(IMAGE, (_, description) => `*${description}*`);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, page);
