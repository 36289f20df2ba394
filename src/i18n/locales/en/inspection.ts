import type zh from '../zh-CN/inspection'

export default {
  sections: 'Window-service inspection',
  section: { visits: 'Visits', actions: 'Corrective actions', plans: 'Half-month plans', rankings: 'Quarterly ranking', analysis: 'Analysis', exchange: 'File exchange', templates: 'Score sheets', hub: 'Region hub' },
  kind: { on_site: 'On-site', unannounced: 'Unannounced', video: 'Video review' },
  status: { draft: 'Not submitted', submitted: 'Submitted, awaiting the branch', acknowledged: 'Acknowledged by the branch' },
  grade: { excellent: 'Excellent', good: 'Good', pass: 'Pass', fail: 'Fail' },
  actionStatus: { open: 'To fix', fixed: 'Fixed', verified: 'Verified' },
  actionVia: { visit: 'At the visit', manual: 'By hand', recheck: 'Re-check' },
  progress: { done: 'Inspected', due: 'Due', overdue: 'Overdue' },
  halfMonth: { H1: '1–15 {monthName} {year}', H2: '16–end {monthName} {year}' },
  staffWithNo: '{name} ({no})',
  score: '{score} pts',
  scoreOf: '{score} / {max} pts',
  preparing: 'Preparing the score sheet…',
} satisfies typeof zh
