export default {
  hello: '{name}，您好',
  businessDate: '营业日 {date}',
  yourRoles: '您的岗位：{roles}',
  clients: { title: '客户', total: '全部客户', vips: '贵宾客户' },
  birthdays: {
    title: '本周生日客户',
    none: '本周没有客户过生日。',
    today: '今天生日',
    on: '{date}',
  },
  staff: { title: '在岗员工（{n} 人）' },
  servicePoints: { title: '服务窗口', none: '还没有服务窗口，请管理员在「管理 › 服务窗口」中添加。' },
  region: { title: '{region} 各网点', none: '本机还没有区域内其他网点的数据。', outlets: '{n} 个网点 · {staff} 人' },
  storage: { title: '本机存储', unknown: '浏览器没有提供存储用量。', used: '已用 {used}，可用上限 {quota}' },
}
