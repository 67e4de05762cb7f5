/**
 * "Why do they differ?" in a real browser (Debian's chromium): the decomposition of the first
 * two structures' differences computed in the workers, its bars and table, the headline
 * sentence and the brief saying how much of the difference is structure (the same figure as
 * the decomposition's) or that it is not yet computed; Chinese, a phone, the keyboard,
 * cancel, downloads, the share link and the embed; and the picker's equal terms.
 * Screenshots go to test-output/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { day, openPage, setField, shots, steps, useApp } from './browser-app.ts';

useApp();

const why = (p: Page, sel: string) => p.locator(`fg-why ${sel}`);

/** Ask for n replications and compute, waiting for the table. */
async function compute(p: Page, n: number) {
  await why(p, '#why-reps').fill(String(n));
  await why(p, '#why-reps').press('Enter');
  await why(p, '#why-run').click();
  await why(p, '#why-table').waitFor({ timeout: 180_000 });
}

/** The chart's bars: per metric, the difference and each part's mean. */
function bars(p: Page) {
  return p.locator('fg-why').evaluate((el) =>
    [...el.shadowRoot!.querySelectorAll('#why-chart g.panel')].map((g) => ({
      metric: g.getAttribute('data-metric')!,
      bars: Object.fromEntries(
        [...g.querySelectorAll('g.bar')].map((b) => [b.getAttribute('data-part')!, Number(b.getAttribute('data-mean'))]),
      ) as Record<string, number>,
    })),
  );
}

/** Set the days of a run and wait until the run, reset, can step again. */
async function setDays(p: Page, days: number) {
  await setField(p, '#days', String(days));
  await expect.poll(() => p.locator('#run').isEnabled(), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => day(p), { timeout: 15_000 }).toBe(0);
}

/** Open the brief (a new tab) and wait for it. */
async function openBrief(p: Page): Promise<Page> {
  const [brief] = await Promise.all([p.context().waitForEvent('page'), p.locator('#brief').click()]);
  await brief.waitForLoadState();
  return brief;
}

