import type { Finding } from '../../src/core/model/finding.js';
import { releaseFacts } from '../../src/app/validate.js';
import { profileTaxonomy } from '../../src/formats/release/read/index.js';
import { loadProfile } from '../../src/formats/release/read/profile.js';
import { releaseRules } from '../../src/validate/release/index.js';
import { validate } from '../../src/validate/validate.js';
import { PROFILE, readExample } from './example.js';

/** The release cross-checks' findings on a variant of the example (read with the example's profile). */
export function checkRelease(text: string): Finding[] {
  const profile = loadProfile(PROFILE);
  const report = readExample(text);
  return validate({ report, taxonomy: profileTaxonomy(profile), taxonomyIncomplete: false, file: 'release.txt', options: { release: releaseFacts(profile) } }, releaseRules);
}
