import { computed } from 'vue'
import { defineStore } from 'pinia'
import { listBundleRules, listProducts } from '@/db/repositories/counter/catalogue'
import { loadCounterRules } from '@/db/repositories/counter/rules'
import { clientOffers, heldProductCodes, openFollowUps, recordRiskRating, saveOfferConversation, type SavedConversation } from '@/db/repositories/counter/offers'
import { closeReferral as closeReferralRecord, makeReferral, openReferralsFor, REFERRAL_RECEIVERS } from '@/db/repositories/counter/referrals'
import { clientsByIds, getOffer, getReferral } from '@/db/repositories/counter/offerQueries'
import { getClient, searchClients } from '@/db/repositories/lobby/clients'
import { listBranchStaff } from '@/db/repositories/staff'
import { branchStaffNames } from '@/db/repositories/staffNames'
import { pendingForClient, savedSummary } from '@/domain/counter/offerForm'
import type { OfferLine } from '@/domain/counter/offers'
import type { CounterRules } from '@/domain/counter/rules'
import type { BundleRule, Client, Offer, Product, Referral, ReferralTarget, RiskRating, Staff } from '@/domain/model/records'
import { useTerminalStore } from './terminal'
import { useSessionStore } from './session'

export { CounterRefusedError } from '@/db/repositories/counter/ledger'
export { REFERRAL_RECEIVERS }

/** What the offer panel proposes from: the catalogue, the bundle rules and the counter rules now in force. */
export interface OfferSetup {
  products: Product[]
  bundleRules: BundleRule[]
  rules: CounterRules
}

/** Who and what a conversation is about, beside its lines. */
export interface ConversationContext {
  clientId: string | null
  visitId: string | null
  anchorCode: string | null
  referralId: string | null
  followUpOfferId: string | null
}

export interface ClientPending {
  followUps: Offer[]
  pendingSales: Offer[]
  products: Map<string, Product>
  names: Map<string, string>
}

export interface NewReferralInput {
  clientId: string | null
  visitId: string | null
  target: ReferralTarget
  toStaffId: string | null
  note: string
}

/** Recording offers at the low counter, the follow-ups and referrals waiting for the signed-in person, and making referrals. */
export const useCounterOffersStore = defineStore('counterOffers', () => {
  const terminal = useTerminalStore()
  const session = useSessionStore()
  const branchId = computed(() => terminal.state.branchId ?? '')
  const me = computed(() => session.staff?.id ?? '')
  const myName = computed(() => session.displayName)

  /** The catalogue, bundle rules and counter rules the panel proposes from. */
  async function setup(): Promise<OfferSetup> {
    const [products, bundleRules, rules] = await Promise.all([listProducts(), listBundleRules(), loadCounterRules()])
    return { products, bundleRules, rules }
  }

  /** The catalogue by product code, retired products included (lists name what was offered then). */
  async function products(): Promise<Map<string, Product>> {
    return new Map((await listProducts()).map((p) => [p.code, p]))
  }

  /** Clients of the branch by name, pinyin initials, phone or card tail (as at the door). */
  function search(query: string): Promise<Client[]> {
    return searchClients(branchId.value, query)
  }

  /** One client on file, or undefined. */
  function client(id: string): Promise<Client | undefined> {
    return getClient(id)
  }

  /** Product codes the client holds or has bought: never proposed again. */
  function held(clientId: string): Promise<string[]> {
    return heldProductCodes(clientId)
  }

  /** The branch's active people who can take a follow-up or a referral (low counter, customer and wealth managers). */
  async function colleagues(): Promise<Staff[]> {
    const receivers = new Set(Object.values(REFERRAL_RECEIVERS).flat())
    return (await listBranchStaff(branchId.value)).filter((s) => s.active === 1 && s.roles.some((r) => receivers.has(r)))
  }

  /** Every person of the branch by id, with their full name. */
  function staffNames(): Promise<Map<string, string>> {
    return branchStaffNames(branchId.value)
  }

  /** The offer a follow-up answers, or undefined. */
  function offer(id: string): Promise<Offer | undefined> {
    return getOffer(id)
  }

  /** The referral a conversation takes, or undefined. */
  function referral(id: string): Promise<Referral | undefined> {
    return getReferral(id)
  }

  /** Open referrals the signed-in person may take (named to them, or to their role's pool), oldest first. */
  function myReferrals(): Promise<Referral[]> {
    return openReferralsFor(branchId.value, me.value, session.roles)
  }

  /** The oldest open referral of this client the signed-in person may take, or null (the station's hand-off preselects it). */
  async function referralForClient(clientId: string): Promise<Referral | null> {
    return (await myReferrals()).find((r) => r.clientId === clientId) ?? null
  }

  /** The signed-in person's follow-ups due today or overdue, soonest first. */
  function myFollowUps(): Promise<Offer[]> {
    return openFollowUps(me.value, terminal.today)
  }

  /** How many follow-ups and referrals wait for the signed-in person. */
  async function waiting(): Promise<{ followUps: number; referrals: number }> {
    const [followUps, referrals] = await Promise.all([myFollowUps(), myReferrals()])
    return { followUps: followUps.length, referrals: referrals.length }
  }

  /** Clients by id, for the lists that name them. */
  function clients(ids: readonly string[]): Promise<Map<string, Client>> {
    return clientsByIds(ids)
  }

  /** Saves a conversation by the signed-in person, today, in one transaction; what was accepted and earned. */
  async function save(context: ConversationContext, lines: OfferLine[]): Promise<{ saved: SavedConversation; accepted: number; points: number }> {
    const saved = await saveOfferConversation({ branchId: branchId.value, staffId: me.value, today: terminal.today, ...context, lines })
    return { saved, ...savedSummary(saved.offers, saved.points, me.value) }
  }

  /** Records the client's risk rating as evaluated today. */
  function rerate(clientId: string, rating: RiskRating): Promise<Client> {
    return recordRiskRating(clientId, rating, terminal.today)
  }

  /** Closes a referral no conversation answered: the client could not be reached, or declined. */
  function closeReferral(id: string, outcome: 'declined' | 'not_reached'): Promise<Referral> {
    return closeReferralRecord(id, outcome, me.value)
  }

  /** 转推介: the signed-in person refers the client to the low counter or a wealth manager. */
  function refer(input: NewReferralInput): Promise<Referral> {
    return makeReferral({ branchId: branchId.value, referrerId: me.value, productCode: null, today: terminal.today, ...input, note: input.note.trim() })
  }

  /** A client's open follow-ups and the sales waiting to be opened (the greeting card's summary), with the products and people they name. */
  async function clientPending(clientId: string): Promise<ClientPending> {
    const [offers, catalogue, names] = await Promise.all([clientOffers(clientId), products(), staffNames()])
    return { ...pendingForClient(offers), products: catalogue, names }
  }

  return { me, myName, setup, products, search, client, held, colleagues, staffNames, offer, referral, myReferrals, referralForClient, myFollowUps, waiting, clients, save, rerate, closeReferral, refer, clientPending }
})