describe('why do they differ', () => {
  it('decomposes the difference in the workers; the headline and the brief then say how much is structure, with the same figure', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await setDays(p, 3);
    await steps(p, 2);
    // Before it is computed, the headline says so, and how to compute it; so does the brief.
    await expect.poll(() => p.locator('fg-headline #head-structure').textContent()).toContain('not yet computed');
    let brief = await openBrief(p);
    expect(await brief.locator('#why-not-yet').textContent()).toMatch(
      /^How much of each difference is structure: not yet computed \(.*“Why do they differ\?” computes it/,
    );
    await brief.close();
    await p.locator('fg-headline #head-why').click();
    await expect.poll(() => p.locator('#tab-why').getAttribute('aria-selected')).toBe('true');
    expect(await why(p, '#why-pair').textContent()).toContain('From Traditional county to Longgang 2021');
    await compute(p, 2);
    // Every headline figure, and in each the parts add up to the difference.
    const drawn = await bars(p);
    expect(drawn.map((d) => d.metric)).toEqual([
      'hoursToClose.mean',
      'hoursToClose.p90',
      'localResolutionShare',
      'sla.accept30m',
      'sla.onsite1h',
      'sla.close24h',
      'sla.difficult5wd',
      'cost.perCaseYuan',
      'trust.mean',
    ]);
    for (const d of drawn) {
      const sum = d.bars.structure + d.bars.resources + d.bars.policy + d.bars.calendars;
      if (Number.isFinite(d.bars.total))
        expect(Math.abs(sum - d.bars.total), d.metric).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(d.bars.total)));
    }
    expect(await why(p, '#why-table tbody tr').count()).toBe(9);
    expect(await why(p, '#why-chart').getAttribute('aria-label')).toMatch(/^Mean time to close, closed cases: difference /);
    await p.screenshot({ path: path.join(shots, 'why-1440.png'), fullPage: true });

    // The headline sentence's figures are the decomposition's: each part's Shapley value for mean time to close, in the sentence's direction.
    const cellOf = async (part: string) => {
      const c = (await why(p, `#why-table tr[data-metric="hoursToClose.mean"] td[data-part="${part}"]`).textContent())!.trim();
      const [, mean, half] = /^(-?[\d.]+) ± ([\d.]+) h$/.exec(c)!;
      return { text: c, mean: Number(mean), half };
    };
    const cell = (await cellOf('structure')).text;
    const cells = {
      total: await cellOf('total'),
      structure: await cellOf('structure'),
      policy: await cellOf('policy'),
      resources: await cellOf('resources'),
      calendars: await cellOf('calendars'),
    };
    await p.locator('#tab-charts').click();
    const sentence = p.locator('fg-headline #head-sentence');
    await expect.poll(() => sentence.textContent()).toMatch(/structure/);
    const text = (await sentence.textContent())!;
    const fig = '(-?[\\d.]+) h \\(± ([\\d.]+) h\\)';
    const m = new RegExp(
      `; over 2 paired replications of 3 days the difference is ${fig}, of which structure accounts for ${fig}, policy for ${fig}, resources for ${fig} and working hours for ${fig}\\. Mean time to close, closed cases: [^;]+\\.$`,
    ).exec(text)!;
    expect(m, text).not.toBeNull();
    // Longgang 2021 is B: when it is the faster, a part that makes it faster has a negative Shapley value (B − A).
    const sign = text.startsWith('Longgang 2021 closes cases') ? -1 : 1;
    (['total', 'structure', 'policy', 'resources', 'calendars'] as const).forEach((part, k) => {
      expect(Number(m[1 + 2 * k]), part).toBeCloseTo(sign * cells[part].mean, 6);
      expect(m[2 + 2 * k], part).toBe(cells[part].half);
    });
    await p.locator('fg-headline').screenshot({ path: path.join(shots, 'why-headline-1440.png') });
    const structure = drawn[0].bars.structure;
    expect(Number(await sentence.getAttribute('data-structure-hours'))).toBe(sign * structure);
    expect(await p.locator('fg-headline #head-structure').textContent()).toContain('2 paired replications of 3 days');

    // The brief: the same sentence, and every headline difference with its structural part.
    brief = await openBrief(p);
    expect(await brief.locator('#sentence').textContent()).toBe(text);
    expect(await brief.locator('#structural td[data-metric="hoursToClose.mean"][data-part="structure"]').textContent()).toBe(cell);
    expect(await brief.locator('#structural td[data-part="structure"]').count()).toBe(9);
    await brief.screenshot({ path: path.join(shots, 'why-brief.png'), fullPage: true });
    await brief.emulateMedia({ media: 'print' });
    const pdf = await brief.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(shots, 'why-brief.pdf'), pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(1);
    await brief.close();

    // Other days: the decomposition no longer belongs, and the headline says it is not computed.
    await setDays(p, 4);
    await steps(p, 1);
    await expect.poll(() => p.locator('fg-headline #head-structure').textContent()).toContain('not yet computed');
    expect(await sentence.textContent()).not.toMatch(/structure/);
  }, 300_000);

  it('speaks Chinese, fits a phone, and works from the keyboard', async () => {
    const p = await openPage({ width: 390, height: 844 });
    await setDays(p, 2);
    // Shortcuts apply outside fields: leave the field first.
    await p.locator('h1').click();
    await p.keyboard.press('l');
    await p.keyboard.press('y');
    await why(p, '#why-run').waitFor();
    expect(await why(p, 'h2').textContent()).toContain('差异从何而来');
    await why(p, '#why-reps').fill('2');
    await why(p, '#why-reps').press('Enter');
    await why(p, '#why-run').focus();
    await p.keyboard.press('Enter');
    await why(p, '#why-table').waitFor({ timeout: 180_000 });
    expect(await why(p, '#why-heading').textContent()).toMatch(/^差异 龙港2021 − 传统县 及其组成部分$/);
    expect(await why(p, '#why-table th').first().textContent()).toBe('指标');
    await p.screenshot({ path: path.join(shots, 'why-390-zh.png'), fullPage: true });
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The chart is drawn at the phone's width, one figure above the other.
    const box = (await why(p, '#why-chart').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // The headline says it too, in Chinese.
    await p.locator('#tab-charts').click();
    await steps(p, 2);
    await expect
      .poll(() => p.locator('fg-headline #head-sentence').textContent())
      .toMatch(/；在 2 次配对重复运行（每次 2 天）中差异为 .*，其中结构贡献 /);
    await p.screenshot({ path: path.join(shots, 'why-headline-390-zh.png') });
  }, 300_000);

  it('cancels, downloads its chart and table, and keeps its view and replications in the share link and the embed', async () => {
    const p = await openPage({ width: 1280, height: 900 });
    await setDays(p, 60);
    await p.locator('#tab-why').click();
    await why(p, '#why-reps').fill('4');
    await why(p, '#why-reps').press('Enter');
    await why(p, '#why-run').click();
    await why(p, '#why-cancel').click();
    await expect.poll(() => why(p, '#why-error').textContent()).toMatch(/^Cancelled/);
    expect(await why(p, '#why-table').count()).toBe(0);

    await setDays(p, 2);
    await compute(p, 3);
    await why(p, 'summary').click();
    const csv = p.waitForEvent('download');
    await why(p, '#why-csv').click();
    const d1 = await csv;
    expect(d1.suggestedFilename()).toBe('why-they-differ.csv');
    const lines = fs
      .readFileSync(await d1.path(), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('structureA,structureB,days,warmupDays,metric,unit,quantity,part,mean,low,high,half,replications');
    // Per metric: A, B, the difference, the interactions, 4 parts × (Shapley value, alone, interaction), 6 pairs.
    expect(lines.length - 1).toBe(9 * (4 + 12 + 6));
    expect(lines.filter((l) => l.includes(',hoursToClose.mean,h,shapley,structure,'))).toHaveLength(1);
    const png = p.waitForEvent('download');
    await why(p, '#why-png').click();
    const d2 = await png;
    expect(d2.suggestedFilename()).toBe('why-they-differ.png');
    expect(
      fs
        .readFileSync(await d2.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const svg = p.waitForEvent('download');
    await why(p, '#why-svg').click();
    const s = fs.readFileSync(await (await svg).path(), 'utf8');
    expect(s).toMatch(/^<\?xml[\s\S]*The difference Longgang 2021 − Traditional county and its parts[\s\S]*<rect/);

    // The link keeps the view and the replications; the embed shows the view alone.
    const hash = await p.evaluate(() => location.hash);
    const again = await openPage({ width: 1280, height: 900 }, hash);
    await expect.poll(() => again.locator('#tab-why').getAttribute('aria-selected')).toBe('true');
    expect(await again.locator('fg-why #why-reps').inputValue()).toBe('3');
    const embed = await openPage({ width: 760, height: 900 }, `?embed=why${hash}`);
    await embed.locator('fg-why #why-run').waitFor();
    expect(await embed.locator('[role="tablist"]').count()).toBe(0);
    expect(await embed.locator('.embed-source').textContent()).toMatch(/flatgov .*model/);
  }, 300_000);
});

describe('equal terms in the picker', () => {
  it('gives a structure another’s policy and posts, kept in the link; a scaling that leaves no case worker is refused with the reason', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await p.locator('#terms-toggle-0').click();
    await p.locator('#terms-0 .terms-part[data-part="policy"]').selectOption('longgang-2021');
    await expect.poll(() => p.locator('#terms-line-0').textContent()).toBe('With policy of Longgang 2021');
    // The structure is rebuilt, and the run starts again from day 0.
    const firstName = () =>
      p.evaluate(
        () =>
          (document.querySelector('fg-app') as unknown as { structures: { built: { scenario?: { name: string } }[] } }).structures.built[0]
            .scenario?.name,
      );
    await expect.poll(firstName, { timeout: 15_000 }).toMatch(/^Traditional county with policy of Longgang 2021:/);
    await expect.poll(() => p.locator('#run').isEnabled(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => day(p), { timeout: 15_000 }).toBe(0);
    await steps(p, 1);
    await expect.poll(() => p.locator('fg-headline h3').first().textContent()).toBe('1. Traditional county with policy of Longgang 2021');
    // All of Longgang 2021's posts would leave the county's grids with less than one case worker.
    await p.locator('#terms-0 .terms-posts').selectOption('all:longgang-2021');
    await expect
      .poll(() => p.locator('fg-picker .error').first().textContent())
      .toMatch(/Not applied.*at least one case worker.*Hold city posts equal/s);
    await p.locator('#terms-0 .terms-posts').selectOption('city:longgang-2021');
    await expect
      .poll(() => p.locator('#terms-line-0').textContent())
      .toBe('With policy of Longgang 2021, at the city posts of Longgang 2021');
    expect(await p.locator('fg-picker .error').count()).toBe(0);
    await p.screenshot({ path: path.join(shots, 'why-terms.png') });
    // The link restores them.
    const again = await openPage({ width: 1440, height: 900 }, await p.evaluate(() => location.hash));
    await expect
      .poll(() => again.locator('#terms-line-0').textContent())
      .toBe('With policy of Longgang 2021, at the city posts of Longgang 2021');
    expect(await again.locator('#link-message').count()).toBe(0);
  }, 120_000);

  it('is one click away in “Why do they differ?”: the first structure on the second’s policy and city posts, and back', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await p.locator('#tab-why').click();
    const button = why(p, '#why-equal-terms');
    expect(await button.textContent()).toMatch(/Compare on equal terms/);
    await button.click();
    await expect
      .poll(() => p.locator('#terms-line-0').textContent())
      .toBe('With policy of Longgang 2021, at the city posts of Longgang 2021');
    await expect.poll(() => why(p, '#why-pair').textContent()).toContain('From Traditional county with policy of Longgang 2021');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await button.click();
    await expect.poll(() => p.locator('#terms-line-0').count()).toBe(0);
    expect(await why(p, '#why-pair').textContent()).toContain('From Traditional county to Longgang 2021');
  }, 120_000);
});
