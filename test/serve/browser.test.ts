/**
 * The review page in a real browser: playwright-core driving Debian's Chromium (`apt-get install chromium`, as
 * .ci/run does; the test skips when there is none — set KESSAN_CHROMIUM to use another). It loads the example,
 * sees its 695 facts and two inconsistent printings, clicks a figure and sees its concept; shows kessan's own
 * Inline XBRL of it without running its scripts or fetching anything. A screenshot per view is kept in
 * test/output/serve/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertDocument } from '../../src/app/convert.js';
import type { Service } from '../../src/app/serve/server.js';
import { EXAMPLE, PROFILE, ROOT, SHARED } from '../support/example.js';
import { startService } from '../support/serve.js';

const CHROMIUM = process.env.KESSAN_CHROMIUM ?? '/usr/bin/chromium';
const OUTPUT = join(ROOT, 'test', 'output', 'serve');
const SONY = join(SHARED, 'corpus', 'edinet-sony-yuho-2018-03', 'PublicDoc');
/** The flags the machine notes give: no sandbox as root, and no background connections (the network is closed). */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!existsSync(CHROMIUM))('review page in Chromium', () => {
  let service: Service;
  let browser: Browser;
  let page: Page;
  let base = '';
  /** What the page loaded, and what it tried to load but its policy blocked. */
  const requests: string[] = [];
  const blocked: string[] = [];

  beforeAll(async () => {
    // The page as it is now (what npm run build:web makes).
    buildSync({ entryPoints: [join(ROOT, 'web', 'main.ts')], bundle: true, format: 'esm', minify: true, target: 'es2022', outfile: join(ROOT, 'dist', 'web', 'app.js'), logLevel: 'warning' });
    mkdirSync(OUTPUT, { recursive: true });
    service = await startService();
    base = await service.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('requestfinished', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => (r.failure()?.errorText === 'csp' ? blocked : requests).push(r.url()));
    page.on('pageerror', (e) => requests.push(`pageerror: ${e.message}`));
    page.on('console', (m) => process.env.KESSAN_DEBUG && console.log(`console: ${m.text()}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(OUTPUT, `${name}.png`) });

  it('loads the example in one click: 695 facts, the two inconsistent printings among the findings', async () => {
    await page.goto(base);
    await page.click('#example');
    await page.waitForSelector('body[data-state=shown]');
    expect(await page.textContent('#status')).toContain('695 facts');
    expect(await page.textContent('#status')).toContain('839 table figures: 839 tagged, 0 reported');
    expect(await page.locator('#findings-table tbody tr[data-code="release:inconsistentPrintings"]').count()).toBe(2);
    await shot('findings');
    await page.selectOption('#severity', 'inconsistency');
    expect(await page.locator('#findings-table tbody tr').count()).toBe(1);
    await page.selectOption('#severity', '');
    await page.fill('#finding-filter', 'inconsistentPrintings');
    expect(await page.locator('#findings-table tbody tr').count()).toBe(2);
  }, 60_000);

  it('lists the facts with labels, filtered by concept and by period', async () => {
    await page.click('button[data-tab=facts]');
    expect(await page.textContent('#facts-shown')).toBe('695 facts');
    await page.fill('#concept-filter', 'total revenues');
    const shown = await page.textContent('#facts-shown');
    expect(shown).toMatch(/^\d+ facts? of 695$/);
    expect(await page.locator('#facts-table tbody tr').first().textContent()).toContain('iij:Revenues');
    await page.fill('#concept-filter', '');
    await page.selectOption('#period-filter', '2004-07-01..2004-09-30');
    expect(await page.textContent('#facts-shown')).toMatch(/ of 695$/);
    await shot('facts');
    await page.selectOption('#period-filter', '');
  }, 60_000);

  it('shows the release with its figures highlighted; clicking one shows its concept, label, period, unit and decimals', async () => {
    await page.click('button[data-tab=document]');
    expect(await page.locator('#document-view pre mark.fact').count()).toBeGreaterThanOrEqual(839);
    // Every figure of the example is tagged: none is marked otherwise (the cross-checks' notes are not figures left out).
    expect(await page.locator('#document-view pre mark.untagged').count()).toBe(0);
    await page.click('mark[data-fact=f1]');
    expect(await page.textContent('#detail h3')).toBe('iij:Revenues');
    expect(await page.textContent('#detail dd[data-field=label]')).toBe('Total revenues');
    expect(await page.textContent('#detail dd[data-field=period]')).toBe('2004-04-01..2004-09-30');
    expect(await page.textContent('#detail dd[data-field=unit]')).toBe('iso4217:JPY');
    expect(await page.textContent('#detail dd[data-field=decimals]')).toBe('-6 (millions)');
    await shot('document');
    // A figure with a finding about it shows the finding.
    await page.click('button[data-tab=findings]');
    await page.click('#findings-table tbody tr[data-code="release:inconsistentPrintings"] >> nth=0');
    expect(await page.getAttribute('button[data-tab=document]', 'aria-selected')).toBe('true');
    await page.hover('#L322 mark.finding');
    expect(await page.textContent('#detail')).toContain('release:inconsistentPrintings');
    await shot('document-finding');
  }, 60_000);

  it('marks the figures of a release that were reported instead of tagged', async () => {
    await page.setInputFiles('#pick', [join(ROOT, 'test', 'hostile', 'files', 'release-proto-rows.txt'), PROFILE]);
    await page.waitForFunction(() => document.body.dataset.state === 'shown' && document.querySelector('#status')?.textContent?.startsWith('release-proto-rows.txt'));
    await page.click('button[data-tab=document]');
    const untagged = page.locator('#document-view pre mark.untagged');
    expect(await untagged.count()).toBeGreaterThan(0);
    await untagged.first().click();
    expect(await page.textContent('#detail')).toContain('release:unknownRow');
    await shot('untagged');
  }, 60_000);

  it("shows kessan's own Inline XBRL of the example without running its scripts; clicking a fact shows its concept", async () => {
    const text = String((await convertDocument(EXAMPLE, join(ROOT, 'out', 'iij.html'), 'ixbrl')).files[0]!.data);
    // A script and an image from elsewhere, which must neither run nor load.
    const hostile = text.replace('<body>', '<body><script>parent.document.title = "script ran";</script><img src="http://example.invalid/x.png" alt=""/>');
    expect(hostile).not.toBe(text);
    const file = join(OUTPUT, 'iij-with-script.html');
    writeFileSync(file, hostile);
    await page.setInputFiles('#pick', file);
    await page.waitForFunction(() => document.body.dataset.state === 'shown' && document.querySelector('#status')?.textContent?.startsWith('iij-with-script.html'));
    expect(await page.textContent('#status')).toContain('840 facts');
    await page.click('button[data-tab=document]');
    await page.waitForSelector('iframe[data-ready=true]');
    const frame = page.frameLocator('#document-view iframe');
    await frame.locator('[data-kessan-fact]:visible').first().click();
    expect(await page.textContent('#detail h3')).toBe('iij:Revenues');
    await shot('ixbrl');
    expect(await page.title()).toBe('kessan review');
    // From the facts tab to the figure in the document.
    await page.click('button[data-tab=facts]');
    await page.fill('#concept-filter', 'CostOfRevenue');
    await page.click('#facts-table tbody tr >> nth=0');
    expect(await page.textContent('#detail h3')).toBe('iij:CostOfRevenue');
    expect(await frame.locator('[data-kessan-selected]').count()).toBe(1);
  }, 60_000);

  it.skipIf(!existsSync(SONY))('shows an Inline XBRL document set one document at a time, switching to the one a fact is in', async () => {
    await page.setInputFiles('#pick', readdirSync(SONY).map((n) => join(SONY, n)));
    await page.waitForFunction(() => document.body.dataset.state === 'shown' && document.querySelector('#status')?.textContent?.includes('jpcrp030000'), undefined, { timeout: 60_000 });
    expect(await page.locator('#document-choice option').count()).toBe(10);
    await page.click('button[data-tab=facts]');
    // The last fact is in a later document of the set than the first.
    const rows = page.locator('#facts-table tbody tr');
    await rows.nth((await rows.count()) - 1).click();
    await page.waitForSelector('#document-view iframe[data-ready=true]');
    expect(Number(await page.inputValue('#document-choice'))).toBeGreaterThan(0);
    expect(await page.locator('#document-view iframe').contentFrame().locator('[data-kessan-selected]').count()).toBe(1);
    await shot('ixbrl-set');
  }, 120_000);

  it('sent nothing anywhere but this server: the uploaded document\'s image was blocked by the page\'s policy', () => {
    const elsewhere = requests.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    expect(blocked).toEqual(['http://example.invalid/x.png']);
    expect(existsSync(join(OUTPUT, 'document.png')) && readFileSync(join(OUTPUT, 'document.png')).length > 10_000).toBe(true);
  });
});
