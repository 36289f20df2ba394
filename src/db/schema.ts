/**
 * The Dexie database: schema versions with their upgrade functions. Versions only ever get
 * added; each later version's upgrade must be covered by a test that opens real old data
 * (see tests/unit/db/upgrade.test.ts for the pattern).
 */
import Dexie, { type Collection, type Table } from 'dexie'
import type { RecordOf, RecordTableName } from '@/domain/model/records'
import type { PersonQuarterTotals } from '@/domain/counter/totals'

/** One change waiting to be pushed to the hub: written in the same transaction as the change. */
export interface OutboxEntry {
  seq?: number
  table: RecordTableName
  recordId: string
  op: 'put' | 'delete'
  hlc: string
  at: number
}

/** A half-filled form, kept for its author only, across an idle lock or a reload. */
export interface Draft {
  /** `${staffId}:${formKey}` */
  id: string
  staffId: string
  formKey: string
  route: string
  data: unknown
  savedAt: number
}

/** Terminal-local values (device id, clock, this terminal's branch, language…): never replicated. */
export interface LocalValue {
  key: string
  value: unknown
}

/**
 * One person's product points in one quarter, kept for speed in the same transaction as each ledger
 * entry and recomputable from the ledger (see src/domain/counter/totals.ts): local, never replicated.
 */
export type PointTotal = PersonQuarterTotals

/** The hub revision a record's local version corresponds to (last pushed or taken in). */
export interface SyncRevision {
  /** The hub document id, `<table>:<record id>`. */
  doc: string
  rev: string
}

/**
 * A record as this terminal and the hub last agreed on it, kept only while local changes to it
 * wait to be pushed: the base of a three-way merge should the hub's version have moved meanwhile.
 */
export interface SyncBase {
  doc: string
  record: Record<string, unknown>
}

/** Tables that stay on this terminal but change in the same transactions as records. */
export type LocalTableName = 'pointTotals' | 'syncRevisions' | 'syncBases'

export const DATABASE_NAME = 'lobbydesk'

/** Indexes per version. Keep old entries as they were: a new version restates only what changes. */
export const SCHEMA_V1 = {
  branches: 'id, code, group, regionCode',
  servicePoints: 'id, branchId, [branchId+kind]',
  staff: 'id, staffNo, branchId, *roles',
  clients: 'id, branchId, *searchKeys, phone, idNumber, birthdayMonthDay, vipTier, segment',
  visits: 'id, [branchId+businessDate], clientId, arrivedAt',
  visitEvents: 'id, visitId, [branchId+businessDate], at',
  tickets: 'id, [branchId+businessDate+prefix+seq], [branchId+businessDate], visitId',
  products: 'id, code, category',
  bundleRules: 'id, anchorCode',
  offers: 'id, clientId, staffId, [branchId+businessDate], at',
  vipAssignments: 'id, clientId, primaryStaffId, productStaffId',
  contacts: 'id, clientId, staffId, at',
  inspectionTemplates: 'id, [code+version]',
  inspections: 'id, branchId, inspectorId, date, status',
  attachments: 'id, [ownerTable+ownerId]',
  settings: 'id, key',
  auditLog: 'id, at, [entity+entityId], actorId',
  outbox: '++seq, [table+recordId]',
  drafts: 'id, staffId',
  local: 'key',
} as const

/** v2 (the lobby): appointments, duty sessions, day closures and complaints; visits gain appointmentId. */
export const SCHEMA_V2 = {
  appointments: 'id, [branchId+businessDate], clientId, visitId',
  dutySessions: 'id, [branchId+businessDate], servicePointId, staffId',
  dayClosures: 'id, [branchId+businessDate]',
  complaints: 'id, [branchId+status], visitId, clientId, dueAt',
} as const

/**
 * v3 (VIP care and the wealth room): clients gain maintainers and an indexed next care date; wealth
 * bookings reserve a manager and a room; the work diary, tier changes, balances, holdings, room
 * sessions, alerts, pages and access grants get their tables.
 */
