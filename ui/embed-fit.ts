/**
 * An embed fits the frame it is shown in: the page's content no taller than the frame, so the
 * host page shows no scrollbar inside the iframe. The figure of an embed (a chart's drawing,
 * the map's canvases) takes the room the rest leaves: its height now plus what is spare below
 * the content, or minus what overflows.
 */

/** How tall a figure may be so that the page needs no scrolling (never below `min`). */
export function fitHeight(figure: Element, min: number): number {
  const content = document.body.getBoundingClientRect().height;
  const spare = window.innerHeight - content;
  // One pixel spare: rounding of fractional heights never brings a scrollbar.
  return Math.max(min, Math.floor(figure.getBoundingClientRect().height + spare - 1));
}
