/**
 * What a level can resolve, from what it has (Garicano 2000: knowledge is acquired by
 * people, and a level resolves the cases whose difficulty its knowledge covers).
 *
 *   expertise e(l, d) = (staff + cadres with no recorded domain) per office × training
 *                     + cadreExpertise × cadres sent down who know domain d
 *                     + platformSupport (if the platform is on)
 *   Z(l, d) = min(powersCeiling × powers(l), knowledgePerLog × ln(1 + e / expertiseScale))
 *
 * and a level can always resolve what the level below it can (the cases it sees are the
 * ones below could not). With the mechanism off, Z = powersCeiling × powers: the powers a
 * level holds alone decide, whatever its staff know. A level without a competence block
 * keeps its fixed threshold (theory checks use that).
 */
import type { Level, Scenario } from '../../scenarios/schema.ts';
import { ln } from '../random/fdlibm.ts';

/** Knowledge reach of expertise e (staff-equivalents), in difficulty units. */
export function knowledge(e: number, perLog: number, scale: number): number {
  // fdlibm's ln, not Math.log, so that every JavaScript engine gives the same bits.
  return perLog * ln(1 + Math.max(0, e) / scale);
}

/** Expertise of one office of level l in each domain (staff-equivalents). */
export function expertise(s: Scenario, l: Level): Float64Array {
  const c = l.competence;
  const out = new Float64Array(s.domains.length);
  if (!c) return out;
  const m = s.mechanisms;
  // Cadres whose domains are recorded bring expertise there; the others (seconded without a
  // department's domains) work as trained staff.
  const known = Object.values(l.cadreDomains).reduce((a, x) => a + x, 0);
  const general = l.staffPerUnit + Math.max(0, l.cadresPerUnit - known);
  const base = general * c.training + (s.platform.enabled ? m.platformSupport : 0);
  s.domains.forEach((d, i) => (out[i] = base + m.cadreExpertise * (l.cadreDomains[d.id] ?? 0)));
  return out;
}

/**
 * Thresholds by level and domain, row-major: Z[l × domains + d]. Infinity where a level has
 * no limit (the top of a structure without departments).
 */
export function thresholds(s: Scenario): Float64Array {
  const D = s.domains.length;
  const m = s.mechanisms;
  const out = new Float64Array(s.levels.length * D);
  s.levels.forEach((l, li) => {
    const e = expertise(s, l);
    for (let d = 0; d < D; d++) {
      let z: number;
      if (!l.competence) z = l.threshold ?? Infinity;
      else {
        const ceiling = m.powersCeiling * l.competence.powers;
        z = m.competence ? Math.min(ceiling, knowledge(e[d], m.knowledgePerLog, m.expertiseScale)) : ceiling;
        if (li > 0) z = Math.max(z, out[(li - 1) * D + d]);
      }
      out[li * D + d] = z;
    }
  });
  return out;
}
