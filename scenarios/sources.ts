/**
 * The source documents presets cite (Chinese news and research articles; copies sit in
 * ../shared/seeds/ beside the repository). A preset's `sources[].seed` is one of these ids.
 */
export interface SeedDocument {
  id: string;
  /** File name in ../shared/seeds/, or empty for a source outside the seeds. */
  file: string;
  title: string;
  titleEn: string;
}

export const SEED_DOCUMENTS: SeedDocument[] = [
  {
    id: '000',
    file: '000_806cbcfbb9314de3.txt',
    title: '全国首个“镇改市”迎来设市五周年 —— 龙港 用好“加减乘除法” 答好“改革试点卷”',
    titleEn: "China's first town-turned-city at five years: Longgang's reform report card",
  },
  {
    id: '001',
    file: '001_030e03863e5864be.txt',
    title: '龙港扁平化改革：多维价值、实践进展及可能方案（陈宝胜，浙江大学，2022）',
    titleEn: "Longgang's flattening reform: values, progress and possible designs (Chen Baosheng, Zhejiang University, 2022)",
  },
  {
    id: '002',
    file: '002_c5698cd999969f8d.txt',
    title: '龙港市“五化”集成打造大部制改革2.0版',
    titleEn: "Longgang's integrated 'five-ization' big-department reform, version 2.0",
  },
  {
    id: '003',
    file: '003_6c95cb11788ecd3d.txt',
    title: '龙港市“四化”集成改革探索（温州日报，2020年9月28日）',
    titleEn: "Longgang's integrated 'four-ization' reform (Wenzhou Daily, 28 September 2020)",
  },
  {
    id: '004',
    file: '004_71ae484e3304f1ae.txt',
    title: '龙港：高举改革大旗 加快建设全国新型城镇化改革策源地',
    titleEn: 'Longgang: holding high the banner of reform as a source of new-type urbanisation',
  },
  {
    id: 'cndca-2016',
    file: '',
    title: '中国民主建国会调研：龙港镇（2016年调研，2019年转载）——人口占苍南县36.7%，编制占2.8%，财政收入占50.3%，可用财力占11.6%',
    titleEn: 'China Democratic National Construction Association survey of Longgang town (2016, reprinted 2019); outside the seeds',
  },
];

export const SEED_IDS = new Set(SEED_DOCUMENTS.map((d) => d.id));
