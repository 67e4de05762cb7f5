/**
 * The headline strip and the one-page brief, in a real browser (Debian's chromium): the
 * strip's figures are the run's own summary figures, its sentence names the structure that
 * closes cases faster, it stacks on a phone; the brief holds the headline figures and the
 * link that reproduces the comparison, and prints to one A4 page. Screenshots go to
 * test-output/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { openPage, root, setField, shots, steps, useApp } from './browser-app.ts';
import { tempDir } from './cli-helpers.ts';
import { stateHash } from '../render/link.ts';
import { paramLabel } from '../render/assumption-labels.ts';
import { rankedFactors } from '../experiments/sensitivity-report.ts';
import type { SensitivityResult } from '../experiments/sensitivity-run.ts';
import shipped from '../docs/sensitivity.json' with { type: 'json' };

useApp();

interface SummaryFigures {
  localResolutionShare: number;
  hoursToCloseAll: { p50: number; p90: number };
  hoursToClose: { mean: number };
  sla: Record<string, number>;
  cost: { perCaseYuan: number };
  trust: { mean: number };
}

/** The strip's cards: title, and per figure its value (data-value) and text. */
function strip(p: Page) {
  return p.locator('fg-headline').evaluate((el) =>
    [...el.shadowRoot!.querySelectorAll('section.structure')].map((s) => ({
      title: s.querySelector('h3')!.textContent!.trim(),
      figures: Object.fromEntries(
        [...s.querySelectorAll('dd')].map((dd) => [
          dd.getAttribute('data-id')!,
          { value: Number(dd.getAttribute('data-value')), text: dd.textContent!.trim() },
        ]),
      ),
    })),
  );
}

/** The runs' summaries as the app fetched them. */
function summaries(p: Page): Promise<SummaryFigures[]> {
  return p.evaluate(() => (document.querySelector('fg-app') as unknown as { sim: { summaries: SummaryFigures[] } }).sim.summaries);
}

