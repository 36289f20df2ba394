import type zh from '../zh-CN/counterAdmin'

export default {
  title: 'Products and selling rules',
} satisfies typeof zh
