/**
 * A one-page brief of a comparison, as a standalone HTML document laid out for one A4 page
 * (`@page` and `@media print`: the browser's "save as PDF" gives a clean page): the question,
 * the headline figures (with 95% intervals when replications were run), two charts, the
 * main assumptions, the sources, and the link that reproduces the comparison. Plain
 * strings, no DOM: the app opens it in a new tab and the command line writes it to a file.
 */
import { METRIC_BY_ID } from '../sim/observe/catalog.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { SEED_DOCUMENTS } from '../scenarios/sources.ts';
import { PALETTE } from './palette.ts';
import { fmt, getLang, t } from './i18n.ts';
import { rankedFactors } from '../experiments/sensitivity-report.ts';
import type { SensitivityResult } from '../experiments/sensitivity-run.ts';
import { paramLabel } from './assumption-labels.ts';
import { plainHelp } from './param-labels.ts';
import { fasterSentence, formatInterval, formatValue, headlineRows, headlineValue, SENTENCE_METRIC, type Headline } from './headline.ts';
import { structuralBriefHtml, structuralClause, withClause, type StructuralResult } from './structural.ts';

export interface BriefStructure {
  /** Short name as the app shows it ("Longgang 2021"). */
  name: string;
  scenario: Scenario;
  /** Figures of the single run shown (when no replications). */
  headline?: Headline;
  /** Daily series for the two charts. */
  series?: { day: ArrayLike<number>; open: ArrayLike<number>; localShare: ArrayLike<number> };
}

/** What the brief needs of replications: the runner's summary and paired differences. */
export interface BriefReplications {
  n: number;
  days: number;
  summary: { structure: string; metric: string; mean: number; low: number; high: number }[];
  differences: { a: string; b: string; metric: string; mean: number; low: number; high: number }[];
  /** Time series of every run (BRIEF_SERIES at least), for the charts: their mean over replications. */
  series?: { structure: string; metric: string; day: number; value: number }[];
}

/** Series the brief's charts draw. */
export const BRIEF_SERIES = ['open', 'localResolutionShare'] as const;

/** The mean over replications of a series metric of one structure, day by day. */
export function meanSeries(
  rows: NonNullable<BriefReplications['series']>,
  structure: string,
  metric: string,
): { day: number[]; value: number[] } {
  const by = new Map<number, { sum: number; n: number }>();
  for (const r of rows)
    if (r.structure === structure && r.metric === metric && Number.isFinite(r.value)) {
      const a = by.get(r.day) ?? { sum: 0, n: 0 };
      a.sum += r.value;
      a.n += 1;
      by.set(r.day, a);
    }
  const days = [...by.keys()].sort((x, y) => x - y);
  return { day: days, value: days.map((d) => by.get(d)!.sum / by.get(d)!.n) };
}

export interface BriefInput {
  structures: BriefStructure[];
  seed: number;
  days: number;
  /** Day the single run has reached. */
  day: number;
  /** The link that reproduces the comparison (the app's share link). */
  link?: string;
  /** And the command that reproduces it (the command line's brief). */
  command?: string;
  /** The experiment the figures come from (the command line's brief), kept in the page as JSON. */
  experiment?: unknown;
  /** Version line: what produced the figures. */
  source: string;
  replications?: BriefReplications;
  /**
   * A global sensitivity analysis of these very structures (computed in the app, or the shipped
   * one when it is of the same pair: see sensitivityOfPair): what decides the answer. Without
   * one, the brief says that it has not been computed for this pair.
   */
  sensitivity?: SensitivityResult;
  /** How much of each difference between the first two structures is structure (render/structural.ts), and how to compute it when it is not. */
  structural?: StructuralResult;
  structuralHow?: string;
}

/**
 * The sensitivity analysis, if it is of the structures compared: the same presets, unchanged,
 * in the same order (`presets[i]` undefined for a structure changed or read from a file).
 */
