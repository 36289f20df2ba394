import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { useLive } from '@/composables/useLive'
import { useAppointmentsStore } from '@/stores/appointments'
import type { Appointment } from '@/domain/model/records'

/**
 * A day's bookings, live, with the clock (ticking every 30 s). Whenever they load or time moves on,
 * bookings whose check-in window has passed without the client are marked missed.
 */
export function useDayAppointments(date: Ref<string>) {
  const store = useAppointmentsStore()
  const { value: appointments } = useLive<Appointment[] | null>(() => store.day(date.value), null, [date])
  const nowMs = ref(Date.now())
  const timer = setInterval(() => (nowMs.value = Date.now()), 30_000)
  onScopeDispose(() => clearInterval(timer))

  /** Who each booking is for: the name it was made with, else the client's name on file. */
  const names = shallowRef<Map<string, string>>(new Map())
  watch(appointments, async (list) => {
    names.value = list ? await store.clientNames(list) : new Map()
  })
  const nameOf = (a: Appointment) => a.name || (a.clientId ? (names.value.get(a.clientId) ?? '') : '')

  watch(
    [appointments, nowMs],
    ([list, at]) => {
      if (list) void store.markMissed(list, at).catch((err: unknown) => console.error(err))
    },
    { immediate: true },
  )

  return { appointments, nowMs, nameOf }
}
