/**
 * The app's keyboard shortcuts: Space run/pause, S step, R reset (asking first when a run is
 * under way), 1–4 speed, C/M/O/E/W/Y/D/I views, G guided story, L language, ? help, Escape closes
 * the parameters drawer. None applies while typing in a field, nor (but ?) while the help is
 * open. Space presses a control that was reached by Tab, and runs or pauses otherwise.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { View } from '../state.ts';

/** The keys that show a view. */
const VIEW_SHORTCUTS: Record<string, View> = {
  c: 'charts',
  m: 'map',
  o: 'structure',
  e: 'replications',
  w: 'decides',
  y: 'why',
  d: 'discover',
  i: 'info',
};

/** What the shortcuts do in the app. */
export interface KeyboardApp {
  host: ReactiveControllerHost;
  /** Whether the help dialog is open. */
  helpOpen(): boolean;
  toggleRun(): void;
  stepRun(): void;
  /** R: reset, or ask first when a run is under way. */
  askReset(): void;
  /** Whether the parameters drawer is open, and closing it. */
  drawerOpen(): boolean;
  closeDrawer(): void;
  setSpeed(i: number): void;
  toggleHelp(): void;
  toggleLanguage(): void;
  openStory(): void;
  showView(view: View): void;
}

export class KeyboardController implements ReactiveController {
  /** Whether focus last moved by Tab (not by a click): then Space presses the focused control. */
  private focusByKeyboard = false;
  /** Space went to run or pause: its key-up must not press the button that has focus. */
  private spaceTaken = false;

  constructor(private app: KeyboardApp) {
    app.host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('keyup', this.onKeyUp);
    window.addEventListener('pointerdown', this.onPointer, true);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('keyup', this.onKeyUp);
    window.removeEventListener('pointerdown', this.onPointer, true);
  }

  private onPointer = () => {
    this.focusByKeyboard = false;
  };

  private onKeyUp = (e: KeyboardEvent) => {
    if (e.key === ' ' && this.spaceTaken) {
      e.preventDefault();
      this.spaceTaken = false;
    }
  };

  private onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const el = e.composedPath()[0] as HTMLElement | undefined;
    const tag = el?.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
    if (this.app.helpOpen() && e.key !== '?') return;
    const k = e.key.toLowerCase();
    if (e.key === 'Tab') this.focusByKeyboard = true;
    // Space runs or pauses, unless a control was reached by keyboard (then it presses that control).
    if (e.key === ' ' && !((tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A') && this.focusByKeyboard)) {
      e.preventDefault();
      this.spaceTaken = true;
      this.app.toggleRun();
    } else if (k === 's') this.app.stepRun();
    else if (k === 'r') this.app.askReset();
    else if (e.key === 'Escape' && this.app.drawerOpen()) this.app.closeDrawer();
    else if (['1', '2', '3', '4'].includes(k)) this.app.setSpeed(Number(k) - 1);
    else if (e.key === '?') this.app.toggleHelp();
    else if (k === 'l') this.app.toggleLanguage();
    else if (k === 'g') this.app.openStory();
    else if (k in VIEW_SHORTCUTS) this.app.showView(VIEW_SHORTCUTS[k]);
  };
}
