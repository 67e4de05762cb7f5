/**
 * Charts waiting to be drawn while a run is live: those in view are drawn in animation
 * frames, a few milliseconds' worth per frame, and those out of view when the page is idle,
 * so that the page stays responsive.
 */

/** A chart that can wait here: whether it is near the viewport, and how to draw it at once. */
export interface Drawable {
  readonly inView: boolean;
  drawNow(): void;
}

const waiting = new Set<Drawable>();
let frameAsked = false;
let idleAsked = false;
/**
 * Drawing time per animation frame, and per idle callback: charts past it wait for the next.
 * Short, since on a busy machine a task that is preempted takes several times its own time
 * (a frame's drawing is followed by its style, layout and paint, as long again).
 */
const FRAME_BUDGET_MS = 2;
const IDLE_BUDGET_MS = 3;

/** Charts in view, in animation frames. */
function drawInView(): void {
  frameAsked = false;
  const t0 = performance.now();
  for (const c of waiting) {
    if (!c.inView) continue;
    if (performance.now() - t0 > FRAME_BUDGET_MS) break;
    c.drawNow();
  }
  if ([...waiting].some((c) => c.inView)) askFrame();
}

/** Charts out of view, when the page is idle: kept nearly current, so a pause or the end draws little. */
function drawOutOfView(deadline: IdleDeadline): void {
  idleAsked = false;
  const t0 = performance.now();
  for (const c of waiting) {
    if (c.inView) continue;
    if (deadline.timeRemaining() < 2 || performance.now() - t0 > IDLE_BUDGET_MS) break;
    c.drawNow();
  }
  if ([...waiting].some((c) => !c.inView)) askIdle();
}

function askFrame(): void {
  if (frameAsked) return;
  frameAsked = true;
  requestAnimationFrame(drawInView);
}

function askIdle(): void {
  if (idleAsked) return;
  idleAsked = true;
  requestIdleCallback(drawOutOfView, { timeout: 2000 });
}

/** Draw this chart in a frame (in view) or when the page is idle (out of view). */
export function drawLater(c: Drawable): void {
  waiting.add(c);
  (c.inView ? askFrame : askIdle)();
}

/** The chart moved into or out of view: if it is waiting, ask again for the right moment. */
export function viewChanged(c: Drawable): void {
  if (waiting.has(c)) (c.inView ? askFrame : askIdle)();
}

/** The chart is drawn (or gone): it waits no more. */
export function drawn(c: Drawable): void {
  waiting.delete(c);
}
