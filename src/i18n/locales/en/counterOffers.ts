import type zh from '../zh-CN/counterOffers'

export default {
  title: 'Offers',
} satisfies typeof zh
