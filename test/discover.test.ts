/**
 * "Where does it lose?" in a real browser (Debian's chromium): the view loads when first
 * shown, runs a small discovery of the first two structures in the workers, and says how many
 * draws lose with the interval, each box's ranges by the assumptions' labels (never a
 * parameter's path), coverage, density, stability and the peeling chart; another outcome is
 * analysed from the same draws, and one that never happens is said plainly; Chinese, a
 * phone, the keyboard, cancel and axe-core. Screenshots go to test-output/.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assumptions } from '../scenarios/assumptions.ts';
import { fetched, openPage, shots, useApp } from './browser-app.ts';

useApp();

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const lose = (p: Page, sel: string) => p.locator(`fg-discover ${sel}`);

/** The view's text as a reader sees it (its shadow root's, the chart's labels included). */
const viewText = (p: Page) => p.locator('fg-discover').evaluate((el) => (el.shadowRoot as unknown as HTMLElement).textContent ?? '');

/** Every assumption's path or name (`demand.casesPerResidentYear`, `layerBurden`): none may show. */
const RAW = assumptions().map((a) => a.id);
const rawIn = (text: string) => RAW.filter((id) => text.includes(id));

/** Set a number field of the view (Enter commits it, as a change). */
async function setNumber(p: Page, sel: string, value: number) {
  await lose(p, sel).fill(String(value));
  await lose(p, sel).press('Enter');
}

