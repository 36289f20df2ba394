/** The offer panel with its form held in a ref, as its callers hold it. */
import { defineComponent, h, ref } from 'vue'
import { blankOfferForm, type OfferForm } from '@/domain/counter/offerForm'
import OfferPanel from '@/components/counter/offer/OfferPanel.vue'

export interface PanelProps {
  clientId: string | null
  visitId?: string | null
  referralId?: string | null
  followUpOfferId?: string | null
}

/** The panel to mount, its form as it now stands (`form()`), and what it emitted on each save. */
export function panelHarness(props: PanelProps) {
  const form = ref<OfferForm>(blankOfferForm())
  const saved: { accepted: number; points: number }[] = []
  const component = defineComponent({
    name: 'PanelHarness',
    setup: () => () => h(OfferPanel, { ...props, form: form.value, 'onUpdate:form': (next: OfferForm) => (form.value = next), onSaved: (result: { accepted: number; points: number }) => saved.push(result) }),
  })
  return { component, form: () => form.value, saved }
}
