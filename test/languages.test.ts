/**
 * Every view of the app in English and in Chinese, after a run: axe-core finds no violation
 * (of any impact), and the Chinese page shows no English word, its text, the names and labels
 * a screen reader says, the charts' text and the brief, but for the proper names and units on
 * an allow-list. "Why do they differ?" is computed first, so the headline's decomposition
 * sentence and the brief's section of it are read too; the picker's equal terms are opened.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { day, openPage, setField, shots, steps, useApp } from './browser-app.ts';

useApp();

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Latin words a Chinese page may show: the program's name, file formats, units, the names of
 * methods and of the people they are named after (written so in Chinese texts too), the
 * symbols of indices, and the names of keys as printed on keyboards.
 */
const ALLOWED = new Set([
  'flatgov',
  'PNG',
  'SVG',
  'CSV',
  'JSON',
  'PDF',
  'MB',
  'GB',
  'km',
  'Garicano',
  'Shapley',
  'Kaplan',
  'Meier',
  'Morris',
  'Sobol',
  'Wilson',
  'ST',
  'Shift',
  'Home',
  'End',
  'Enter',
  'Esc',
]);

const VIEWS = ['charts', 'map', 'structure', 'replications', 'decides', 'why', 'info'] as const;

/** axe-core's violations on the page: id, impact, how many nodes and the first. */
async function axe(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ content: AXE });
  return p.evaluate(async () => {
    const r = await (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }
    ).axe.run();
    return r.violations.map((v) => `${v.id} (${v.impact}) ×${v.nodes.length} ${JSON.stringify(v.nodes[0]?.target)}`);
  });
}

/**
 * The Latin words a page shows or says, with where: visible text (shadow roots, SVG text
 * included), and the names a screen reader reads (aria-label, title, alt, placeholder).
 * An element marked as another language (`lang="en"`, the language switch) is left out.
 */
function latinWords(p: Page, allowed: string[]): Promise<string[]> {
  return p.evaluate((allowed) => {
    const ok = new Set(allowed);
    const found = new Map<string, string>();
    const note = (text: string, where: Element) => {
      // An address or a commit's hash is no word of the page.
      for (const w of text.replace(/https?:\/\/\S+|\b[0-9a-f]{7,40}\b/g, '').match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? []) {
        if (ok.has(w) || found.has(w)) continue;
        found.set(w, `${w} — ${where.tagName.toLowerCase()}${where.id ? `#${where.id}` : ''}: “${text.trim().slice(0, 80)}”`);
      }
    };
    const walk = (root: Document | ShadowRoot | Element) => {
      for (const node of root.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          const el = node.parentElement;
          if (el && !['STYLE', 'SCRIPT', 'NOSCRIPT'].includes(el.tagName) && el.checkVisibility?.({ visibilityProperty: true }) !== false)
            note(node.textContent ?? '', el);
        } else if (node instanceof Element) {
          if (
            node.closest('[lang]:not([lang^="zh"])') &&
            node.getAttribute('lang') !== null &&
            !node.getAttribute('lang')!.startsWith('zh')
          )
            continue;
          if (node.checkVisibility?.({ visibilityProperty: true }) !== false)
            for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
              const v = node.getAttribute(a);
              if (v) note(v, node);
            }
          if (node.shadowRoot) walk(node.shadowRoot);
          walk(node);
        }
      }
    };
    walk(document);
    return [...found.values()];
  }, allowed);
}

describe('the views in English and in Chinese', () => {
  it('axe-core finds no violation in any view, and the Chinese page no English word but its allowed names', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await setField(p, '#days', '3');
    await expect.poll(() => p.locator('#run').isEnabled(), { timeout: 15_000 }).toBe(true);
    await steps(p, 2);
    // "Why do they differ?" computed (2 replications of 3 days), so its sentence heads the charts.
    await p.locator('#tab-why').click();
    await p.locator('fg-why #why-reps').fill('2');
    await p.locator('fg-why #why-reps').press('Enter');
    await p.locator('fg-why #why-run').click();
    await p.locator('fg-why #why-table').waitFor({ timeout: 180_000 });
    expect(await day(p)).toBeGreaterThan(0);
    const violations: Record<string, string[]> = {};
    const english: Record<string, string[]> = {};
    for (const lang of ['en', 'zh'] as const) {
      if (lang === 'zh') {
        await p.locator('#lang').click();
        await expect.poll(() => p.locator('#run').textContent()).toMatch(/运行/);
      }
      for (const view of VIEWS) {
        await p.locator(`#tab-${view}`).click();
        await expect.poll(() => p.locator(`#tab-${view}`).getAttribute('aria-selected')).toBe('true');
        if (view === 'map') await p.locator('fg-map canvas').first().waitFor();
        if (view === 'structure') await p.locator('svg.org').first().waitFor();
        if (view === 'info') await p.locator('fg-info li').first().waitFor();
        await p.waitForTimeout(300);
        violations[`${lang} ${view}`] = await axe(p);
        if (lang === 'zh') english[view] = await latinWords(p, [...ALLOWED]);
        await p.screenshot({ path: path.join(shots, `languages-${lang}-${view}.png`) });
      }
    }
    // The picker's equal terms, open, in Chinese.
    await p.locator('#terms-toggle-0').click();
    await p.locator('fg-terms#terms-0').waitFor();
    english['equal terms'] = await latinWords(p, [...ALLOWED]);
    violations['zh equal terms open'] = await axe(p);
    // The brief, in Chinese.
    const [brief] = await Promise.all([p.context().waitForEvent('page'), p.locator('#brief').click()]);
    await brief.waitForLoadState();
    english['brief'] = await latinWords(brief, [...ALLOWED]);
    violations['zh brief'] = await axe(brief);
    await brief.close();
    // The guided story's first step, in Chinese.
    await p.locator('#story-start').click();
    await p.locator('fg-story #story-title').waitFor();
    english['story'] = await latinWords(p, [...ALLOWED]);
    violations['zh story'] = await axe(p);
    for (const [k, v] of Object.entries(violations)) console.log(`axe, ${k}: ${v.length ? v.join('; ') : 'no violations'}`);
    for (const [k, v] of Object.entries(english))
      console.log(`English on the Chinese page, ${k}: ${v.length ? `\n  ${v.join('\n  ')}` : 'none'}`);
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
    expect(english).toEqual(Object.fromEntries(Object.keys(english).map((k) => [k, []])));
  }, 400_000);
});
