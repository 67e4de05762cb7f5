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
  'story.ask': 'Predict, then run: {question}',
  'story.predictFirst': 'Choose your prediction, then run.',
  'story.run': 'Run {days} days (fastest speed)',
  'story.running': 'Running: day {day} of {days}…',
  'story.resultTitle': 'What the model produced in {days} days',
  'story.yourAnswer': 'You predicted: {choice}.',
  'story.noAnswer': 'You made no prediction.',
  'story.modelAnswer': 'The model’s run says: {choice}.',
  'story.right': 'Your prediction matches the model.',
  'story.wrong': 'The model disagrees with your prediction: look at the chart and think about why.',
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
    'In {days} days the traditional county closed {local} of its cases at grid or community level. Half of all cases took {p50} or longer to close, one in ten {p90} or longer (open cases counted).',
  'story.1.map':
    'On the map, follow a case that climbs: from a grid worker to its community, its town and a county department; every hand-off is a dot moving between offices, and every rung a line to wait in.',
  'story.2.map': 'On the map, the zones stand where the towns stood: follow a case in each structure and see where it waits.',
  'story.3.map': 'On the map, the new communities group the communities: see whether cases still stop at the middle level on their way up.',
  'story.4.map':
    'On the map, cases go from the communities to the centre and on to the departments without stopping at the governance units: follow one and compare its steps with Longgang 2020.',
  'story.5.map': 'On the map, compare where the dots line up in Longgang 2021 and in the proposal’s sections.',
  'story.6.map':
    'On the map, watch the typhoon: dots pile up in lines, communities darken with open cases, and you can see which offices clear them first.',
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
    'Mean time to close of the cases closed: {meanB} in {b}, {meanA} in {a}. One case in ten took {p90B} or longer in {b}, {p90A} or longer in {a}.',
  'story.2.look': 'its bars count the cases closed within each number of hours, with the 24-hour and one-week lines.',
  'story.2.teacher':
    'Removing a layer is not faster by itself: the 2019 zones had no fixed staff, and the city’s departments faced many more communities directly (a wider span). Ask: what did the reform remove, and what did it add? Compare the bars left of the 24-hour line. The “Replications” tab tells whether a small difference is more than chance.',
  'story.3.title': '3. 2020: new communities',
  'story.3.intro':
    'In 2020 villages became communities, and the zones were reorganised into “new communities” that received approval and public services through an online platform. Longgang 2019 (1) against Longgang 2020 (2), {days} days.',
  'story.3.fact':
    '“In 2020, after villages became communities, there were 102 communities; the 9 zones were reorganised into 14 ‘new communities’, and government approval and public services were extended to them through an electronic network platform.”',
  'story.3.question': 'Will Longgang 2020 close more or fewer of its cases at grid or community level than Longgang 2019?',
  'story.3.result': 'Closed at grid or community level: {localB} in {b} against {localA} in {a}.',
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
  'story.4.result':
    'In {b}: accepted within 30 minutes {accept}; on site within 1 hour {onsite}; closed within 24 hours {close} ({a}: {closeA}); difficult cases within 5 working days {difficult}. Closed at grid or community level: {local}.',
  'story.4.look': 'it follows each of the four service targets, day by day.',
  'story.4.teacher':
    'The sources give the targets as rules, not as rates achieved: the model shows how often they would be met. The validation report (in “About the model”) compares them over a year with replications; a two-month run can differ. Ask: which target is hardest to meet, and which level decides it?',
  'story.5.title': '5. The “3.0” proposal',
  'story.5.intro':
    'A proposal for the next step replaces the governance units with one social governance bureau whose sections each front a group of communities and link across to the city’s departments. Longgang 2021 (1) against the proposal (2), {days} days.',
  'story.5.fact':
    '“Set up 10 sections of 14 staff each, linked across to the city’s 14 functional departments and down to about 10 communities each.”',
  'story.5.fact2':
    '“Party and government organs and staff are 60% fewer than in comparable counties”; “administrative costs saved: over 1 billion yuan a year.”',
  'story.5.question': 'Will the proposal cost more or less per closed case than Longgang 2021?',
  'story.5.result':
    'Cost per closed case: {costB} for {b}, {costA} for {a}. Mean time to close of the cases closed: {meanB} against {meanA}.',
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
    'Most cases open at once: {peakA} in {a}, {peakB} in {b}. One case in ten took {p90A} or longer to close in {a}, {p90B} or longer in {b}.',
  'story.6.look': 'the dashed line is the backlog of open cases: see the surge and how fast each structure clears it.',
  'story.6.teacher':
    'A flat structure sends more cases to the same few city departments and the centre: under a surge, that hub is where it can congest (Guimerà et al. 2002). Try the epidemic shock in the parameters, or raise demand, and see whether flat still wins. This is the last step: the structures stay loaded for free exploration.',
  'story.sandbox':
    'You left the guided story. The structures it loaded stay: change anything and run again. The “Guided story” button takes you back.',
  'story.invalid':
    'The link asks for story step “{got}”, which does not exist; expected a whole number from 1 to {n}. Everything else in the link was kept.',
  'story.move': 'Previous and next step',
} as const;

export type StoryKey = keyof typeof storyEn;
