/** 链接中未能读取的部分（简体中文；render/link-problems.ts，仅在需要时加载）。键与 link-en.ts 相同。 */
import type { LinkKey } from './link-en.ts';

export const linkZh: Record<LinkKey, string> = {
  'link.part.columns': '结构',
  'link.part.seed': '随机种子',
  'link.part.days': '天数',
  'link.part.view': '视图',
  'link.part.lang': '语言',
  'link.part.speed': '速度',
  'link.part.selected': '所显示的结构',
  'link.part.replications': '重复次数',
  'link.part.whyReplications': '“差异从何而来？”的重复次数',
  'link.p.notState': '# 之后的部分不是 flatgov 的状态',
  'link.p.damaged': '链接中的状态已损坏（可能被截短）',
  'link.p.notObject': '链接中的状态不是一个对象',
  'link.p.noStructure': '没有有效的结构',
  'link.p.tooLarge': '链接中的状态解压后超过 {mb} MB，远超任何 flatgov 状态，未读取',
  'link.p.noVersion': '链接没有版本号（本应用读取版本 {want}）',
  'link.p.version': '链接版本为 {v}（本应用读取版本 {want}）',
  'link.p.preset': '结构 {i}：未知的预设“{preset}”',
  'link.p.scenario': '结构 {i}：其情景无效',
  'link.p.change': '结构 {i}，{field}：{reason}',
  'link.p.field': '{field}：应为{expected}',
  'link.expected.seed': '0 到 2147483648 之间的整数',
  'link.expected.days': '1 到 3650 之间的天数',
  'link.expected.speed': '0 到 3 之间的速度档位',
  'link.expected.replications': '2 到 1000 之间的整数',
};