const nf = (digits: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const shown = (v: number, unit: 'share' | 'h' | 'yuan') =>
  !Number.isFinite(v)
    ? unit === 'h'
      ? 'not reached'
      : '–'
    : unit === 'share'
      ? `${nf(1).format(v * 100)} %`
      : unit === 'h'
        ? `${nf(1).format(v)} h`
        : `${nf(0).format(v)} yuan`;

function expectSame(a: number, b: number, what: string) {
  if (Number.isNaN(b)) expect(a, what).toBeNaN();
  else expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

describe('the headline strip', () => {
  it('shows the run’s summary figures with units and names the structure that closes cases faster', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await steps(p, 4);
    // After a step the app fetches the summaries: then the strip counts open cases (Kaplan–Meier).
    await expect.poll(async () => (await summaries(p)).length).toBe(2);
    await expect.poll(() => p.locator('fg-headline #head-note').textContent()).toContain('Times to close count open cases');
    const cards = await strip(p);
    const sums = await summaries(p);
    expect(cards.map((c) => c.title)).toEqual(['1. Traditional county', '2. Longgang 2021']);
    // The strip's figures by their catalogue ids: with the summary, times to close count open cases.
    const expected = (s: SummaryFigures): Record<string, [number, 'share' | 'h' | 'yuan']> => ({
      localResolutionShare: [s.localResolutionShare, 'share'],
      'hoursToClose.mean': [s.hoursToClose.mean, 'h'],
      'hoursToCloseAll.p50': [s.hoursToCloseAll.p50, 'h'],
      'hoursToCloseAll.p90': [s.hoursToCloseAll.p90, 'h'],
      'sla.accept30m': [s.sla.accept30m, 'share'],
      'sla.onsite1h': [s.sla.onsite1h, 'share'],
      'sla.close24h': [s.sla.close24h, 'share'],
      'sla.difficult5wd': [s.sla.difficult5wd, 'share'],
      'cost.perCaseYuan': [s.cost.perCaseYuan, 'yuan'],
      'trust.mean': [s.trust.mean, 'share'],
    });
    cards.forEach((card, i) => {
      const want = expected(sums[i]);
      expect(Object.keys(card.figures).sort()).toEqual(Object.keys(want).sort());
      for (const [id, [v, unit]] of Object.entries(want)) {
        expectSame(card.figures[id].value, v, `${card.title} ${id}`);
        expect(card.figures[id].text, `${card.title} ${id}`).toBe(shown(v, unit));
      }
    });
    // What the charts received (the last snapshot) gives the same figures: the strip shows those while the run goes.
    const live = await p.evaluate(() =>
      (document.querySelector('fg-app') as unknown as { sim: { data: { latest(id: string): number }[] } }).sim.data.map((d) =>
        Object.fromEntries(
          [
            'localResolutionShare',
            'trust.mean',
            'cost.perCaseYuan',
            'sla.accept30m',
            'sla.onsite1h',
            'sla.close24h',
            'sla.difficult5wd',
          ].map((id) => [id, d.latest(id)]),
        ),
      ),
    );
    live.forEach((l, i) => {
      for (const [id, v] of Object.entries(l))
        expect(shown(v, id === 'cost.perCaseYuan' ? 'yuan' : 'share'), id).toBe(cards[i].figures[id].text);
    });
    const [a, b] = sums.map((s) => s.hoursToClose.mean);
    const sentence = (await p.locator('fg-headline #head-sentence').textContent())!;
    const faster = a < b ? 'Traditional county' : 'Longgang 2021';
    const slower = a < b ? 'Longgang 2021' : 'Traditional county';
    expect(sentence).toContain(`${faster} closes cases ${nf(1).format(Math.abs(a - b))} h faster on average than ${slower}.`);
    // The sentence names the figure it compares and shows it, as the strip does.
    expect(sentence).toContain(
      `Mean time to close, closed cases: ${cards[0].figures['hoursToClose.mean'].text} in Traditional county, ${cards[1].figures['hoursToClose.mean'].text} in Longgang 2021.`,
    );
    await p.screenshot({ path: path.join(shots, '30-headline-1440.png') });
    // Running on: the figures follow the run (live, from the frames).
    const before = cards[1].figures['trust.mean'].value;
    await steps(p, 2);
    await expect.poll(async () => (await strip(p))[1].figures['trust.mean'].value).not.toBe(before);
    // In Chinese.
    await p.locator('#lang').click();
    await expect.poll(() => p.locator('fg-headline h2').textContent()).toContain('主要指标');
    expect(await p.locator('fg-headline #head-sentence').textContent()).toMatch(/平均办结时长比.+短 [\d.]+ 小时。/);
    await p.screenshot({ path: path.join(shots, '31-headline-zh.png') });
  });

  it('on a phone (390 × 844): the sentence first, the figures on request, stacked without horizontal overflow', async () => {
    const p = await openPage({ width: 390, height: 844 });
    await steps(p, 3);
    await p.locator('fg-headline #head-sentence').waitFor();
    // The sentence first, the figures a tap away: a chart stays on the first screen.
    expect(await p.locator('fg-headline section.structure').first().isVisible()).toBe(false);
    expect((await p.locator('fg-chart').first().boundingBox())!.y).toBeLessThan(844);
    await p.screenshot({ path: path.join(shots, '32-phone-first-screen.png') });
    await p.locator('fg-headline #head-toggle').click();
    await expect.poll(() => p.locator('fg-headline section.structure').first().isVisible()).toBe(true);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const boxes = await p.locator('fg-headline').evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll('section.structure, dd, dt')].map((x) => {
        const r = x.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top };
      }),
    );
    for (const r of boxes) {
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThanOrEqual(390);
    }
    const cards = await p
      .locator('fg-headline')
      .evaluate((el) => [...el.shadowRoot!.querySelectorAll('section.structure')].map((s) => s.getBoundingClientRect().top));
    expect(cards[1]).toBeGreaterThan(cards[0] + 50); // one above the other
    await p.locator('fg-headline').screenshot({ path: path.join(shots, '32-headline-phone.png') });
  });
});

/** Open the brief (a new tab) and wait for it. */
async function openBrief(p: Page): Promise<Page> {
  const [brief] = await Promise.all([p.context().waitForEvent('page'), p.locator('#brief').click()]);
  await brief.waitForLoadState();
  return brief;
}

/** The text of a PDF, its pages joined. */
async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  return (await extractText(doc, { mergePages: true })).text;
}

/** Pages and page size of a PDF, from its page objects. */
function pdfPages(pdf: Buffer): { pages: number; sizes: string[] } {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
    (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
  );
  return { pages, sizes };
}

