/**
 * How a case moves: the kernel carries out what the rules decide. A case arriving at an
 * office is queued for the stage the routing rule set (sim/submodels/routing.ts), served for
 * the time the service rule draws (sim/submodels/service.ts), then closed, redone (control
 * loss), passed on, returned or lost, or split into departments' parts and coordinated.
 * Every move is recorded by the metrics and, for a followed case, by the tracer.
 */
import type { Scenario } from '../../scenarios/schema.ts';
import type { Metrics } from '../observe/metrics.ts';
import type { Tracer } from '../observe/trace.ts';
import type { Random, StreamName } from '../random/rng.ts';
import { reworkChance } from '../submodels/control-loss.ts';
import type { Demand } from '../submodels/demand.ts';
import type { Residents } from '../submodels/residents.ts';
import { ACT_FORK, ACT_RELAY, HANDOFF_LOST, HANDOFF_RETURNED, type Hop, type Router } from '../submodels/routing.ts';
import { caseStaffNow, partTimeShare, serversNow, type Service } from '../submodels/service.ts';
import { exponential } from '../random/rng.ts';
import { inPresenceWindow, isOpen, nextPresenceBoundary } from './calendar.ts';
import { popcount } from './cases.ts';
import type { CompiledModel } from './compile.ts';
import { EventHeap } from './heap.ts';
import {
  F_ANSWERED,
  F_ASK,
  F_BOUNCED,
  F_HURRIED,
  F_LATENT,
  F_RETURNING,
  F_TRACED,
  ST_ASK,
  ST_CONTACT,
  ST_COORD,
  ST_EXAMINE,
  ST_HOTLINE,
  ST_PART,
  ST_SOLVE,
  ST_TRIAGE,
  type JobTable,
} from './jobs.ts';
import { Q_ASK, Q_FIELD, Q_OTHER, type Offices } from './offices.ts';

// Event kinds (low 4 bits of an event code; the job or calendar index above them).
export const EV_ARRIVAL = 0;
export const EV_SERVICE_END = 1;
export const EV_TRANSFER = 2;
export const EV_DISCOVERY = 3;
export const EV_CALENDAR = 4;
export const EV_SNAPSHOT = 5;
export const EV_SHOCK = 6;
export const EV_RATE = 7;
export const EV_RESURFACE = 8;
export const EV_DAILY = 9;
export const EV_PRESENCE = 10;
export const EV_ASK_TIMEOUT = 11;
export const EV_WARMUP = 12;

export abstract class CaseFlow {
  abstract readonly model: CompiledModel;
  abstract readonly scenario: Scenario;
  now = 0;
  events = 0;
  protected readonly heap = new EventHeap(4096);
  protected abstract readonly rng: Record<StreamName, Random>;
  abstract readonly jobs: JobTable;
  abstract readonly offices: Offices;
  abstract readonly metrics: Metrics;
  abstract readonly tracer?: Tracer;
  protected abstract readonly service: Service;
  protected abstract readonly router: Router;
  protected abstract readonly demand: Demand;
  abstract readonly residents: Residents;
  /** Staff multiplier of each group from the shocks in force, and whether a demand surge is on. */
  protected abstract readonly capMult: Float64Array;
  protected surge = false;
  /** For each group, when its part-time worker next arrives or leaves (the pending presence event). */
  protected abstract readonly presenceAt: Float64Array;

  // ------------------------------------------------------------- offices

  /** Recompute the servers of every office of group g (calendar, presence, surge or shock changed). */
  protected recomputeGroupCapacity(g: number): void {
    const grp = this.model.groups[g];
    const cal = this.model.calendars[grp.calendar];
    const open = isOpen(cal, this.now);
    const x = caseStaffNow(grp, this.surge, this.capMult[g]);
    const part = partTimeShare(x);
    const servers = serversNow(x, open, inPresenceWindow(cal, part, this.now), grp.onCallShare);
    // The part-time worker's next arrival or departure.
    const next = nextPresenceBoundary(cal, part, this.now);
    if (next !== this.presenceAt[g]) {
      this.presenceAt[g] = next;
      if (next < Infinity) this.heap.push(next, EV_PRESENCE | (g << 4));
    }
    const offices = this.offices;
    offices.setGroupCapacity(g, grp.firstOffice, grp.offices, open, servers, this.now);
    for (let o = grp.firstOffice; o < grp.firstOffice + grp.offices; o++) if (offices.qLen[o] > 0) this.tryStart(o);
  }

