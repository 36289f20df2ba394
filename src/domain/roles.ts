/** Staff roles a branch knows; one person may hold several. */
export const ROLES = [
  'lobby_manager',
  'low_counter',
  'customer_manager',
  'wealth_manager',
  'high_counter',
  'inspector',
  'branch_head',
  'administrator',
] as const
export type Role = (typeof ROLES)[number]

/** The product's areas, named as users name them. */
export const AREAS = ['dashboard', 'workbench', 'lobby', 'station', 'counter', 'wealth', 'inspection', 'admin'] as const
export type Area = (typeof AREAS)[number]

/** Which roles may open each area. `workbench` is every signed-in person's own page. */
export const AREA_ROLES: Record<Area, readonly Role[]> = {
  dashboard: ['branch_head'],
  workbench: ROLES,
  lobby: ['lobby_manager', 'branch_head'],
  /** A service point's own screen: call, serve, transfer (every role that serves at a window or desk). */
  station: ['high_counter', 'low_counter', 'customer_manager', 'wealth_manager', 'lobby_manager', 'branch_head'],
  /** Recording offers, taking referrals and one's product points: wealth managers sell and take referrals too. */
  counter: ['low_counter', 'customer_manager', 'wealth_manager', 'high_counter', 'branch_head'],
  wealth: ['wealth_manager', 'customer_manager', 'branch_head'],
  inspection: ['inspector', 'branch_head'],
  admin: ['administrator', 'branch_head'],
}

/** Each role's preferred landing area, most specific first; the first one that exists wins. */
export const ROLE_HOMES: Record<Role, readonly Area[]> = {
  branch_head: ['dashboard'],
  administrator: ['admin'],
  lobby_manager: ['lobby', 'workbench'],
  low_counter: ['counter', 'station', 'workbench'],
  customer_manager: ['counter', 'wealth', 'station', 'workbench'],
  wealth_manager: ['wealth', 'station', 'workbench'],
  high_counter: ['station', 'workbench'],
  inspector: ['inspection', 'workbench'],
}

export function mayUseArea(roles: readonly Role[], area: Area): boolean {
  return roles.some((role) => AREA_ROLES[area].includes(role))
}

/**
 * The area a person lands on after signing in: the first home of their first role (in the
 * order of ROLES, most senior duties first) among the areas that this build has.
 */
export function homeArea(roles: readonly Role[], available: readonly Area[]): Area {
  const ordered = [...roles].sort((a, b) => homePriority(a) - homePriority(b))
  for (const role of ordered) {
    const home = ROLE_HOMES[role].find((area) => available.includes(area) && mayUseArea(roles, area))
    if (home) return home
  }
  return 'workbench'
}

const HOME_PRIORITY: readonly Role[] = ['branch_head', 'administrator', 'lobby_manager', 'wealth_manager', 'customer_manager', 'low_counter', 'high_counter', 'inspector']
function homePriority(role: Role): number {
  return HOME_PRIORITY.indexOf(role)
}

/** Roles allowed to see unmasked personal data after a logged tap on the eye icon. */
export const REVEAL_ROLES: readonly Role[] = ['branch_head', 'administrator', 'customer_manager', 'wealth_manager', 'low_counter', 'lobby_manager']

/** Backups hold every client's data: only these roles may make or restore one. */
export const BACKUP_ROLES: readonly Role[] = ['branch_head', 'administrator']