export function sensitivityOfPair(
  r: SensitivityResult | undefined,
  presets: readonly (string | undefined)[],
): SensitivityResult | undefined {
  const of = (r?.experiment as { structures?: { preset?: string; overrides?: object; file?: unknown; scenario?: unknown }[] } | undefined)
    ?.structures;
  if (!r || !of || of.length !== presets.length) return undefined;
  const same = of.every((x, i) => presets[i] !== undefined && x.preset === presets[i] && Object.keys(x.overrides ?? {}).length === 0);
  return same ? r : undefined;
}

/** Names in a sentence: "A and B", "A, B and C"; 甲与乙, 甲、乙与丙. */
export function nameList(names: readonly string[]): string {
  if (names.length < 2) return names.join('');
  const zh = getLang() === 'zh';
  return `${names.slice(0, -1).join(zh ? '、' : ', ')}${zh ? '与' : ' and '}${names[names.length - 1]}`;
}

/** How many assumptions the brief names for each difference, and the differences it names them for (the first three it finds). */
const DECISIVE = 3;
const DECISIVE_METRICS = ['hoursToCloseAll.mean', 'hoursToClose.mean', 'localResolutionShare', 'cost.annualYuan', 'cost.perCaseYuan'];

/** The assumptions that most decide each difference between structures, by Sobol total index (ST) with its interval. */
export function decisiveLines(
  r: SensitivityResult,
): { output: string; metric: string; of: string; factors: { id: string; st: number; lo: number; hi: number }[] }[] {
  return r.outputs
    .flatMap((out, o) => {
      if (!out.difference || !DECISIVE_METRICS.includes(out.metric)) return [];
      const factors = rankedFactors(r, o, 'total')
        .slice(0, DECISIVE)
        .flatMap((f) => (f.total ? [{ id: f.id, st: f.total.estimate, lo: f.total.lo, hi: f.total.hi }] : []));
      return factors.length ? [{ output: out.label, metric: out.metric, of: out.of, factors }] : [];
    })
    .slice(0, 3);
}

/** Metrics of replications shown in the brief, as in the headline strip. */
export const BRIEF_METRICS = [
  'localResolutionShare',
  'hoursToClose.mean',
  'hoursToClose.p90',
  'sla.accept30m',
  'sla.onsite1h',
  'sla.close24h',
  'sla.difficult5wd',
  'cost.perCaseYuan',
  'trust.mean',
] as const;

/** How many assumptions the page has room for; the rest are counted. */
const MAX_ASSUMPTIONS = 3;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A structure's reasoning in the brief's language, in plain words (no file names). */
const local = (en: string, zh?: string) => (getLang() === 'zh' && zh ? plainHelp(zh, 'zh') : plainHelp(en, 'en'));

interface Line {
  name: string;
  color: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** Round ticks from lo to hi: steps of 1, 2 or 5 times a power of ten, about n of them. */
export function niceTicks(lo: number, hi: number, n: number): number[] {
  const raw = (hi - lo) / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  const e = raw / p;
  const step = (e >= 7.07 ? 10 : e >= 3.16 ? 5 : e >= 1.41 ? 2 : 1) * p;
  const out: number[] = [];
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + 1e-9 * step; i++) out.push(i * step + 0); // + 0: no −0
  return out;
}

