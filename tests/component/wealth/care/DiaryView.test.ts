import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { writeRecords } from '@/db/write'
import DiaryView from '@/views/wealth/care/DiaryView.vue'
import { seedCareBranch, today } from './seed'

describe('the work diary', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('shows the branch head a manager’s contacts by day, with channel, service, occasion and next step', async () => {
    const { branchId, head, wang, chen } = await seedCareBranch()
    await writeRecords(['contacts'], (w) =>
      w.insert('contacts', { branchId, clientId: chen.id, staffId: wang.id, at: Date.now(), businessDate: today, channel: 'home_visit', service: 'value_added', occasion: 'holiday:mid_autumn:2026', note: '送月饼，聊了子女留学', nextStep: '下周约财富诊断', details: {} }),
    )
    const { wrapper } = await mountWithApp(DiaryView, { staff: head })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="diary-day-${today}"]`).exists()).toBe(true))
    expect(wrapper.get(`[data-testid="diary-manager-${wang.id}"]`).attributes('aria-checked')).toBe('true')
    const day = wrapper.get(`[data-testid="diary-day-${today}"]`).text()
    expect(day).toContain('陈女士')
    expect(day).toContain('上门拜访')
    expect(day).toContain('增值服务')
    expect(day).toContain('中秋节问候')
    expect(day).toContain('下一步：下周约财富诊断')
  })

  it('says how to fill an empty diary', async () => {
    const { wang } = await seedCareBranch({ lastContactAt: null })
    const { wrapper } = await mountWithApp(DiaryView, { staff: wang })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="diary-empty"]').exists()).toBe(true))
    expect(wrapper.text()).toContain('记录联系')
  })
})