export const SCHEMA_V3 = {
  clients: 'id, branchId, *searchKeys, phone, idNumber, birthdayMonthDay, vipTier, segment, maintainerId, [maintainerId+nextCareOn], productMaintainerId',
  appointments: 'id, [branchId+businessDate], clientId, visitId, staffId',
  contacts: 'id, clientId, staffId, at, [staffId+at], [branchId+businessDate]',
  vipAssignments: 'id, clientId, primaryStaffId, productStaffId',
  tierChanges: 'id, clientId, at, [branchId+businessDate]',
  balanceSnapshots: 'id, [clientId+asOf]',
  holdings: 'id, clientId, maturesOn',
  roomSessions: 'id, [branchId+businessDate], servicePointId, staffId, clientId, visitId',
  wealthAlerts: 'id, [branchId+status], clientId, key',
  staffPages: 'id, [staffId+read], visitId',
  accessGrants: 'id, granteeId',
} as const

/**
 * v4 (the low counter): offers gain their conversation, follow-up, referral, suitability, 双录 and
 * sale fields; referrals, the points ledger and quarter closures get their tables; per-person
 * quarter totals are a local table.
 */
export const SCHEMA_V4 = {
  offers: 'id, clientId, staffId, [branchId+businessDate], at, groupId, [followUpStaffId+followUpOn], saleStatus, referralId',
  referrals: 'id, [branchId+status], referrerId, toStaffId, clientId, [branchId+businessDate]',
  pointEntries: 'id, [staffId+quarter], quarter, saleId, [branchId+quarter]',
  quarterClosures: 'id, [branchId+quarter]',
  pointTotals: '[staffId+quarter], quarter',
} as const

/**
 * v5 (inspection): visits gain their answers, vetoes, context, signatures and amendments, indexed by
 * inspector and half month and by branch and day; half-month plans, corrective actions, period
 * vetoes and the award history get their tables; attachments remember when they were exported.
 */
export const SCHEMA_V5 = {
  inspections: 'id, branchId, inspectorId, date, status, [inspectorId+halfMonth], [branchId+date], amends',
  inspectionPlans: 'id, [inspectorId+halfMonth], halfMonth',
  correctiveActions: 'id, inspectionId, [branchId+status], dueDate',
  periodVetoes: 'id, [branchId+quarter], quarter',
  inspectionAwards: 'id, quarter, branchId',
  attachments: 'id, [ownerTable+ownerId], exportedAt',
} as const

/**
 * v6 (synchronisation): which hub revision each record corresponds to, and the agreed base of
 * records with local changes waiting. Both local; nothing stored before v6 changes (every earlier
 * write is still in the outbox, so the first synchronisation pushes it).
 */
export const SCHEMA_V6 = {
  syncRevisions: 'doc',
  syncBases: 'doc',
} as const

/**
 * v7 (the region): each outlet's published quarter standings, by quarter (the region's rankings) and
 * by outlet and quarter. A new table only: nothing stored before v7 changes.
 */
export const SCHEMA_V7 = {
  outletStandings: 'id, quarter, [branchId+quarter]',
} as const

type RowUpgrade = (row: Record<string, unknown>) => void

/**
 * What each version does to rows written before it, keyed by the version it brings them to. The
 * same functions upgrade stored rows (Dexie) and the rows of an older backup file, so both agree.
 */
