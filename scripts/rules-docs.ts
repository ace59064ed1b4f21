#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/core/paths.js';
import { rulesMarkdown } from '../src/validate/docs.js';
import { allRules } from '../src/validate/rules.js';

const file = join(projectRoot(), 'docs', 'rules.md');
writeFileSync(file, rulesMarkdown(allRules()));
process.stdout.write(`wrote ${file}\n`);
