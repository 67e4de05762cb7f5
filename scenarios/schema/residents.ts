/** Residents as agents: trust from experience, word of mouth, reporting, waiting, calling again. */
import { z } from 'zod';
import { bool, num } from './fields.ts';

/** How residents report problems and respond to how their cases are handled. */
export const residentsSchema = z
  .strictObject({
    feedback: bool('Whether residents’ trust moves with their cases’ outcomes.', true),
    initialTrust: num('Trust each resident starts with. ASSUMPTION.', 'share', 0.7, 0, 1, {
      a: { range: [0.5, 0.85], reasoning: 'Surveys of trust in local government in China give 50–85% trusting.' },
      zh: '每位居民的初始信任度。假设。',
    }),
    trustLearningRate: num(
      'How far a resident’s trust moves towards what a contact gave them (1 if satisfied: closed by the deadline, not returned, redone or reopened; 0 otherwise): t ← t + rate × (satisfaction − t). Trust thus follows experience, not its starting value. ASSUMPTION.',
      'share',
      0.2,
      0,
      1,
      {
        a: {
          range: [0.1, 0.4],
          reasoning:
            'A contact moves an opinion a tenth to two fifths of the way: studies of satisfaction with public services find the last few contacts weigh most.',
        },
        zh: '每次诉求结束后，居民信任向这次体验（满意为1：按时办结、未退回、未返工、未重开；否则为0）移动的比例。信任由经历决定，而非初始值。假设。',
      },
    ),
    wordOfMouth: num(
      'Weight of the community’s reputation (what neighbours’ recent cases gave them) against a resident’s own trust when deciding how to report a problem. ASSUMPTION.',
      'share',
      0.3,
      0,
      1,
      {
        a: {
          range: [0.1, 0.5],
          reasoning:
            'Neighbours’ experience counts for a tenth to a half: surveys of trust in local government find both own contact and hearsay matter.',
        },
        zh: '居民决定如何反映问题时，社区口碑（邻居近期诉求的体验）相对自身信任的权重。假设。',
      },
    ),
    reputationRate: num(
      'How far a community’s reputation moves towards the satisfaction of each case of its residents that ends. ASSUMPTION.',
      'share',
      0.02,
      0,
      1,
      {
        a: { range: [0.01, 0.05], reasoning: 'A community’s reputation reflects its last twenty to a hundred cases.' },
      },
    ),
    trustLost: num('Share of trust lost when a case is lost. ASSUMPTION.', 'share', 0.4, 0, 1, {
      a: { range: [0.2, 0.6], reasoning: 'A lost case costs much trust; a factor of 1.5 either way.' },
    }),
    bypassBase: num('Chance a resident with full trust goes straight to the hotline. ASSUMPTION.', 'share', 0.05, 0, 1, {
      a: { range: [0.02, 0.1], reasoning: 'A factor of two either way.' },
    }),
    bypassLowTrust: num('Extra chance of bypass at zero trust (scales with 1 − trust). ASSUMPTION.', 'share', 0.35, 0, 1, {
      a: { range: [0.2, 0.45], reasoning: 'Distrustful residents often bypass the grid.' },
      zh: '信任为零时额外绕过网格（打热线）的概率，随 1 − 信任度变化。假设。',
    }),
    silentBase: num(
      'Chance a resident with full trust keeps a problem they do not take round the grid to themselves. ASSUMPTION.',
      'share',
      0.1,
      0,
      1,
      {
        a: {
          range: [0.05, 0.15],
          reasoning: 'Victim and service surveys find 5–15% of problems go unreported even by satisfied residents.',
        },
      },
    ),
    silentLowTrust: num(
      'Extra chance of not reporting at zero trust (scales with 1 − trust): problems residents keep to themselves when they expect nothing to come of reporting them, and report once they do (induced demand). ASSUMPTION.',
      'share',
      0.2,
      0,
      1,
      {
        a: {
          range: [0.1, 0.6],
          reasoning:
            'From a fifth more to most problems unreported at zero trust: Beijing’s hotline took about five times as many calls once it answered them (2018–2023), most of them problems people had not reported before.',
        },
        zh: '信任为零时额外不反映问题的概率（随 1 − 信任度变化）：居民认为反映无用时自己消化的问题，信任回升后又会反映（诱发需求）。假设。',
      },
    ),
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
      'Mean time after which a problem nobody reported or found comes back to its resident’s mind: they decide again, by their trust then, whether to raise it or keep it to themselves a while longer (it stays a problem, and grows). ASSUMPTION.',
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
