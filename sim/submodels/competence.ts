/**
 * Workers who know or ask (Garicano 2000, "Hierarchies and the Organization of Knowledge in
 * Production", as he wrote it): knowledge is held by people, not pooled over a headcount.
 *
 * - A worker of level l knows how to resolve cases up to difficulty
 *     K_junior(l) = knowledgePerTraining × (training + platformSupport if the platform is on).
 * - An office of two posts or more has a senior (its head, or most experienced worker), whom
 *   the others ask. The most knowledgeable person present in domain d knows up to
 *     K_best(l, d) = knowledgePerTraining × (training × seniorFactor
 *                    + min(1, cadres of d per office) × cadreExpertise + platformSupport),
 *   cadres sent down knowing their own department's domains while present.
 * - Powers are a separate list: the level may decide cases up to
 *     cap(l, d) = powersCeiling × powers(l, d)   (powersByDomain, else powers),
 *   whoever knows them; a harder case is passed up without being tried.
 *
 * Who is free decides the rest (sim/kernel/flow.ts): a case is taken by one worker; one who
 * does not know asks the senior, who spends the help time h on the question when free,
 * whether or not they know the answer.
 *
 * The platform routes by what a level can do at best: the threshold min(cap, K_best), never
 * below the level below's. With mechanisms.competence off, every worker knows everything and
 * powers alone decide; with askForHelp off, every worker knows what the senior knows (no
 * asking, no waiting). A level without a competence block keeps its fixed `threshold`.
 */
import type { Scenario } from '../../scenarios/schema.ts';

export interface Knowledge {
  /** Difficulty a junior of each level knows, level × domain, row-major (Infinity where unlimited). */
  junior: Float64Array;
  /** Difficulty the most knowledgeable person of an office knows, level × domain. */
  best: Float64Array;
  /** Difficulty the level may decide (powers), level × domain. */
  cap: Float64Array;
  /** What the platform routes by: min(cap, best), never below the level below's, level × domain. */
  threshold: Float64Array;
  /** Whether an office of the level has a senior to ask (two posts or more, and asking on). */
  canAsk: Uint8Array;
}

/** Posts per office below which there is nobody to ask: a one-person office. */
export const MIN_POSTS_TO_ASK = 2;

export function knowledgeOf(s: Scenario): Knowledge {
  const D = s.domains.length;
  const L = s.levels.length;
  const m = s.mechanisms;
  const k = m.knowledgePerTraining;
  const platform = s.platform.enabled ? m.platformSupport : 0;
  const out: Knowledge = {
    junior: new Float64Array(L * D),
    best: new Float64Array(L * D),
    cap: new Float64Array(L * D),
    threshold: new Float64Array(L * D),
    canAsk: new Uint8Array(L),
  };
  s.levels.forEach((l, li) => {
    const c = l.competence;
    const posts = l.staffPerUnit + l.cadresPerUnit;
    const hasSenior = posts >= MIN_POSTS_TO_ASK;
    out.canAsk[li] = c !== null && m.competence && m.askForHelp && hasSenior ? 1 : 0;
    for (let d = 0; d < D; d++) {
      const row = li * D + d;
      let cap: number, best: number, junior: number;
      if (!c) cap = best = junior = l.threshold ?? Infinity;
      else if (!m.competence) {
        // Powers alone decide.
        cap = m.powersCeiling * (c.powersByDomain[s.domains[d].id] ?? c.powers);
        best = junior = Infinity;
      } else {
        cap = m.powersCeiling * (c.powersByDomain[s.domains[d].id] ?? c.powers);
        junior = k * (c.training + platform);
        const cadres = Math.min(1, l.cadreDomains[s.domains[d].id] ?? 0);
        best = hasSenior ? k * (c.training * m.seniorFactor + cadres * m.cadreExpertise + platform) : junior;
        // Without asking, every worker knows what the best of them knows.
        if (!m.askForHelp) junior = best;
      }
      out.cap[row] = cap;
      out.best[row] = best;
      out.junior[row] = junior;
      let z = Math.min(cap, best);
      if (li > 0 && c) z = Math.max(z, out.threshold[row - D]);
      out.threshold[row] = z;
    }
  });
  return out;
}
