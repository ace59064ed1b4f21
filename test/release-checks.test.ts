import { describe, expect, it } from 'vitest';
import { edit, exampleText } from './support/example.js';
import { checkRelease as check } from './support/release-checks.js';

const at = (findings: ReturnType<typeof check>, code: string, line: number) => findings.filter((f) => f.code === code && f.line === line);

describe('release cross-checks', () => {
  it('find in the example only its figures adjusted to foot (info), no mismatch', () => {
    const findings = check(exampleText());
    expect(findings.filter((f) => f.code !== 'release:adjustedToFoot')).toEqual([]);
    expect(findings.every((f) => f.severity === 'info')).toBe(true);
    expect(findings).toHaveLength(22);
  });

  // Each rule: the example's figure is silent (valid), the same figure edited is reported (invalid).
  it.each([
    ['release:totalMismatch', '<b>19,561,770</b>', '<b>19,661,770</b>', 418, /AssetsCurrent for 2004-09-30 in JPY is printed as 19,661,770 .* its 5 parts add up to 19561770000/],
    ['release:percentOfTotalMismatch', '2,832,355\t27.0%', '2,832,355\t29.0%', 370, /printed as 29\.0% .* is 26\.9432%, which rounds to 26\.9%: the printed figure is off by 21 units of its last digit\. Its column does not foot with 29\.0% and would not with 26\.9%: ConnectivityAndValueAddedServicesRevenuePercentOfTotalRevenues 52\.4% \(line 374\) is the total of 4 items that add up to 54\.4% with 29\.0% and to 52\.3% with 26\.9%\.$/],
    ['release:percentChangeMismatch', '<b>Equipment Sales</b>\t<b>1,167</b>\t999\t16.8%', '<b>Equipment Sales</b>\t<b>1,167</b>\t999\t18.6%', 88, /EquipmentSalesRevenuePercentChangeFromPriorYear .* printed as 18\.6% .* from 998,621 .* to 1,166,569 .* is 16\.8180%, which rounds to 16\.8%: the printed figure is off by 18 units of its last digit\. Allowing for the rounding of the figures it is computed from, it lies between 16\.8179% and 16\.8181%\. It takes part in no sum\.$/],
    ['release:convenienceTranslationMismatch', 'Inventories\t2,379', 'Inventories\t2,397', 415, /Inventories for 2004-09-30 in USD is printed as 2,397 .* 262,180 JPY .* at JPY 110\.20 = 1 USD is 2,379\.129, which rounds to 2,379: the printed figure is off by 18 units/],
    ['release:perAdsMismatch', '(3.56)', '(3.57)', 395, /BasicNetIncomeLossPerAdsEquivalent .* printed as \(3\.57\) .* divided by 2000 ADSs per share is \(3\.55850\), which rounds to \(3\.56\): the printed figure is off by 1 unit of its last digit\. Allowing for the rounding of the figures it is computed from, it lies between \(3\.55825\) and \(3\.55875\)\. It takes part in no sum\.$/],
    ['release:adjustedToFoot', /Inventories\t2,379(.*\n.*\n.*\n)<b>Total current assets<\/b>\t<b>177,511<\/b>/, 'Inventories\t2,380$1<b>Total current assets</b>\t<b>177,512</b>', 415, /Inventories .* printed as 2,380 .* is 2,379\.129, which rounds to 2,379: the printed figure is off by 1 unit of its last digit\. Allowing for the rounding of the figures it is computed from, it lies between 2,379\.124 and 2,379\.133\. Its column foots with 2,380 and would not with 2,379: AssetsCurrent 177,512 \(line 418\) is the total of 5 items that add up to 177,512 with 2,380 and to 177,511 with 2,379\.$/],
  ])('%s: silent on the example\'s figure, and reports it edited with both figures, the quotient and the footing', (code, from, to, line, message) => {
    expect(at(check(exampleText()), code, line)).toEqual([]);
    const findings = at(check(edit(exampleText(), from, to)), code, line);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(message);
  });

  it('accepts a percentage computed from the unrounded figures although the rounded millions give another', () => {
    // Adjusted EBITDA +909.0%: 1,275 / 126 millions gives 911.9%, but 1,274.5 / 126.5 gives 907.5%: consistent.
    expect(exampleText()).toContain('<b>Adjusted EBITDA<sup>8</sup></b>\t<b>1,275</b>\t126\t909.0%');
    expect(check(exampleText()).filter((f) => f.code === 'release:percentChangeMismatch')).toEqual([]);
  });

  it('takes a derived figure as ±½ unit: one a rounding of the millions allows is silent, one beyond is reported', () => {
    // Adjusted EBITDA 884 → 1,275 millions, printed only in millions: 44.23% from the printed figures, but between
    // 44.09% and 44.37% from what they round. 44.4% (44.35..44.45) overlaps; 44.5% (44.45..44.55) does not.
    const row = '<b>Adjusted EBITDA<sup>8</sup></b>\t<b>1,275</b>\t126\t909.0%\t884\t';
    expect(at(check(edit(exampleText(), `${row}44.3%`, `${row}44.4%`)), 'release:percentChangeMismatch', 277)).toEqual([]);
    const [finding] = at(check(edit(exampleText(), `${row}44.3%`, `${row}44.5%`)), 'release:percentChangeMismatch', 277);
    expect(finding?.message).toMatch(/printed as 44\.5% .* is 44\.2308%, which rounds to 44\.4%: the printed figure is off by 1 unit of its last digit\. Allowing for the rounding of the figures it is computed from, it lies between 44\.0927% and 44\.3690%\. It takes part in no sum\.$/);
  });

  it('a figure off by one whose column foots only with the correct figure is a slip: the mismatch code', () => {
    // Inventories 2,380 alone: current assets (177,511) add up with 2,379, the correct figure, not with 2,380.
    const findings = check(edit(exampleText(), 'Inventories\t2,379', 'Inventories\t2,380'));
    expect(at(findings, 'release:adjustedToFoot', 415)).toEqual([]);
    expect(at(findings, 'release:convenienceTranslationMismatch', 415)[0]?.message).toMatch(/off by 1 unit .* Its column does not foot with 2,380 and would with 2,379: AssetsCurrent 177,511 \(line 418\) is the total of 5 items that add up to 177,512 with 2,380 and to 177,511 with 2,379\.$/);
    // And current assets, adjusted to foot before, no longer foot: 177,511 is now reported as off by one.
    expect(at(findings, 'release:convenienceTranslationMismatch', 418)[0]?.message).toMatch(/printed as 177,511 .* Its column does not foot with 177,511 and would not with 177,512: .* its own 5 items add up to 177,512\.$/);
    expect(findings.filter((f) => f.severity !== 'info').map((f) => f.line)).toEqual([415, 418]);
  });

  it('a figure correctly rounded is silent even where its column then does not foot', () => {
    // Dial-up 6,714 (adjusted) printed as 6,715 = round(739,957 / 110.20): the connectivity column adds up to 49,983.
    const findings = check(edit(exampleText(), 'Dial-up access services\t6,714', 'Dial-up access services\t6,715'));
    expect(findings.filter((f) => f.line === 371 || f.line === 374)).toEqual([]);
    expect(findings.filter((f) => f.code !== 'release:adjustedToFoot')).toEqual([]);
    expect(findings).toHaveLength(21);
  });
});
