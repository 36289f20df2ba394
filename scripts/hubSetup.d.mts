export interface HubSetupConfig {
  region: { code: string; database: string }
  branches: { code: string; terminals: string[] }[]
  inspectors?: string[]
}

export interface HubSetupOptions {
  /** The hub's address: https, or http on localhost. */
  url: string
  /** A server admin of the hub. */
  admin: { username: string; password: string }
  /** The parsed config; checked field by field before anything is sent. */
  config: unknown
  /** Users to delete at once (a lost tablet). */
  revoke?: string[]
  /** Users of the config to give a new password. */
  rotate?: string[]
  /** Told each line to print: what changed, warnings, 'nothing to change'. */
  log: (line: string) => void
}

export interface HubSetupResult {
  /** One line per change made; empty when the hub already matched the config. */
  changes: string[]
  /** The passwords of users created or rotated by this run, by user name. */
  passwords: Record<string, string>
}

/** A problem the person running the script can fix (unreachable hub, wrong admin, bad config…). */
export class HubSetupError extends Error {}

/** The config, or a HubSetupError naming the first bad field. */
export function checkConfig(config: unknown): HubSetupConfig

/** Brings the hub to the config idempotently: databases, members, validation, users. */
export function setUpHub(options: HubSetupOptions): Promise<HubSetupResult>
