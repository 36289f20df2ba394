export default {
  title: '产品积分',
}
