/** The population and the problems it raises. */
import { z } from 'zod';
import { num } from './fields.ts';

/** Resident population, micro-grids and area. */
export const populationSchema = z
  .strictObject({
    residents: num('Resident population. ASSUMPTION for Longgang: about 465,000.', 'residents', 465_000, 1, 20_000_000, {
      a: { range: [0.9, 1.1], scale: true, reasoning: '±10%: registered and resident population differ by about that much.' },
      int: true,
    }),
    microGrids: num('Number of micro-grids residents live in (003: 3,229).', 'micro-grids', 3229, 1, 1_000_000, { int: true }),
    areaKm2: num('Area served. ASSUMPTION for Longgang: about 184 km².', 'km²', 184, 0.01, 100_000, {
      a: { range: [0.95, 1.05], scale: true, reasoning: '±5%: the area is known; boundaries changed slightly in 2019.' },
    }),
  })
  .default({ residents: 465_000, microGrids: 3229, areaKm2: 184 });

/** The problems residents have: how many, of what type and domain, when. */
export const demandSchema = z
  .strictObject({
    casesPerResidentYear: num(
      'Problems a resident raises a year. ASSUMPTION: about 0.5 (Beijing Dongcheng: 40,000 cases a month for 0.9 million people).',
      '1/resident/year',
      0.5,
      0,
      10_000,
      {
        a: {
          range: [0.6, 1.6],
          scale: true,
          reasoning:
            '0.3–0.8 per resident-year around the 0.5 default: reported grid and hotline volumes per resident in Chinese cities span that range.',
        },
        zh: '每位居民每年提出的诉求数。假设：约0.5（北京东城网格每月约4万件，约90万人）。',
      },
    ),
    frequentShare: num('Share of residents who raise problems more often than others. ASSUMPTION.', 'share', 0.1, 0, 1, {
      a: { range: [0.05, 0.2], reasoning: 'A minority of frequent callers, 5–20%, as hotline studies report.' },
    }),
    frequentMultiplier: num('How many times more often frequent residents raise problems. ASSUMPTION.', '×', 3, 1, 100, {
      a: { range: [2, 5], reasoning: 'Frequent callers call two to five times as often.' },
    }),
    fieldShare: num('Share of cases that need someone on site. ASSUMPTION.', 'share', 0.4, 0, 1, {
      a: { range: [0.3, 0.5], reasoning: '30–50%: the source gives field targets, not the share of field cases.' },
      zh: '需要有人到场处置的诉求比例。假设。',
    }),
    nightStartMinute: num(
      'Start of the night, when residents raise fewer problems (minutes after midnight). ASSUMPTION: 22:00.',
      'min',
      1320,
      0,
      1439,
      { int: true, a: { range: [1260, 1380], reasoning: '21:00 to 23:00: when hotline volumes fall off in the evening.' } },
    ),
    nightEndMinute: num('End of the night (minutes after midnight). ASSUMPTION: 07:00.', 'min', 420, 0, 1439, {
      int: true,
      a: { range: [360, 480], reasoning: '06:00 to 08:00: when hotline volumes pick up in the morning.' },
    }),
    nightFactor: num(
      'Rate of problems between 22:00 and 07:00 relative to the day (the daily total is kept). ASSUMPTION.',
      '×',
      0.2,
      0,
      1,
      { a: { range: [0.1, 0.3], reasoning: 'Night-time hotline volume is a tenth to a third of the day’s.' } },
    ),
    difficultyRate: num(
      'λ of the exponential difficulty distribution (Garicano); mean difficulty is 1/λ.',
      '1/difficulty',
      1,
      0.001,
      1000,
      { zh: '诉求难度的指数分布参数 λ（Garicano）；平均难度为 1/λ。' },
    ),
    collaborativeAbove: num('Difficulty above which a case needs several domains (collaborative).', 'difficulty', 3, 0, 1e6),
    difficultAbove: num(
      'Difficulty above which a case is difficult (5-working-day target, coordinated by the centre).',
      'difficulty',
      4,
      0,
      1e6,
    ),
    collaborativeDomainsMean: num('Mean number of domains a collaborative case needs (at least 2).', 'domains', 2.5, 2, 30),
    collaborativeWork: num('Work multiplier for collaborative cases.', '×', 1.5, 0.01, 100),
    difficultWork: num('Work multiplier for difficult cases.', '×', 3, 0.01, 100),
  })
  .prefault({});
