/**
 * One followed case, side by side in every structure: the same resident's problem (common
 * random numbers make it the same problem), its journey as a timeline whose segments add
 * up to its time to close, each step with its office and hours, and the staff time it took.
 */
import { LitElement, css, html, svg } from 'lit';
import { addMessages, fmt, nameOf, t, type MessageKey } from '../../render/i18n.ts';
import { mapEn } from '../../render/messages/map-en.ts';
import { mapZh } from '../../render/messages/map-zh.ts';
import { officeName } from '../map-layout.ts';
import { hoursByKind, hoursToClose, type Journey, type Segment, type SegmentKind } from '../../sim/observe/trace.ts';
import { CASE_TYPES, CHANNELS } from '../../sim/kernel/cases.ts';
import type { SessionInfo } from '../../workers/session.ts';

/** One structure's side of a followed case. */
export interface JourneyItem {
  title: string;
  info: SessionInfo;
  journey?: Journey;
  /** The run's time now, minutes. */
  now: number;
}

/** Working hours a post gives in a year (250 days of 8 hours): what a staff hour costs is the post's yearly cost over this. */
export const POST_HOURS_PER_YEAR = 2000;

export const KIND_COLOURS: Record<SegmentKind, string> = {
  unnoticed: '#9a9996',
  waiting: '#c64600',
  working: '#1a5fb4',
  travel: '#613583',
  transfer: '#5e5c64',
  returned: '#c01c28',
  parts: '#1a7f37',
};

const KINDS: SegmentKind[] = ['waiting', 'working', 'travel', 'transfer', 'returned', 'parts'];

function where(info: SessionInfo, office: number): string {
  return office >= 0 ? officeName(info, office) : '';
}

function clock(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const m = Math.floor(minutes - day * 1440);
  return t('journey.when', {
    day: fmt(day + 1),
    time: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
  });
}

/** A span of minutes in minutes below two hours, else in hours. */
function span(minutes: number): string {
  return minutes < 120 ? t('journey.minutes', { n: fmt(minutes) }) : t('journey.hoursN', { n: fmt(minutes / 60, 1) });
}

/** Staff hours a journey took (working and travel, its parts included) and what they cost, yuan. */
export function staffCost(info: SessionInfo, j: Journey, now: number): { hours: number; yuan: number } {
  let hours = 0;
  let yuan = 0;
  const add = (s: Segment) => {
    if (s.kind !== 'working' && s.kind !== 'travel') return;
    const h = (Math.min(s.end, now) - s.start) / 60;
    if (!(h > 0)) return;
    const g = info.groups.find((x) => s.office >= x.firstOffice && s.office < x.firstOffice + x.offices);
    hours += h;
    yuan += h * ((g?.costPerPostYuan ?? 0) / POST_HOURS_PER_YEAR);
  };
  j.segments.forEach(add);
  j.parts.forEach((p) => p.segments.forEach(add));
  return { hours, yuan };
}

addMessages({ en: mapEn, zh: mapZh });

/**
 * The journey of the case followed, in every structure side by side: when it was raised and
 * by whom, each step with its office and hours, when it was taken up and reached on site,
 * its time to close and the staff time it took.
 */
export class FgJourney extends LitElement {
  static properties = { lang: {}, problem: { type: Number }, items: { attribute: false } };
  /** The language: a change re-renders the strings. */
  declare lang: string;
  /** The problem followed (its number, the same in every structure). */
  declare problem: number;
  /** Its journey in each structure with a run, with the run's time now. */
  declare items: JourneyItem[];

  static styles = css`
    :host {
      display: block;
      border: 2px solid #1a5fb4;
      border-radius: 6px;
      padding: 0.5rem 0.7rem;
      margin: 0.6rem 0;
    }
    h3 {
      margin: 0 0 0.3rem;
      font-size: 1.05rem;
    }
    .cols {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      gap: 0.8rem;
    }
    h4 {
      margin: 0.2rem 0;
      font-size: 0.95rem;
      overflow-wrap: anywhere;
    }
    p {
      margin: 0.2rem 0;
      font-size: 0.9rem;
    }
    svg {
      width: 100%;
      height: auto;
      display: block;
      margin: 0.3rem 0;
    }
    table {
      border-collapse: collapse;
      font-size: 0.85rem;
      width: 100%;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      text-align: left;
      padding: 0.1rem 0.3rem;
      border-bottom: 1px solid #ddd;
      vertical-align: top;
    }
    td.n,
    th.n {
      text-align: right;
      white-space: nowrap;
    }
    tfoot td {
      font-weight: 600;
      border-bottom: none;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.8rem;
      font-size: 0.8rem;
    }
    .sw {
      display: inline-block;
      width: 10px;
      height: 10px;
      margin-right: 0.25rem;
      vertical-align: middle;
    }
  `;

  constructor() {
    super();
    this.lang = 'en';
    this.problem = 0;
    this.items = [];
  }

  render() {
    return html`<h3 id="journey-title">${t('journey.title', { n: fmt(this.problem) })}</h3>
      <div class="legend">
        ${KINDS.map((k) => html`<span><span class="sw" style="background:${KIND_COLOURS[k]}"></span>${t(`journey.kind.${k}` as MessageKey)}</span>`)}
      </div>
      <div class="cols">${this.items.map((it, i) => this.column(it, i))}</div>`;
  }

