export default {
  title: '产品与营销规则',
}
