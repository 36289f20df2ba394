import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { fullName } from '@/domain/clients/names'
import { useLive } from '@/composables/useLive'
import { useTerminalStore } from '@/stores/terminal'
import { useWealthRoomStore, type RoomPicture } from '@/stores/wealthRoom'
import type { Appointment, Staff } from '@/domain/model/records'

/**
 * The wealth rooms of a business day, live: re-read whenever any tab writes a session, a visit, a
 * booking or a duty change, and every 30 s besides (the terminal's clock) so waits move on.
 */
export function useRoomPicture(date?: Ref<string>) {
  const { t } = useI18n()
  const store = useWealthRoomStore()
  const terminal = useTerminalStore()
  const day = computed(() => date?.value ?? terminal.today)
  const { value: picture, error } = useLive<RoomPicture | null>(() => store.picture(day.value, Date.now()), null, [day, () => terminal.nowMs, () => terminal.state.branchId])

  const staffName = (id: string | null) => {
    const person: Staff | undefined = id ? picture.value?.staff.get(id) : undefined
    return person ? `${person.surname}${person.givenName}` : ''
  }
  const roomName = (id: string | null) => picture.value?.rooms.find((r) => r.id === id)?.name ?? ''
  /** Who a booking is for: the name it was made with, else the client's name on file (the lobby books by client only). */
  const bookingWho = (b: Pick<Appointment, 'name' | 'clientId'>) => {
    const client = b.clientId ? picture.value?.clients.get(b.clientId) : undefined
    return b.name || (client ? fullName(client) : t('wealthRoom.booking.noName'))
  }
  return { picture, error, staffName, roomName, bookingWho }
}
