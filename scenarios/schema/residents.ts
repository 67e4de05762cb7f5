/** Residents as agents: trust, waiting, calling again, petitioning. */
import { z } from 'zod';
import { bool, num } from './fields.ts';

/** How residents respond to how their cases are handled. */
export const residentsSchema = z
  .strictObject({
    feedback: bool('Whether residents’ trust moves with their cases’ outcomes.', true),
    initialTrust: num('Trust each resident starts with. ASSUMPTION.', 'share', 0.7, 0, 1, {
      a: { range: [0.5, 0.85], reasoning: 'Surveys of trust in local government in China give 50–85% trusting.' },
      zh: '每位居民的初始信任度。假设。',
    }),
    trustUp: num('Share of the way to full trust gained when a case closes on time. ASSUMPTION.', 'share', 0.05, 0, 1, {
      a: { range: [0.02, 0.1], reasoning: 'Trust rises slowly after good service; a factor of two either way.' },
    }),
    trustDown: num('Share of trust lost when a case closes late. ASSUMPTION.', 'share', 0.15, 0, 1, {
      a: { range: [0.08, 0.25], reasoning: 'Losses weigh more than gains (about three times), within a factor of two.' },
    }),
    trustBounced: num('Extra share of trust lost when a case was returned on the way. ASSUMPTION.', 'share', 0.05, 0, 1, {
      a: { range: [0.02, 0.1], reasoning: 'A factor of two either way.' },
    }),
    trustLost: num('Share of trust lost when a case is lost. ASSUMPTION.', 'share', 0.4, 0, 1, {
      a: { range: [0.2, 0.6], reasoning: 'A lost case costs much trust; a factor of 1.5 either way.' },
    }),
    bypassBase: num('Chance a resident with full trust goes straight to the hotline. ASSUMPTION.', 'share', 0.05, 0, 1, {
      a: { range: [0.02, 0.1], reasoning: 'A factor of two either way.' },
    }),
    bypassLowTrust: num('Extra chance of bypass at zero trust (scales with 1 − trust). ASSUMPTION.', 'share', 0.35, 0, 1, {
      a: { range: [0.2, 0.45], reasoning: 'Distrustful residents often bypass the grid; the sum with the silence chances stays ≤ 1.' },
      zh: '信任为零时额外绕过网格（打热线）的概率，随 1 − 信任度变化。假设。',
    }),
    silentBase: num('Chance a resident with full trust does not report a problem. ASSUMPTION.', 'share', 0.1, 0, 1, {
      a: {
        range: [0.05, 0.15],
        reasoning: 'Victim and service surveys find 5–15% of problems go unreported even by satisfied residents.',
      },
    }),
    silentLowTrust: num('Extra chance of not reporting at zero trust. ASSUMPTION.', 'share', 0.2, 0, 1, {
      a: { range: [0.1, 0.3], reasoning: 'A factor of 1.5 either way.' },
    }),
    petitionShare: num('Share of bypasses at zero trust that become petitions to higher levels. ASSUMPTION.', 'share', 0.1, 0, 1, {
      a: { range: [0.05, 0.2], reasoning: 'A factor of two either way.' },
    }),
    waitingTrustPerDay: num(
      'Share of trust a resident loses for each day one of their cases stays open past its deadline (waiting lowers trust before the case closes). ASSUMPTION.',
      'share/day',
      0,
      0,
      1,
      {
        a: { range: [0.01, 0.04], reasoning: 'Halved to doubled around the presets’ 0.02 a day.' },
        zh: '诉求超过时限仍未办结时，居民每天失去的信任比例（等待本身降低信任）。假设。',
      },
    ),
    repeatContactPerDay: num(
      'Chance a day, at zero trust, that a resident whose case is past its deadline contacts again (failure demand: a hotline call, or at low trust a petition); it scales with 1 − trust. ASSUMPTION.',
      '1/day',
      0,
      0,
      1,
      {
        a: { range: [0.1, 0.3], reasoning: 'Repeat calls about overdue cases: one every three to ten days at zero trust.' },
        zh: '信任为零时，诉求逾期的居民每天再次来电（失败需求：热线，低信任时信访）的概率，随 1 − 信任度变化。假设。',
      },
    ),
    resurfaceMeanDays: num(
      'Mean time after which a problem nobody reported or found is raised again by the resident (it stays a problem, does not vanish). ASSUMPTION.',
      'days',
      30,
      0.01,
      10_000,
      { a: { range: [15, 60], reasoning: 'Two weeks to two months.' } },
    ),
    resurfaceGrowth: num(
      'Multiplier on a problem’s difficulty when it resurfaces after going unreported (problems left alone grow). ASSUMPTION.',
      '×',
      1,
      1,
      10,
      { a: { range: [1.1, 1.5], reasoning: 'Problems left alone grow by 10–50%.' } },
    ),
  })
  .prefault({});