describe('the brief', () => {
  it('holds the question, the headline figures, two charts, assumptions, sources and the link that reproduces it, on one A4 page', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await steps(p, 5);
    await expect.poll(() => p.locator('fg-headline #head-note').textContent()).toContain('Times to close count open cases');
    const cards = await strip(p);
    const brief = await openBrief(p);
    const html = await brief.content();
    expect(html).toContain('Traditional county and Longgang 2021');
    expect(await brief.locator('#question').textContent()).toBe(
      'How do Traditional county and Longgang 2021 compare when they face the same residents’ problems? Simulated 5 of 365 days, seed 1.',
    );
    // Every figure of the strip, in the table under its structure.
    const table = await brief
      .locator('table.figures')
      .evaluate((tb) =>
        [...tb.querySelectorAll('tr')]
          .slice(1)
          .map((tr) => [...tr.querySelectorAll('td')].map((td) => `${td.getAttribute('data-metric')}=${td.textContent}`)),
      );
    cards.forEach((card, i) => {
      for (const [id, f] of Object.entries(card.figures)) expect(table.map((row) => row[i])).toContain(`${id}=${f.text}`);
    });
    expect(await brief.locator('#sentence').textContent()).toBe(await p.locator('fg-headline #head-sentence').textContent());
    expect(await brief.locator('svg').count()).toBe(2);
    // The main assumptions in words; what decides the answer is not computed for this pair, and it says so.
    const listed = await brief.locator('.assumptions li .param').allTextContents();
    expect(listed.length).toBe(3);
    for (const l of listed) expect(l).not.toMatch(/[.[\]]/);
    expect(await brief.locator('.decides').count()).toBe(0);
    expect(await brief.locator('#decides-none').textContent()).toContain('has not been computed for this pair');
    expect(await brief.locator('.sources li').count()).toBeGreaterThan(1);
    // The link is the app's share link, and it reproduces the comparison.
    const link = (await brief.locator('#link').getAttribute('href'))!;
    await expect.poll(() => p.evaluate(() => location.href)).toBe(link);
    await brief.screenshot({ path: path.join(shots, '33-brief-screen.png'), fullPage: true });
    await brief.emulateMedia({ media: 'print' });
    const pdf = await brief.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(shots, '34-brief.pdf'), pdf);
    expect(pdfPages(pdf)).toEqual({ pages: 1, sizes: ['595x842'] });
    // The PDF's text holds every headline figure, what decides the answer, and the link that reproduces it.
    const text = await pdfText(pdf);
    for (const card of cards) for (const f of Object.values(card.figures)) expect(text).toContain(f.text);
    expect(text.replace(/\s+/g, '')).toContain(link);
    // Nothing cut, no parameter path, no file name.
    expect(text).not.toContain('…');
    expect(text).not.toMatch(/\b[a-z]+\.[a-z]+[A-Z]\w*|MODEL\.md/);
    // The brief's link opens the same comparison.
    const again = await openPage({ width: 1440, height: 900 }, new URL(link).hash);
    expect(await again.locator('fg-picker').evaluate((el) => el.shadowRoot!.textContent)).toContain('Longgang 2021');
    expect(await again.evaluate(() => location.href)).toBe(link);
  });

  it('gives the headline figures with 95% intervals after replications, and the sentence with its interval', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await setField(p, '#days', '4');
    await p.locator('#tab-replications').click();
    await setField(p, '#reps', '3');
    await p.locator('#run-reps').click();
    await expect.poll(() => p.locator('#reps-table').count(), { timeout: 120_000 }).toBe(1);
    const sentence = (await p.locator('#reps-sentence').textContent())!;
    expect(sentence).toMatch(
      /^(Traditional county|Longgang 2021) closes cases [\d.]+ h faster on average than (Traditional county|Longgang 2021) \(95% CI -?[\d.]+–-?[\d.]+\)/,
    );
    // The faster one is the one with the smaller mean in the table.
    const means = await p.locator('#reps-table tbody tr').evaluateAll((trs) => {
      const tr = trs.find((x) => x.querySelector('th')!.textContent!.startsWith('Mean time to close'))!;
      return [...tr.querySelectorAll('td')].slice(0, 2).map((td) => parseFloat(td.textContent!.replace(/,/g, '')));
    });
    expect(sentence.startsWith(means[0] < means[1] ? 'Traditional county' : 'Longgang 2021')).toBe(true);
    const brief = await openBrief(p);
    expect(await brief.locator('h2').allTextContents()).toContain(
      'Headline figures: mean of 3 replications of 4 days with 95% confidence interval',
    );
    expect(await brief.locator('#sentence').textContent()).toBe(sentence);
    // The charts: the replications' mean, day by day, as there was no single run.
    expect(await brief.locator('svg').count()).toBe(2);
    expect(await brief.locator('body').textContent()).toContain('Charts: mean of the 3 replications, day by day.');
    expect(await brief.locator('table.figures td').first().textContent()).toMatch(/% \(95% CI [\d.]+–[\d.]+\)/);
    await brief.emulateMedia({ media: 'print' });
    expect(pdfPages(await brief.pdf({ preferCSSPageSize: true }))).toEqual({ pages: 1, sizes: ['595x842'] });
    await brief.screenshot({ path: path.join(shots, '35-brief-replications.png'), fullPage: true });
    // Its link opens the replications view of the same comparison.
    expect(new URL((await brief.locator('#link').getAttribute('href'))!).hash).toBe(new URL(await p.evaluate(() => location.href)).hash);
  });

  it('gives one value to each label: the same figure is the same number in the strip, the charts and the brief', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await steps(p, 20);
    await expect.poll(() => p.locator('fg-headline #head-note').textContent()).toContain('Times to close count open cases');
    /** Structure number and label → the values shown under that label, by where they are shown. */
    const seen = new Map<string, Map<string, string>>();
    const note = (structure: number, label: string, value: string, where: string) => {
      const key = `${structure}|${label.trim()}`;
      if (!seen.has(key)) seen.set(key, new Map());
      seen.get(key)!.set(where, value.trim());
    };
    const cards = await strip(p);
    const labels = await p
      .locator('fg-headline')
      .evaluate((el) =>
        [...el.shadowRoot!.querySelectorAll('section.structure')].map((s) =>
          [...s.querySelectorAll('dt')].map((dt) => dt.textContent!.trim()),
        ),
      );
    cards.forEach((c, i) => Object.values(c.figures).forEach((f, k) => note(i, labels[i][k], f.text, 'strip')));
    // The charts' stated figures: "1. Name: Label value; Label value".
    const lines = await p
      .locator('fg-compare')
      .evaluate((el) =>
        [...el.shadowRoot!.querySelectorAll('fg-chart')].flatMap((c) =>
          [...c.shadowRoot!.querySelectorAll('ul.figures li')].map((li) => `${c.getAttribute('chart-id')}|${li.textContent!.trim()}`),
        ),
      );
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const [chart, text] = line.split('|');
      const m = /^(\d+)\. [^:]+: (.*)$/.exec(text)!;
      for (const part of m[2].split('; ')) {
        const v = /^(.*) (-?[\d.,]+ ?(?:h|%|yuan)|not reached|–)$/.exec(part)!;
        note(Number(m[1]) - 1, v[1], v[2], `chart ${chart}`);
      }
    }
    const brief = await openBrief(p);
    const rows = await brief
      .locator('table.figures tr')
      .evaluateAll((trs) =>
        trs.slice(1).map((tr) => [tr.querySelector('th')!.textContent!, ...[...tr.querySelectorAll('td')].map((td) => td.textContent!)]),
      );
    for (const [label, ...cells] of rows) cells.forEach((v, i) => note(i, label, v, 'brief'));
    // One value per label and structure, wherever it is shown.
    for (const [key, where] of seen) expect(new Set(where.values()).size, `${key}: ${JSON.stringify(Object.fromEntries(where))}`).toBe(1);
    // Every figure of the strip is in the brief under its label.
    for (const [key, where] of seen) if (where.has('strip')) expect(where.has('brief'), key).toBe(true);
    // The charts' figures were read: a label of their own where they count other cases (closed ones only).
    const fromCharts = [...seen.values()].filter((w) => [...w.keys()].some((k) => k.startsWith('chart')));
    expect(fromCharts.length).toBeGreaterThanOrEqual(2 * cards.length);
  });

  it('is one sentence before a run', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    const brief = await openBrief(p);
    expect(await brief.locator('#not-yet').textContent()).toContain('No figures yet');
    expect(await brief.locator('table').count()).toBe(0);
  });

  it('gives what decides the answer for its own pair, in words, in Chinese, on one page and at phone width', async () => {
    const hash = await stateHash({
      columns: [
        { preset: 'longgang-town-2018', changes: {} },
        { preset: 'longgang-2021', changes: {} },
      ],
      seed: 1,
      days: 365,
      view: 'charts',
      lang: 'zh',
    });
    const analysis = shipped as unknown as SensitivityResult;
    for (const width of [1440, 390]) {
      const p = await openPage({ width, height: width > 400 ? 900 : 844 }, hash);
      await steps(p, 3);
      const brief = await openBrief(p);
      // The shipped analysis is of this pair: its assumptions by their Chinese labels, never a path.
      const decides = await brief.locator('.decides .param').allTextContents();
      const top = rankedFactors(
        analysis,
        analysis.outputs.findIndex((o) => o.difference),
        'total',
      )[0].id;
      expect(decides).toContain(paramLabel(top, 'zh'));
      for (const d of decides) expect(d).toMatch(/^[^a-zA-Z.]*[\u4e00-\u9fff][^a-zA-Z.]*$/);
      expect(await brief.locator('.decides').textContent()).not.toMatch(/[a-zA-Z]{3,}/);
      expect(await brief.locator('#question').textContent()).toMatch(/^面对相同的居民诉求，.+与.+表现如何？/);
      // It fits the screen: no horizontal scrolling.
      expect(await brief.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await brief.screenshot({ path: path.join(shots, `37-brief-pair-zh-${width}.png`), fullPage: true });
      if (width === 1440) {
        await brief.emulateMedia({ media: 'print' });
        const pdf = await brief.pdf({ preferCSSPageSize: true, printBackground: true });
        fs.writeFileSync(path.join(shots, '38-brief-pair-zh.pdf'), pdf);
        expect(pdfPages(pdf)).toEqual({ pages: 1, sizes: ['595x842'] });
        const text = await pdfText(pdf);
        expect(text).toContain('什么决定结果');
        expect(text).not.toContain('…');
        expect(text).not.toMatch(/\b[a-z]+\.[a-z]+[A-Z]\w*|MODEL\.md/);
      }
    }
  });

  it('from the command line carries the link that opens the same comparison in the app', async () => {
    const t = tempDir('flatgov-brief-');
    const file = t.file('exp.json', {
      name: 'brief link',
      structures: [
        { preset: 'traditional-county', label: 'County' },
        { preset: 'longgang-2021', label: 'Longgang', overrides: { 'demand.casesPerResidentYear': 0.6 } },
      ],
      replications: 2,
      days: 3,
      baseSeed: 4,
      metrics: ['hopsPerCase'],
    });
    const out = path.join(t.dir, 'brief.html');
    const base = 'https://example.org/flatgov/';
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', 'cli/brief.ts', file, '--out', out, '--workers', '1', '--app', base],
        { cwd: root, timeout: 120_000 },
        (err, _o, stderr) => resolve({ code: err ? 1 : 0, stderr }),
      ),
    );
    expect(r.code, r.stderr).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    const link = /<a id="link" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
    expect(link.startsWith(`${base}#s=`)).toBe(true);
    // The experiment itself is in the page.
    expect(JSON.parse(/<script type="application\/json" id="experiment">(.*?)<\/script>/.exec(html)![1]).baseSeed).toBe(4);
    // The link opens the app on the same structures, change, seed, days and replications.
    const p = await openPage({ width: 1440, height: 900 }, new URL(link).hash);
    expect(await p.locator('#seed').inputValue()).toBe('4');
    expect(await p.locator('#days').inputValue()).toBe('3');
    expect(await p.locator('#tab-replications').getAttribute('aria-selected')).toBe('true');
    expect(await p.locator('#reps').inputValue()).toBe('2');
    const state = await p.evaluate(() => (document.querySelector('fg-app') as unknown as { state: { columns: unknown[] } }).state.columns);
    expect(state).toEqual([
      { preset: 'traditional-county', changes: {} },
      { preset: 'longgang-2021', changes: { 'demand.casesPerResidentYear': 0.6 } },
    ]);
  }, 180_000);

  it('fits four structures on one A4 page, in Chinese', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await p.locator('#add').click();
    await p.locator('#add').click();
    await expect.poll(() => p.locator('.preset').count()).toBe(4);
    await expect.poll(() => p.locator('#run').isEnabled()).toBe(true);
    await p.locator('#lang').click();
    await steps(p, 3);
    const brief = await openBrief(p);
    expect(await brief.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await brief.locator('h1').textContent()).toMatch(/^简报：/);
    expect(await brief.locator('table.figures tr').first().locator('th').count()).toBe(5);
    expect(await brief.locator('#sentence').textContent()).toMatch(/平均办结时长比.+短 [\d.]+ 小时。/);
    await brief.emulateMedia({ media: 'print' });
    expect(pdfPages(await brief.pdf({ preferCSSPageSize: true }))).toEqual({ pages: 1, sizes: ['595x842'] });
    await brief.screenshot({ path: path.join(shots, '36-brief-four-zh.png'), fullPage: true });
  });
});
