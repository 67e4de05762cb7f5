/**
 * The simulation as the app sees it: one worker per structure, run, pause, step, reset and
 * speed. The page asks each worker to advance about ten times a second, to the day the
 * clock says (so "1 week/s" is seven days in every second, whatever each step costs), and
 * redraws when the answers arrive, so it never waits on the simulation. At the fastest
 * speed it asks again as soon as an answer is in, in chunks sized to take about a tick; on a
 * machine of two cores or fewer the workers then take turns, so that one core is left for the
 * page (drawing, input): two busy workers and the page's threads on two cores drop frames.
 * Each worker's run is the same whichever way it is asked (the results do not depend on it).
 * A worker that fails (an error it did not catch, or a message that cannot be read) is ended:
 * its structure's run stops where it was, what it sent stays, the other structures go on, and
 * `failures` says which; the next reset starts it anew.
 */
import { wrap, type Remote } from 'comlink';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WorkerApi } from '../../workers/api.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import type { Summary } from '../../sim/observe/metrics.ts';
import type { Journey } from '../../sim/observe/trace.ts';
import type { MapFrame } from '../../workers/session.ts';
import { appendFrame, emptyRun, type RunData } from '../run-data.ts';
import { SPEEDS } from '../state.ts';

export type RunStatus = 'idle' | 'loading' | 'running' | 'paused' | 'done' | 'error';

interface Lane {
  worker: Worker;
  api: Remote<WorkerApi>;
  /** Set once the worker has failed: it takes no more calls. */
  failed?: WorkerFailure['cause'];
  /** Resolves when the worker fails, ending the calls it had in flight. */
  died: Promise<undefined>;
}

/** A structure whose worker failed, and the day its run stopped at. */
export interface WorkerFailure {
  /** The structure, by its column. */
  index: number;
  day: number;
  /** `crash`: an error the worker did not catch (or it did not load); `unreadable`: a message from it could not be read. */
  cause: 'crash' | 'unreadable';
  /** What the browser said of the error, if anything. */
  detail: string;
}

const TICK_MS = 100;

export class SimController implements ReactiveController {
  status: RunStatus = 'idle';
  day = 0;
  days = 365;
  speed = 1;
  error = '';
  data: (RunData | undefined)[] = [];
  summaries: (Summary | undefined)[] = [];
  /** What the living map draws, per structure: fetched with each step while `wantMap` is set. */
  maps: (MapFrame | undefined)[] = [];
  /** Every k-th problem is followed, the same in every structure (so the same problems are followed). */
  followEvery = 0;
  private mapWanted = false;
  /** The problem followed (0: none), and its journey in each structure as of the last step. */
  followed = 0;
  journeysNow: (Journey | undefined)[] = [];
  /** The structures whose worker failed since the last reset. */
  failures: WorkerFailure[] = [];
  private lanes: Lane[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** Advances run one after another: a step asked for during a tick waits for it. */
  private chain: Promise<void> = Promise.resolve();
  private maxChunk = 10;
  /** Wall clock and day when the current speed started: the clock the run keeps to. */
  private clockT0 = 0;
  private clockDay0 = 0;

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
    for (const l of this.lanes) l.worker.terminate();
    this.lanes = [];
  }

  private lane(i: number): Lane {
    while (this.lanes.length <= i) this.lanes.push(this.newLane());
    return this.lanes[i];
  }

