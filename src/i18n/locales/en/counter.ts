import type zh from '../zh-CN/counter'

export default {
  sections: 'Low counter',
  section: { offer: 'Record offers', followUps: 'Follow-ups and referrals', sales: 'Sales to confirm', points: 'My points', rankings: 'Rankings', figures: 'Figures' },
} satisfies typeof zh