export const ROW_UPGRADES: Readonly<Record<number, Partial<Record<RecordTableName, RowUpgrade>>>> = {
  2: {
    // Visits written before v2 honour no appointment.
    visits: (visit) => {
      if (visit.appointmentId === undefined) visit.appointmentId = null
    },
  },
  3: {
    // Clients had no maintainers, no care state and no channel preferences before v3.
    clients: (client) => {
      client.channelPrefs ??= []
      client.maintainerId ??= null
      client.productMaintainerId ??= null
      client.tierPending ??= null
      client.nextCareOn ??= null
      client.lastContactAt ??= null
      client.careDone ??= []
    },
    // Bookings before v3 named no manager or room and took the usual half hour.
    appointments: (appointment) => {
      appointment.staffId ??= null
      appointment.servicePointId ??= null
      appointment.durationMinutes ??= 30
    },
    vipAssignments: (assignment) => {
      assignment.assignedBy ??= null
    },
    // v1 contacts kept only a free channel and a note: they become basic phone contacts of their day.
    contacts: (contact) => {
      if (!['phone', 'sms', 'visit', 'home_visit', 'birthday_wishes', 'holiday_greeting', 'event', 'wealth_diagnosis', 'satisfaction_survey', 'after_sale'].includes(String(contact.channel))) contact.channel = 'phone'
      contact.service ??= 'basic'
      contact.occasion ??= null
      contact.nextStep ??= ''
      contact.businessDate ??= new Date(Number(contact.at)).toISOString().slice(0, 10)
    },
  },
  4: {
    // v1 offers were single records with free details and no ledger: each is its own conversation,
    // picked by hand; an accepted one counts as a fulfilled sale worth no points (none were booked).
    offers: (offer) => {
      offer.groupId ??= offer.id
      offer.visitId ??= null
      offer.reason ??= 'manual'
      offer.ruleVersion ??= null
      offer.declineReason ??= null
      offer.followUpOn ??= null
      offer.followUpStaffId ??= null
      offer.followUpClosedAt ??= null
      offer.followUpOfferId ??= null
      offer.referralId ??= null
      offer.suitability ??= null
      offer.recordingRef ??= null
      offer.riskDisclosureAckAt ??= null
      offer.points ??= 0
      offer.saleStatus ??= offer.outcome === 'accepted' ? 'fulfilled' : null
      offer.saleSettledOn ??= offer.outcome === 'accepted' ? offer.businessDate : null
    },
  },
  5: {
    // v1 visits kept their findings in free details: they become on-site visits of their half month,
    // with no answers on record; submitted ones count as submitted when last changed, unscored.
    inspections: (inspection) => {
      const date = String(inspection.date)
      inspection.kind ??= 'on_site'
      inspection.halfMonth ??= `${date.slice(0, 7)}-H${Number(date.slice(8, 10)) <= 15 ? 1 : 2}`
      inspection.observedWindows ??= []
      inspection.observedStaffNos ??= []
      inspection.context ??= { traffic: null, openCounters: null, team: [], accompaniedBy: '' }
      inspection.answers ??= {}
      inspection.vetoes ??= []
      inspection.startedAt ??= inspection.createdAt
      inspection.submittedAt ??= inspection.status === 'draft' ? null : inspection.updatedAt
      inspection.summary ??= null
      inspection.inspectorSignature ??= null
      inspection.acknowledgement ??= null
      inspection.amends ??= null
      inspection.amendReason ??= ''
    },
    attachments: (attachment) => {
      attachment.exportedAt ??= null
    },
  },
}

/** Runs one version's row upgrades over the stored tables (inside Dexie's upgrade transaction). */
async function upgradeStoredRows(version: number, table: (name: string) => { toCollection(): Collection<Record<string, unknown>> }): Promise<void> {
  for (const [name, upgrade] of Object.entries(ROW_UPGRADES[version] ?? {})) {
    await table(name).toCollection().modify((row) => upgrade?.(row))
  }
}

export const CURRENT_SCHEMA_VERSION = 7

export type RecordTables = { [K in RecordTableName]: Table<RecordOf<K>, string> }

export class LobbyDeskDatabase extends Dexie {
  declare outbox: Table<OutboxEntry, number>
  declare drafts: Table<Draft, string>
  declare local: Table<LocalValue, string>
  declare pointTotals: Table<PointTotal, [string, string]>
  declare syncRevisions: Table<SyncRevision, string>
  declare syncBases: Table<SyncBase, string>

  constructor(name = DATABASE_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // Records must survive a power cut: Chrome defaults IndexedDB to relaxed durability.
    super(name, { chromeTransactionDurability: 'strict', autoOpen: false, ...options })
    this.version(1).stores(SCHEMA_V1)
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) => upgradeStoredRows(2, (name) => tx.table(name)))
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((tx) => upgradeStoredRows(3, (name) => tx.table(name)))
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade((tx) => upgradeStoredRows(4, (name) => tx.table(name)))
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade((tx) => upgradeStoredRows(5, (name) => tx.table(name)))
    this.version(6).stores(SCHEMA_V6)
    this.version(7).stores(SCHEMA_V7)
  }

  /** The replicated table of a given name, typed. */
  records<K extends RecordTableName>(name: K): Table<RecordOf<K>, string> {
    return this.table(name) as Table<RecordOf<K>, string>
  }
}
