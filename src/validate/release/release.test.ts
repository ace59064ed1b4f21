import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../formats/release/read/profile.js';
import { profileTaxonomy } from '../../formats/release/read/index.js';
import { edit, exampleText, PROFILE, readExample } from '../../../test/support/example.js';
import { releaseFacts } from '../../app/validate.js';
import { validate } from '../validate.js';
import { releaseRules } from './index.js';

const profile = loadProfile(PROFILE);

function check(text: string) {
  const report = readExample(text);
  return validate({ report, taxonomy: profileTaxonomy(profile), taxonomyIncomplete: false, file: 'release.txt', options: { release: releaseFacts(profile) } }, releaseRules);
}

describe('release cross-checks', () => {
  it('find nothing in the example: its only slips are the two printings the reader reports', () => {
    expect(check(exampleText())).toEqual([]);
  });

  it.each([
    ['release:totalMismatch', '<b>19,561,770</b>', '<b>19,661,770</b>', 418, /AssetsCurrent for 2004-09-30 in JPY is printed as 19,661,770 .* its 5 parts add up to 19561770000/],
    ['release:percentOfTotalMismatch', '2,832,355\t27.0%', '2,832,355\t29.0%', 370, /printed as 29\.0% .* = 26\.94%/],
    ['release:percentChangeMismatch', '<b>Equipment Sales</b>\t<b>1,167</b>\t999\t16.8%', '<b>Equipment Sales</b>\t<b>1,167</b>\t999\t18.6%', 88, /EquipmentSalesRevenuePercentChangeFromPriorYear .* printed as 18\.6% .* is 16\.8/],
    ['release:convenienceTranslationMismatch', 'Inventories\t2,379', 'Inventories\t2,397', 415, /Inventories for 2004-09-30 in USD is printed as 2,397 .* at JPY 110\.20 = 1 USD is 2379/],
    ['release:perAdsMismatch', '(3.56)', '(3.65)', 395, /BasicNetIncomeLossPerAdsEquivalent .* printed as \(3\.65\) .* divided by 2000 ADSs per share is -3\.5585/],
  ])('%s: a changed figure is reported with both figures and where they are', (code, from, to, line, message) => {
    const findings = check(edit(exampleText(), from, to)).filter((f) => f.code === code);
    expect(findings.map((f) => f.line)).toContain(line);
    expect(findings.find((f) => f.line === line)!.message).toMatch(message);
  });

  it('accepts a percentage computed from the unrounded figures although the rounded millions give another', () => {
    // Adjusted EBITDA +909.0%: 1,275 / 126 millions gives 911.9%, but 1,274.5 / 126.5 gives 907.5%: consistent.
    expect(exampleText()).toContain('<b>Adjusted EBITDA<sup>8</sup></b>\t<b>1,275</b>\t126\t909.0%');
    expect(check(exampleText()).filter((f) => f.code === 'release:percentChangeMismatch')).toEqual([]);
  });
});
