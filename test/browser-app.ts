/**
 * The app built once per test file and served to Debian's chromium (playwright-core):
 * register the hooks with useApp(), then open pages with openPage(). Every page's console
 * errors fail the test that opened it. CHROMIUM points the tests at another build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { serve } from './static-server.ts';

export const root = path.resolve(import.meta.dirname, '..');
export const shots = path.join(root, 'test-output');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let dist = '';
/** The addresses each page asked for, its workers' included, in order. */
const requests = new WeakMap<Page, string[]>();
let errors: string[] = [];
const pages: Page[] = [];

export function useApp(): void {
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`browser tests need Debian's chromium at ${CHROMIUM}: apt-get install -y chromium`);
    const outDir = (dist = fs.mkdtempSync(path.join(os.tmpdir(), 'flatgov-dist-')));
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    server = await serve(outDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    fs.mkdirSync(shots, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close();
    expect(errors, 'console errors').toEqual([]);
    errors = [];
  });
}

/** A page of the app at `hash`, ready to run (`hasTouch`: a phone's touch screen, for taps). */
export async function openPage(
  viewport: { width: number; height: number },
  hash = '',
  options: { hasTouch?: boolean } = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport, ...options });
  pages.push(page);
  requests.set(page, []);
  page.on('request', (r) => requests.get(page)!.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${hash}`);
  await page.locator('#run').waitFor();
  // A loaded machine can take more than the poll's default second to start the workers.
  await expect.poll(() => page.locator('#run').isEnabled(), { timeout: 15_000 }).toBe(true);
  return page;
}

/**
 * A host page of another site (about:blank, not a secure context) holding `html` (an iframe's
 * embed code), at a viewport; its frames' console errors fail the test as the app's do.
 */
export async function openHost(viewport: { width: number; height: number }, html: string): Promise<Page> {
  const page = await browser.newPage({ viewport });
  pages.push(page);
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent(`<!doctype html><body style="margin:20px">${html}</body>`);
  return page;
}

/** The built files a page has asked for so far (paths in the build, e.g. `assets/index-….js`), with their contents. */
export function fetched(page: Page): { file: string; bytes: Buffer }[] {
  const files = [...new Set(requests.get(page) ?? [])]
    .filter((u) => u.startsWith(server.url))
    .map((u) => decodeURIComponent(new URL(u).pathname).replace(/^\//, '') || 'index.html')
    .map((f) => (f.endsWith('/') ? `${f}index.html` : f));
  return files.filter((f) => fs.existsSync(path.join(dist, f))).map((file) => ({ file, bytes: fs.readFileSync(path.join(dist, file)) }));
}

/** The simulated day the run controls show. */
export const day = async (p: Page) => Number(/\d+/.exec((await p.locator('fg-run-controls .status').textContent()) ?? '')?.[0] ?? NaN);

/** Step n days, each awaited. */
export async function steps(p: Page, n: number) {
  for (let k = 0; k < n; k++) {
    const d = await day(p);
    await p.locator('#step').click();
    await expect.poll(() => day(p)).toBe(d + 1);
  }
}

/** Type a value into a field and press Enter. */
export async function setField(p: Page, sel: string, value: string) {
  await p.locator(sel).fill(value);
  await p.locator(sel).press('Enter');
}
