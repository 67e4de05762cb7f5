/**
 * The guided story in a real browser (Debian's chromium): a student finds it at once, runs
 * it from the first step to the last in English (desktop) and Chinese (phone), every chart
 * drawn after each step's run and every figure in the text equal to the run's own summary;
 * a prediction is recorded and checked against what the model produced; leaving keeps the
 * structures; `?story=N` opens a step and a bad step says so and keeps the rest of the link.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openHost, openPage, shots, useApp } from './browser-app.ts';
import { STORY } from '../ui/story.ts';

useApp();

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page (printed, with the rest). */
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

const STEPS = 6;

/** Poll with room for a loaded machine (the story's code and the workers load as the page runs). */
const poll = <T>(f: () => Promise<T>) => expect.poll(f, { timeout: 10_000 });

/** Per chart, per panel: whether it has drawn data (a line with points, or a bar above zero). */
const chartsDrawn = (p: Page): Promise<Record<string, boolean[]>> =>
  p.locator('fg-compare').evaluate((el) =>
    Object.fromEntries(
      [...el.shadowRoot!.querySelectorAll('fg-chart')].map((c) => [
        c.getAttribute('chart-id'),
        [...c.shadowRoot!.querySelectorAll('svg g.panel')].map((g) => {
          const lines = [...g.querySelectorAll('path[fill="none"][stroke]')].filter(
            (x) => !x.closest('.tick') && !x.classList.contains('domain') && !x.closest('.legend-item'),
          );
          const withPoints = lines.some((x) => ((x.getAttribute('d') ?? '').match(/L/g) ?? []).length >= 3);
          const bars = [...g.querySelectorAll('rect')].some(
            (r) =>
              !r.closest('.legend-item') &&
              Number(r.getAttribute('height')) > 0 &&
              r.getAttribute('fill') !== 'none' &&
              r.getAttribute('fill') !== '#fff',
          );
          return withPoints || bars;
        }),
      ]),
    ),
  );

/** The figures of the step's table: catalogue id, structure (column), mean over the replications and its 95% interval. */
const shownFigures = (p: Page) =>
  p.locator('fg-story').evaluate((el) =>
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('#story-figures td.fig')].map((f) => ({
      metric: f.dataset.metric!,
      col: Number(f.dataset.col),
      value: Number(f.dataset.value),
      low: Number(f.dataset.low),
      high: Number(f.dataset.high),
      text: f.textContent!.trim(),
    })),
  );

const story = (p: Page) => p.locator('fg-story');

/** Run the step shown, predicting the first choice; return what the run produced. */
async function runStep(p: Page, n: number) {
  await poll(() => story(p).locator('#story-title').textContent()).toMatch(new RegExp(`^${n}\\.`));
  expect(await story(p).locator('#story-result').count()).toBe(0);
  const choice = story(p).locator('input[name="story-choice"]').first();
  await choice.check();
  const t0 = Date.now();
  await story(p).locator('#story-run').click();
  await story(p).locator('#story-result').waitFor({ timeout: 60_000 });
  console.log(`story step ${n}: run and result in ${Date.now() - t0} ms`);
  expect(await choice.isChecked()).toBe(true);
  expect(await choice.isDisabled()).toBe(true);
  const drawn = await chartsDrawn(p);
  expect(Object.keys(drawn)).toHaveLength(8);
  for (const [id, panels] of Object.entries(drawn))
    expect(panels.length > 0 && panels.every(Boolean), `step ${n}, chart ${id}: ${JSON.stringify(panels)}`).toBe(true);
  // The figures the step names (ui/story.ts), each the mean of its replications inside its interval.
  const shown = await shownFigures(p);
  expect(shown.map((f) => `${f.metric}@${f.col}`).sort()).toEqual(STORY[n - 1].figures.map((f) => `${f.metric}@${f.col}`).sort());
  for (const f of shown) {
    expect(f.low, `step ${n}, ${f.metric}`).toBeLessThanOrEqual(f.value);
    expect(f.value, `step ${n}, ${f.metric}`).toBeLessThanOrEqual(f.high);
    expect(f.text, `step ${n}, ${f.metric}`).toMatch(/\d/);
  }
  // The target chart is outlined and named in the announcement.
  const target = await p
    .locator('fg-compare')
    .evaluate((el) => [...el.shadowRoot!.querySelectorAll('fg-chart.story-target')].map((c) => c.getAttribute('chart-id')));
  expect(target).toHaveLength(1);
  expect(await story(p).locator('#story-announce').textContent()).toMatch(/\S/);
  return { check: (await story(p).locator('#story-check').textContent())!.replace(/\s+/g, ' ') };
}

