/** The app's help: its keyboard shortcuts, in a dialog (? opens and closes it). */
import { html } from 'lit';
import { t, type MessageKey } from '../../render/i18n.ts';

const ROWS: [string, MessageKey][] = [
  ['Space', 'help.space'],
  ['S', 'help.step'],
  ['R', 'help.reset'],
  ['1 2 3 4', 'help.speed'],
  ['C M O E W Y D I', 'help.views'],
  ['G', 'help.story'],
  ['L', 'help.lang'],
  ['?', 'help.help'],
];

/** The help dialog, in the current language. */
export function helpDialog() {
  return html`<dialog aria-labelledby="help-title">
    <h2 id="help-title">${t('help.title')}</h2>
    <table>
      ${ROWS.map(
        ([k, m]) =>
          html`<tr>
            <td><kbd>${k}</kbd></td>
            <td>${t(m)}</td>
          </tr>`,
      )}
    </table>
    <form method="dialog"><button id="help-close" autofocus>${t('help.close')}</button></form>
  </dialog>`;
}
