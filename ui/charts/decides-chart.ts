/**
 * What decides the answer, drawn: the assumptions that move an output most, as bars of their
 * Sobol total index with its interval (the first-order index inside) or of Morris μ* where
 * Sobol was not computed, and as a table of all of them.
 */
import { html, svg } from 'lit';
import { scaleLinear } from 'd3';
import { assumptions } from '../../scenarios/assumptions.ts';
import { METRIC_BY_ID } from '../../sim/observe/catalog.ts';
import type { SensitivityResult } from '../../experiments/sensitivity-run.ts';
import { displayUnit as rawDisplayUnit, rankedFactors, type RankedFactor } from '../../experiments/sensitivity-report.ts';
import { fmt, getLang, nameOf, t, unitName } from '../../render/i18n.ts';
import { presetScenario, PRESET_IDS } from '../state.ts';
import { paramLabel } from '../../render/assumption-labels.ts';
import { plainHelp } from '../../render/param-labels.ts';

/** Bars drawn at most. */
const ROWS = 10;

/** A text naming the analysis's structures by their labels, with each preset's name in the current language instead. */
export function localNames(r: SensitivityResult, text: string): string {
  const of = (r.experiment as { structures?: { label?: string; preset?: string }[] } | undefined)?.structures ?? [];
  let out = text;
  for (const st of of)
    if (st.label && st.preset && PRESET_IDS.includes(st.preset))
      out = out.split(st.label).join(nameOf(presetScenario(st.preset)).split(/[:：]/)[0]);
  return out;
}

/** An output's label in the current language, with what it is of (a structure, or a difference). */
export function outputLabel(r: SensitivityResult, o: number): string {
  const out = r.outputs[o];
  const info = METRIC_BY_ID.get(out.metric);
  const label = info ? (getLang() === 'zh' ? info.labelZh : info.label) : out.label;
  return `${label}${getLang() === 'zh' ? '：' : ': '}${localNames(r, out.of)}`;
}

/** What an assumption is, in the current language and plain words. */
export function factorText(f: RankedFactor): string {
  if (getLang() !== 'zh') return plainHelp(f.description, 'en');
  const zh = assumptions()
    .find((a) => a.id === f.id)
    ?.descriptionZh?.replace(/。?假设。?$/, '');
  return zh ? plainHelp(zh, 'zh') : plainHelp(f.description, 'en');
}

/** A label that fits `px` pixels at 12 px: a longer one is drawn narrower (textLength), never cut. */
function fitLabel(label: string, px: number) {
  // Chinese characters are about 12 px wide, Latin about 6.5 px.
  const width = [...label].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 12 : 6.5), 0);
  return width <= px ? label : svg`<tspan textLength=${px} lengthAdjust="spacingAndGlyphs">${label}</tspan>`;
}

/** An assumption's plausible range in the current language: its numbers and unit. */
export function rangeText(f: { range: [number, number]; scale: boolean; unit: string }): string {
  const v = (x: number) => fmt(x, Number.isInteger(x) ? 0 : Math.min(4, String(x).split('.')[1]?.length ?? 0));
  if (f.scale) return `× ${v(f.range[0])} – ${v(f.range[1])}`;
  const u = f.unit === 'share' ? '' : unitName(f.unit);
  return `${v(f.range[0])} – ${v(f.range[1])}${u ? ` ${u}` : ''}`;
}

/** The unit an output's changes are shown in, in the current language. */
function displayUnit(unit: string, magnitude: number): { factor: number; unit: string } {
  const d = rawDisplayUnit(unit, magnitude);
  if (getLang() !== 'zh') return d;
  if (d.unit.startsWith('million ')) return { ...d, unit: `百万${unitName(unit)}` };
  return { ...d, unit: unitName(d.unit) };
}

