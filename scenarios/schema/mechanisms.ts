/** The mechanisms through which structure decides the outcome. */
import { z } from 'zod';
import { bool, num } from './fields.ts';

/** Each mechanism a switch with its parameters. */
export const mechanismsSchema = z
  .strictObject({
    competence: bool(
      'Competence follows resources (sim/submodels/competence.ts). Off: a level with a competence block resolves up to its powers’ ceiling alone, whatever its staff, training, cadres or platform.',
      true,
      '办结能力取决于资源（sim/submodels/competence.ts）。关闭时，有能力设定的层级只按权限上限办结，与人员、培训、下沉干部和平台无关。',
    ),
    workload: bool(
      'Layers and spans cost staff time (sim/submodels/workload.ts): burden from the layers above and time spent on each supervised office are taken from case time. Off: no burden, no span cost.',
      true,
      '层级与幅度占用人员时间（sim/submodels/workload.ts）：上级摊派和管理下级所花时间从办件时间中扣除。关闭则不计。',
    ),
    controlLoss: bool(
      'Information lost at each hand-off makes the resolving office redo work (sim/submodels/control-loss.ts). Off: α = 1 everywhere.',
      true,
      '每次转交损失信息，导致办理单位返工（sim/submodels/control-loss.ts）。关闭时 α = 1。',
    ),
    residentsRespond: bool(
      'Residents respond while they wait (sim/submodels/residents.ts): overdue cases lower trust and bring repeat contacts; unreported problems resurface. Off: trust moves only when a case ends, and unreported problems are counted and dropped.',
      true,
      '居民在等待中作出反应（sim/submodels/residents.ts）：逾期诉求降低信任并引来重复来电；未报告的问题会再次出现。关闭时信任只在诉求结束时变化。',
    ),
    knowledgePerLog: num(
      'Difficulty a level can resolve per e-fold of its expertise (Garicano’s knowledge: each doubling of trained staff adds the same reach). ASSUMPTION: 1, the simplest scale.',
      'difficulty',
      1,
      0,
      100,
      { a: { range: [0.7, 1.3], reasoning: '±30% around the simplest scale.' } },
    ),
    expertiseScale: num(
      'Expertise at which knowledge starts to pay (the 1 in ln(1 + e/scale)). ASSUMPTION: one trained worker.',
      'staff-equivalents',
      1,
      0.01,
      1000,
      { a: { range: [0.5, 2], reasoning: 'Half to two trained workers.' } },
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
      'Expertise a cadre sent down brings in the domains of the department they come from (they know its rules and people). ASSUMPTION.',
      'staff-equivalents',
      1.5,
      0,
      100,
      { a: { range: [0.5, 3], reasoning: 'Half to three trained workers’ worth: cadres know their department’s rules and people.' } },
    ),
    platformSupport: num(
      'Expertise the digital platform adds to every office that uses it (case records, a knowledge base, experts a message away). ASSUMPTION.',
      'staff-equivalents',
      0.5,
      0,
      100,
      { a: { range: [0, 1], reasoning: 'None to one trained worker’s worth.' } },
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
