/**
 * The state part of an app link (`#s=…`): the state as JSON, deflated and in base64url, with
 * the link format's version. The app writes its links with it and the command-line brief its
 * link to the same comparison; the app reads them back (ui/state.ts, decodeState), and
 * says in the page's language what of a link it could not read.
 */
import { getLang, t, type MessageKey } from './i18n.ts';
import { BY_NAME, lastName, words } from './param-labels.ts';

/** The version of the link format the app reads. */
export const LINK_VERSION = 1;

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The hash part of a link that restores `state` (an app state: columns, seed, days, view, …). */
export async function stateHash(state: object): Promise<string> {
  return `#s=${toBase64Url(await deflate(JSON.stringify({ v: LINK_VERSION, ...state })))}`;
}

/** A part of the state a link keeps, in words of the page's language. */
export function linkPartName(key: string): string {
  const known = ['columns', 'seed', 'days', 'view', 'lang', 'speed', 'selected', 'replications', 'whyReplications'];
  return known.includes(key) ? t(`link.part.${key}` as MessageKey) : key;
}

/**
 * What could not be read of a link (ui/state.ts, decodeState, says it in English), in the
 * page's language: the app's own reasons translated, a field's by its label; a reason from
 * elsewhere (a scenario's validation) as it is.
 */
export function linkProblemText(problem: string): string {
  const label = (path: string) => {
    const w = BY_NAME[lastName(path)];
    return w ? w[getLang()] : words(lastName(path));
  };
  let m: RegExpExecArray | null;
  if (problem === 'the part after # is not a flatgov state') return t('link.p.notState');
  if (problem === 'the state in the link is damaged (it may have been cut short)') return t('link.p.damaged');
  if (problem === 'the state in the link is not an object') return t('link.p.notObject');
  if (problem === 'no valid structure') return t('link.p.noStructure');
  if ((m = /^the state in the link is larger than ([\d.]+) MB/.exec(problem))) return t('link.p.tooLarge', { mb: m[1] });
  if ((m = /^no link version \(this app reads (\d+)\)$/.exec(problem))) return t('link.p.noVersion', { want: m[1] });
  if ((m = /^link version (.+) \(this app reads (\d+)\)$/.exec(problem))) return t('link.p.version', { v: m[1], want: m[2] });
  if ((m = /^structure (\d+): unknown preset "(.*)"$/.exec(problem))) return t('link.p.preset', { i: m[1], preset: m[2] });
  if ((m = /^structure (\d+): its scenario is not valid$/.exec(problem))) return t('link.p.scenario', { i: m[1] });
  if ((m = /^structure (\d+), ([^:]+): (.*)$/.exec(problem))) return t('link.p.change', { i: m[1], field: label(m[2]), reason: m[3] });
  if ((m = /^(seed|days|view|lang|speed|replications|whyReplications): expected (.*)$/.exec(problem)))
    return t('link.p.field', {
      field: linkPartName(m[1]),
      expected:
        m[1] === 'view' || m[1] === 'lang' ? m[2] : t(`link.expected.${m[1] === 'whyReplications' ? 'replications' : m[1]}` as MessageKey),
    });
  return problem;
}
