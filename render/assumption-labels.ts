/**
 * Every parameter in plain words: the label of every assumption (and of every parameter the
 * app offers as a control), in English and Chinese, so that a brief and "what decides the
 * answer" name a parameter by what it means, never by its path in the scenario
 * (`demand.casesPerResidentYear`). A path is looked up whole first, then by its last name; one
 * in neither is named from its last name's words (a test keeps every assumption in the table).
 * Loaded with the views that need it, not on the first screen.
 */
import { getLang } from './i18n.ts';
import { BY_NAME, lastName, pathKey, words, type Words } from './param-labels.ts';

const L = (en: string, zh: string): Words => ({ en, zh });

/** By path, list items written `[]` (`levels[].competence.training`). */
const BY_PATH: Record<string, Words> = {
  'population.residents': L('Resident population', '常住人口'),
  'population.areaKm2': L('Area served', '服务面积'),
  'demand.casesPerResidentYear': L('Problems a resident raises a year', '每位居民每年提出的诉求数'),
  'demand.frequentShare': L('Share of residents who raise problems often', '经常反映问题的居民比例'),
  'demand.frequentMultiplier': L('How much more often frequent residents raise problems', '经常反映问题的居民多出的倍数'),
  'demand.fieldShare': L('Share of cases that need someone on site', '需要现场处置的诉求比例'),
  'demand.nightStartMinute': L('When the night begins', '夜间开始时间'),
  'demand.nightEndMinute': L('When the night ends', '夜间结束时间'),
  'demand.nightFactor': L('Problems raised at night, relative to the day', '夜间提出诉求的相对频率'),
  'residents.initialTrust': L('Residents’ trust at the start', '居民初始信任度'),
  'residents.trustLearningRate': L('How fast trust follows experience', '信任随经历变化的速度'),
  'residents.wordOfMouth': L('Weight of neighbours’ experience', '邻里口碑的权重'),
  'residents.reputationRate': L('How fast a community’s reputation moves', '社区口碑变化的速度'),
  'residents.trustLost': L('Trust lost when a case is lost', '诉求丢失时失去的信任'),
  'residents.bypassBase': L('Residents who go straight to the hotline', '直接拨打热线的居民比例'),
  'residents.bypassLowTrust': L('Extra bypass when trust is gone', '失去信任时额外绕过网格'),
  'residents.silentBase': L('Problems residents keep to themselves', '居民未反映的问题比例'),
  'residents.silentLowTrust': L('Extra problems unreported when trust is gone', '失去信任时额外未反映的问题'),
  'residents.petitionShare': L('Bypasses that become petitions', '绕过网格转为信访的比例'),
  'residents.waitingTrustPerDay': L('Trust lost each day a case is overdue', '诉求每逾期一天失去的信任'),
  'residents.repeatContactPerDay': L('Repeat calls about overdue cases', '就逾期诉求再次来电的频率'),
  'residents.resurfaceMeanDays': L('When an unreported problem comes back to mind', '未反映的问题再次被想起的时间'),
  'residents.resurfaceGrowth': L('How much an ignored problem grows', '被搁置的问题加重的程度'),
  caseworkShare: L('Share of staff time spent on cases', '用于办件的时间比例'),
  onCallShare: L('Staff on call after hours', '下班后值班人员比例'),
  contractHours: L('Hours a week a post works', '每个编制每周工作小时数'),
  costPerPostYuan: L('Annual cost of a post', '每个编制的年度成本'),
  'levels[].competence.training': L('Training of each level’s staff', '各层级人员培训程度'),
  layerBurden: L('Work each level pushes down on the offices below', '各层级向下级摊派的事务'),
  layerSpan: L('Time each level spends on each office it supervises', '各层级管理每个下级单位的时间'),
  'levels[].forward.returnProb': L('Chance a case passed up is sent back', '上交的诉求被退回的概率'),
  'levels[].forward.lostProb': L('Chance a case passed up is lost', '上交的诉求丢失的概率'),
  'levels[].forward.infoKept': L('Information kept when a case is passed up', '上交时保留的信息'),
  officeOperatingCost: L('Annual running cost of an office', '每个单位的年度运行费用'),
  'levels[].cadreCostPerPostYuan': L('Annual cost of a cadre sent down', '下沉干部的年度成本'),
  organBurden: L('Work each party or government organ pushes down', '各党政机构向下摊派的事务'),
  organSpan: L('Time each organ spends on each office it deals with', '各机构对接每个下级单位的时间'),
  organOperatingCost: L('Annual running cost of an organ', '每个机构的年度运行费用'),
  'centre.spanHoursPerUnitPerWeek': L('Time the centre spends on each office it coordinates', '治理中心协调每个单位的时间'),
  'centre.operatingCostYuan': L('Annual running cost of the centre', '治理中心的年度运行费用'),
  'hotline.costPerContactYuan': L('Extra cost of a hotline call', '每次热线来电的额外成本'),
  'hotline.petitionCostYuan': L('Cost of a petition', '每件信访的成本'),
  'platform.returnProb': L('Chance the platform sends a case back as misrouted', '平台派单被退回的概率'),
  'platform.lostProb': L('Chance the platform loses a case', '平台派单丢失的概率'),
  'platform.infoKept': L('Information the platform keeps with a case', '平台派单保留的信息'),
  'platform.operatingCostYuan': L('Annual cost of running the platform', '平台的年度运行费用'),
  'travel.speedKmh': L('Travel speed to the site', '前往现场的速度'),
  'mechanisms.escalateAfterHours': L('How late a case gets before it is passed up', '诉求逾期多久后上交'),
  'mechanisms.knowledgePerTraining': L('What a trained worker knows how to resolve', '受过培训的工作人员能解决的难度'),
  'mechanisms.seniorFactor': L('How much more the most experienced worker knows', '骨干比一般人员多掌握的知识'),
  'mechanisms.helpWaitMinutes': L('How long a worker waits for a senior’s answer', '工作人员等待骨干答复的时间'),
  'mechanisms.hurryQueuePerServer': L('Backlog at which an office starts to hurry', '单位开始赶工的积压程度'),
  'mechanisms.hurryFactor': L('Time hurried work takes', '赶工时的用时比例'),
  'mechanisms.hurryReopenProb': L('Chance a hurried case comes back', '赶工办结的诉求重开的概率'),
  'mechanisms.reopenAfterDays': L('When a case not truly resolved comes back', '未真正解决的诉求多久后重开'),
  'mechanisms.powersCeiling': L('Hardest case a level with all local powers may resolve', '拥有全部属地权限的层级可办结的最大难度'),
  'mechanisms.cadreExpertise': L('What a cadre sent down adds to an office’s know-how', '下沉干部给单位增加的专业能力'),
  'mechanisms.platformSupport': L('What the platform’s records add to workers’ know-how', '平台记录给工作人员增加的能力'),
  'mechanisms.minCaseTimeShare': L('Case time an office keeps however busy', '单位无论多忙都保留的办件时间'),
  'mechanisms.expertiseScale': L('How much expertise decides what a level resolves', '专业能力对办结范围的影响'),
  'mechanisms.knowledgePerLog': L('How knowledge grows with training', '知识随培训增长的速度'),
  'cost.organOverheadPerPostYuan': L('Running cost of an organ per post', '机构每个编制的运行费用'),
  'cost.overtimePremium': L('Cost of an overtime hour', '加班一小时的成本倍数'),
  'cost.delayYuanPerCaseDay': L('Cost to residents of a day’s delay', '每件诉求每逾期一天给居民造成的成本'),
  'levers.agencyCadreShare': L('Share of department posts that are agency cadres', '部门编制中机关干部的比例'),
  'levers.leaderShare': L('Share of posts held by leaders', '领导职数的比例'),
  'levers.fieldDayGain': L('Case time the leaders’ field day frees', '“周二无会日”腾出的办件时间'),
  'residents.trustUp': L('Trust gained when a case is resolved', '诉求办结时获得的信任'),
  'residents.trustDown': L('Trust lost when a case goes badly', '诉求办理不佳时失去的信任'),
  'residents.trustBounced': L('Trust lost when a case is sent back', '诉求被退回时失去的信任'),
  // What a structure's own assumptions name (scenario.assumptions[].param), a level or department standing for any.
  '*.costPerPostYuan': L('Annual cost of a post', '每个编制的年度成本'),
  domains: L('Kinds of problems and who handles them', '诉求的类别及其承办部门'),
  residents: L('How residents behave', '居民的行为'),
  calendars: L('Working hours and holidays', '工作时间与节假日'),
  hotline: L('The city hotline', '城市热线'),
  centre: L('The governance centre', '基层治理中心'),
  platform: L('The dispatch platform', '派单平台'),
  departments: L('The departments', '职能部门'),
  levers: L('The reform measures', '改革措施'),
  'demand.difficultyRate': L('How easy cases are', '诉求的难易程度'),
  'demand.collaborativeAbove': L('Share of cases that need several departments', '需要多个部门协同的诉求比例'),
  'demand.difficultAbove': L('Share of cases that are difficult', '疑难诉求的比例'),
  'departments[].staff': L('Posts in each department', '各部门的编制'),
  'departments[].domains': L('What each department handles', '各部门承办的事项'),
  'departments[].caseworkShare': L('Share of department staff time spent on cases', '部门用于办件的时间比例'),
  'departments[].burdenOnBelowHoursPerWeek': L('Work each department pushes down on the offices below', '各部门向下级摊派的事务'),
  'departments[].spanHoursPerUnitPerWeek': L('Time each department spends on each office it deals with', '各部门对接每个下级单位的时间'),
  'levels[]': L('How a level is set up', '层级的设置'),
  'levels[].competence': L('What each level can resolve', '各层级的办结能力'),
  'levels[].staffPerUnit': L('Staff per office at each level', '各层级每个单位的人员'),
  'levels[].cadresPerUnit': L('Cadres sent down per office', '每个单位的下沉干部'),
  'levels[].burdenOnBelowHoursPerWeek': L('Work each level pushes down on the offices below', '各层级向下级摊派的事务'),
  'levels[].patrol': L('Grid workers’ patrols', '网格员巡查'),
  'levers.admissionList': L('Community admission list (work refused)', '社区事项准入（可拒绝的摊派）'),
  'levers.floatingPosts': L('Floating posts for surges', '机动岗'),
  'levers.cadreTimeShare': L('Time cadres spend in communities', '下沉干部在社区的时间'),
  'levers.cadresSentDown': L('Cadres sent down to communities', '机关干部下沉社区'),
  'levers.oneSeal': L('One seal for approvals', '“一枚印章管审批”'),
  'levers.socialOrganisations': L('Community work bought from social organisations', '向社会组织购买社区服务'),
  cost: L('Costs', '成本'),
  population: L('The population served', '服务人口'),
  'levels[].forward': L('How a level passes cases up', '层级上交诉求的方式'),
  levels: L('The levels', '层级'),
  mechanisms: L('How the model works', '模型的机制'),
  'mechanisms.escalateOverdue': L('Overdue cases passed up', '逾期诉求上交'),
  targets: L('Service targets', '服务时限目标'),
  'targets.acceptMinutes': L('Time allowed to accept a case', '受理诉求的时限'),
  'levels[].caseworkShare': L('Share of time on cases at each level', '各层级用于办件的时间比例'),
  'levers.socialOrganisations.annualCostYuan': L(
    'Annual cost of services bought from social organisations',
    '向社会组织购买服务的年度费用',
  ),
};

/** The words of a parameter, or undefined when the tables have none. */
export function paramWords(path: string): Words | undefined {
  // A named level or department (`levels.town.competence`) stands for any (`levels[].competence`).
  const key = pathKey(path).replace(/^(levels|departments)\.[\w-]+(?=\.|$)/, '$1[]');
  return BY_PATH[key] ?? BY_PATH[lastName(path)] ?? BY_NAME[lastName(path)];
}

/** A parameter's label in the language shown (or `lang`): what it means, never its path. */
export function paramLabel(path: string, lang = getLang()): string {
  const w = paramWords(path);
  return w ? w[lang] : words(lastName(path));
}

/** The paths the table names (for the test that every assumption is in it). */
export const LABELLED_PATHS: readonly string[] = Object.keys(BY_PATH);