/** Bars: Sobol total index with its interval, the first-order index inside it; μ* where Sobol was not computed. */
export function decidesChart(r: SensitivityResult, o: number, width: number) {
  // With Sobol indices, the bars are the assumptions that have them (the rest were screened out; the table lists all).
  const all = rankedFactors(r, o, r.sobol ? 'total' : 'muStar');
  const sobol = all.some((f) => f.total);
  const rows = (sobol ? all.filter((f) => f.total) : all).slice(0, ROWS);
  const W = Math.max(300, Math.min(900, width));
  // On a narrow screen each assumption's name goes above its bar.
  const narrow = W < 560;
  const rowH = narrow ? 50 : 34;
  const left = narrow ? 14 : 250;
  const barY = narrow ? 26 : 0;
  const H = rows.length * rowH + 40;
  const x = scaleLinear()
    .domain([0, sobol ? 1 : Math.max(...rows.map((f) => f.muStar.hi), 1e-12)])
    .range([left, W - 20])
    .nice();
  const du = displayUnit(r.outputs[o].unit, r.baseline[o].mean);
  const summary = t('decides.chartSummary', {
    output: outputLabel(r, o),
    top: rows
      .slice(0, 3)
      .map((f) => paramLabel(f.id))
      .join(getLang() === 'zh' ? '、' : ', '),
  });
  return html` <div class="legend" aria-hidden="true">
      ${
        sobol
          ? html`<span><span class="swatch" style="background:#1a5fb4"></span>${t('decides.total')}</span>
              <span><span class="swatch" style="background:#99c1f1"></span>${t('decides.first')}</span>
              <span>${t('decides.whisker')}</span>`
          : html`<span><span class="swatch" style="background:#1a5fb4"></span>${t('decides.muStar', { unit: du.unit })}</span>`
      }
    </div>
    <svg id="decides-chart" viewBox="0 0 ${W} ${H}" style="max-width:${W}px" role="img" aria-label=${summary}>
      <title>${summary}</title>
      ${x.ticks(5).map(
        (v) => svg`<line x1=${x(v)} x2=${x(v)} y1="10" y2=${H - 24} stroke="#ddd"></line>
        <text x=${x(v)} y=${H - 8} font-size="12" text-anchor="middle" fill="#333">${sobol ? fmt(v, 1) : fmt(v * du.factor, 1)}</text>`,
      )}
      ${rows.map((f, i) => {
        const y = 14 + i * rowH;
        const val = sobol ? (f.total?.estimate ?? 0) : f.muStar.estimate;
        const lo = sobol ? (f.total?.lo ?? 0) : f.muStar.lo;
        const hi = sobol ? (f.total?.hi ?? 0) : f.muStar.hi;
        const clamp = (v: number) => x(Math.max(x.domain()[0], Math.min(x.domain()[1], v)));
        return svg`<g>
          <text x=${narrow ? left : left - 8} y=${y + 12} font-size="12" text-anchor=${narrow ? 'start' : 'end'} fill="#1a1a1a">${fitLabel(paramLabel(f.id), narrow ? W - left - 8 : left - 16)}</text>
          <text x=${narrow ? left : left - 8} y=${y + (narrow ? 24 : 25)} font-size="10" text-anchor=${narrow ? 'start' : 'end'} fill="#555">${rangeText(f)}</text>
          <g transform="translate(0 ${barY})"><rect x=${left} y=${y} width=${Math.max(0, clamp(val) - left)} height="20" fill="#1a5fb4"><title>${paramLabel(f.id)}: ${factorText(f)}</title></rect>
          ${sobol && f.first ? svg`<rect x=${left} y=${y + 6} width=${Math.max(0, clamp(f.first.estimate) - left)} height="8" fill="#99c1f1"></rect>` : ''}
          <line x1=${clamp(lo)} x2=${clamp(hi)} y1=${y + 10} y2=${y + 10} stroke="#1a1a1a" stroke-width="1.5"></line>
          <line x1=${clamp(lo)} x2=${clamp(lo)} y1=${y + 5} y2=${y + 15} stroke="#1a1a1a"></line>
          <line x1=${clamp(hi)} x2=${clamp(hi)} y1=${y + 5} y2=${y + 15} stroke="#1a1a1a"></line></g>
        </g>`;
      })}
    </svg>
    ${sobol ? html`<p class="note">${t('decides.screened', { n: fmt(all.length - rows.length) })}</p>` : ''}
    <p class="note">
      ${t('decides.baseline', { value: fmt(r.baseline[o].mean * du.factor, 2), sd: fmt(r.baseline[o].sd * du.factor, 2), unit: du.unit, seeds: r.baseline[o].seeds })}
    </p>`;
}

/** Every assumption with its range, Morris μ* and Sobol indices, each with its interval. */
export function decidesTable(r: SensitivityResult, o: number) {
  const rows = rankedFactors(r, o, r.sobol ? 'total' : 'muStar');
  const du = displayUnit(r.outputs[o].unit, r.baseline[o].mean);
  const e = (v?: { estimate: number; lo: number; hi: number }, k = 1) =>
    v ? `${fmt(v.estimate * k, 2)} [${fmt(v.lo * k, 2)}, ${fmt(v.hi * k, 2)}]` : '–';
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${t('decides.title')}>
    <table id="decides-data">
      <thead>
        <tr>
          <th scope="col">${t('decides.assumption')}</th>
          <th scope="col">${t('decides.range')}</th>
          <th scope="col">${t('decides.muStar', { unit: du.unit })}</th>
          <th scope="col">S1</th>
          <th scope="col">ST</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (f) =>
            html`<tr>
              <td class="text">${paramLabel(f.id)}<br /><span class="note">${factorText(f)}</span></td>
              <td class="text">${rangeText(f)}</td>
              <td>${e(f.muStar, du.factor)}</td>
              <td>${e(f.first)}</td>
              <td>${e(f.total)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
