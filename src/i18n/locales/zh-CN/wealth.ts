export default {
  pageFailed: '已取号，但未能通知理财经理：请电话联系理财室。',
  greetingBooking: '今天 {time} 约了{manager}，{room}',
  anyManager: '理财经理（待定）',
  anyRoom: '理财室待定',
  sections: '理财功能',
  section: { room: '理财室', bookings: '预约', due: '待办维护', diary: '工作日志', vips: '贵宾客户', alerts: '异动预警', import: '余额导入' },
}
