/** English strings of the guided story, loaded with it. Keys are shared with story-zh.ts. */
export const storyEn = {
  'story.label': 'Guided story',
  'story.stepOf': 'step {n} of {total}',
  'story.steps': 'Steps of the story',
  'story.stepButton': 'Step {n}: {title}',
  'story.leave': 'Leave the story (keep what is loaded)',
  'story.prev': 'Back',
  'story.next': 'Next: {title}',
  'story.finish': 'Finish: explore on your own',
  'story.facts': 'What the sources say',
  'story.source': 'Source: seed document {id}, {title}',
  'story.question': 'The question: {question}',
  'story.ask': 'Predict, then run: {question}',
  'story.predictFirst': 'Choose your prediction, then run.',
  'story.run': 'Run {days} days (fastest speed)',
  'story.running': 'Running: day {day} of {days} on the charts; {done} of {total} runs for the figures…',
  'story.resultTitle': 'What the model produced: {n} runs of {days} days',
  'story.yourAnswer': 'You predicted: {choice}.',
  'story.noAnswer': 'You made no prediction.',
  'story.modelAnswer': 'The runs say: {choice}.',
  'story.right': 'Your prediction matches the runs.',
  'story.wrong': 'The runs answer otherwise: look at the figures and the chart, and think about why.',
  'story.lookAt': 'Look at the highlighted chart “{chart}”:',
  'story.show': 'Show the chart',
  'story.announce': 'Step {n} finished. Highlighted: {chart}.',
  'story.teacher': 'Teacher notes',
  'story.changed':
    'The structures or the days were changed since this step was loaded: the step’s question and figures are for its own structures and days.',
  'story.reload': 'Load this step again',
  'story.choice.faster': 'Faster',
  'story.choice.slower': 'Slower',
  'story.choice.more': 'More',
  'story.choice.fewer': 'Fewer',
  'story.choice.less': 'Less',
  'story.choice.yes': 'Yes',
  'story.choice.no': 'No',
  'story.choice.none': 'no prediction',
  'story.1.title': '1. The traditional hierarchy',
  'story.1.intro':
    'A traditional county passes residents’ cases up a ladder: grid → community or village → town or street → county departments. Every rung adds a queue, a hand-off and a chance that information is lost on the way. This step runs the traditional county alone for {days} days.',
  'story.1.fact': '“China’s administration has five levels, and with the community added it is in fact a six-level system.”',
  'story.1.question':
    'Will the traditional county close at least 90% of its cases at grid or community level (what Longgang claims after its reform)?',
  'story.1.result':
    'Compare the share closed at grid or community level with the 90% Longgang claims after its reform, and read how long cases take: half of them take at least the median, one in ten at least the 90th percentile (cases still open counted).',
  'story.1.map':
    'On the map, follow a case that climbs: from a grid worker to its community, its town and a county department; every hand-off is a dot moving between offices, and every rung a line to wait in.',
  'story.2.map': 'On the map, the zones stand where the towns stood: follow a case in each structure and see where it waits.',
  'story.3.map': 'On the map, the new communities group the communities: see whether cases still stop at the middle level on their way up.',
  'story.4.map':
    'On the map, cases go from the communities to the centre and on to the departments without stopping at the governance units: follow one and compare its steps with Longgang 2020.',
  'story.5.map': 'On the map, compare where the dots line up in Longgang 2021 and in the proposal’s sections.',
  'story.6.map':
    'On the map, watch the typhoon at its height (day {day}): dots pile up in lines, communities darken with open cases, and you can see which offices clear them first.',
  'story.mapCities': 'the living map of both structures',
  'story.mapFollow': 'following a case on the map',
  'story.showMap': 'Watch it on the map',
  'story.embedLabel': 'Embed this step: copy the code of a page that shows it alone',
  'story.1.look': 'it follows the share closed at grid or community level, day by day, against the 90% line.',
  'story.1.teacher':
    'The chain has a town or street level between the communities and the county departments. Ask students to follow one case: who takes it in, who can resolve it, what happens when it goes up. The 90% line is Longgang’s claim after the reform, not a target the county was held to. “Structure and flows” (the O key) shows where cases wait.',
  'story.2.title': '2. 2019: zones instead of towns',
  'story.2.intro':
    'In 2019 Longgang, a town made a county-level city, had no township or street level. Villages and communities were merged, and a few zones with no fixed staff sat between them and the city. Same residents, same problems, {days} days: the traditional county (1) against Longgang 2019 (2).',
  'story.2.fact':
    '“In 2019 the 199 administrative villages and communities were merged into 73 villages and 30 communities, and 9 zones were set up between the city and the villages and communities, each with a ‘one committee, one centre’ platform, not a legal entity and with no fixed staff.”',
  'story.2.fact2': '“The only county-level city in China with no townships or streets.”',
  'story.2.question': 'Will Longgang 2019 close cases faster or slower than the traditional county, on average?',
  'story.2.result':
    'Compare {b} with {a}: the mean time to close of the cases closed, and the median and 90th percentile with open cases counted. A mean and a median can point different ways: a few very long cases move a mean, not a median.',
  'story.2.look': 'its bars count the cases closed within each number of hours, with the 24-hour and one-week lines.',
  'story.2.teacher':
    'Removing a layer is not faster by itself: the 2019 zones had no fixed staff, and the city’s departments faced many more communities directly (a wider span). Ask: what did the reform remove, and what did it add? Compare the bars left of the 24-hour line. The table’s intervals say whether a difference is more than chance; “too close to call” is a fair answer when they overlap.',
  'story.3.title': '3. 2020: new communities',
  'story.3.intro':
    'In 2020 villages became communities, and the zones were reorganised into “new communities” that received approval and public services through an online platform. Longgang 2019 (1) against Longgang 2020 (2), {days} days.',
  'story.3.fact':
    '“In 2020, after villages became communities, there were 102 communities; the 9 zones were reorganised into 14 ‘new communities’, and government approval and public services were extended to them through an electronic network platform.”',
  'story.3.question': 'Will Longgang 2020 close more or fewer of its cases at grid or community level than Longgang 2019?',
  'story.3.result': 'Compare the share of all cases closed at grid or community level in {b} with {a}.',
  'story.3.look': 'it follows the share closed at grid or community level, day by day, against the 90% line.',
  'story.3.teacher':
    'The share closed locally is not set in the presets: it follows from what each level has (staff, training, delegated powers, platform support). Ask students which of these changed in 2020, and check in “About the model” (the sources of each structure).',
  'story.4.title': '4. 2021: governance units and the platform',
  'story.4.intro':
    'In 2021 the new communities were abolished and the communities grouped into governance units, each with a joint party committee, a joint-duty station and a service centre. Communities dispatch cases through the social governance centre’s platform (“one network manages all”) straight to the city’s departments. Longgang 2020 (1) against Longgang 2021 (2), {days} days.',
  'story.4.fact':
    '“Non-field cases are accepted within 30 minutes and closed with feedback within 24 hours; field cases need someone on site within 1 hour; difficult cases are closed with feedback within 5 working days.”',
  'story.4.fact2': '“Over 90% of events are resolved quickly at community level, close to where they arise.”',
  'story.4.question': 'Will Longgang 2021 close at least 90% of its non-field cases within 24 hours?',
  'story.4.result': 'Read {b}’s four service targets against 90%, with {a}’s beside them, and the share closed at grid or community level.',
  'story.4.look': 'it follows each of the four service targets, day by day.',
  'story.4.teacher':
    'The sources give the targets as rules, not as rates achieved: the model shows how often they would be met. Each structure runs 10 times for 60 days here; the validation report (in “About the model”) runs a year, and its verdict on the 24-hour target agrees. Ask: which target is hardest to meet, and which level decides it?',
  'story.5.title': '5. The “3.0” proposal',
  'story.5.intro':
    'A proposal for the next step replaces the governance units with one social governance bureau whose sections each front a group of communities and link across to the city’s departments. Longgang 2021 (1) against the proposal (2), {days} days.',
  'story.5.fact':
    '“Set up 10 sections of 14 staff each, linked across to the city’s 14 functional departments and down to about 10 communities each.”',
  'story.5.fact2':
    '“Party and government organs and staff are 60% fewer than in comparable counties”; “administrative costs saved: over 1 billion yuan a year.”',
  'story.5.question': 'Will the proposal cost more or less per closed case than Longgang 2021?',
  'story.5.result': 'Compare the administrative cost per case closed in {b} with {a}, and what it buys in time to close.',
  'story.5.look': 'it divides the cost so far by the cases closed so far, day by day.',
  'story.5.teacher':
    'The sources’ figures (60% fewer organs and posts, over 1 billion yuan a year saved) compare Longgang with other counties, and the model falls short of them (see the validation report in “About the model”). Here two flat designs are compared: the search for the right thin middle layer. Ask: what does a middle layer cost, and what does it buy?',
  'story.6.title': '6. A stress week: a typhoon',
  'story.6.intro':
    'A typhoon strikes on day {shockDay}: three times the usual cases for five days, most of them field and safety cases, with a fifth of staff kept away (an assumption: the sources give no figures for it). The traditional county (1) against Longgang 2021 (2), {days} days.',
  'story.6.fact':
    '“For urgent and difficult tasks such as land clearance, Longgang combines ‘fixed posts’ and ‘floating posts’ for its cadres, for ‘emergency support when needed, smooth work at ordinary times’.”',
  'story.6.question': 'During the typhoon, whose backlog of open cases will rise higher?',
  'story.6.choice.a': 'The traditional county’s',
  'story.6.choice.b': 'Longgang 2021’s',
  'story.6.result':
    'Compare the highest backlog in {a} and {b} during the typhoon, and how long the slowest tenth of cases took (cases still open counted).',
  'story.6.look': 'the dashed line is the backlog of open cases: see the surge and how fast each structure clears it.',
  'story.6.teacher':
    'A flat structure sends more cases to the same few city departments and the centre: under a surge, that hub is where it can congest (Guimerà et al. 2002). Try the epidemic shock in the parameters, or raise demand, and see whether flat still wins. This is the last step: the structures stay loaded for free exploration.',
  'story.sandbox':
    'You left the guided story. The structures it loaded stay: change anything and run again. The “Guided story” button takes you back.',
  'story.invalid':
    'The link asks for story step “{got}”, which does not exist; expected a whole number from 1 to {n}. Everything else in the link was kept.',
  'story.move': 'Previous and next step',
  'story.undecided': 'The runs cannot decide: the difference is within what chance gives, so neither answer is borne out.',
  'story.choice.close': 'Too close to call',
  'story.5.choice.more': 'More',
  'story.5.choice.less': 'Less',
  'story.figures': 'Mean of {n} runs of {days} days each (the same residents’ problems in every structure), with its 95% interval',
  'story.figure': 'Figure',
  'story.meanOf': 'mean of {n} runs',
  'story.oneRun': 'The chart shows one of the runs (the seed of the run controls); the table is the mean of all of them.',
  'story.verdict.above': '{label} in {name}: {value}; the whole interval is at or above {line}.',
  'story.verdict.below': '{label} in {name}: {value}; the whole interval is below {line}.',
  'story.verdict.straddles': '{label} in {name}: {value}; the interval includes {line}, so the runs cannot tell: too close to call.',
  'story.verdict.difference': '{label}, {b} less {a}: {diff} (paired: the same problems in both, 95% interval).',
  'story.verdict.noDifference':
    '{label}, {b} less {a}: {diff}; the interval includes no difference, so the runs cannot tell: too close to call.',
  'story.repsFailed': 'The step’s runs for its figures failed: {message}',
} as const;

export type StoryKey = keyof typeof storyEn;