describe('the guided story', () => {
  it('is found at once, runs from the first step to the last in English with every chart drawn and the figures of the run, and ends in the sandbox with the state kept', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    // The way in: a button in the header, reached by Tab from the top of the page.
    const start = p.locator('#story-start');
    expect(await start.isVisible()).toBe(true);
    await start.focus();
    await p.keyboard.press('Enter');
    await poll(() => p.evaluate(() => location.search)).toBe('?story=1');
    await p.screenshot({ path: path.join(shots, 'story-step1-1440.png') });
    for (let n = 1; n <= STEPS; n++) {
      const { check } = await runStep(p, n);
      // Every step shows its structures on the living map too, outlined, with the same problems moving through them.
      if (n === 1 || n === 6) {
        await story(p).locator('#story-show-map').click();
        await poll(() => p.locator('#tab-map').getAttribute('aria-selected')).toBe('true');
        await poll(() =>
          p.locator('fg-map').evaluate((el) => el.shadowRoot!.querySelector('.grid')?.classList.contains('story-target') ?? false),
        ).toBe(true);
        await poll(() => p.locator('fg-map').evaluate((el) => el.shadowRoot!.activeElement?.classList.contains('grid') ?? false)).toBe(
          true,
        );
        const summaries = await p
          .locator('fg-map')
          .evaluate((el) => [...el.shadowRoot!.querySelectorAll('.summary')].map((x) => x.textContent ?? ''));
        expect(summaries.length).toBe(n === 1 ? 1 : 2);
        for (const s of summaries) expect(s).toMatch(/Followed cases open now: \d+/);
        // Scrolled to the top of the window.
        await poll(() =>
          p.locator('fg-map').evaluate((el) => Math.round(el.shadowRoot!.querySelector('.grid')!.getBoundingClientRect().top)),
        ).toBeLessThan(40);
        await p.screenshot({ path: path.join(shots, `story-step${n}-map-1440.png`) });
        await p.locator('#tab-charts').click();
      }
      // The prediction (the first choice) and the model's answer, from the summaries.
      if (n === 2) {
        // The runs' answer comes from their intervals; the check says whether the prediction matches it.
        expect(check).toContain('You predicted: Faster.');
        const said = /The runs say: ([^.]+)\./.exec(check)?.[1];
        expect(said).toBeDefined();
        expect(check).toContain(said === 'Faster' ? 'Your prediction matches the runs.' : 'The runs answer otherwise');
        await p.screenshot({ path: path.join(shots, 'story-step2-1440.png') });
        expect(await axeSerious(p, 'story, English, step 2 run')).toEqual([]);
        await story(p).locator('#story-show').click();
        await poll(() => p.locator('fg-compare').evaluate((el) => el.shadowRoot!.activeElement?.getAttribute('chart-id'))).toBe(
          'time-to-close',
        );
        // Scrolled to the top of the window.
        await poll(() =>
          p
            .locator('fg-compare')
            .evaluate((el) => Math.round(el.shadowRoot!.querySelector('fg-chart[chart-id="time-to-close"]')!.getBoundingClientRect().top)),
        ).toBeLessThan(40);
        await p.screenshot({ path: path.join(shots, 'story-step2-chart-1440.png') });
      }
      if (n === 6) {
        await story(p).screenshot({ path: path.join(shots, 'story-step6-1440.png') });
        expect(check).toMatch(/The runs say: [^.]+\./);
        await story(p).locator('#story-finish').click();
      } else await story(p).locator('#story-next').click();
    }
    // The sandbox: the story closed, the last step's structures and run kept.
    await poll(() => story(p).count()).toBe(0);
    expect(await p.evaluate(() => location.search)).toBe('');
    const cols = await p.evaluate(() => (document.querySelector('fg-app') as unknown as { state: { columns: unknown[] } }).state.columns);
    expect(cols).toEqual([
      { preset: 'traditional-county', changes: { shocks: [{ kind: 'typhoon', startDay: 7 }] } },
      { preset: 'longgang-2021', changes: { shocks: [{ kind: 'typhoon', startDay: 7 }] } },
    ]);
    // The run the charts show is kept where the story left it.
    expect(await p.locator('fg-run-controls .status').textContent()).toMatch(/^(Day [1-9]\d* of 28|Finished: 28 days)/);
    expect(await p.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id)).toBe('story-start');
  });

  it('runs in Chinese on a phone (390 × 844) without horizontal overflow, every figure from the run', async () => {
    const p = await openPage({ width: 390, height: 844 });
    await p.locator('#lang').click();
    await poll(() => p.locator('#story-start').innerText()).toBe('改革导览');
    await p.screenshot({ path: path.join(shots, 'story-entry-390-zh.png') });
    await p.locator('#story-start').click();
    for (let n = 1; n <= STEPS; n++) {
      const { check } = await runStep(p, n);
      expect(check).toMatch(/你的预测：.+。/);
      expect(check).toMatch(/多次运行的结论：.+。/);
      expect(await p.evaluate(() => document.documentElement.scrollWidth), `step ${n}`).toBeLessThanOrEqual(390);
      if (n === 1) {
        await story(p).locator('#story-title').scrollIntoViewIfNeeded();
        await p.screenshot({ path: path.join(shots, 'story-step1-390-zh.png') });
      }
      if (n === 4) {
        await story(p).locator('#story-teacher summary').click();
        expect(await axeSerious(p, 'story, Chinese, phone, step 4 run')).toEqual([]);
        await story(p).locator('#story-title').scrollIntoViewIfNeeded();
        await p.screenshot({ path: path.join(shots, 'story-step4-390-zh.png'), fullPage: false });
        await story(p).locator('#story-result').scrollIntoViewIfNeeded();
        await p.screenshot({ path: path.join(shots, 'story-step4-390-zh-result.png') });
      }
      if (n < STEPS) await story(p).locator('#story-next').click();
    }
    expect(await story(p).locator('#story-finish').textContent()).toContain('完成');
  });

  it('opens the step a link names, keeps the rest of the link, and says clearly when the step does not exist', async () => {
    const first = await openPage({ width: 1440, height: 900 });
    await first.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await poll(() => first.evaluate(() => location.hash)).toMatch(/^#s=/);
    const before = await first.evaluate(() => location.hash);
    await first.keyboard.press('l');
    // The link carries the language.
    await poll(() => first.evaluate(() => location.hash)).not.toBe(before);
    const hash = await first.evaluate(() => location.hash);

    const p = await openPage({ width: 1440, height: 900 }, `?story=3${hash}`);
    await poll(() => story(p).locator('#story-title').textContent()).toMatch(/^3\. 2020年/);
    expect(
      await p.evaluate(() =>
        (document.querySelector('fg-app') as unknown as { state: { columns: { preset: string }[] } }).state.columns.map((c) => c.preset),
      ),
    ).toEqual(['longgang-2019', 'longgang-2020']);
    // The link a teacher copies from here opens the same step.
    await p.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await p.locator('#share').click();
    await poll(() => p.evaluate(() => navigator.clipboard.readText())).toMatch(/\?story=3#s=/);
    // Changing the step's structures or days: the step says its result is for its own, and reloads them on request.
    await p.locator('#days').fill('30');
    await p.locator('#days').press('Enter');
    await story(p).locator('#story-changed').waitFor();
    expect(await story(p).locator('#story-run').count()).toBe(0);
    await story(p).locator('#story-reload').click();
    await story(p).locator('#story-run').waitFor();
    expect(await p.locator('#days').inputValue()).toBe('60');
    // Leaving keeps the step's structures.
    await story(p).locator('#story-leave').click();
    await poll(() => story(p).count()).toBe(0);
    expect(
      await p.evaluate(() =>
        (document.querySelector('fg-app') as unknown as { state: { columns: { preset: string }[] } }).state.columns.map((c) => c.preset),
      ),
    ).toEqual(['longgang-2019', 'longgang-2020']);

    for (const bad of ['9', 'abc', '0']) {
      const q = await openPage({ width: 1440, height: 900 }, `?story=${bad}${hash}`);
      await poll(() => q.locator('#link-message').textContent()).toContain(`链接要求的导览步骤“${bad}”不存在；应为 1 到 6 的整数`);
      expect(await q.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      expect(await story(q).count()).toBe(0);
      expect(await q.evaluate(() => location.search)).toBe('');
      expect(
        await q.evaluate(() =>
          (document.querySelector('fg-app') as unknown as { state: { columns: { preset: string }[] } }).state.columns.map((c) => c.preset),
        ),
      ).toEqual(['traditional-county', 'longgang-2021']);
    }
    const en = await openPage({ width: 1440, height: 900 }, '?story=12');
    await poll(() => en.locator('#link-message').textContent()).toContain(
      'The link asks for story step “12”, which does not exist; expected a whole number from 1 to 6.',
    );
  });

  it('embeds a step alone: its embed code opens the step with its structures, run at once, and its chart, and nothing else of the app', async () => {
    const app = await openPage({ width: 1440, height: 900 }, '?story=2');
    await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await story(app).locator('#story-title').waitFor();
    await story(app).locator('#story-embed').click();
    await poll(() => app.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^<iframe src="[^"]+\?embed=story&story=2#[^"]*" title="2\. [^"]+" width="900" height="\d+"/,
    );
    const code = await app.evaluate(() => navigator.clipboard.readText());
    const src = /src="([^"]+)"/.exec(code)![1];
    // Opened alone (no run controls: the step runs by itself).
    const p = await openHost({ width: 900, height: Number(/height="(\d+)"/.exec(code)![1]) }, '');
    await p.goto(src);
    await poll(() => story(p).locator('#story-title').textContent()).toMatch(/^2\./);
    expect(await p.locator('[role="tablist"]').count()).toBe(0);
    expect(await p.locator('fg-picker').count()).toBe(0);
    // It runs at once (an embed opens on its result): no choices to make, no run button.
    await story(p).locator('#story-result').waitFor({ timeout: 60_000 });
    expect(await story(p).locator('input[name="story-choice"], #story-run').count()).toBe(0);
    // The step's chart alone, drawn and outlined.
    expect(
      await p
        .locator('fg-compare')
        .evaluate((el) =>
          [...el.shadowRoot!.querySelectorAll<HTMLElement>('fg-chart')]
            .filter((c) => c.style.display !== 'none')
            .map((c) => c.getAttribute('chart-id')),
        ),
    ).toEqual(['time-to-close']);
    await poll(async () => (await chartsDrawn(p))['time-to-close']).toEqual([true, true]);
    expect(
      await p.locator('fg-compare').evaluate((el) => el.shadowRoot!.querySelector('fg-chart.story-target')?.getAttribute('chart-id')),
    ).toBe('time-to-close');
    expect(await p.locator('.embed-source').textContent()).toMatch(/flatgov .*model/);
    await p.screenshot({ path: path.join(shots, 'story-embed.png') });
  });
});
