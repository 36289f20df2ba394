import { computed, type Ref } from 'vue'
import { useLive } from '@/composables/useLive'
import { useTerminalStore } from '@/stores/terminal'
import { useWealthRoomStore, type RoomPicture } from '@/stores/wealthRoom'
import type { Staff } from '@/domain/model/records'

/**
 * The wealth rooms of a business day, live: re-read whenever any tab writes a session, a visit, a
 * booking or a duty change, and every 30 s besides (the terminal's clock) so waits move on.
 */
export function useRoomPicture(date?: Ref<string>) {
  const store = useWealthRoomStore()
  const terminal = useTerminalStore()
  const day = computed(() => date?.value ?? terminal.today)
  const { value: picture, error } = useLive<RoomPicture | null>(() => store.picture(day.value, Date.now()), null, [day, () => terminal.nowMs, () => terminal.state.branchId])

  const staffName = (id: string | null) => {
    const person: Staff | undefined = id ? picture.value?.staff.get(id) : undefined
    return person ? `${person.surname}${person.givenName}` : ''
  }
  const roomName = (id: string | null) => picture.value?.rooms.find((r) => r.id === id)?.name ?? ''
  return { picture, error, staffName, roomName }
}
