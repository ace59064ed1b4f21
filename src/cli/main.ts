#!/usr/bin/env node
// The command line from tsc's output (dist/src/cli/main.js). The installed `bin` is bin.ts, bundled.
import { runMain } from './run.js';

await runMain();
