/** English strings of "Why do they differ?", loaded with the view. Keys are shared with why-zh.ts. */
export const whyEn = {
  'why.equalTerms': 'Compare on equal terms: structure 1 with the policy and the city posts of structure 2',
  'why.ownTerms': 'Back to structure 1 on its own terms',
  'why.equalTermsNote':
    'Same policy and same number of city posts (each level keeping its share): what is left of the difference is structure, resources and working hours. The terms show, and can be changed, under “Equal terms…” in the picker.',
  'why.title': 'Why do they differ? Structure, resources, policy and working hours',
  'why.intro':
    'Two structures differ in many fields, and each field belongs to a part: structure (levels, units, organs, who reports to whom), resources (posts and where they sit, training, contract hours), policy (the platform, the centre, the reform levers, powers delegated) or working hours. The 16 combinations of the first two structures’ parts are run on the same residents’ problems, and each difference is split among the parts by Shapley values: a part’s average contribution over the orders in which the parts could change. The parts add up to the difference, run by run.',
  'why.pair': 'From {a} to {b}: differences are {b} − {a}.',
  'why.needTwo': 'Choose two valid structures to compare: the view decomposes the difference between the first two.',
  'why.count': 'Replications of each combination',
  'why.days': 'Days each',
  'why.run': 'Compute',
  'why.runs': '{runs} runs: 16 combinations × {n} replications.',
  'why.progress': '{done} of {total} runs, {s} s',
  'why.cancelled': 'Cancelled: a decomposition needs every combination of every replication, so nothing is shown.',
  'why.failed': '{n} run(s) failed: {message}',
  'why.countError': 'Replications: expected a whole number from 2 to 1000, got {got}; kept {kept}.',
  'why.chartTitle': 'The difference {b} − {a} and its parts',
  'why.chartSummary':
    '{metric}: difference {total}; structure {structure}, resources {resources}, policy {policy}, working hours {calendars}; of these, {interactions} only together.',
  'why.legend':
    'Bars: mean over the replications; whiskers: paired 95% interval. Right of the zero line, {b} is higher than {a}. The four parts add up to the difference. Interactions: what the parts do only together (the difference less each part’s effect alone), already shared among the four parts.',
  'why.interactionsRow': 'Interactions',
  'why.difference': 'Difference',
  'why.metric': 'Figure',
  'why.share': 'Structure’s share',
  'why.interactions': 'Interactions that matter',
  'why.interaction': '{metric}: {p} and {q} together {x} (± {half}) beyond what each does alone.',
  'why.noInteraction':
    'No pair of parts interacts beyond its 95% interval and a tenth of the difference: each part acts much the same whatever the others are.',
  'why.unstable':
    'Unstable combinations (a backlog that grows in at least one replication): {list}. Their means grow with the run’s length: read them as a direction, not as figures.',
  'why.warmup': 'Each run’s first {w} days are discarded as warm-up.',
  'why.combinations': 'Combinations (in the downloads): A is {a}; B is {b}; A+policy is {a} with {b}’s policy, and so on.',
  'why.shareNote': 'Structure’s share is its Shapley value over the difference, shown where the difference’s interval excludes zero.',
  'why.kept': 'Kept until the first two structures, the seed or the days change.',
  'why.csv': 'Decomposition (CSV)',
  'why.runsCsv': 'Runs (CSV)',
  'why.chartName': 'Why they differ',
  'part.structure': 'Structure',
  'part.resources': 'Resources',
  'part.policy': 'Policy',
  'part.calendars': 'Working hours',
  'terms.help':
    'Take a part of this structure from another, or hold its posts at another’s total: each level, the departments, the centre and the hotline keep their share of the posts.',
  'terms.resources': 'Resources (posts, training, hours) from',
  'terms.policy': 'Policy (platform, centre, levers, powers) from',
  'terms.calendars': 'Working hours from',
  'terms.own': 'its own',
  'terms.posts': 'Posts',
  'terms.postsOwn': 'its own posts',
  'terms.groupAll': 'All posts',
  'terms.groupCity': 'City posts (编制) only; grid and community workers kept',
  'terms.postsAll': 'as many as {name}',
  'terms.postsCity': 'as many city posts as {name}',
  'terms.partOf': '{part} of {name}',
  'terms.with': 'With {parts}',
  'terms.atPosts': 'at the posts of {name}',
  'terms.atCityPosts': 'at the city posts of {name}',
  'terms.clear': 'Clear the terms',
  'terms.error': 'Not applied, the structure is kept as it was: {problem}',
  'terms.postsHint': 'Hold city posts equal instead, or give the other structure this one’s posts.',
  'why.clause':
    '; over {n} paired replications of {days} days the difference is {total}, of which structure accounts for {structure}, policy for {policy}, resources for {resources} and working hours for {calendars}',
  'why.bracketed': '{x} (± {half})',
  'why.clauseNote':
    'The parts come from “Why do they differ?” ({n} paired replications of {days} days; the difference B − A there is {total}): Shapley values over the 16 combinations of the two structures’ parts, which add up to that difference; a part below zero works the other way.',
  'brief.whyTitle': 'How much of each difference is structure',
  'brief.whyNote':
    '{b} − {a}, and the part of it that is structure (its Shapley value over the 16 combinations of the two structures’ parts): {n} paired replications of {days} days, mean ± 95% half-width.',
  'brief.whyNotYetApp': 'not yet computed (in the app, “Why do they differ?” computes it; then open the brief again).',
  'brief.whyNotYetCli': 'not yet computed ({command} computes it).',
  'brief.whyDiff': 'Difference',
} as const;

export type WhyKey = keyof typeof whyEn;