  /** Job j joins office o's queue for its kind of work; served at once if someone is free. */
  protected enqueue(j: number, o: number, front = false): void {
    const offices = this.offices;
    offices.touch(o, this.now);
    this.jobs.office[j] = o;
    const question = this.jobs.stage[j] === ST_ASK;
    if (offices.takesAtOnce(j, o, question)) {
      this.start(j, o);
      return;
    }
    const q = question ? Q_ASK : this.jobs.field[j] ? Q_FIELD : Q_OTHER;
    if (front) offices.pushFront(j, o, q);
    else offices.push(j, o, q);
    this.metrics.tierQueued(offices.tier[o], 1);
    if (this.jobs.flags[j] & F_TRACED) this.tracer!.queued(j, o, this.now);
    this.tryStart(o);
  }

  /** Start queued work at office o while someone is free to take it. */
  protected tryStart(o: number): void {
    const offices = this.offices;
    let j: number;
    while ((j = offices.next(o)) >= 0) {
      offices.touch(o, this.now);
      offices.remove(j, o);
      this.metrics.tierQueued(offices.tier[o], -1);
      this.start(j, o);
    }
  }

  /**
   * Begin work on job j at office o: one worker takes it — a question goes to the senior; a
   * case to a junior if one is free, else to the senior (sim/submodels/competence.ts). A worker
   * trying a case they do not know examines it and will ask. Draw the work's duration and
   * schedule its end.
   */
  private start(j: number, o: number): void {
    const now = this.now;
    const jobs = this.jobs;
    const offices = this.offices;
    const gi = this.model.officeGroup[o];
    const g = this.model.groups[gi];
    let stage = jobs.stage[j];
    const senior = offices.hasSenior[o] === 1 && (stage === ST_ASK || !offices.juniorFree(o));
    offices.busy[o]++;
    if (senior) offices.seniorBusy[o] = 1;
    jobs.worker[j] = senior ? 1 : 0;
    if (jobs.accepted[j] < 0) jobs.accepted[j] = now;
    if (stage === ST_SOLVE && g.kind === 'level' && !(jobs.flags[j] & F_ANSWERED) && !this.router.knows(j, g.tier, senior)) {
      // Garicano: a worker who does not know how to resolve it examines it, then asks (or passes it up).
      stage = jobs.stage[j] = ST_EXAMINE;
      jobs.flags[j] |= F_ASK;
    }
    const coordinating = stage === ST_COORD;
    const depts = coordinating ? this.router.departmentsOf(jobs.domains[j]).length : 0;
    let d = this.service.minutes(stage, gi, jobs.type[j], depts, coordinating ? popcount(jobs.domains[j]) : 0);
    if (this.hurries(stage, o)) {
      d *= this.scenario.mechanisms.hurryFactor;
      jobs.flags[jobs.root(j)] |= F_HURRIED;
    }
    const onSite = this.service.onSite(stage, g, jobs.field[j] === 1);
    let travel = 0;
    if (onSite) {
      travel = this.service.travelTo(g, jobs.channel[j]);
      const r = jobs.root(j);
      if (jobs.onsite[r] < 0) jobs.onsite[r] = now + travel;
    }
    offices.served[o]++;
    if (jobs.flags[j] & F_TRACED) this.tracer!.started(j, o, now, travel, d, onSite);
    this.heap.push(now + d + 2 * travel, EV_SERVICE_END | (j << 4));
  }

  /** Whether staff hurry this piece of work: solving under a backlog above the threshold. */
  private hurries(stage: number, o: number): boolean {
    const m = this.scenario.mechanisms;
    if (!m.hurry || (stage !== ST_SOLVE && stage !== ST_PART)) return false;
    return this.offices.qLen[o] >= m.hurryQueuePerServer * Math.max(1, this.offices.cap[o]);
  }

