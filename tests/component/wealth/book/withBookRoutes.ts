/** Mounts a VIP-book screen with the book's routes added to the test router, optionally at one of them. */
import { defineComponent, h, type Component } from 'vue'
import { useRouter } from 'vue-router'
import { bookRoutes } from '@/views/wealth/book/routes'

export function withBookRoutes(screen: Component, at?: string): Component {
  return defineComponent({
    name: 'WithBookRoutes',
    setup() {
      const router = useRouter()
      if (!router.hasRoute('wealth-vips')) router.addRoute({ path: '/wealth', children: bookRoutes })
      if (at) void router.push(at)
      return () => h(screen)
    },
  })
}
