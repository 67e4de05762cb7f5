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
