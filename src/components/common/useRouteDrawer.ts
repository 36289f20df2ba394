import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/**
 * A detail drawer whose open record lives in the route query (`?staff=<id>`), so an idle lock
 * returns its person to the same open drawer, with their draft.
 */
export function useRouteDrawer(key: string) {
  const route = useRoute()
  const router = useRouter()
  const openId = computed(() => {
    const value = route.query[key]
    return typeof value === 'string' && value !== '' ? value : null
  })

  async function open(id: string): Promise<void> {
    await router.replace({ query: { ...route.query, [key]: id } })
  }

  async function close(): Promise<void> {
    const query = { ...route.query }
    delete query[key]
    await router.replace({ query })
  }

  return { openId, open, close }
}
