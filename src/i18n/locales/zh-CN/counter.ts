export default {
  sections: '低柜营销',
  section: { offer: '营销登记', followUps: '跟进与转介', sales: '待确认销售', points: '我的积分', rankings: '积分排名', figures: '营销统计' },
}
