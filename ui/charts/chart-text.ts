/**
 * What a chart says for those who do not see it: a sentence per panel, and its data as a
 * table.
 */
import { html } from 'lit';
import { fmt, t } from '../../render/i18n.ts';
import type { Panel } from './chart-types.ts';

/** One sentence per panel: the last value of each line, or the bars; `empty` when there is nothing. */
export function chartSummary(panels: readonly Panel[], xLabel: string, value: (v: number) => string, empty: string): string {
  const parts: string[] = [];
  for (const p of panels) {
    if (p.bars) {
      const total = p.bars.values.reduce((a, v) => a + v, 0);
      if (total > 0) {
        const top = p.bars.values.indexOf(Math.max(...p.bars.values));
        const said = p.note ?? p.figures?.map((f) => `${f.label} ${f.text}`).join('; ');
        parts.push(`${p.title}: ${t('chart.summary.bars', { n: fmt(total), top: p.bars.labels[top] })}${said ? `; ${said}` : ''}.`);
      }
      continue;
    }
    const lines = (p.lines ?? []).filter((l) => l.x.length > 0);
    if (!lines.length) continue;
    const last = lines[0].x[lines[0].x.length - 1];
    parts.push(`${p.title}, ${xLabel} ${fmt(last)}: ${lines.map((l) => `${l.label} ${value(l.y[l.y.length - 1])}`).join(', ')}.`);
  }
  return parts.length ? parts.join(' ') : empty;
}

/** The figures panels state besides their marks, one row per figure label, one column per panel. */
function figureRows(panels: readonly Panel[]) {
  const labels = [...new Set(panels.flatMap((p) => (p.figures ?? []).map((f) => f.label)))];
  return labels.map(
    (label) =>
      html`<tr class="figure">
        <th scope="row">${label}</th>
        ${panels.map((p) => {
          const f = p.figures?.find((x) => x.label === label);
          return html`<td data-id=${f?.id ?? ''} data-label=${label} data-value=${String(f?.value ?? NaN)}>${f?.text ?? '–'}</td>`;
        })}
      </tr>`,
  );
}

/** The data as a table: bars as they are; lines every seventh point and the last. */
export function chartTable(panels: readonly Panel[], xLabel: string, value: (v: number) => string) {
  if (panels.some((p) => p.bars)) {
    const labels = panels.find((p) => p.bars)!.bars!.labels;
    const figures = figureRows(panels);
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${xLabel}</th>
          ${panels.map((p) => html`<th scope="col">${p.title}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${labels.map(
          (l, k) =>
            html`<tr>
              <th scope="row">${l}</th>
              ${panels.map((p) => html`<td>${fmt(p.bars?.values[k] ?? NaN)}</td>`)}
            </tr>`,
        )}
      </tbody>
      ${
        figures.length
          ? html`<tfoot>
              ${figures}
            </tfoot>`
          : ''
      }
    </table>`;
  }
  const cols = panels.flatMap((p) => (p.lines ?? []).map((l) => ({ head: `${p.title}: ${l.label}`, l })));
  const longest = cols.reduce((a, c) => Math.max(a, c.l.x.length), 0);
  const rows: number[] = [];
  for (let k = 0; k < longest; k += 7) rows.push(k);
  if (longest > 0 && rows[rows.length - 1] !== longest - 1) rows.push(longest - 1);
  const ref = cols.find((c) => c.l.x.length === longest)?.l;
  return html`<table>
    <thead>
      <tr>
        <th scope="col">${xLabel}</th>
        ${cols.map((c) => html`<th scope="col">${c.head}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (k) =>
          html`<tr>
            <th scope="row">${fmt(ref?.x[k] ?? k)}</th>
            ${cols.map((c) => html`<td>${k < c.l.y.length ? value(c.l.y[k]) : ''}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
