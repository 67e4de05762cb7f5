/** English strings of "Where does it lose?" (scenario discovery), loaded with the view. Keys are shared with discover-zh.ts. */
export const discoverEn = {
  'lose.title': 'Where does it lose? Scenario discovery',
  'lose.intro':
    'No source gives the model’s assumptions (how many problems residents raise, how much work each level pushes down, how fast trust moves…), so the answer may turn on them. Here they are drawn together across their plausible ranges (a Latin hypercube; the load is one of them), each draw is applied to both structures and run on the same residents’ problems, and PRIM, the method of the EMA Workbench, looks for boxes: ranges of a few assumptions inside which one structure loses to the other in most draws.',
  'lose.needTwo': 'Choose two valid structures to compare: the view looks at the first two.',
  'lose.which': 'Structure that may lose',
  'lose.against': '{b}, against {a}',
  'lose.outcome': 'It loses when it is',
  'lose.slower': 'slower: mean time to close, open cases included',
  'lose.costlier': 'costlier: annual cost',
  'lose.draws': 'Draws',
  'lose.days': 'Days each',
  'lose.estimate': '{runs} runs (2 structures × {draws} draws of {days} days): about {time} here, running {workers} at a time.',
  'lose.timeS': '{s} s',
  'lose.timeMin': '{m} min',
  'lose.run': 'Find where it loses',
  'lose.progress': '{done} of {total} runs, {s} s',
  'lose.left': '; about {left} left',
  'lose.analysing': 'Finding the boxes: PRIM on the {n} draws, then on {r} resamples of them…',
  'lose.cancelled': 'Cancelled: a discovery needs every draw of both structures, so nothing is shown.',
  'lose.failed': '{n} run(s) failed: {message}',
  'lose.drawsError': 'Draws: expected a whole number from 20 to 1000, got {got}; kept {kept}.',
  'lose.daysError': 'Days: expected a whole number from 7 to 365, got {got}; kept {kept}.',
  'lose.phrase.slower': '{b} is slower than {a}',
  'lose.phrase.costlier': '{b} costs more than {a}',
  'lose.heading': 'Where {phrase}',
  'lose.share': '{phrase} in {k} of {n} draws: {p} (95% interval {lo} to {hi}).',
  'lose.spread':
    'Across the draws, {b} − {a} is {median} at the median, from {min} to {max}; the middle 80% of draws lie between {p10} and {p90}.',
  'lose.missing': '{m} draw(s) gave no value and are left out.',
  'lose.none':
    '{phrase} in none of the {n} draws: within the plausible ranges of the assumptions there is no box where it loses. With {n} draws it could still lose in up to {hi} of the space of assumptions (95% upper bound); more draws narrow this.',
  'lose.all':
    '{phrase} in every one of the {n} draws: it loses whatever the assumptions, so there is no box to find (it loses in at least {lo} of the space of assumptions, 95% lower bound).',
  'lose.noBox':
    'No box reaches a density of {t}: the draws where it loses are spread over the assumptions, not gathered in a few of their ranges.',
  'lose.terms':
    'Coverage: the share of all the draws where it loses that fall inside the box. Density: the share of the draws inside the box where it loses (how likely it is to lose there). Mass: the share of all draws inside the box.',
  'lose.box': 'Box {i}',
  'lose.boxSummary':
    'Inside this box {phrase} in {k} of {n} draws: density {d} (95% interval {lo} to {hi}). The box holds {cov} of all the draws where it loses (coverage) and {mass} of all draws (mass).',
  'lose.boxIs': 'The box: these assumptions in these ranges, every other assumption anywhere in its plausible range.',
  'lose.atLeast': 'at least {x}',
  'lose.atMost': 'at most {x}',
  'lose.between': 'from {lo} to {hi}',
  'lose.plausible': 'plausible {lo} to {hi}',
  'lose.reappears': 'reappears in {r} of resamples',
  'lose.qp': 'quasi-p {qp}',
  'lose.noise': 'likely noise of the draws',
  'lose.noiseOnly': '{n} restriction(s), all likely noise of the draws',
  'lose.noiseMore': '{n} more restriction(s), likely noise of the draws',
  'lose.allNoise':
    'No restriction of this box stands up to resampling: with {draws} draws of {m} assumptions, PRIM can fence off the losing draws by chance. Read it as no finding yet; more draws (200 or more) tell a real box from noise.',
  'lose.noiseNote':
    'A restriction that reappears in fewer than half the resamples, or whose quasi-p (a one-sided binomial test of the box against the box without it) is above 0.05, is likely noise of the draws.',
  'lose.stability':
    'Stability: PRIM run again on {r} bootstrap resamples of the draws finds boxes that share {o} of their draws with this one on average (Jaccard overlap; 100% would be the same box every time).',
  'lose.times': '× is a multiple of each structure’s own value.',
  'lose.chartTitle': 'Box {i}: coverage against density while peeling',
  'lose.chartX': 'Coverage (%): the losing draws inside the box',
  'lose.chartY': 'Density (%): the box’s draws that lose',
  'lose.chartChosen': 'chosen box',
  'lose.chartThreshold': 'density sought, {t}',
  'lose.chartSummary':
    'Peeling from coverage {c0} and density {d0} to coverage {c1} and density {d1}; the chosen box has coverage {c} and density {d}.',
  'lose.chartNote':
    'Each point is a step of peeling: the box starts with every draw and sheds 5% of its draws at a time, gaining density and losing coverage. The chosen box is the step with the most coverage whose density reaches {t}, then widened again while that raised its density.',
  'lose.method':
    'Draws: a Latin hypercube over {m} assumptions, the same draw and seed for both structures; {days} days each; seed {seed}. The boxes: PRIM with peeling and pasting, density sought {t}; stability from {r} bootstrap resamples.',
  'lose.kept': 'Kept until the first two structures or the seed change.',
  'lose.json': 'Result (JSON)',
} as const;

export type DiscoverKey = keyof typeof discoverEn;