/** A small line chart as SVG: one line per structure, axes with a few ticks. */
export function lineChartSvg(
  title: string,
  lines: Line[],
  opts: { xMax: number; percent?: boolean; yMin?: number; height?: number },
): string {
  const W = 340,
    H = opts.height ?? 180,
    L = 44,
    R = 8,
    T = 22,
    B = 34;
  let yMax = 0;
  let yMin = opts.yMin ?? 0;
  for (const l of lines)
    for (let i = 0; i < l.y.length; i++) {
      const v = l.y[i];
      if (Number.isFinite(v)) ((yMax = Math.max(yMax, v)), opts.yMin === undefined || (yMin = Math.min(yMin, v)));
    }
  if (opts.percent) yMax = Math.min(1, Math.max(yMax, yMin + 0.05));
  if (!(yMax > yMin)) yMax = yMin + 1;
  // Up to a round number, so the top line is labelled.
  const top = niceTicks(yMin, yMax, 4);
  if (top.length > 1 && top[top.length - 1] < yMax - 1e-12) yMax = top[top.length - 1] + (top[1] - top[0]);
  if (opts.percent) yMax = Math.min(1, yMax);
  const xs = (x: number) => L + (x / Math.max(1, opts.xMax)) * (W - L - R);
  const ys = (y: number) => T + (1 - (y - yMin) / (yMax - yMin)) * (H - T - B);
  const yt = niceTicks(yMin, yMax, 4)
    .map(
      (v) =>
        `<g><line x1="${L}" x2="${W - R}" y1="${ys(v).toFixed(1)}" y2="${ys(v).toFixed(1)}" stroke="#ddd"/><text x="${L - 4}" y="${(ys(v) + 3).toFixed(1)}" text-anchor="end">${escapeHtml(opts.percent ? `${fmt(v * 100, 0)} %` : fmt(v, yMax < 5 ? 1 : 0))}</text></g>`,
    )
    .join('');
  const xt = niceTicks(0, opts.xMax, 4)
    .map((v) => `<text x="${xs(v).toFixed(1)}" y="${H - B + 12}" text-anchor="middle">${escapeHtml(fmt(v, 0))}</text>`)
    .join('');
  const paths = lines
    .map((l) => {
      let d = '';
      let pen = false;
      for (let i = 0; i < l.x.length; i++) {
        const v = l.y[i];
        if (!Number.isFinite(v)) {
          pen = false;
          continue;
        }
        d += `${pen ? 'L' : 'M'}${xs(l.x[i]).toFixed(1)},${ys(v).toFixed(1)}`;
        pen = true;
      }
      return d ? `<path d="${d}" fill="none" stroke="${l.color}" stroke-width="1.6"/>` : '';
    })
    .join('');
  // Two legend entries a row, the rows below the axis.
  const legend = lines
    .map(
      (l, i) =>
        `<g transform="translate(${L + (i % 2) * 140},${H - 6 + Math.floor(i / 2) * 12})"><line x1="0" x2="14" y1="-3" y2="-3" stroke="${l.color}" stroke-width="2.5"/><text x="18" y="0">${escapeHtml(l.name)}</text></g>`,
    )
    .join('');
  const height = H + Math.max(0, Math.ceil(lines.length / 2) - 1) * 12;
  return `<figure><svg viewBox="0 0 ${W} ${height}" role="img" aria-label="${escapeHtml(title)}" font-size="9" font-family="sans-serif">
<text x="${L}" y="12" font-size="10.5" font-weight="bold">${escapeHtml(title)}</text>${yt}<line x1="${L}" x2="${W - R}" y1="${ys(yMin)}" y2="${ys(yMin)}" stroke="#333"/>${xt}
<text x="${W - R}" y="${H - B + 22}" text-anchor="end">${escapeHtml(t('chart.day'))}</text>${paths}${legend}</svg></figure>`;
}

/** The figures table: the single run's headline, or the replications' means with intervals. */
function figuresTable(b: BriefInput): string {
  const names = b.structures.map((s) => s.name);
  const head = `<tr><th>${escapeHtml(t('brief.metric'))}</th>${names.map((n) => `<th>${escapeHtml(n)}</th>`).join('')}</tr>`;
  const reps = b.replications;
  if (reps) {
    const rows = BRIEF_METRICS.map((m) => {
      const info = METRIC_BY_ID.get(m)!;
      const cells = names.map((n) => {
        const r = reps.summary.find((x) => x.structure === n && x.metric === m);
        return `<td data-metric="${m}">${escapeHtml(r ? formatInterval(r.mean, r.low, r.high, info.unit) : '–')}</td>`;
      });
      return `<tr><th scope="row">${escapeHtml(getLang() === 'zh' ? info.labelZh : info.label)}</th>${cells.join('')}</tr>`;
    });
    return `<table class="figures${names.length > 2 ? ' many' : ''}">${head}${rows.join('')}</table>`;
  }
  const km = b.structures.every((s) => !s.headline || s.headline.km);
  const rows = headlineRows(km).map(
    (r) =>
      `<tr><th scope="row">${escapeHtml(r.label)}</th>${b.structures.map((s) => `<td data-metric="${r.id}">${escapeHtml(s.headline ? formatValue(headlineValue(s.headline, r.id), r.unit) : '–')}</td>`).join('')}</tr>`,
  );
  return `<table class="figures${names.length > 2 ? ' many' : ''}">${head}${rows.join('')}</table>`;
}

