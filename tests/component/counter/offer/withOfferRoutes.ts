/** Mounts an offer screen with the counter's offer routes added to the test router, optionally once it has arrived at `at`. */
import { defineComponent, h, ref, type Component } from 'vue'
import { useRouter } from 'vue-router'
import { offerRoutes } from '@/views/counter/offer/routes'

export function withOfferRoutes(screen: Component, at?: string): Component {
  return defineComponent({
    name: 'WithOfferRoutes',
    setup() {
      const router = useRouter()
      if (!router.hasRoute('counter')) router.addRoute({ path: '/counter', children: offerRoutes })
      const arrived = ref(at === undefined)
      if (at !== undefined) void router.push(at).then(() => (arrived.value = true))
      return () => (arrived.value ? h(screen) : null)
    },
  })
}
