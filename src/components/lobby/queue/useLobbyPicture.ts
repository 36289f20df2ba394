import { computed } from 'vue'
import { useLobbyStore, type LobbyPicture } from '@/stores/lobby'
import { useTerminalStore } from '@/stores/terminal'
import { useLive } from '@/composables/useLive'
import { maskName } from '@/domain/clients/mask'

export interface LobbyLive extends LobbyPicture {
  /** Masked names (王**) of the known clients among the visits still open, by visit id. */
  names: Map<string, string>
  /** When this picture was taken (waited minutes are counted to it). */
  takenAt: number
}

const OPEN = new Set(['waiting', 'called', 'serving'])

/**
 * The lobby's live picture for the branch's business day: re-read whenever another tab or window
 * writes a visit, a duty session or the rules, and every 30 s besides (the terminal's ticking clock)
 * so waited minutes move on. `withNames: false` for the public display, which shows no names at all.
 */
export function useLobbyPicture(options: { withNames?: boolean } = {}) {
  const lobby = useLobbyStore()
  const terminal = useTerminalStore()
  const withNames = options.withNames ?? true

  const { value, error } = useLive<LobbyLive | null>(
    async () => {
      await lobby.loadRules()
      const takenAt = Date.now()
      const picture = await lobby.picture(terminal.today, takenAt)
      const names = new Map<string, string>()
      if (withNames) {
        const known = picture.day.visits.filter((visit) => visit.clientId !== null && OPEN.has(picture.states.get(visit.id)?.status ?? ''))
        const clients = await Promise.all(known.map((visit) => lobby.client(visit.clientId!)))
        known.forEach((visit, i) => {
          const client = clients[i]
          if (client) names.set(visit.id, maskName({ surname: client.surname, givenName: client.givenName }))
        })
      }
      return { ...picture, names, takenAt }
    },
    null,
    [() => terminal.nowMs, () => terminal.today, () => terminal.state.branchId],
  )

  const pointsById = computed(() => new Map((value.value?.points ?? []).map((p) => [p.id, p])))
  return { picture: value, error, pointsById, rules: computed(() => lobby.rules) }
}
