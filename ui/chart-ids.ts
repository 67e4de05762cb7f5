/** The ids of the live charts, as embeds (`?embed=<id>`) and the guided story name them. */
export const CHART_IDS = [
  'throughput',
  'time-to-close',
  'service-targets',
  'local-resolution',
  'utilisation',
  'cost',
  'cost-per-case',
  'trust',
] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** What the guided story can point at on the map: both cities, or the way to follow a case. */
export const MAP_TARGETS = ['cities', 'follow'] as const;
