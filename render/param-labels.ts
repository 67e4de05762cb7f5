/**
 * The parameters the app offers as controls, in plain words, by their last name (the same
 * for every level and department), and help texts without code: the first screen's part of
 * the parameters' words (render/assumption-labels.ts has every assumption's).
 */
export type Words = { en: string; zh: string };
const L = (en: string, zh: string): Words => ({ en, zh });

/** By last name, for the controls of every level and department (`levels[2].staffPerUnit`). */
export const BY_NAME: Record<string, Words> = {
  casesPerResidentYear: L('Problems a resident raises a year', '每位居民每年提出的诉求数'),
  fieldShare: L('Share needing someone on site', '需现场处置的比例'),
  difficultyRate: L('How easy cases are (higher: easier)', '诉求的难易程度（越大越容易）'),
  units: L('Offices', '单位数'),
  staffPerUnit: L('Staff per office', '每个单位的人员'),
  cadresPerUnit: L('Cadres sent down per office', '每个单位的下沉干部'),
  caseworkShare: L('Share of time on cases', '用于办件的时间比例'),
  threshold: L('Hardest case it resolves', '可办结的最大难度'),
  training: L('Training of its staff', '人员培训程度'),
  powers: L('Share of powers it holds', '持有的权限比例'),
  burdenOnBelowHoursPerWeek: L('Work it pushes down on each office below', '向每个下级单位摊派的事务'),
  spanHoursPerUnitPerWeek: L('Time per office it supervises', '管理每个下级单位的时间'),
  infoKept: L('Information kept when passed up', '上交时保留的信息'),
  admissionList: L('Community admission list (work refused)', '社区事项准入（可拒绝的摊派）'),
  cadreTimeShare: L('Time cadres spend in communities', '下沉干部在社区的时间'),
  competence: L('Competence follows resources', '办结能力取决于资源'),
  workload: L('Layers and spans cost staff time', '层级与幅度占用人员时间'),
  controlLoss: L('Hand-offs lose information', '转交损失信息'),
  residentsRespond: L('Residents respond while they wait', '居民在等待中作出反应'),
  mean: L('Mean time', '平均时长'),
  returnProb: L('Returned when passed up', '上交时被退回'),
  lostProb: L('Lost when passed up', '上交时丢失'),
  staff: L('Posts', '编制'),
  enabled: L('On', '启用'),
  cadresSentDown: L('Cadres sent down to communities', '机关干部下沉社区'),
  leadersFieldDay: L('Leaders’ field day (“Tuesday, no meetings”)', '领导“周二无会日”'),
  floatingPosts: L('Floating posts for surges', '机动岗'),
  workShare: L('Community work to social organisations', '转给社会组织的社区工作'),
  modules: L('Modules inside departments', '大科室模块化'),
  initialTrust: L('Residents’ trust at the start', '居民初始信任度'),
  bypassLowTrust: L('Extra bypass when trust is gone', '失去信任时额外绕过网格'),
  speedKmh: L('Travel speed', '出行速度'),
  discoveryProb: L('Patrols find unreported problems', '巡查发现未报告问题'),
  bases: L('Bases field staff leave from', '外勤人员出发的驻点数'),
};

/** A path with its list items written `[]`: `levels[2].competence.training` → `levels[].competence.training`. */
export function pathKey(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '[]');
}

/** The last name of a path: `levels[2].competence.training` → `training`. */
export function lastName(path: string): string {
  return pathKey(path).replace(/\[\]/g, '').split('.').pop() ?? path;
}

/** A name from a camelCase word: `expertiseScale` → "Expertise scale". */
export function words(name: string): string {
  const w = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/**
 * A help text in plain words: no file of the code ("(sim/submodels/competence.ts)") and no
 * field name in code type ("`threshold`": its label in quotes instead; "`bases` bases": bases).
 */
export function plainHelp(text: string, lang: 'en' | 'zh'): string {
  return text
    .replace(/\s*[（(]\s*(?:见\s*)?MODEL\.md\s*[)）]/g, '')
    .replace(/\bMODEL\.md\b/g, lang === 'zh' ? '模型所依据的事实' : 'the facts the model is checked against')
    .replace(/\s*[（(][^()（）]*\b[\w/-]+\.ts\b[^()（）]*[)）]/g, '')
    .replace(/;?\s*\b(?:sim|scenarios|ui|render|experiments|studies)\/[\w/.-]+\.ts\b/g, '')
    .replace(/`(\w+)`\s+\1\b/g, '$1')
    .replace(/`([\w.[\]]+)`/g, (_, name: string) => {
      const w = BY_NAME[lastName(name)];
      const en = w ? w.en : words(lastName(name));
      return lang === 'zh' ? `“${w ? w.zh : en}”` : `“${en.charAt(0).toLowerCase()}${en.slice(1)}”`;
    })
    .replace(/\s{2,}/g, ' ')
    .trim();
}