  private newLane(): Lane {
    const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module' });
    let end!: () => void;
    const lane: Lane = { worker, api: wrap<WorkerApi>(worker), died: new Promise((r) => (end = () => r(undefined))) };
    const fail = (cause: WorkerFailure['cause'], detail: string) => {
      if (lane.failed) return;
      lane.failed = cause;
      worker.terminate();
      end();
      this.onFailure(lane, cause, detail);
    };
    // The app says what happened (see `failures`): not the browser's console as well.
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      fail('crash', e.message ?? '');
    });
    // A reply that cannot be read would leave its call waiting for ever: the worker is of no more use.
    worker.addEventListener('messageerror', () => fail('unreadable', ''));
    return lane;
  }

  /** A call to structure i's worker; undefined when its worker has failed, or fails before answering. */
  private call<T>(i: number, f: (api: Remote<WorkerApi>) => Promise<T>): Promise<T | undefined> {
    const lane = this.lanes[i];
    if (!lane || lane.failed) return Promise.resolve(undefined);
    return Promise.race([f(lane.api), lane.died]);
  }

  /** A call to the worker of every structure with a run: its answer, or undefined where there is none. */
  private callAll<T>(f: (api: Remote<WorkerApi>) => Promise<T>): Promise<(T | undefined)[]> {
    return Promise.all(this.data.map((d, i) => (d ? this.call(i, f) : Promise.resolve(undefined))));
  }

  /** Whether structure i's worker has failed. */
  private failedAt(i: number): boolean {
    return !!this.lanes[i]?.failed;
  }

  /** Whether some structure still runs. */
  private anyRunning(): boolean {
    return this.data.some((d, i) => d && !this.failedAt(i));
  }

  private onFailure(lane: Lane, cause: WorkerFailure['cause'], detail: string) {
    const index = this.lanes.indexOf(lane);
    if (index < 0) return;
    // While a reset loads, the data are the last run's: this structure's new run has not begun.
    const days = (this.status !== 'loading' && this.data[index]?.day) || [];
    this.failures = [...this.failures, { index, day: days.length ? days[days.length - 1] : 0, cause, detail }];
    // With no structure left to run, the run stops; what was shown stays.
    if (!this.anyRunning() && (this.status === 'running' || this.status === 'paused')) {
      this.stop();
      this.status = 'error';
    }
    this.host.requestUpdate();
  }

  /** Load the scenarios (one per structure) at day 0. Invalid ones (undefined) get no run. */
  async reset(scenarios: (Scenario | undefined)[], seed: number, days: number): Promise<void> {
    this.stop();
    const gen = ++this.generation;
    this.status = 'loading';
    this.day = 0;
    this.days = days;
    this.error = '';
    this.summaries = [];
    this.host.requestUpdate();
    while (this.lanes.length > scenarios.length) this.lanes.pop()!.worker.terminate();
    // A structure whose worker failed gets a new one.
    this.lanes = this.lanes.map((l) => (l.failed ? this.newLane() : l));
    this.failures = [];
    try {
      this.followEvery = followEveryFor(scenarios);
      this.maps = [];
      this.followed = 0;
      this.journeysNow = [];
      const infos = await Promise.all(
        scenarios.map((s, i) =>
          s ? (this.lane(i), this.call(i, (api) => api.open(s, seed, 1440, this.followEvery))) : Promise.resolve(undefined),
        ),
      );
      if (gen !== this.generation) return;
      this.data = infos.map((info) => (info ? emptyRun(info) : undefined));
      const first = await Promise.all(scenarios.map((s, i) => (s ? this.call(i, (api) => api.frame()) : Promise.resolve(undefined))));
      first.forEach((f, i) => f && this.data[i] && (this.data[i]!.last = f));
      if (this.mapWanted) await this.fetchMaps(gen);
      this.status = this.anyRunning() || !this.failures.length ? 'paused' : 'error';
    } catch (e) {
      if (gen !== this.generation) return;
      this.status = 'error';
      this.error = (e as Error).message;
    }
    this.host.requestUpdate();
  }

  play(): void {
    if (this.status === 'done' || this.status === 'loading' || this.status === 'error') return;
    this.status = 'running';
    this.restartClock();
    this.host.requestUpdate();
    this.schedule(0);
  }

  pause(): void {
    if (this.status !== 'running') return;
    this.stop();
    this.status = 'paused';
    void this.fetchSummaries();
    this.host.requestUpdate();
  }

  toggle(): void {
    if (this.status === 'running') this.pause();
    else this.play();
  }

  async step(days = 1): Promise<void> {
    if (this.status === 'running') this.pause();
    if (this.status !== 'paused') return;
    await this.advance(() => Math.min(this.days, Math.floor(this.day + 1e-9) + days));
    if (this.day >= this.days) this.finish();
    else void this.fetchSummaries();
  }

  setSpeed(i: number): void {
    this.speed = Math.max(0, Math.min(SPEEDS.length - 1, i));
    this.restartClock();
    this.host.requestUpdate();
  }

  private stop() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private restartClock() {
    this.clockT0 = performance.now();
    this.clockDay0 = this.day;
  }

  private schedule(delay = TICK_MS) {
    this.stop();
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick() {
    if (this.status !== 'running') return;
    const perSecond = SPEEDS[this.speed];
    const t0 = performance.now();
    const fastest = !Number.isFinite(perSecond);
    await this.advance(() => {
      if (fastest) return Math.min(this.days, this.day + this.maxChunk);
      // Where the clock says the run should be; a run that fell behind catches up a week at most.
      const due = this.clockDay0 + (perSecond * (performance.now() - this.clockT0)) / 1000;
      return Math.min(this.days, Math.min(due, this.day + Math.max(7, perSecond / 2)));
    });
    const took = performance.now() - t0;
    // At full speed, size the next chunk so that one step takes about a tick, and go on at once.
    if (fastest) this.maxChunk = Math.max(1, Math.min(120, this.maxChunk * (took < 1.5 * TICK_MS ? 1.6 : took > 2.5 * TICK_MS ? 0.7 : 1)));
    if (this.day >= this.days) this.finish();
    else if (this.status === 'running') this.schedule(fastest ? 0 : Math.max(0, TICK_MS - took));
  }

  /** Advance every run to the day `target()` gives when its turn comes. */
  private advance(target: () => number): Promise<void> {
    const gen = this.generation;
    const run = this.chain.then(() => (gen === this.generation ? this.advanceNow(target()) : undefined));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async advanceNow(to: number) {
    if (!(to > this.day) || !this.anyRunning()) return;
    const gen = this.generation;
    try {
      const ask = (i: number) => (this.data[i] ? this.call(i, (api) => api.advance(to)) : Promise.resolve(undefined));
      let frames: Awaited<ReturnType<typeof ask>>[];
      if (this.takeTurns()) {
        frames = [];
        for (let i = 0; i < this.data.length; i++) frames.push(await ask(i));
      } else frames = await Promise.all(this.data.map((_, i) => ask(i)));
      if (gen !== this.generation) return;
      frames.forEach((f, i) => f && this.data[i] && appendFrame(this.data[i]!, f));
      this.day = to;
      if (this.mapWanted) await this.fetchMaps(gen);
    } catch (e) {
      this.status = 'error';
      this.error = (e as Error).message;
      this.stop();
    } finally {
      this.host.requestUpdate();
    }
  }

  /** Ask for map frames with every step (when the map is on screen), or stop asking. */
  setMapWanted(on: boolean): void {
    if (on === this.mapWanted) return;
    this.mapWanted = on;
    if (on && (this.status === 'paused' || this.status === 'done'))
      void this.fetchMaps(this.generation).then(() => this.host.requestUpdate());
  }

  private async fetchMaps(gen: number) {
    const maps = await this.callAll((api) => api.map());
    if (gen !== this.generation) return;
    // A structure whose worker failed keeps what it last showed.
    this.maps = maps.map((m, i) => (this.failedAt(i) ? this.maps[i] : m));
    if (this.followed) {
      const js = await this.journeys(this.followed);
      if (gen === this.generation) this.journeysNow = js.map((j, i) => (this.failedAt(i) ? this.journeysNow[i] : j));
    }
  }

  /** Follow a problem (0 stops): its journey in every structure, kept up to date with each step. */
  async follow(problem: number): Promise<void> {
    const gen = this.generation;
    this.followed = problem;
    this.journeysNow = problem ? await this.journeys(problem) : [];
    if (gen === this.generation) this.host.requestUpdate();
  }

  /** The journey of a followed problem in each structure (undefined where it is not kept). */
  async journeys(problem: number): Promise<(Journey | undefined)[]> {
    return this.callAll((api) => api.journey(problem));
  }

  /** At the fastest speed on two cores or fewer, one worker at a time (see the top of this file). */
  private takeTurns(): boolean {
    return !Number.isFinite(SPEEDS[this.speed]) && (globalThis.navigator?.hardwareConcurrency ?? 2) <= 2;
  }

  private finish() {
    this.stop();
    this.status = 'done';
    void this.fetchSummaries();
    this.host.requestUpdate();
  }

  private async fetchSummaries() {
    const gen = this.generation;
    const s = await this.callAll((api) => api.summary());
    if (gen !== this.generation) return;
    // A structure whose worker failed keeps its last summary (the headline figures read it).
    this.summaries = s.map((x, i) => (this.failedAt(i) ? this.summaries[i] : x));
    this.host.requestUpdate();
  }
}

/** Problems a day the map should show at most, from all structures alike. */
const FOLLOWED_PER_DAY = 60;

/**
 * Every k-th problem is followed: one k for all structures, from the busiest one's demand, so
 * that about FOLLOWED_PER_DAY problems a day are followed wherever they are.
 */
export function followEveryFor(scenarios: readonly (Scenario | undefined)[]): number {
  let perDay = 0;
  for (const s of scenarios) {
    if (!s) continue;
    const d = s.demand;
    const mean = 1 + d.frequentShare * (d.frequentMultiplier - 1);
    const peak = Math.max(1, ...s.shocks.map((sh) => sh.demandMultiplier));
    perDay = Math.max(perDay, (s.population.residents * d.casesPerResidentYear * mean * peak) / 365);
  }
  return Math.max(1, Math.ceil(perDay / FOLLOWED_PER_DAY));
}