async function axeSerious(p: Page, what: string) {
  await p.addScriptTag({ content: AXE });
  const found = await p.evaluate(async () => {
    const r = await (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }
    ).axe.run();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length, first: JSON.stringify(v.nodes[0]?.target) }));
  });
  console.log(`axe (${what}):`, found.length ? found.map((v) => `${v.id} ${v.impact} ×${v.n} ${v.first}`).join(', ') : 'no violations');
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('where does it lose', () => {
  it('finds, in the workers, the boxes where the flat structure is slower, in words with no parameter path; costlier never, said plainly', async () => {
    const p = await open1440();
    // Its code is not on the first screen: it loads when the view is first shown.
    expect(fetched(p).some((f) => /fg-discover/.test(f.file))).toBe(false);
    await p.locator('#tab-discover').click();
    await lose(p, '#lose-run').waitFor();
    expect(fetched(p).some((f) => /fg-discover/.test(f.file))).toBe(true);
    expect(await lose(p, 'h2').textContent()).toBe('Where does it lose? Scenario discovery');
    // The default: 60 draws of 60 days, with its time stated.
    expect(await lose(p, '#lose-draws').inputValue()).toBe('60');
    expect(await lose(p, '#lose-days').inputValue()).toBe('60');
    expect(await lose(p, '#lose-estimate').textContent()).toMatch(
      /120 runs \(2 structures × 60 draws of 60 days\): about \d+ (s|min) here/,
    );
    expect(await lose(p, '#lose-which option:checked').textContent()).toMatch(/Longgang 2021, against Traditional county/);

    // A bad field says what was expected and keeps its value.
    await setNumber(p, '#lose-draws', 5);
    expect(await lose(p, '#lose-field-error').textContent()).toBe('Draws: expected a whole number from 20 to 1000, got 5; kept 60.');
    expect(await lose(p, '#lose-draws').getAttribute('aria-invalid')).toBe('true');

    await setNumber(p, '#lose-draws', 20);
    await setNumber(p, '#lose-days', 20);
    expect(await lose(p, '#lose-field-error').textContent()).toBe('');
    const t0 = Date.now();
    await lose(p, '#lose-run').click();
    await lose(p, '#lose-share').waitFor({ timeout: 90_000 });
    console.log(`discovery of 20 draws × 20 days in the browser: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(await lose(p, '#lose-heading').textContent()).toBe('Where Longgang 2021 is slower than Traditional county');
    // PRIM and its resamples ran in a worker of their own, off the page's thread.
    expect(fetched(p).some((f) => /discover\.worker/.test(f.file))).toBe(true);
    const share = (await lose(p, '#lose-share').textContent())!;
    const m =
      /^Longgang 2021 is slower than Traditional county in (\d+) of 20 draws: \d+(\.\d)?% \(95% interval [\d.]+% to [\d.]+%\)\.$/.exec(
        share,
      );
    expect(m, share).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(await lose(p, '#lose-spread').textContent()).toMatch(
      /^Across the draws, Longgang 2021 − Traditional county is -?[\d.]+ h at the median, from -?[\d.]+ h to -?[\d.]+ h; the middle 80% of draws lie between/,
    );
    // Each box: its figures in a sentence, its ranges by label, its stability and its chart.
    const boxes = lose(p, '.box');
    expect(await boxes.count()).toBeGreaterThan(0);
    const first = boxes.first();
    expect(await first.locator('.box-summary').textContent()).toMatch(
      /^Inside this box Longgang 2021 is slower than Traditional county in \d+ of \d+ draws: density \d+% \(95% interval .*coverage.*mass/,
    );
    // Few draws: when no restriction stands up to resampling, the box says it is no finding yet.
    if ((await first.locator('ul.steady').count()) === 0)
      expect(await first.locator('.all-noise').textContent()).toMatch(
        /^No restriction of this box stands up to resampling: with 20 draws of 66 assumptions, .*more draws \(200 or more\)/,
      );
    // The restrictions likely to be noise are folded away, open when there is no other.
    const folded = first.locator('details.noisy');
    if ((await folded.count()) > 0 && (await folded.getAttribute('open')) === null) await folded.locator('summary').click();
    const ranges = await first.locator('ul.ranges li').allInnerTexts();
    expect(ranges.length).toBeGreaterThan(0);
    for (const r of ranges)
      expect(r.replace(/\s+/g, ' ').trim()).toMatch(
        /^[A-Z][^:]+: (at least|at most|from) .+ \(plausible .+ to .+\) reappears in \d+(\.\d)?% of resamples; quasi-p (< 0\.001|[\d.]+)(; likely noise of the draws)?$/,
      );
    expect(await first.locator('.stability').textContent()).toMatch(/^Stability: PRIM run again on 50 bootstrap resamples/);
    const chart = first.locator('svg.trajectory');
    expect(await chart.getAttribute('aria-label')).toMatch(/^Box 1: coverage against density while peeling\. Peeling from coverage 100%/);
    expect(await chart.locator('circle.step').count()).toBeGreaterThan(1);
    const chosen = chart.locator('g.chosen');
    expect(await chosen.textContent()).toMatch(/chosen box \(\d+(\.\d)?%, \d+(\.\d)?%\)/);
    const chartText = (await chart.textContent())!;
    expect(chartText).toContain('Coverage (%)');
    expect(chartText).toContain('Density (%)');
    expect(chartText).toContain('density sought, 80%');
    const text = await viewText(p);
    expect(rawIn(text)).toEqual([]);
    expect(text).toMatch(/Coverage: the share of all the draws where it loses/);
    await p.screenshot({ path: path.join(shots, 'discover-1440.png'), fullPage: true });
    expect(await axeSerious(p, 'Where does it lose, English, boxes')).toEqual([]);

    // The same draws, another outcome: costlier, which the flat structure never is here — said plainly, no box.
    await lose(p, '#lose-outcome').selectOption('costlier');
    await expect.poll(() => lose(p, '#lose-heading').textContent()).toBe('Where Longgang 2021 costs more than Traditional county');
    expect(await lose(p, '#lose-share').textContent()).toMatch(
      /^Longgang 2021 costs more than Traditional county in none of the 20 draws: .*no box where it loses\. With 20 draws it could still lose in up to 16% of the space of assumptions \(95% upper bound\)/,
    );
    expect(await lose(p, '.box').count()).toBe(0);
    // How far from losing: B − A in every draw below zero.
    const spread = /from (-[\d.]+) million yuan to (-[\d.]+) million yuan/.exec((await lose(p, '#lose-spread').textContent())!);
    expect(spread).not.toBeNull();
    await p.screenshot({ path: path.join(shots, 'discover-none-1440.png'), fullPage: true });
    // Back to slower: the analysis kept, at once.
    await lose(p, '#lose-outcome').selectOption('slower');
    await expect.poll(() => lose(p, '#lose-share').textContent(), { timeout: 1000 }).toBe(share);
  }, 180_000);

  it('speaks Chinese, fits a phone, works from the keyboard, and cancels', async () => {
    const p = await openPage({ width: 390, height: 844 });
    await p.locator('h1').click();
    await p.keyboard.press('l');
    await expect.poll(() => p.locator('#run').textContent()).toMatch(/运行/);
    await p.keyboard.press('d');
    await lose(p, '#lose-run').waitFor();
    expect(await lose(p, 'h2').textContent()).toBe('在哪些条件下落后？情景发现');
    // Cancel: nothing is shown, and it says why.
    await lose(p, '#lose-run').click();
    await lose(p, '#lose-cancel').click();
    await expect.poll(() => lose(p, '#lose-error').textContent()).toMatch(/^已取消/);
    expect(await lose(p, '#lose-share').count()).toBe(0);

    await setNumber(p, '#lose-draws', 20);
    await setNumber(p, '#lose-days', 20);
    await lose(p, '#lose-run').focus();
    await p.keyboard.press('Enter');
    await lose(p, '#lose-share').waitFor({ timeout: 90_000 });
    expect(await lose(p, '#lose-heading').textContent()).toBe('龙港2021比传统县慢的情形');
    expect(await lose(p, '#lose-share').textContent()).toMatch(/^在 20 次抽样中有 \d+ 次龙港2021比传统县慢：\d+(\.\d)?%（95% 区间 /);
    const li = (await lose(p, '.box ul.ranges li').first().innerText()).replace(/\s+/g, ' ').trim();
    expect(li).toMatch(/^[^a-zA-Z]+：.+（合理范围 .+ 至 .+） ?在 \d+(\.\d)?% 的重抽样中再次出现；准 p 值/);
    const chart = lose(p, 'svg.trajectory').first();
    expect(await chart.textContent()).toContain('覆盖率（%）');
    const text = await viewText(p);
    expect(rawIn(text)).toEqual([]);
    expect(text).not.toMatch(/案件|事件/);
    // The phone's width holds the view and its chart.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = (await chart.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await p.screenshot({ path: path.join(shots, 'discover-390-zh.png'), fullPage: true });
    expect(await axeSerious(p, 'Where does it lose, Chinese, phone')).toEqual([]);
  }, 180_000);
});

function open1440() {
  return openPage({ width: 1440, height: 900 });
}
