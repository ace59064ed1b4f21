#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import { rulesMarkdown } from './docs.js';
import { allRules } from './rules/index.js';

const file = join(projectRoot(), 'docs', 'rules.md');
writeFileSync(file, rulesMarkdown(allRules()));
process.stdout.write(`wrote ${file}\n`);
