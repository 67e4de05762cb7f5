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
import { OUTCOME_LATE, OUTCOME_LOST, OUTCOME_ON_TIME, type Residents } from '../submodels/residents.ts';
import { ACT_FORK, ACT_RELAY, HANDOFF_LOST, HANDOFF_RETURNED, type Hop, type Router } from '../submodels/routing.ts';
import { groupServers, type Service } from '../submodels/service.ts';
import { isOpen } from './calendar.ts';
import { popcount } from './cases.ts';
import type { CompiledModel } from './compile.ts';
import { EventHeap } from './heap.ts';
import {
  F_BOUNCED,
  F_RETURNING,
  F_TRACED,
  ST_CONTACT,
  ST_COORD,
  ST_EXAMINE,
  ST_HOTLINE,
  ST_PART,
  ST_SOLVE,
  ST_TRIAGE,
  type JobTable,
} from './jobs.ts';
import type { Offices } from './offices.ts';

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

  // ------------------------------------------------------------- offices

  /** Recompute the servers of every office of group g (calendar, surge or shock changed). */
  protected recomputeGroupCapacity(g: number): void {
    const grp = this.model.groups[g];
    const open = isOpen(this.model.calendars[grp.calendar], this.now);
    const { inHours, onCall } = groupServers(grp, this.surge, this.capMult[g]);
    const offices = this.offices;
    for (let o = grp.firstOffice; o < grp.firstOffice + grp.offices; o++) {
      offices.touch(o, this.now);
      offices.setCapacity(o, open, inHours, onCall);
      this.tryStart(o);
    }
  }

  /** Job j joins office o: served at once if a server is free and nobody is ahead, else queued. */
  protected enqueue(j: number, o: number): void {
    const offices = this.offices;
    offices.touch(o, this.now);
    this.jobs.office[j] = o;
    if (offices.startsAtOnce(j, o)) {
      offices.busy[o]++;
      this.start(j, o);
      return;
    }
    offices.push(j, o);
    this.metrics.tierQueued(offices.tier[o], 1);
    if (this.jobs.flags[j] & F_TRACED) this.tracer!.queued(j, o, this.now);
    this.tryStart(o);
  }

  /** Start queued jobs at office o while it has free servers. */
  protected tryStart(o: number): void {
    const offices = this.offices;
    let j: number;
    while ((j = offices.pop(o)) >= 0) {
      offices.touch(o, this.now);
      offices.qLen[o]--;
      offices.busy[o]++;
      this.metrics.tierQueued(offices.tier[o], -1);
      this.start(j, o);
    }
  }

  /** Begin service of job j at office o: draw its duration and schedule its end. */
  private start(j: number, o: number): void {
    const now = this.now;
    const jobs = this.jobs;
    const gi = this.model.officeGroup[o];
    const g = this.model.groups[gi];
    if (jobs.accepted[j] < 0) jobs.accepted[j] = now;
    const stage = jobs.stage[j];
    const coordinating = stage === ST_COORD;
    const depts = coordinating ? this.router.departmentsOf(jobs.domains[j]).length : 0;
    // A fractional office works at a fraction of a worker's speed.
    const d = this.service.minutes(stage, gi, jobs.type[j], depts, coordinating ? popcount(jobs.domains[j]) : 0) / this.offices.speed[o];
    const onSite = this.service.onSite(stage, g, jobs.field[j] === 1);
    let travel = 0;
    if (onSite) {
      travel = this.service.travelTo(g, jobs.channel[j]);
      const r = jobs.root(j);
      if (jobs.onsite[r] < 0) jobs.onsite[r] = now + travel;
    }
    this.offices.served[o]++;
    if (jobs.flags[j] & F_TRACED) this.tracer!.started(j, o, now, travel, d, onSite);
    this.heap.push(now + d + 2 * travel, EV_SERVICE_END | (j << 4));
  }

  protected onServiceEnd(j: number): void {
    const o = this.jobs.office[j];
    this.offices.touch(o, this.now);
    this.offices.busy[o]--;
    const g = this.model.groups[this.model.officeGroup[o]];
    switch (this.jobs.stage[j]) {
      case ST_SOLVE:
        if (this.redo(j, o)) return;
        this.close(j, g.tier);
        break;
      case ST_CONTACT:
        this.jobs.free(j);
        break;
      case ST_EXAMINE:
        this.forwardUp(j, g.tier, o);
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
    this.metrics.reworked++;
    if (jobs.flags[j] & F_TRACED) this.tracer!.rework(j);
    this.enqueue(j, o);
    this.tryStart(o);
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
      this.metrics.bounced++;
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

  protected close(j: number, tier: number): void {
    const jobs = this.jobs;
    this.metrics.closed(j, tier);
    if (jobs.flags[j] & F_TRACED) this.tracer!.closed(j, this.now, tier);
    const onTime = this.now <= jobs.deadline[j];
    this.residents.afterOutcome(jobs.resident[j], onTime ? OUTCOME_ON_TIME : OUTCOME_LATE, (jobs.flags[j] & F_BOUNCED) !== 0);
    jobs.free(j);
  }

  private lose(j: number, tier: number, reason: string): void {
    const jobs = this.jobs;
    if (jobs.parent[j] >= 0) throw new Error('a department part cannot be lost');
    this.metrics.lost(j, tier, reason);
    if (jobs.flags[j] & F_TRACED) this.tracer!.lost(j, this.now, tier, reason);
    this.residents.afterOutcome(jobs.resident[j], OUTCOME_LOST, (jobs.flags[j] & F_BOUNCED) !== 0);
    jobs.free(j);
  }
}
