/**
 * The editor's languages of the documents Tradecraft checks: Markdown, and Quarto and R Markdown
 * as their VS Code extensions name them (`quarto`, `rmd`). `package.json` activates on each and
 * shows the commands for each (test/client/documentLanguages.test.ts keeps them in step).
 */
export const DOCUMENT_LANGUAGES = ['markdown', 'quarto', 'rmd'] as const;

export function isDocumentLanguage(languageId: string): boolean {
  return (DOCUMENT_LANGUAGES as readonly string[]).includes(languageId);
}
