/** The mechanisms through which structure decides the outcome, each a switch with its parameters. */
import { z } from 'zod';
import { bool, durationSchema, num } from './fields.ts';

/** Each mechanism a switch with its parameters. */
export const mechanismsSchema = z
  .strictObject({
    competence: bool(
      'Competence follows resources. Off: a level with a competence block resolves up to its powers’ ceiling alone, whatever its staff, training, cadres or platform.',
      true,
      '办结能力取决于资源。关闭时，有能力设定的层级只按权限上限办结，与人员、培训、下沉干部和平台无关。',
    ),
    workload: bool(
      'Layers and spans cost staff time: burden from the layers above and time spent on each supervised office are taken from case time. Off: no burden, no span cost.',
      true,
      '层级与幅度占用人员时间：上级摊派和管理下级所花时间从办件时间中扣除。关闭则不计。',
    ),
    controlLoss: bool(
      'Information lost at each hand-off makes the resolving office redo work. Off: α = 1 everywhere.',
      true,
      '每次转交损失信息，导致办理单位返工。关闭时 α = 1。',
    ),
    residentsRespond: bool(
      'Residents respond while they wait: overdue cases lower trust and bring repeat contacts; unreported problems resurface. Off: trust moves only when a case ends, and unreported problems are counted and dropped.',
      true,
      '居民在等待中作出反应：逾期诉求降低信任并引来重复来电；未报告的问题会再次出现。关闭时信任只在诉求结束时变化。',
    ),
    askForHelp: bool(
      'Workers who know or ask (Garicano): a worker who does not know how to resolve a case asks the office’s senior, who spends the help time on the question whether or not they know the answer, when free; unanswered within the time a worker waits for an answer (an assumption), the worker passes the case up. Off: an office resolves what its senior knows, without asking or waiting.',
      true,
      '会则办、不会则问（Garicano）：不会办的工作人员向本机构骨干请教，骨干空闲时花费请教时间，无论能否解答；超过等待时限未获答复则上交。关闭时按骨干的知识直接办结，不需请教和等待。',
    ),
    escalateOverdue: bool(
      'Overdue cases climb (004; the platform escalates overdue cases, 000): once a day, a case still waiting in a level’s queue long enough past its deadline (an assumption) is taken out and passed up — to the governance centre where there is a platform and a centre, else to the level above.',
      true,
      '逾期诉求上升（004；平台将逾期诉求升级，000）：每天一次，在某层级排队超过时限的诉求被提出并上交——有平台和治理中心时交治理中心，否则交上一级。',
    ),
    escalateAfterHours: num(
      'How long past its deadline a case waits at a level before it climbs (the platform flags it at once; it is taken away once it is this late). ASSUMPTION.',
      'h',
      24,
      0,
      10_000,
      { a: { range: [8, 48], reasoning: 'From a working day to two days past the deadline.' } },
    ),
    hurry: bool(
      'Staff hurry under backlog: when an office’s queue per worker on duty passes a backlog, its work takes a shorter time, and a hurried case may be reopened (the resident comes back); the backlog, the time and the chance are assumptions.',
      true,
      '积压时赶工：某机构每名在岗人员的排队积压超过一定程度时，办理时间缩短，赶出来的诉求可能被重开（居民再来）；积压程度、用时比例和重开概率均为假设。',
    ),
    knowledgePerTraining: num(
      'Difficulty up to which a worker of training 1 knows how to resolve a case (Garicano’s knowledge; difficulty is Exp(1) by default, so 2 covers 86% of cases). ASSUMPTION.',
      'difficulty',
      2,
      0,
      100,
      {
        a: {
          range: [1.5, 2.5],
          reasoning: 'A trained full-function worker resolves three quarters to nine tenths of what reaches them.',
        },
      },
    ),
    seniorFactor: num(
      'How many times a junior’s knowledge the office’s senior (its head or most experienced worker, whom the others ask) has. ASSUMPTION.',
      '×',
      1.5,
      1,
      10,
      { a: { range: [1.25, 2], reasoning: 'Community heads and section chiefs have years more experience than their staff.' } },
    ),
    help: durationSchema.default({ dist: 'exp', mean: 15, cv: 1 }).meta({
      description:
        'Time the senior spends on a question (Garicano’s h), whether or not they know the answer. ASSUMPTION: 15 minutes on average.',
    }),
    helpWaitMinutes: num(
      'How long a worker waits for the senior to take up a question before passing the case up (Jin & Levitt’s wait limit). ASSUMPTION.',
      'min',
      120,
      0,
      100_000,
      { a: { range: [60, 240], reasoning: 'An hour to half a working day.' } },
    ),
    hurryQueuePerServer: num(
      'Cases waiting per case worker on duty above which an office hurries. ASSUMPTION.',
      'cases/server',
      4,
      0,
      1000,
      { a: { range: [2, 8], reasoning: 'A morning’s work to two days’ work waiting per worker.' } },
    ),
    hurryFactor: num('Share of the usual time a hurried piece of work takes. ASSUMPTION.', 'share', 0.75, 0.1, 1, {
      a: { range: [0.6, 0.9], reasoning: 'Hurrying cuts a tenth to two fifths of the time.' },
    }),
    hurryReopenProb: num('Chance a hurried case is not truly resolved and comes back (reopened). ASSUMPTION.', 'share', 0.1, 0, 1, {
      a: { range: [0.05, 0.2], reasoning: 'One hurried case in twenty to one in five comes back.' },
    }),
    reopenAfterDays: num(
      'Mean time after which a resident comes back about a case that was not resolved. ASSUMPTION.',
      'days',
      3,
      0.01,
      1000,
      {
        a: { range: [1, 7], reasoning: 'A day to a week.' },
      },
    ),
    powersCeiling: num(
      'Difficulty a level holding all local powers (powers = 1) may resolve at most; harder cases need departments. ASSUMPTION.',
      'difficulty',
      6,
      0,
      1000,
      { a: { range: [4, 8], reasoning: 'The hardest local cases are 4–8 times the mean difficulty.' } },
    ),
    cadreExpertise: num(
      'Training-equivalents a cadre sent down adds, while present, to what the office’s most knowledgeable person knows in the domains of the cadre’s department (they know its rules and people). ASSUMPTION.',
      '×',
      0.5,
      0,
      10,
      {
        a: {
          range: [0.25, 1],
          reasoning: 'A quarter to a whole trained worker’s knowledge: cadres know their department’s rules and people.',
        },
      },
    ),
    platformSupport: num(
      'Training-equivalents the digital platform’s case records and knowledge base add to every worker of an office that uses it. ASSUMPTION.',
      '×',
      0.25,
      0,
      10,
      { a: { range: [0, 0.5], reasoning: 'None to half a trained worker’s knowledge.' } },
    ),
    minCaseTimeShare: num(
      'Share of its case time an office keeps, however much burden and span work fall on it (cases are never abandoned entirely). ASSUMPTION.',
      'share',
      0.1,
      0.01,
      1,
      { a: { range: [0.05, 0.2], reasoning: '5–20%: an office always keeps some time for cases.' } },
    ),
  })
  .prefault({})
  .meta({ description: 'The mechanisms through which structure decides the outcome, each a switch with its parameters.' });
