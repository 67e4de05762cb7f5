/** What the app could not read of a link, in English (render/link-problems.ts, loaded only then). */
export const linkEn = {
  'link.part.columns': 'structures',
  'link.part.seed': 'seed',
  'link.part.days': 'days',
  'link.part.view': 'view',
  'link.part.lang': 'language',
  'link.part.speed': 'speed',
  'link.part.selected': 'structure shown',
  'link.part.replications': 'replications',
  'link.part.whyReplications': 'replications of “Why do they differ?”',
  'link.p.notState': 'the part after # is not a flatgov state',
  'link.p.damaged': 'the state in the link is damaged (it may have been cut short)',
  'link.p.notObject': 'the state in the link is not an object',
  'link.p.noStructure': 'no valid structure',
  'link.p.tooLarge': 'the state in the link is larger than {mb} MB unpacked, more than any flatgov state; it was not read',
  'link.p.noVersion': 'no link version (this app reads {want})',
  'link.p.version': 'link version {v} (this app reads {want})',
  'link.p.preset': 'structure {i}: unknown preset "{preset}"',
  'link.p.scenario': 'structure {i}: its scenario is not valid',
  'link.p.change': 'structure {i}, {field}: {reason}',
  'link.p.field': '{field}: expected {expected}',
  'link.expected.seed': 'a whole number from 0 to 2147483648',
  'link.expected.days': 'a number of days from 1 to 3650',
  'link.expected.speed': 'a speed from 0 to 3',
  'link.expected.replications': 'a whole number from 2 to 1000',
};

export type LinkKey = keyof typeof linkEn;