  protected onServiceEnd(j: number): void {
    const jobs = this.jobs;
    const o = jobs.office[j];
    const offices = this.offices;
    offices.touch(o, this.now);
    offices.busy[o]--;
    if (jobs.worker[j] === 1) offices.seniorBusy[o] = 0;
    const g = this.model.groups[this.model.officeGroup[o]];
    switch (jobs.stage[j]) {
      case ST_SOLVE:
        if (this.redo(j, o)) return;
        this.close(j, g.tier);
        break;
      case ST_CONTACT:
        jobs.free(j);
        break;
      case ST_EXAMINE:
        if (jobs.flags[j] & F_ASK && offices.hasSenior[o] && jobs.worker[j] === 0) this.ask(j, o);
        else this.forwardUp(j, g.tier, o);
        break;
      case ST_ASK:
        this.answered(j, o, g.tier);
        break;
      case ST_HOTLINE:
        this.send(j, o, this.router.dispatch(j));
        break;
      case ST_TRIAGE:
        this.fork(j, o);
        break;
      case ST_PART:
        if (this.redo(j, o)) return;
        this.partDone(j);
        break;
      case ST_COORD:
        this.close(j, g.tier);
        break;
    }
    this.tryStart(o);
  }

  // ------------------------------------------------------------- asking (Garicano)

  /** A worker who did not know asks the office's senior; the question waits until the senior is free, or helpWaitMinutes. */
  private ask(j: number, o: number): void {
    const jobs = this.jobs;
    jobs.flags[j] &= ~F_ASK;
    jobs.stage[j] = ST_ASK;
    const until = this.now + this.scenario.mechanisms.helpWaitMinutes;
    jobs.askUntil[j] = until;
    this.metrics.st.asked++;
    this.heap.push(until, EV_ASK_TIMEOUT | (j << 4));
    this.enqueue(j, o);
  }

  /** The senior spent the help time on the question: if they knew, a worker resolves the case now; else it is passed up. */
  private answered(j: number, o: number, tier: number): void {
    const jobs = this.jobs;
    if (this.router.knows(j, tier, true)) {
      jobs.flags[j] |= F_ANSWERED;
      jobs.stage[j] = ST_SOLVE;
      this.enqueue(j, o, true);
      return;
    }
    this.metrics.st.helpUnanswered++;
    this.forwardUp(j, tier, o);
  }

  /** A question's wait ran out: if it still waits, the worker passes the case up (Jin & Levitt's decision by default). */
  protected onAskTimeout(j: number): void {
    const jobs = this.jobs;
    if (jobs.queue[j] !== Q_ASK || jobs.askUntil[j] !== this.now) return;
    const o = jobs.office[j];
    this.offices.touch(o, this.now);
    this.offices.remove(j, o);
    this.metrics.tierQueued(this.offices.tier[o], -1);
    this.metrics.st.helpTimedOut++;
    this.forwardUp(j, this.offices.tier[o], o);
  }

  /** A case waiting at a level past its deadline climbs (mechanisms.escalateOverdue). */
  protected escalateIfWaiting(j: number): void {
    const jobs = this.jobs;
    const o = jobs.office[j];
    const tier = this.offices.tier[o];
    if (jobs.queue[j] < 0 || tier < 0 || tier >= this.model.levelCount) return;
    // Nowhere to climb: the top level of a structure without departments.
    if (tier === this.model.levelCount - 1 && this.model.scenario.departments.length === 0) return;
    this.offices.touch(o, this.now);
    this.offices.remove(j, o);
    this.metrics.tierQueued(this.offices.tier[o], -1);
    this.metrics.st.escalated++;
    this.send(j, o, this.router.escalate(j, tier));
  }

  /**
   * Control loss: work done on incomplete information is wrong with chance 1 − info and is
   * redone at once by the same office, now with the facts first-hand (sim/submodels/control-loss.ts).
   */
  private redo(j: number, o: number): boolean {
    const jobs = this.jobs;
    const info = jobs.info[j];
    if (info >= 1 || this.rng.rework() >= reworkChance(info)) return false;
    jobs.info[j] = 1;
    jobs.flags[jobs.root(j)] |= F_BOUNCED;
    // The office knows the case now: redoing it needs no question.
    jobs.flags[j] |= F_ANSWERED;
    this.metrics.st.reworked++;
    if (jobs.flags[j] & F_TRACED) this.tracer!.rework(j);
    this.enqueue(j, o);
    return true;
  }