  private column(it: JourneyItem, i: number) {
    const j = it.journey;
    if (!j)
      return html`<section>
        <h4>${it.title}</h4>
        <p>${t('journey.notKept')}</p>
      </section>`;
    const open = j.outcome === 'open';
    const end = open ? it.now : j.ended;
    const reported = Number.isFinite(j.reported);
    const byKind = hoursByKind(j, end);
    const total = reported ? hoursToClose(j, end) : 0;
    const cost = staffCost(it.info, j, end);
    const tierName = j.tier >= 0 ? nameOf(it.info.tiers[j.tier]) : '';
    const outcome =
      j.outcome === 'closed'
        ? t('journey.closed', { h: fmt(total, 1), where: tierName })
        : j.outcome === 'lost'
          ? t('journey.lost', { h: fmt(total, 1), where: tierName })
          : j.outcome === 'unreported'
            ? t('journey.unreported')
            : reported
              ? t('journey.open', { h: fmt(total, 1) })
              : t('journey.unnoticed');
    const segs = j.segments.filter((s) => s.kind !== 'unnoticed');
    return html`<section data-structure=${i}>
      <h4>${it.title}</h4>
      <p>
        ${t('journey.raised', { when: clock(j.raised), resident: fmt(j.resident), channel: t(`channel.${CHANNELS[j.channel]}` as MessageKey), type: t(`journey.type.${CASE_TYPES[j.type]}` as MessageKey), place: j.field ? t('journey.field') : t('journey.desk') })}
      </p>
      ${reported && j.reported > j.raised ? html`<p>${t('journey.reportedLater', { h: fmt((j.reported - j.raised) / 60, 1) })}</p>` : ''}
      <p class="outcome">
        <strong>${outcome}</strong
        >${Number.isFinite(j.deadline) ? html` · ${end <= j.deadline ? t('journey.inTime') : t('journey.late')}` : ''}
      </p>
      ${
        reported && (j.accepted < Infinity || j.onSite < Infinity)
          ? html`<p class="milestones">
              ${[
                j.accepted < Infinity ? t('journey.accepted', { after: span(j.accepted - j.reported) }) : '',
                j.onSite < Infinity ? t('journey.onSite', { after: span(j.onSite - j.reported) }) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>`
          : ''
      }
      ${reported && total > 0 ? this.timeline(j, end) : ''}
      ${
        segs.length
          ? html`<table>
              <thead>
                <tr>
                  <th>${t('journey.step')}</th>
                  <th>${t('journey.where')}</th>
                  <th class="n">${t('journey.hours')}</th>
                </tr>
              </thead>
              <tbody>
                ${segs.map(
                  (s) =>
                    html`<tr>
                      <td>
                        <span class="sw" style="background:${KIND_COLOURS[s.kind]}"></span
                        >${t(`journey.kind.${s.kind}` as MessageKey)}${s.rework ? ` (${t('journey.rework')})` : ''}
                      </td>
                      <td>
                        ${s.kind === 'transfer' || s.kind === 'returned' ? `${where(it.info, s.from ?? -1)} → ${where(it.info, s.office)}` : s.kind === 'parts' ? j.parts.map((p) => where(it.info, p.office)).join(', ') : where(it.info, s.office)}
                      </td>
                      <td class="n">${fmt((Math.min(s.end, end) - s.start) / 60, 2)}</td>
                    </tr>`,
                )}
              </tbody>
              <tfoot>
                <tr>
                  <td colspan="2">${open ? t('journey.totalSoFar') : t('journey.total')}</td>
                  <td class="n" data-total>
                    ${fmt(
                      KINDS.reduce((a, k) => a + byKind[k], 0),
                      2,
                    )}
                  </td>
                </tr>
              </tfoot>
            </table>`
          : ''
      }
      ${cost.hours > 0 ? html`<p>${t('journey.cost', { h: fmt(cost.hours, 1), yuan: fmt(cost.yuan), perYear: fmt(POST_HOURS_PER_YEAR) })}</p>` : ''}
    </section>`;
  }

  private timeline(j: Journey, end: number) {
    const t0 = j.reported;
    const span = Math.max(1e-9, end - t0);
    const W = 1000;
    const rows = 1 + j.parts.length;
    const H = 18 + 10 * (rows - 1);
    const x = (m: number) => ((Math.min(m, end) - t0) / span) * W;
    const bar = (s: Segment, y: number, h: number) =>
      svg`<rect x=${x(s.start)} y=${y} width=${Math.max(1, x(s.end) - x(s.start))} height=${h} fill=${KIND_COLOURS[s.kind]}><title>${t(`journey.kind.${s.kind}` as MessageKey)}: ${fmt((Math.min(s.end, end) - s.start) / 60, 2)} h</title></rect>`;
    return html`<svg
      viewBox="0 0 ${W} ${H}"
      style="height:${H + 2}px"
      role="img"
      aria-label=${t('journey.timeline')}
      preserveAspectRatio="none"
    >
      ${j.segments.filter((s) => s.kind !== 'unnoticed').map((s) => bar(s, 0, 16))}
      ${j.parts.map((p, k) => p.segments.map((s) => bar(s, 18 + 10 * k, 8)))}
    </svg>`;
  }
}

customElements.define('fg-journey', FgJourney);

declare global {
  interface HTMLElementTagNameMap {
    'fg-journey': FgJourney;
  }
}