/** The difference between the first two structures in words (with its interval after replications, and how much of it is structure once decomposed). */
export function briefSentence(b: BriefInput): string {
  const [a, c] = b.structures;
  if (!a || !c) return '';
  const reps = b.replications;
  let hours: [number, number];
  let sentence: string;
  if (reps) {
    const mean = (n: string) => reps.summary.find((x) => x.structure === n && x.metric === 'hoursToClose.mean')?.mean ?? NaN;
    const d = reps.differences.find((x) => x.a === a.name && x.b === c.name && x.metric === 'hoursToClose.mean');
    hours = [mean(a.name), mean(c.name)];
    sentence = fasterSentence(
      { name: a.name, meanHours: hours[0] },
      { name: c.name, meanHours: hours[1] },
      d ? { low: d.low, high: d.high } : undefined,
    );
  } else {
    hours = [a.headline ? headlineValue(a.headline, SENTENCE_METRIC) : NaN, c.headline ? headlineValue(c.headline, SENTENCE_METRIC) : NaN];
    sentence = fasterSentence({ name: a.name, meanHours: hours[0] }, { name: c.name, meanHours: hours[1] });
  }
  const clause = structuralClause(hours[1] - hours[0], b.structural);
  return clause ? withClause(sentence, clause.text) : sentence;
}

