/**
 * The app's state in its link: read when the page opens and when the address's hash changes
 * (a link pasted, back and forward), written to the address shortly after every change, and
 * copied to share. A link read only in part keeps what is valid and says what was not.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getLang, loadLang, setLang, t } from '../../render/i18n.ts';
import { decodeState, encodeState, type AppState } from '../state.ts';

/** What the link needs of the app. */
export interface LinkApp {
  host: ReactiveControllerHost;
  state(): AppState;
  /** Take a state read from a link (not yet applied). */
  setState(s: AppState): void;
  /** Say what of a link could not be read. */
  linkProblem(message: string): void;
  /** Apply the state: its language, speed and structures (built, and the run reset); `storyIndex` opens that step of the story. */
  apply(storyIndex?: number): Promise<void>;
  /** `?story=N` for the step of the story shown, or ''. */
  storyQuery(): string;
}

/** How long the address waits after a change before it follows the state, in milliseconds. */
const WRITE_DELAY_MS = 150;

export class LinkController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  /** The state the address was last asked to follow. */
  private written?: AppState;

  constructor(private app: LinkApp) {
    app.host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHash);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHash);
  }

  /** Before each render: a new state goes to the address shortly (the last of several changes only). */
  hostUpdate(): void {
    const state = this.app.state();
    if (state === this.written) return;
    this.written = state;
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => history.replaceState(null, '', await encodeState(this.app.state())), WRITE_DELAY_MS);
  }

  private onHash = () => {
    void (async () => {
      if (location.hash === (await encodeState(this.app.state()))) return;
      await this.restore();
    })();
  };

  /** Restore the state from the link; with a story step, that step's structures over it. */
  async restore(storyIndex?: number, hash = location.hash): Promise<void> {
    const decoded = await decodeState(hash);
    if (decoded) {
      // What could not be read is said in the page's language: the link's, or the one the page chose.
      const lang = decoded.kept.includes('lang') ? decoded.state.lang : this.app.state().lang;
      await loadLang(lang);
      setLang(lang);
      // What could not be read: its words are loaded only then.
      const { linkPartName, linkProblemText } = decoded.problems.length
        ? await import('../../render/link-problems.ts')
        : { linkPartName: String, linkProblemText: String };
      if (decoded.problems.length)
        this.app.linkProblem(
          t('link.invalid', {
            reason: decoded.problems.map(linkProblemText).join(getLang() === 'zh' ? '；' : '; '),
            kept: decoded.kept.length ? decoded.kept.map(linkPartName).join(getLang() === 'zh' ? '、' : ', ') : t('link.nothingKept'),
          }),
        );
      // A link without a language keeps the one the page chose (the browser's, on a first visit).
      this.app.setState(decoded.kept.includes('lang') ? decoded.state : { ...decoded.state, lang: this.app.state().lang });
    }
    await this.app.apply(storyIndex);
  }

  /** The address of the app with this state (the page's own, without `?embed` or `?story`). */
  async linkTo(state: AppState): Promise<string> {
    return `${location.origin}${location.pathname}${await encodeState(state)}`;
  }

  /** Put the link in the address and copy it; what to say about it. */
  async share(): Promise<string> {
    const url = `${location.origin}${location.pathname}${this.app.storyQuery()}${await encodeState(this.app.state())}`;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      return t('app.shareCopied');
    } catch {
      return `${t('app.shareFallback')} ${url}`;
    }
  }
}
