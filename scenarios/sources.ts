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
  /** Where a source outside the seeds can be read (its address, as ../shared/MODEL.md gives it). */
  url?: string;
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
  {
    id: 'dongcheng-2005',
    file: '',
    url: 'news.sina.com.cn/o/2005-03-28/05465479951s.shtml',
    title:
      '北京东城区万米单元网格城市管理新模式（新闻报道，2005年3月28日，news.sina.com.cn/o/2005-03-28/05465479951s.shtml）；种子文献之外',
    titleEn:
      "Beijing Dongcheng's grid-based city management (news report, 28 March 2005, news.sina.com.cn/o/2005-03-28/05465479951s.shtml); outside the seeds",
  },
  {
    id: 'dongcheng-2010',
    file: '',
    url: 'www.ileader.com.cn/html/2010/4/25/33729.htm',
    title: '北京东城区网格化城市管理（报道，2010年4月25日，www.ileader.com.cn/html/2010/4/25/33729.htm）；种子文献之外',
    titleEn:
      "Beijing Dongcheng's grid-based city management (report, 25 April 2010, www.ileader.com.cn/html/2010/4/25/33729.htm); outside the seeds",
  },
  {
    id: 'dongcheng-2013',
    file: '',
    url: 'm.fx361.com/news/2013/1205/13133383.html',
    title: '朱生志：城市最小的服务单元（《北京观察》2013年第9期，m.fx361.com/news/2013/1205/13133383.html）；种子文献之外',
    titleEn:
      "Zhu Shengzhi, 'The city's smallest service unit', Beijing Observation 2013(9) (m.fx361.com/news/2013/1205/13133383.html); outside the seeds",
  },
  {
    id: 'beijing-12345-2024',
    file: '',
    url: 'en.humanrights.cn/2024/12/19/b385721a85d74929bfa7c0659896c9d1.html',
    title: '2024北京接诉即办论坛报道（2024年12月19日，en.humanrights.cn/2024/12/19/b385721a85d74929bfa7c0659896c9d1.html）；种子文献之外',
    titleEn:
      'Report of the 2024 Beijing Forum on Swift Response to Public Complaints (19 December 2024, en.humanrights.cn/2024/12/19/b385721a85d74929bfa7c0659896c9d1.html); outside the seeds',
  },
  {
    id: 'beijing-12345-cgtn',
    file: '',
    url: 'news.cgtn.com (2026-04-12)',
    title: '北京12345热线报道（CGTN，2026年4月12日；同样的数字见 bastillepost.com/global/article/4418177，2024年12月18日）；种子文献之外',
    titleEn:
      "Beijing's 12345 hotline (CGTN, 12 April 2026; the same figures in bastillepost.com/global/article/4418177, 18 December 2024); outside the seeds",
  },
  {
    id: 'beijing-12345-rules',
    file: '',
    url: 'www.thepaper.cn/newsDetail_forward_16042936',
    title:
      '12345如何精准派单？北京拟规定无人可接单区政府“兜底”（北京日报，2021年12月28日，www.thepaper.cn/newsDetail_forward_16042936）；种子文献之外',
    titleEn:
      "How 12345 dispatches: Beijing's draft service rules (Beijing Daily, 28 December 2021, www.thepaper.cn/newsDetail_forward_16042936); outside the seeds",
  },
  {
    id: 'beijing-12345-2021',
    file: '',
    url: 'hf.eeju.com/guancha/2021/1220/17492.html',
    title: '接诉即办近3年受理群众反映3134万件（北京青年报，2021年12月20日，hf.eeju.com/guancha/2021/1220/17492.html）；种子文献之外',
    titleEn:
      "Nearly three years of 'respond as soon as a complaint is received': 31.34 million contacts (Beijing Youth Daily, 20 December 2021, hf.eeju.com/guancha/2021/1220/17492.html); outside the seeds",
  },
  {
    id: 'beijing-12345-sustainability',
    file: '',
    url: 'Sustainability 14(16) 9986 (2022)',
    title: '北京“接诉即办”研究（Sustainability 14(16) 9986，2022）；种子文献之外',
    titleEn: "A study of Beijing's 'respond as soon as a complaint is received' (Sustainability 14(16) 9986, 2022); outside the seeds",
  },
  {
    id: 'tongling-2010',
    file: '',
    url: 'm.fx361.cc/news/2018/0528/17593207.html',
    title: '铜陵撤销街道、区直管社区改革（二手报道，m.fx361.cc/news/2018/0528/17593207.html）；种子文献之外',
    titleEn:
      "Tongling's abolition of street offices and direct management of communities by the district (secondary report, m.fx361.cc/news/2018/0528/17593207.html); outside the seeds",
  },
  {
    id: 'tongling-2018',
    file: '',
    url: 'news.china.com.cn/GGKF40/2018-11/28/content_74218099.htm',
    title:
      '安徽铜陵：社区改革治顽疾 服务百姓零距离（人民网“40年·改革印记”，2018年，news.china.com.cn/GGKF40/2018-11/28/content_74218099.htm）；种子文献之外',
    titleEn:
      "Tongling, Anhui: community reform (People's Daily Online, 'Forty years of reform', 2018, news.china.com.cn/GGKF40/2018-11/28/content_74218099.htm); outside the seeds",
  },
  {
    id: 'wu-chen-2023',
    file: '',
    url: '福建师范大学学报（哲学社会科学版）2023(2): 70–81',
    title: '吴金群、陈思瑾：区（市）直管社区改革研究（《福建师范大学学报（哲学社会科学版）》2023年第2期，70–81页）；种子文献之外',
    titleEn:
      'Wu Jinqun and Chen Sijin on reforms in which districts or cities manage communities directly (Journal of Fujian Normal University 2023(2): 70–81); outside the seeds',
  },
];

export const SEED_IDS = new Set(SEED_DOCUMENTS.map((d) => d.id));
