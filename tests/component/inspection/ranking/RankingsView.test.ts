import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { today } from '../../../support/counterSeed'
import { seedInspectionBranch, type InspectionBranch } from '../../../support/inspectionSeed'
import { inBody, mountPrepared, submittedVisit, textOf } from './rankingHarness'
import RankingsView from '@/views/inspection/ranking/RankingsView.vue'
import PeriodVetoForm from '@/components/inspection/ranking/PeriodVetoForm.vue'
import PhotoInput from '@/components/inspection/capture/PhotoInput.vue'
import { writeRecords } from '@/db/write'
import { loadInspectionRules, saveInspectionRules } from '@/db/repositories/inspection/rules'
import { quarterAwards } from '@/db/repositories/inspection/rankingQueries'
import { awardQuarter } from '@/db/repositories/inspection/ranking'
import { i18n } from '@/i18n'
import { previousQuarter, quarterBounds, quarterOf } from '@/domain/quarters'

let b: InspectionBranch
const lastQuarterDay = () => quarterBounds(previousQuarter(quarterOf(today))).to

beforeEach(async () => {
  await freshDatabase()
  b = await seedInspectionBranch()
  // A second backbone outlet beside BJ001, so the group has a top and a bottom.
  await writeRecords(['branches'], (w) => w.insert('branches', { code: 'BJ003', name: '武林支行', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' }))
  URL.createObjectURL = vi.fn(() => 'blob:test/photo')
  URL.revokeObjectURL = vi.fn()
})

async function branchId(code: string): Promise<string> {
  const { database } = await import('@/db/connection')
  return (await database().records('branches').where('code').equals(code).first())!.id
}

/** BJ003 loses 1 point, BJ001 3 (both backbone), BJ002 (potential, alone) 2, on `date`; one visit each is enough to rank. */
async function scoredQuarter(date: string): Promise<void> {
  await saveInspectionRules({ ...(await loadInspectionRules()), minVisitsToRank: 1 })
  await submittedVisit(b, await branchId('BJ003'), date, 1)
  await submittedVisit(b, b.branchId, date, 3)
  await submittedVisit(b, b.otherBranchId, date, 2)
}

describe('the quarter’s ranking', () => {
  it('ranks each group, gives the top its red flag and subsidy and the bottom its penalty, and ranks the whole region too', async () => {
    await scoredQuarter(today)
    const mounted = await mountPrepared(RankingsView, b.inspector, 'ranking-group-backbone')
    const backbone = mounted.wrapper.get('[data-testid="ranking-group-backbone"]')
    expect(backbone.findAll('[data-testid^="ranking-row-"]').map((r) => r.attributes('data-testid'))).toEqual(['ranking-row-BJ003', 'ranking-row-BJ001'])
    expect(backbone.get('[data-testid="ranking-row-BJ003"] [data-testid="ranking-place"]').text()).toBe('1')
    expect(backbone.get('[data-testid="ranking-row-BJ003"] [data-testid="ranking-mean"]').text()).toBe('99.0 分')
    expect(textOf(mounted, 'ranking-red-flag-BJ003')).toBe('流动红旗 · 补贴 ¥2,000.00')
    expect(textOf(mounted, 'ranking-penalty-BJ001')).toBe('积分处罚 扣 5 分（组内末位）')
    expect(textOf(mounted, 'ranking-row-BJ001')).toContain('检查 1 次')
    expect(textOf(mounted, 'ranking-row-BJ001')).toContain('最低 97.0 分')
    // A group of one is not its own bottom.
    expect(mounted.wrapper.find('[data-testid="ranking-red-flag-BJ002"]').exists()).toBe(true)
    expect(textOf(mounted, 'ranking-rules')).toContain('每组前 1 名')
    expect(textOf(mounted, 'ranking-rules')).toContain('检查次数多者在前')
    expect(mounted.wrapper.find('[data-testid="award-running"]').exists()).toBe(true)
    expect(mounted.wrapper.find('[data-testid="award-quarter"]').exists()).toBe(false)

    await mounted.wrapper.get('[data-testid="ranking-view-overall"]').trigger('click')
    const overall = mounted.wrapper.get('[data-testid="ranking-overall"]')
    expect(overall.findAll('[data-testid^="ranking-row-"]').map((r) => r.attributes('data-testid'))).toEqual(['ranking-row-BJ003', 'ranking-row-BJ002', 'ranking-row-BJ001'])
    expect(overall.get('[data-testid="ranking-row-BJ002"]').text()).toContain('潜力网点')
  })

  it('says plainly when an outlet has too few visits to be ranked', async () => {
    await submittedVisit(b, b.branchId, today)
    const mounted = await mountPrepared(RankingsView, b.head, 'ranking-row-BJ001')
    expect(textOf(mounted, 'ranking-row-BJ001')).toContain('未达最少检查次数（1 / 2 次），不参与排名')
    expect(textOf(mounted, 'ranking-home-summary')).toContain('城东支行本季度检查 1 次，未达最少 2 次')
  })

  it('marks the branch head’s own outlet and offers them neither awarding nor vetoes', async () => {
    await scoredQuarter(lastQuarterDay())
    const mounted = await mountPrepared(RankingsView, b.head, 'inspection-rankings')
    await mounted.wrapper.get('[data-testid="quarter-prev"]').trigger('click')
    await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="ranking-row-BJ001"]').exists()).toBe(true))
    expect(mounted.wrapper.get('[data-testid="ranking-row-BJ001"]').find('[data-testid="ranking-home"]').exists()).toBe(true)
    expect(textOf(mounted, 'ranking-home-summary')).toBe('城东支行本季度：骨干网点第 2 / 2 名，平均 97.0 分')
    expect(textOf(mounted, 'award-waiting')).toContain('待检查人员确认奖惩')
    expect(mounted.wrapper.find('[data-testid="award-quarter"]').exists()).toBe(false)
    expect(mounted.wrapper.find('[data-testid="period-veto-new"]').exists()).toBe(false)
  })

  it('an inspector confirms a finished quarter’s awards once; they then show as recorded and join the red-flag history', async () => {
    await scoredQuarter(lastQuarterDay())
    const mounted = await mountPrepared(RankingsView, b.inspector, 'inspection-rankings')
    await vi.waitFor(() => expect(textOf(mounted, 'award-history')).toContain('还没有确认过的季度奖惩'))
    await mounted.wrapper.get('[data-testid="quarter-prev"]').trigger('click')
    await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="award-quarter"]').exists()).toBe(true))
    expect(textOf(mounted, 'award-panel')).toContain('2 家获流动红旗，1 家积分处罚')

    await mounted.wrapper.get('[data-testid="award-quarter"]').trigger('click')
    await vi.waitFor(() => expect(inBody('award-confirm')).not.toBeNull())
    const dialog = inBody('confirm-dialog')!.textContent!
    expect(dialog).toContain('流动红旗：武林支行（骨干网点），补贴 ¥2,000.00')
    expect(dialog).toContain('流动红旗：江北支行（潜力网点）')
    expect(dialog).toContain('积分处罚：城东支行，扣 5 分（组内末位）')
    expect(dialog).toContain('确认后本季度奖惩不能再更改')
    inBody('award-confirm')!.click()
    await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="award-recorded"]').exists()).toBe(true))
    expect(textOf(mounted, 'award-recorded')).toContain('由蒋平确认')
    expect((await quarterAwards(previousQuarter(quarterOf(today)))).map((a) => a.outcome).sort()).toEqual(['penalty', 'red_flag', 'red_flag'])
    await vi.waitFor(() => expect(mounted.wrapper.find(`[data-testid="award-history-${previousQuarter(quarterOf(today))}"]`).exists()).toBe(true))
    expect(textOf(mounted, 'award-outlet-BJ003')).toContain('获流动红旗 1 次')
    expect(textOf(mounted, 'award-outlet-BJ001')).toContain('积分处罚 扣 5 分（组内末位）')
    expect(mounted.wrapper.find('[data-testid="period-veto-new"]').exists()).toBe(false)
    expect(textOf(mounted, 'period-veto-closed')).toContain('奖惩已确认')
  })

  it('a quarter awarded shows its awards as they were recorded, whatever its visits say since', async () => {
    await scoredQuarter(lastQuarterDay())
    await awardQuarter(previousQuarter(quarterOf(today)), b.inspector.id)
    // Two perfect visits filed later lift BJ001 level with BJ003 on more visits: first place now.
    await submittedVisit(b, b.branchId, lastQuarterDay())
    await submittedVisit(b, b.branchId, lastQuarterDay())
    const mounted = await mountPrepared(RankingsView, b.inspector, 'inspection-rankings')
    await mounted.wrapper.get('[data-testid="quarter-prev"]').trigger('click')
    await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="award-recorded"]').exists()).toBe(true))
    const backbone = mounted.wrapper.get('[data-testid="ranking-group-backbone"]')
    expect(backbone.findAll('[data-testid^="ranking-row-"]').map((r) => r.attributes('data-testid'))).toEqual(['ranking-row-BJ001', 'ranking-row-BJ003'])
    expect(backbone.find('[data-testid="ranking-red-flag-BJ003"]').exists()).toBe(true)
    expect(backbone.find('[data-testid="ranking-penalty-BJ001"]').exists()).toBe(true)
    expect(mounted.wrapper.find('[data-testid="award-quarter"]').exists()).toBe(false)
    // The rules line speaks of today's rules; the recorded awards do not follow them.
    expect(textOf(mounted, 'ranking-rules-now')).toContain('按确认时的结果记录')
  })

  it('an inspector enters a period veto with its finding and photo; the outlet then loses the red flag', async () => {
    await scoredQuarter(today)
    const mounted = await mountPrepared(RankingsView, b.inspector, 'ranking-red-flag-BJ003')
    expect(textOf(mounted, 'period-veto-none')).toContain('没有期间一票否决')
    await mounted.wrapper.get('[data-testid="period-veto-new"]').trigger('click')
    await vi.waitFor(() => expect(mounted.wrapper.findComponent(PeriodVetoForm).exists()).toBe(true))
    const form = mounted.wrapper.findComponent(PeriodVetoForm)
    // The default sheet has one period veto: it is chosen already.
    expect(form.get('[data-testid="period-veto-code-V6"]').attributes('aria-checked')).toBe('true')
    expect(form.find('[data-testid="period-veto-code-V1"]').exists()).toBe(false)

    await form.get('[data-testid="period-veto-save"]').trigger('click')
    // element-plus shows each field's message after its own debounce: wait for them together.
    await vi.waitFor(() => {
      expect(form.text()).toContain('请选择网点')
      expect(form.text()).toContain('请写明核实情况')
      expect(form.text()).toContain('请拍摄或选择一张证据照片')
    })

    await form.get('[data-testid="period-veto-branch-search"]').setValue('武林')
    expect(form.find('[data-testid="period-veto-branch-BJ001"]').exists()).toBe(false)
    await form.get('[data-testid="period-veto-branch-BJ003"]').trigger('click')
    expect(form.get('[data-testid="period-veto-branch-chosen"]').text()).toContain('武林支行')
    await form.get('[data-testid="period-veto-finding"]').setValue('客户投诉经核实属实，已被本地媒体报道')
    await form.get('[data-testid="period-veto-witnesses"]').setValue('督导专班 沈洁、客户 王先生')
    form.findComponent(PhotoInput).vm.$emit('captured', { blob: new Blob(['jpeg'], { type: 'image/jpeg' }), mimeType: 'image/jpeg', width: 1600, height: 1200 })
    await flushPromises()
    expect(form.find('[data-testid="period-veto-preview"]').exists()).toBe(true)
    await form.get('[data-testid="period-veto-save"]').trigger('click')

    await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="ranking-vetoed"]').exists()).toBe(true))
    expect(mounted.wrapper.find('[data-testid="ranking-red-flag-BJ003"]').exists()).toBe(false)
    expect(textOf(mounted, 'ranking-row-BJ003')).toContain('有一票否决，本季度不能获流动红旗')
    const listed = mounted.wrapper.get('[data-testid="period-vetoes"]').text()
    expect(listed).toContain('武林支行')
    expect(listed).toContain('V6 经核实的有效投诉造成媒体曝光')
    expect(listed).toContain('证明人：督导专班 沈洁、客户 王先生')
    expect(listed).toContain('蒋平 于')
  })

  it('reads in English', async () => {
    await scoredQuarter(today)
    const mounted = await mountPrepared(RankingsView, b.inspector, 'ranking-red-flag-BJ003')
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(textOf(mounted, 'ranking-red-flag-BJ003')).toBe('Red flag · subsidy ¥2,000.00')
    expect(textOf(mounted, 'ranking-penalty-BJ001')).toBe('Penalty: 5 points (bottom of group)')
    expect(textOf(mounted, 'ranking-group-backbone')).toContain('Backbone')
    expect(textOf(mounted, 'ranking-rules')).toContain('Equal averages are separated by')
    expect(textOf(mounted, 'ranking-row-BJ001')).toMatch(/1 inspection(?!s)/)
    expect(textOf(mounted, 'ranking-row-BJ001')).toContain('0 vetoes')
    i18n.global.locale.value = 'zh-CN'
  })
})
