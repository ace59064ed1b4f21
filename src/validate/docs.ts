import type { Rule } from './rule.js';

/** The rules' documentation, generated from each rule's own metadata (docs/rules.md). */
export function rulesMarkdown(rules: readonly Rule[]): string {
  const lines = [
    '# Validation rules',
    '',
    'Generated from the rules\' metadata by `npm run docs` (do not edit by hand). Each rule is one file,',
    '`src/validate/<spec>/<name>.ts`, whose code ends in `:<name>`. Codes follow Arelle\'s where one exists.',
    '',
    '| code | severity | needs | what it checks |',
    '|---|---|---|---|',
  ];
  for (const r of [...rules].sort((a, b) => a.code.localeCompare(b.code))) {
    lines.push(`| \`${r.code}\` | ${r.severity} | ${r.needs.join(', ') || '-'} | ${r.docs.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()} |`);
  }
  return `${lines.join('\n')}\n`;
}