/** Before a run there are no figures: the brief is one sentence saying so. */
function notYetHtml(b: BriefInput, lang: string, list: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('brief.title', { structures: list }))}</title>
<style>html { font-family: system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif; } body { max-width: 40em; margin: 2em auto; padding: 0 1em; }</style></head>
<body><main><h1>${escapeHtml(t('brief.title', { structures: list }))}</h1>
<p id="not-yet">${escapeHtml(t('brief.notYet'))}</p>
${b.link ? `<p class="link"><a id="link" href="${escapeHtml(b.link)}">${escapeHtml(t('brief.openApp'))}</a></p>` : ''}
</main></body></html>
`;
}

export function briefHtml(b: BriefInput): string {
  const names = b.structures.map((s) => s.name);
  const list = nameList(names);
  const lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  const reps = b.replications;
  if (!reps && !(b.day > 0)) return notYetHtml(b, lang, list);
  const figuresTitle = reps
    ? t('brief.figuresReps', { n: reps.n, days: fmt(reps.days) })
    : t('brief.figures', { day: fmt(Math.floor(b.day + 1e-9)) });
  // The charts: the replications' mean when their series are there, else the single run.
  const repSeries = reps?.series && reps.series.length > 0 ? reps.series : undefined;
  const structures = b.structures.map((s) => {
    if (!repSeries) return s;
    const open = meanSeries(repSeries, s.name, 'open');
    return { ...s, series: { day: open.day, open: open.value, localShare: meanSeries(repSeries, s.name, 'localResolutionShare').value } };
  });
  const withSeries = structures.filter((s) => s.series && s.series.day.length > 0);
  const chartDays = repSeries ? reps!.days : b.day;
  const line = (f: (s: NonNullable<BriefStructure['series']>) => ArrayLike<number>) =>
    withSeries.map((s) => ({ name: s.name, color: PALETTE[structures.indexOf(s) % PALETTE.length], x: s.series!.day, y: f(s.series!) }));
  // Assumptions: every structure's, once per parameter, in the order the structures give them.
  const seen = new Map<string, string>();
  for (const s of b.structures)
    for (const a of s.scenario.assumptions) if (!seen.has(a.param)) seen.set(a.param, local(a.reasoning, a.reasoningZh));
  // Those that most decide the answer first.
  const decisive = b.sensitivity ? decisiveLines(b.sensitivity).flatMap((l) => l.factors.map((f) => f.id)) : [];
  const rank = (p: string) => (decisive.includes(p) ? decisive.indexOf(p) : decisive.length);
  const assumptions = [...seen].sort(([p], [q]) => rank(p) - rank(q)).slice(0, MAX_ASSUMPTIONS);
  // Sources: the documents cited, with how many facts each structure takes from them.
  const docs = new Map<string, number>();
  for (const s of b.structures) for (const x of s.scenario.sources) docs.set(x.seed, (docs.get(x.seed) ?? 0) + 1);
  const title = (id: string) => {
    const d = SEED_DOCUMENTS.find((x) => x.id === id);
    return d ? (getLang() === 'zh' ? d.title : d.titleEn) : id;
  };
  const sentence = briefSentence(b);
  // The structural part takes a line, or a table once computed: the charts are lower, so that the page stays one A4 sheet.
  const chartHeight = b.structural ? 120 : 165;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('brief.title', { structures: list }))}</title>
<style>
  @page { size: A4; margin: 11mm 12mm; }
  html { font-family: system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif; color: #111; }
  body { max-width: 186mm; margin: 0 auto; padding: 4mm; font-size: 9pt; line-height: 1.3; }
  h1 { font-size: 14pt; margin: 0 0 1mm; }
  h2 { font-size: 10pt; margin: 2.5mm 0 1mm; border-bottom: 1px solid #1a5fb4; }
  p { margin: 0.8mm 0; }
  table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
  th, td { text-align: right; padding: 0.5mm 1.5mm; border-bottom: 1px solid #ddd; }
  td { white-space: nowrap; }
  table.many { font-size: 7.5pt; }
  table.many td { white-space: normal; }
  th:first-child { text-align: left; font-weight: normal; }
  thead th, tr:first-child th { font-weight: bold; }
  .sentence { font-weight: bold; font-size: 10pt; margin-top: 1.5mm; }
  .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
  figure { margin: 0; }
  svg { width: 100%; height: auto; display: block; }
  ul { margin: 0; padding-left: 4mm; }
  .assumptions li, .sources li, .decides li { font-size: 8pt; }
  .structural-tables { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
  table.structural { font-size: 7pt; table-layout: fixed; }
  table.structural th:first-child { width: 38%; }
  table.structural th, table.structural td, body.structural table.figures th, body.structural table.figures td { padding: 0.15mm 1.2mm; line-height: 1.15; }
  .param { font-weight: 600; }
  .link { overflow-wrap: anywhere; word-break: break-all; font-size: 7.5pt; }
  .small { font-size: 7.5pt; color: #333; }
  .print { font: inherit; margin: 2mm 0; padding: 1mm 3mm; }
  @media screen { body { box-shadow: 0 0 4px #999; margin: 6mm auto; } }
  @media screen and (max-width: 700px) { body { max-width: none; margin: 0; box-shadow: none; } .charts { grid-template-columns: 1fr; } }
  @media print { .print { display: none; } body { padding: 0; } }
</style></head>
<body${b.structural ? ' class="structural"' : ''}>
<main>
<button class="print" onclick="print()">${escapeHtml(t('brief.print'))}</button>
<h1>${escapeHtml(t('brief.title', { structures: list }))}</h1>
<h2>${escapeHtml(t('brief.question'))}</h2>
<p id="question">${escapeHtml(reps ? t('brief.questionReps', { structures: list, n: reps.n, days: fmt(reps.days), seed: b.seed }) : t('brief.questionText', { structures: list, day: fmt(Math.floor(b.day + 1e-9)), days: fmt(b.days), seed: b.seed }))}</p>
<h2>${escapeHtml(figuresTitle)}</h2>
${figuresTable(b)}
${sentence ? `<p class="sentence" id="sentence">${escapeHtml(sentence)}</p>` : ''}
<p class="small">${escapeHtml(reps ? t('brief.repsNote') : b.structures.every((s) => !s.headline || s.headline.km) ? t('head.kmNote') : t('head.liveNote'))}</p>
${b.structures.length >= 2 ? structuralBriefHtml(b.structural, b.structuralHow ?? '') : ''}
${
  withSeries.length
    ? `${reps ? `<p class="small">${escapeHtml(repSeries ? t('brief.chartsReps', { n: reps.n }) : t('brief.chartsRun', { day: fmt(Math.floor(b.day + 1e-9)), seed: b.seed }))}</p>` : ''}<div class="charts">${lineChartSvg(
        t('brief.chartBacklog'),
        line((s) => s.open),
        { xMax: Math.max(1, chartDays), height: chartHeight },
      )}${lineChartSvg(
        t('brief.chartLocal'),
        line((s) => s.localShare),
        { xMax: Math.max(1, chartDays), percent: true, height: chartHeight },
      )}</div>`
    : ''
}
<h2>${escapeHtml(t('brief.assumptions'))}</h2>
<ul class="assumptions">${assumptions.map(([p, r]) => `<li><span class="param" data-path="${escapeHtml(p)}">${escapeHtml(paramLabel(p))}</span> — ${escapeHtml(r)}</li>`).join('')}</ul>
${seen.size > assumptions.length ? `<p class="small">${escapeHtml(t('brief.moreAssumptions', { n: seen.size - assumptions.length }))}</p>` : ''}
${decidesHtml(b.sensitivity, list)}
<h2>${escapeHtml(t('brief.sources'))}</h2>
<ul class="sources">${[...docs]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(
      ([id, n]) =>
        `<li>${escapeHtml(id)} ${escapeHtml(title(id))}${escapeHtml(getLang() === 'zh' ? `（${t('brief.facts', { n })}）` : ` (${t('brief.facts', { n })})`)}</li>`,
    )
    .join('')}</ul>
<h2>${escapeHtml(t('brief.reproduce'))}</h2>
${b.link ? `<p class="link"><a id="link" href="${escapeHtml(b.link)}">${escapeHtml(b.link)}</a></p>` : ''}
${b.command ? `<p class="link"><code id="command">${escapeHtml(b.command)}</code></p>` : ''}
${b.experiment !== undefined ? `<script type="application/json" id="experiment">${JSON.stringify(b.experiment).replace(/</g, '\\u003c')}</script>` : ''}
<p class="small">${escapeHtml(b.source)}</p>
</main>
</body></html>
`;
}

