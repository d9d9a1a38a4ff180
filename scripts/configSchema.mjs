#!/usr/bin/env node
// Writes schemas/tradecraft.schema.json, the JSON schema of .tradecraft.yaml, from the compiled
// core (run `npm run build` first); test/core/configSchema.test.ts fails until it is written again
// after the vocabulary changes.
import { writeFileSync } from 'node:fs';
import { projectConfigSchema } from '../out/server/src/config/schema.js';

writeFileSync(new URL('../schemas/tradecraft.schema.json', import.meta.url), `${JSON.stringify(projectConfigSchema(), null, 2)}\n`);
