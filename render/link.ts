/**
 * The state part of an app link (`#s=…`): the state as JSON, deflated and in base64url, with
 * the link format's version. The app writes its links with it and the command-line brief its
 * link to the same comparison; the app reads them back (ui/state.ts, decodeState), and
 * says in the page's language what of a link it could not read (render/link-problems.ts).
 */

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
