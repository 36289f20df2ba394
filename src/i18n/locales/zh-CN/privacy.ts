export default {
  reveal: '显示完整信息（将记录在操作日志中）',
  hide: '隐藏',
  notAllowed: '您的岗位不能查看完整信息。',
}
