/**
 * Reform levers as parameter changes. applyLevers() is pure: it returns a new scenario in
 * which every lever has been turned into the parameters it stands for and then reset, so
 * applying it twice is the same as once, and the engine knows nothing of levers (except
 * `modules`, a rule of coordination).
 */
import type { Scenario } from './schema.ts';

export function applyLevers(input: Scenario): Scenario {
  const s = structuredClone(input);
  const lv = s.levers;
  const communityLevel = s.levels.find((l) => l.kind === 'community');

  // One approval bureau and one enforcement team: domains move, with their staff.
  if (lv.oneSeal.enabled) mergeDomains(s, lv.oneSeal.domains, lv.oneSeal.staffSaving);
  if (lv.oneEnforcement.enabled) {
    const owner = mergeDomains(s, lv.oneEnforcement.domains, 0);
    if (owner) owner.bases = lv.oneEnforcement.bases;
  }

  // Cadres sent down: a share of each department's agency cadres works in communities,
  // bringing what they know of their department's domains, and keeping their city pay.
  if (lv.cadresSentDown > 0 && communityLevel) {
    let moved = 0;
    let pay = 0;
    const perUnit = (x: number) => x / communityLevel.units;
    const known = { ...communityLevel.cadreDomains };
    for (const d of s.departments) {
      // Post-equivalents: cadres who serve in communities part of their time move that part.
      const m = d.staff * lv.agencyCadreShare * lv.cadresSentDown * lv.cadreTimeShare;
      d.staff -= m;
      moved += m;
      pay += m * d.costPerPostYuan;
      for (const dom of d.domains) known[dom] = (known[dom] ?? 0) + perUnit(m / d.domains.length);
    }
    const before = communityLevel.cadresPerUnit * communityLevel.units;
    if (moved > 0) communityLevel.cadreCostPerPostYuan = (before * communityLevel.cadreCostPerPostYuan + pay) / (before + moved);
    communityLevel.cadresPerUnit += perUnit(moved);
    communityLevel.cadreDomains = known;
  }

  // The field day is a rule for leaders: their share of the posts gains fieldDayGain of its
  // non-case time for cases; other posts keep theirs.
  if (lv.leadersFieldDay) {
    const gain = lv.leaderShare * lv.fieldDayGain;
    for (const d of s.departments) d.caseworkShare += gain * (1 - d.caseworkShare);
    s.centre.caseworkShare += gain * (1 - s.centre.caseworkShare);
  }

  if (lv.floatingPosts > 0 && communityLevel) {
    const total = s.departments.reduce((a, d) => a + d.staff, 0);
    const lent = Math.min(lv.floatingPosts, total);
    for (const d of s.departments) d.lentInSurges += (lent * d.staff) / total;
    communityLevel.surgeStaffPerUnit += lent / communityLevel.units;
  }

  if (lv.socialOrganisations.workShare > 0 || lv.socialOrganisations.annualCostYuan > 0) {
    for (const l of s.levels)
      if (l.kind === 'community') l.solve = { ...l.solve, mean: l.solve.mean * (1 - lv.socialOrganisations.workShare) };
    s.otherCostsYuan += lv.socialOrganisations.annualCostYuan;
  }
  // The levers are now parameters: reset them so that applying again changes nothing.
  s.levers = {
    ...lv,
    cadresSentDown: 0,
    leadersFieldDay: false,
    floatingPosts: 0,
    socialOrganisations: { workShare: 0, annualCostYuan: 0 },
    oneSeal: { ...lv.oneSeal, enabled: false },
    oneEnforcement: { ...lv.oneEnforcement, enabled: false },
  };
  return s;
}

/**
 * Give every domain in `domains` to the department that owns the first of them (present in
 * the scenario). The case posts of each losing department for that domain (its posts ×
 * casework share × the domain's share of its case weight) move to the owner as case workers,
 * less `saving` of them (posts the merger makes unnecessary); both departments keep their
 * other work, so case hours and posts are conserved but for the saving. Returns the owner,
 * or undefined if no department owns any of them.
 */
function mergeDomains(s: Scenario, domains: string[], saving: number) {
  const weight = new Map(s.domains.map((d) => [d.id, d.weight]));
  const ownerOf = (dom: string) => s.departments.find((d) => d.domains.includes(dom));
  const owner = domains.map(ownerOf).find((d) => d !== undefined);
  if (!owner) return undefined;
  for (const dom of domains) {
    for (const d of s.departments) {
      if (d === owner || !d.domains.includes(dom)) continue;
      const total = d.domains.reduce((a, x) => a + (weight.get(x) ?? 0), 0);
      const share = total > 0 ? (weight.get(dom) ?? 0) / total : 1 / d.domains.length;
      const caseHours = d.staff * d.caseworkShare;
      const moved = caseHours * share;
      d.staff -= moved;
      d.caseworkShare = d.staff > 0 ? Math.max(0, caseHours - moved) / d.staff : d.caseworkShare;
      const received = moved * (1 - saving);
      const ownerCase = owner.staff * owner.caseworkShare + received;
      owner.staff += received;
      owner.caseworkShare = owner.staff > 0 ? Math.min(1, ownerCase / owner.staff) : owner.caseworkShare;
      d.domains = d.domains.filter((x) => x !== dom);
    }
    if (!owner.domains.includes(dom)) owner.domains.push(dom);
  }
  return owner;
}
