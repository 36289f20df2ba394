export default {
  sections: '窗口服务检查',
  section: { visits: '检查记录', actions: '整改', plans: '半月计划', rankings: '季度排名', analysis: '检查分析', exchange: '文件交换', templates: '评分表与规则' },
  kind: { on_site: '现场检查', unannounced: '暗访', video: '视频检查' },
  status: { draft: '未提交', submitted: '已提交，待网点确认', acknowledged: '网点已确认' },
  grade: { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' },
  actionStatus: { open: '待整改', fixed: '已整改', verified: '已复核' },
  actionVia: { visit: '检查时', manual: '手工', recheck: '复查' },
  progress: { done: '已检查', due: '待检查', overdue: '已逾期' },
  halfMonth: { H1: '{year} 年 {month} 月上半月', H2: '{year} 年 {month} 月下半月' },
  score: '{score} 分',
  scoreOf: '{score} / {max} 分',
  preparing: '正在准备评分表…',
}
