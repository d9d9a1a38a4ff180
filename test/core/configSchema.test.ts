import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CONFIG_KEYS } from '../../server/src/config/projectConfig.js';
import { projectConfigSchema } from '../../server/src/config/schema.js';
import { STANDARD_CHOICES } from '../../server/src/language/standards.js';
import { CODES } from '../../server/src/types.js';

const REPO = new URL('../../../', import.meta.url);

interface Schema {
  properties: Record<string, { enum?: string[]; properties?: Record<string, { enum: string[] }> }>;
}

describe('the JSON schema of .tradecraft.yaml', () => {
  const shipped = JSON.parse(readFileSync(new URL('schemas/tradecraft.schema.json', REPO), 'utf8')) as Schema;

  it('is the one the core makes from its vocabulary (else run npm run build && node scripts/configSchema.mjs)', () => {
    assert.deepEqual(shipped, projectConfigSchema());
  });

  it('takes the keys, codes, severities and standards the reader takes', () => {
    assert.deepEqual(Object.keys(shipped.properties), [...CONFIG_KEYS]);
    assert.deepEqual(Object.keys(shipped.properties['severity']!.properties!), [...CODES]);
    assert.deepEqual(shipped.properties['severity']!.properties!['unused-source']!.enum, ['error', 'warning', 'information', 'hint', 'off']);
    assert.deepEqual(shipped.properties['standards']!.enum, [...STANDARD_CHOICES]);
  });

  it('is contributed for .tradecraft.yaml', () => {
    const manifest = JSON.parse(readFileSync(new URL('package.json', REPO), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string; url: string }[] } };
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: '.tradecraft.yaml', url: './schemas/tradecraft.schema.json' }]);
  });
});
