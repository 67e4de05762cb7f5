/** Case types and channels, shared by the engine and the metrics. */

export const GENERAL = 0;
export const COLLABORATIVE = 1;
export const DIFFICULT = 2;
export const CASE_TYPES = ['general', 'collaborative', 'difficult'] as const;

export const CH_GRID = 0;
export const CH_DISCOVERED = 1;
export const CH_HOTLINE = 2;
export const CH_PETITION = 3;
export const CHANNELS = ['grid', 'discovered', 'hotline', 'petition'] as const;

/** Domains a case needs are a bit mask: how many, and the first. */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}
