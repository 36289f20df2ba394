import type zh from '../zh-CN/counterPoints'

export default {
  title: 'Product points',
} satisfies typeof zh
