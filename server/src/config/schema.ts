import { STANDARD_CHOICES } from '../language/standards.js';
import { RULES } from '../rules/index.js';
import { CONFIG_FILE_NAME, type ConfigKey } from './projectConfig.js';
import { SEVERITY_SETTINGS } from './severity.js';

const TEXTS = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

/**
 * The JSON schema of `.tradecraft.yaml` that `schemas/tradecraft.schema.json` holds (a test keeps
 * them equal), made from the vocabulary the reader checks against, so that completion in the
 * editor offers what the reader takes.
 */
export function projectConfigSchema(): object {
  const properties: Record<ConfigKey, object> = {
    severity: {
      description: 'The severity of a diagnostic code: error, warning, information, hint or off.',
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(RULES.map((rule) => [rule.code, { description: `${rule.summary} Default: ${rule.defaultSeverity}.`, enum: SEVERITY_SETTINGS }])),
    },
    bibliography: { ...TEXTS, description: 'Bibliography files (.bib, CSL-JSON, CSL-YAML) every document may cite, relative to this file.' },
    include: { ...TEXTS, description: 'The files a folder scan checks: globs relative to the folder scanned.' },
    exclude: { ...TEXTS, description: 'Files and folders a folder scan skips, besides node_modules: globs.' },
    standards: { description: "The standard of analytic writing documents are held to; a document's front matter standards: wins.", enum: STANDARD_CHOICES },
  };
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: `Tradecraft project configuration (${CONFIG_FILE_NAME})`, type: 'object', additionalProperties: false, properties };
}