  // ------------------------------------------------------------- moving between offices

  /** Job j arrives at office o: the routing rule says what the office will do with it. */
  protected arrive(j: number, o: number): void {
    const gi = this.model.officeGroup[o];
    this.jobs.office[j] = o;
    const act = this.router.onArrival(j, gi);
    if (act === ACT_RELAY) this.forwardUp(j, this.model.groups[gi].tier, o);
    else if (act === ACT_FORK) this.fork(j, o);
    else this.enqueue(j, o);
  }

  private forwardUp(j: number, tier: number, from: number): void {
    this.send(j, from, this.router.forward(j, tier));
  }

  /** Carry out a hand-off the routing decided: the case keeps `infoKept` of its information. */
  private send(j: number, from: number, hop: Hop): void {
    this.jobs.info[j] *= hop.infoKept;
    this.transfer(j, hop.to, from, hop.delay, hop.returnProb, hop.lostProb);
  }

  /** Send job j to office `to` after `delay`; return and loss are decided on arrival. */
  private transfer(j: number, to: number, from: number, delay: number, returnProb: number, lostProb: number): void {
    const jobs = this.jobs;
    jobs.flags[j] &= ~F_ANSWERED;
    jobs.hops[j]++;
    jobs.from[j] = from;
    jobs.office[j] = to;
    jobs.delay[j] = delay;
    jobs.returnProb[j] = returnProb;
    jobs.lostProb[j] = lostProb;
    this.metrics.tierTransit(this.offices.tier[to], 1);
    if (jobs.flags[j] & F_TRACED) this.tracer!.sent(j, from, to, this.now, delay, false);
    this.heap.push(this.now + delay, EV_TRANSFER | (j << 4));
  }

  protected onTransfer(j: number): void {
    const jobs = this.jobs;
    const to = jobs.office[j];
    const tier = this.offices.tier[to];
    this.metrics.tierTransit(tier, -1);
    if (jobs.flags[j] & F_RETURNING) {
      jobs.flags[j] &= ~F_RETURNING;
      this.arrive(j, to);
      return;
    }
    const outcome = this.router.handOff(j);
    if (outcome === HANDOFF_LOST) {
      this.lose(j, tier, 'forwarding');
      return;
    }
    if (outcome === HANDOFF_RETURNED) {
      // Returned: back to the sender, who redoes its part and sends it again.
      jobs.bounces[j]++;
      jobs.flags[j] |= F_RETURNING | F_BOUNCED;
      this.metrics.st.bounced++;
      const from = jobs.from[j];
      jobs.hops[j]++;
      jobs.office[j] = from;
      this.metrics.tierTransit(this.offices.tier[from], 1);
      if (jobs.flags[j] & F_TRACED) this.tracer!.sent(j, to, from, this.now, jobs.delay[j], true);
      // The way back takes as long as the way out did.
      this.heap.push(this.now + jobs.delay[j], EV_TRANSFER | (j << 4));
      return;
    }
    this.arrive(j, to);
  }

  // ------------------------------------------------------------- collaborative cases

  /** Split a collaborative or difficult case into one part per department involved. */
  private fork(j: number, from: number): void {
    const m = this.model;
    const jobs = this.jobs;
    const depts = this.router.departmentsOf(jobs.domains[j]);
    jobs.pending[j] = depts.length;
    jobs.stage[j] = ST_COORD;
    jobs.office[j] = from;
    this.metrics.waitingParts(1);
    const traced = (jobs.flags[j] & F_TRACED) !== 0;
    if (traced) this.tracer!.forked(j, this.now);
    for (const d of depts) {
      const p = jobs.alloc();
      jobs.parent[p] = j;
      jobs.resident[p] = jobs.resident[j];
      jobs.z[p] = jobs.z[j];
      jobs.type[p] = jobs.type[j];
      jobs.field[p] = jobs.field[j];
      jobs.channel[p] = jobs.channel[j];
      jobs.domains[p] = jobs.domains[j];
      jobs.created[p] = this.now;
      jobs.accepted[p] = this.now;
      jobs.onsite[p] = -1;
      jobs.flags[p] = 0;
      jobs.hops[p] = 0;
      jobs.bounces[p] = 0;
      jobs.pending[p] = 0;
      jobs.info[p] = jobs.info[j];
      jobs.hops[j]++;
      const to = m.groups[m.deptGroup0 + d].firstOffice;
      if (traced) {
        jobs.flags[p] = F_TRACED;
        this.tracer!.part(j, p, to);
      }
      const delay = this.router.partDelay();
      if (delay > 0) this.transfer(p, to, from, delay, 0, 0);
      else this.arrive(p, to);
    }
  }

