/**
 * VIP (贵宾) recognition. The criterion (贵宾认定标准): savings deposits of 100,000 yuan or more
 * (含), or a quality client supporting the branch, designated by hand until a date. VIPs are tiered
 * by total financial assets; attention and service rise with the tier.
 */
import type { VipTier } from '../model/records'

/** 100,000.00 yuan, inclusive. */
export const VIP_SAVINGS_THRESHOLD_FEN = 10_000_000

export interface VipTierRule {
  tier: VipTier
  /** Lowest total financial assets (fen) for the tier. */
  minAssetsFen: number
}

/**
 * Default tiers by total financial assets, highest first:
 * private bank 私人银行 ≥ 6,000,000 yuan; diamond 钻石 ≥ 2,000,000; platinum 白金 ≥ 500,000;
 * gold 金卡 is the VIP base (≥ 100,000, the savings criterion), and every designated client is at
 * least gold whatever their assets.
 */
export const DEFAULT_VIP_TIERS: readonly VipTierRule[] = [
  { tier: 'private', minAssetsFen: 600_000_000 },
  { tier: 'diamond', minAssetsFen: 200_000_000 },
  { tier: 'platinum', minAssetsFen: 50_000_000 },
  { tier: 'gold', minAssetsFen: VIP_SAVINGS_THRESHOLD_FEN },
]

export interface VipFacts {
  savingsFen: number
  totalAssetsFen: number
  vipDesignation: { until: string } | null
}

/** A manual designation counts through its `until` date (inclusive). */
export function hasActiveDesignation(client: VipFacts, today: string): boolean {
  return client.vipDesignation !== null && client.vipDesignation.until >= today
}

export function isVip(client: VipFacts, today: string): boolean {
  return client.savingsFen >= VIP_SAVINGS_THRESHOLD_FEN || hasActiveDesignation(client, today)
}

/**
 * The client's tier, or null when not a VIP. Savings are part of financial assets, so the larger
 * of the two decides; a VIP whose assets reach no tier gets the lowest one.
 */
export function vipTierFor(client: VipFacts, today: string, tiers: readonly VipTierRule[] = DEFAULT_VIP_TIERS): VipTier | null {
  if (!isVip(client, today)) return null
  const assets = Math.max(client.totalAssetsFen, client.savingsFen)
  const byThreshold = [...tiers].sort((a, b) => b.minAssetsFen - a.minAssetsFen)
  const reached = byThreshold.find((rule) => assets >= rule.minAssetsFen)
  return (reached ?? byThreshold[byThreshold.length - 1])?.tier ?? null
}
