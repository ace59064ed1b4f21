/**
 * The layer rule of docs/architecture.md, checked in CI (`npm run layers`):
 *
 *   cli → app → { validate, formats } → core
 *
 * and the review page (web/), a browser program, takes only the service's API types from src/app/serve/api.ts.
 *
 * Nothing imports against the arrow, validate and formats do not import each other, and no two folders import
 * each other (directly or round about).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-only-core',
      comment: 'core/ is the bottom layer: the fact model, XML, the taxonomy and XBRL knowledge. It imports nothing above it.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'formats-not-above',
      comment: 'A format reads and writes documents with core/ only: never the validator, the use cases or the command line.',
      severity: 'error',
      from: { path: '^src/formats/' },
      to: { path: '^src/(app|cli|validate)/' },
    },
    {
      name: 'formats-build-on-xbrl-only',
      comment:
        'A format is one folder. Formats may build on the XBRL 2.1 instance syntax (formats/xbrl: contexts, units and ' +
        'facts as XML), and the Inline XBRL writer lays out a release (formats/release); anything else two formats ' +
        'share lives in core/.',
      severity: 'error',
      from: { path: '^src/formats/([^/]+)/', pathNot: '^src/formats/ixbrl/write/' },
      to: { path: '^src/formats/', pathNot: ['^src/formats/$1/', '^src/formats/xbrl/'] },
    },
    {
      name: 'ixbrl-writer-lays-out-releases',
      comment: 'The Inline XBRL writer builds on the XBRL 2.1 syntax and lays out a release; no other format.',
      severity: 'error',
      from: { path: '^src/formats/ixbrl/write/' },
      to: { path: '^src/formats/', pathNot: ['^src/formats/(ixbrl|xbrl|release)/'] },
    },
    {
      name: 'xbrl-format-stands-alone',
      comment: 'The XBRL 2.1 format, which the others build on, imports none of them.',
      severity: 'error',
      from: { path: '^src/formats/xbrl/' },
      to: { path: '^src/formats/(?!xbrl/)' },
    },
    {
      name: 'validate-not-above',
      comment: 'The validator checks a Report with core/ only: never a format, the use cases or the command line.',
      severity: 'error',
      from: { path: '^src/validate/' },
      to: { path: '^src/(app|cli|formats)/' },
    },
    {
      name: 'app-not-cli',
      comment: 'The use cases (app/) never import the command line.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'web-shares-types-only',
      comment: 'The review page (web/) is a program for the browser: from src/ it takes the answers\' types (src/app/serve/api.ts) and nothing that runs.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-types-from-api',
      comment: 'The page sees the service through its API types only.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/(?!app/serve/api\\.ts$)' },
    },
    {
      name: 'src-not-web',
      comment: 'The server serves the page\'s built files; it never imports the page\'s code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
    {
      name: 'src-not-tests-or-scripts',
      comment: 'What ships (src/) never imports tests, test helpers, scripts or benchmarks.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(test|scripts|bench)/' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'No two folders depend on each other, directly or round about.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      // A type imported for a signature (a rule's \`Rule\` type, say) is not a dependency that runs.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-module-cycles',
      comment: 'No module depends on itself round about (types imported for signatures aside).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'declared-dependencies-only',
      comment: 'A package src/ imports is a dependency in package.json (not a devDependency, not undeclared).',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['npm-dev', 'npm-no-pkg', 'npm-unknown', 'unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.test\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
