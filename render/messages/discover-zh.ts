/** “在哪些条件下落后？”（情景发现）的简体中文文本，随该视图加载。键与 discover-en.ts 相同。 */
import type { DiscoverKey } from './discover-en.ts';

export const discoverZh: Record<DiscoverKey, string> = {
  'lose.title': '在哪些条件下落后？情景发现',
  'lose.intro':
    '模型的假设（居民提出多少诉求、各层级向下摊派多少事务、信任变化多快……）没有资料给出，结论可能取决于它们。这里在各假设的合理范围内一起抽样（拉丁超立方抽样；工作量也是其中之一），每次抽样同时用于两个结构，并在相同的居民问题下运行；再用 EMA Workbench 的 PRIM 方法寻找区域：少数几个假设的取值范围，在其中一个结构在大多数抽样中落后于另一个。',
  'lose.needTwo': '请选择两个有效的结构进行比较：本视图考察前两个结构。',
  'lose.which': '可能落后的结构',
  'lose.against': '{b}，对比{a}',
  'lose.outcome': '落后指',
  'lose.slower': '更慢：平均办结时间（含未办结诉求）',
  'lose.costlier': '花费更多：年度成本',
  'lose.draws': '抽样次数',
  'lose.days': '每次天数',
  'lose.estimate': '共 {runs} 次运行（2 个结构 × {draws} 次抽样，每次 {days} 天）：在本机约需 {time}，同时运行 {workers} 个。',
  'lose.timeS': '{s} 秒',
  'lose.timeMin': '{m} 分钟',
  'lose.run': '寻找落后的情形',
  'lose.progress': '已完成 {done}/{total} 次运行，{s} 秒',
  'lose.left': '；约剩 {left}',
  'lose.cancelled': '已取消：情景发现需要两个结构的全部抽样，因此不显示结果。',
  'lose.failed': '{n} 次运行失败：{message}',
  'lose.drawsError': '抽样次数：应为 20 到 1000 之间的整数，输入为 {got}；保留 {kept}。',
  'lose.daysError': '天数：应为 7 到 365 之间的整数，输入为 {got}；保留 {kept}。',
  'lose.phrase.slower': '{b}比{a}慢',
  'lose.phrase.costlier': '{b}比{a}花费更多',
  'lose.heading': '{phrase}的情形',
  'lose.share': '在 {n} 次抽样中有 {k} 次{phrase}：{p}（95% 区间 {lo} 至 {hi}）。',
  'lose.spread': '各次抽样中，{b} − {a} 的中位数为 {median}，范围 {min} 至 {max}；中间 80% 的抽样位于 {p10} 至 {p90} 之间。',
  'lose.missing': '{m} 次抽样没有得到数值，未计入。',
  'lose.none':
    '在 {n} 次抽样中没有一次{phrase}：在各假设的合理范围内找不到它落后的区域。仅有 {n} 次抽样，它仍可能在至多 {hi} 的假设空间中落后（95% 上限）；增加抽样可缩小这一范围。',
  'lose.all': '在全部 {n} 次抽样中都是{phrase}：无论假设如何它都落后，因此没有需要寻找的区域（至少在 {lo} 的假设空间中落后，95% 下限）。',
  'lose.noBox': '没有区域的密度达到 {t}：它落后的抽样分散在各假设之中，并不集中在少数几个假设的某些范围内。',
  'lose.terms':
    '覆盖率：全部落后的抽样中落在该区域内的比例。密度：区域内的抽样中落后的比例（在该区域内落后的可能性）。占比：全部抽样中落在该区域内的比例。',
  'lose.box': '区域 {i}',
  'lose.boxSummary':
    '在该区域内，{n} 次抽样中有 {k} 次{phrase}：密度 {d}（95% 区间 {lo} 至 {hi}）。该区域包含全部落后抽样的 {cov}（覆盖率），以及全部抽样的 {mass}（占比）。',
  'lose.boxIs': '该区域：以下假设处于所列范围，其他假设可取其合理范围内的任何值。',
  'lose.atLeast': '不低于 {x}',
  'lose.atMost': '不高于 {x}',
  'lose.between': '{lo} 至 {hi}',
  'lose.plausible': '合理范围 {lo} 至 {hi}',
  'lose.reappears': '在 {r} 的重抽样中再次出现',
  'lose.qp': '准 p 值 {qp}',
  'lose.noise': '可能是抽样噪声',
  'lose.noiseOnly': '{n} 条限制，均可能是抽样噪声',
  'lose.noiseMore': '另有 {n} 条限制，可能是抽样噪声',
  'lose.allNoise':
    '该区域没有一条限制经得起重抽样检验：{m} 个假设只有 {draws} 次抽样，PRIM 可能偶然圈出落后的抽样。应视为尚无发现；更多抽样（200 次以上）才能区分真实区域与噪声。',
  'lose.noiseNote': '在不到一半的重抽样中再次出现，或准 p 值（该区域与去掉这一限制后区域的单侧二项检验）高于 0.05 的限制，可能是抽样噪声。',
  'lose.stability':
    '稳定性：对抽样做 {r} 次自助重抽样并重新运行 PRIM，所得区域与本区域平均共有 {o} 的抽样（Jaccard 重合度；100% 表示每次都是同一区域）。',
  'lose.times': '“倍”指各结构自身取值的倍数。',
  'lose.chartTitle': '区域 {i}：逐步剥离时的覆盖率与密度',
  'lose.chartX': '覆盖率（%）：区域内的落后抽样',
  'lose.chartY': '密度（%）：区域内落后的抽样',
  'lose.chartChosen': '选定区域',
  'lose.chartThreshold': '目标密度 {t}',
  'lose.chartSummary': '从覆盖率 {c0}、密度 {d0} 剥离到覆盖率 {c1}、密度 {d1}；选定区域的覆盖率为 {c}，密度为 {d}。',
  'lose.chartNote':
    '每个点是剥离的一步：区域起初包含全部抽样，每次去掉其中 5%，密度上升、覆盖率下降。选定区域是密度达到 {t} 的各步中覆盖率最高的一步，随后在能提高密度时再适当放宽。',
  'lose.method':
    '抽样：对 {m} 个假设做拉丁超立方抽样，两个结构使用相同的抽样和随机种子；每次 {days} 天；种子 {seed}。区域：PRIM 剥离与粘贴，目标密度 {t}；稳定性来自 {r} 次自助重抽样。',
  'lose.kept': '在前两个结构或随机种子改变之前保留。',
  'lose.json': '结果（JSON）',
};
