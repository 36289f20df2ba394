export default {
  title: '营销登记',
}