  private partDone(p: number): void {
    const jobs = this.jobs;
    const j = jobs.parent[p];
    const traced = (jobs.flags[p] & F_TRACED) !== 0;
    jobs.free(p);
    const last = --jobs.pending[j] === 0;
    if (traced) this.tracer!.partDone(p, this.now, last);
    if (!last) return;
    this.metrics.waitingParts(-1);
    const o = jobs.office[j];
    jobs.stage[j] = ST_COORD;
    // A lead department with nothing to coordinate closes at once; the centre always reviews.
    const mask = jobs.domains[j];
    if (this.service.coordinationMinutes(this.router.departmentsOf(mask).length, popcount(mask)) === 0 && o !== this.model.centreOffice) {
      this.close(j, this.offices.tier[o]);
      return;
    }
    this.enqueue(j, o);
  }

  // ------------------------------------------------------------- outcomes

  /**
   * Close case j at `tier`. The resident is satisfied if it closed by its deadline, without a
   * return or redo on the way, and is not reopened: a case done in a hurry comes back with
   * chance hurryReopenProb, as a problem its resident raises again after reopenAfterDays.
   */
  protected close(j: number, tier: number): void {
    const jobs = this.jobs;
    const m = this.scenario.mechanisms;
    this.metrics.closed(j, tier);
    if (jobs.flags[j] & F_TRACED) this.tracer!.closed(j, this.now, tier);
    const reopen = (jobs.flags[j] & F_HURRIED) !== 0 && this.rng.reopen() < m.hurryReopenProb;
    const satisfied = this.now <= jobs.deadline[j] && (jobs.flags[j] & F_BOUNCED) === 0 && !reopen;
    this.metrics.ended(satisfied);
    this.residents.afterOutcome(jobs.resident[j], satisfied, false);
    if (reopen) this.reopen(j);
    jobs.free(j);
  }

  /** The problem behind a hurried case comes back: a latent problem its resident raises again. */
  private reopen(j: number): void {
    const jobs = this.jobs;
    const p = jobs.alloc();
    jobs.resident[p] = jobs.resident[j];
    jobs.z[p] = jobs.z[j];
    jobs.type[p] = jobs.type[j];
    jobs.field[p] = jobs.field[j];
    jobs.domains[p] = jobs.domains[j];
    jobs.channel[p] = jobs.channel[j];
    jobs.pending[p] = 0;
    jobs.flags[p] = F_LATENT;
    jobs.hops[p] = 0;
    jobs.bounces[p] = 0;
    jobs.created[p] = this.now;
    jobs.accepted[p] = -1;
    jobs.onsite[p] = -1;
    jobs.info[p] = 1;
    this.metrics.latent++;
    this.metrics.st.reopened++;
    this.heap.push(this.now + exponential(this.scenario.mechanisms.reopenAfterDays * 1440, this.rng.reopen), EV_RESURFACE | (p << 4));
  }

  private lose(j: number, tier: number, reason: string): void {
    const jobs = this.jobs;
    if (jobs.parent[j] >= 0) throw new Error('a department part cannot be lost');
    this.metrics.lost(j, tier, reason);
    if (jobs.flags[j] & F_TRACED) this.tracer!.lost(j, this.now, tier, reason);
    this.metrics.ended(false);
    this.residents.afterOutcome(jobs.resident[j], false, true);
    jobs.free(j);
  }
}
