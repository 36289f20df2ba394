import type zh from '../zh-CN/privacy'

export default {
  reveal: 'Show in full (this is recorded in the audit log)',
  hide: 'Hide',
  notAllowed: 'Your role may not see this in full.',
} satisfies typeof zh