/** An output of the analysis in the brief's language: the figure's label, and "difference" when it is one. */
function outputText(r: SensitivityResult, metric: string, of: string): string {
  const info = METRIC_BY_ID.get(metric);
  const label = info ? (getLang() === 'zh' ? info.labelZh : info.label) : metric;
  const difference = r.outputs.some((o) => o.metric === metric && o.of === of && o.difference);
  if (!difference) return label;
  return t('brief.decidesDifference', { figure: getLang() === 'zh' ? label : label.charAt(0).toLowerCase() + label.slice(1) });
}

/** What decides the answer for the structures compared; a sentence saying why not when it was not computed for them. */
function decidesHtml(r: SensitivityResult | undefined, list: string): string {
  const lines = r ? decisiveLines(r) : [];
  if (!r || !lines.length)
    return `<h2>${escapeHtml(t('brief.decides'))}</h2>
<p class="small" id="decides-none">${escapeHtml(t('brief.decidesNone', { structures: list }))}</p>`;
  const n = (x: number) => fmt(x, 2);
  const sep = getLang() === 'zh' ? '；' : '; ';
  return `<h2>${escapeHtml(t('brief.decides'))}</h2>
<p class="small">${escapeHtml(t('brief.decidesNote', { structures: list, days: fmt(r.days), runs: fmt(r.morris.runs + (r.sobol?.runs ?? 0)) }))}</p>
<ul class="decides">${lines.map((l) => `<li><b>${escapeHtml(outputText(r, l.metric, l.of))}</b>${getLang() === 'zh' ? '：' : ': '}${l.factors.map((f) => `<span class="param" data-path="${escapeHtml(f.id)}">${escapeHtml(paramLabel(f.id))}</span> ${escapeHtml(t('brief.st', { st: n(f.st), lo: n(f.lo), hi: n(f.hi) }))}`).join(sep)}</li>`).join('')}</ul>`;
}

/** Names of structures for the brief: the app's titles without their numbers. */
export function shortName(title: string): string {
  return title.replace(/^\d+\.\s*/, '');
}
