import { ref } from 'vue'
import { defineStore } from 'pinia'
import { hashPin } from '@/domain/pin'
import { setUpBranchTerminal, setUpInspectorTerminal, type NewBranchProfile, type Region } from '@/db/terminal'
import { useTerminalStore } from './terminal'

export interface FirstPersonForm {
  staffNo: string
  surname: string
  givenName: string
  pin: string
}

export interface DemoProgress {
  step: string
  table?: string
  fraction: number
}

/** First run: the three doors that make an empty terminal usable. */
export const useSetupStore = defineStore('setup', () => {
  const progress = ref<DemoProgress | null>(null)

  /** Creates the demo branch (generated, deterministic, dated from today). */
  async function loadDemo(): Promise<void> {
    const terminal = useTerminalStore()
    progress.value = { step: 'generate', fraction: 0 }
    try {
      // The generator and its name lists load only when someone asks for the demo.
      const { loadDemoBranch } = await import('@/db/demo/load')
      await loadDemoBranch({
        today: terminal.today,
        zone: terminal.settings.timeZone,
        onProgress: (step: string, fraction: number, table?: string) => {
          progress.value = { step, table, fraction }
        },
      })
      await terminal.refresh()
    } finally {
      progress.value = null
    }
  }

  /** Creates a real branch and its first administrator; nothing else. */
  async function setUpBranch(profile: NewBranchProfile, admin: FirstPersonForm): Promise<void> {
    const pin = await hashPin(admin.pin)
    await setUpBranchTerminal(profile, { staffNo: admin.staffNo, surname: admin.surname, givenName: admin.givenName, pin })
    await useTerminalStore().refresh()
  }

  /** Makes this terminal a region inspector's tablet with its first inspector. */
  async function setUpInspector(region: Region, inspector: FirstPersonForm): Promise<void> {
    const pin = await hashPin(inspector.pin)
    await setUpInspectorTerminal(region, { staffNo: inspector.staffNo, surname: inspector.surname, givenName: inspector.givenName, pin })
    await useTerminalStore().refresh()
  }

  return { progress, loadDemo, setUpBranch, setUpInspector }
})
