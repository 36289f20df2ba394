/**
 * The VIP-care fields of a client record (schema v3) as they stand before anyone looks after the
 * client: no maintainer, nothing due, nothing done. New clients start from here.
 */
import type { Client } from '../model/records'

export const UNCARED_FOR: Pick<Client, 'channelPrefs' | 'maintainerId' | 'productMaintainerId' | 'tierPending' | 'nextCareOn' | 'lastContactAt' | 'careDone'> = Object.freeze({
  channelPrefs: [],
  maintainerId: null,
  productMaintainerId: null,
  tierPending: null,
  nextCareOn: null,
  lastContactAt: null,
  careDone: [],
})
