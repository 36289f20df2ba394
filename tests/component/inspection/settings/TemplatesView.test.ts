import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { RouterView } from 'vue-router'
import { freshDatabase } from '../../../support/db'
import { today } from '../../../support/counterSeed'
import { seedInspectionBranch, type InspectionBranch } from '../../../support/inspectionSeed'
import { mountWithApp } from '../../../support/mount'
import { byTestId, click, getByTestId, typeInto } from '../../admin/dom'
import { database } from '@/db/connection'
import { activeTemplates, templateVersions } from '@/db/repositories/inspection/templates'
import { loadInspectionRules } from '@/db/repositories/inspection/rules'
import { startInspection } from '@/db/repositories/inspection/visits'

let b: InspectionBranch
beforeEach(async () => {
  // jsdom lays nothing out: the editor's scrolling to what was added or is wrong has nowhere to go.
  Element.prototype.scrollIntoView = vi.fn()
  window.scrollTo = vi.fn()
  await freshDatabase()
  b = await seedInspectionBranch()
})

/** The area as the app shows it: its layout prepares the shared sheet, then the page. */
async function opened(route: string, staff = b.inspector) {
  const { wrapper, router } = await mountWithApp(RouterView, { route, staff })
  await vi.waitFor(() => expect(wrapper.find('[data-testid="inspection-templates"]').exists()).toBe(true))
  return { wrapper, router }
}

/** Types into an element-plus textarea (the test id sits on the <textarea> itself). */
async function typeText(id: string, value: string) {
  const area = getByTestId(id) as HTMLTextAreaElement
  area.value = value
  area.dispatchEvent(new Event('input'))
  await nextTick()
}

async function startVisit() {
  await startInspection({ templateId: b.template.id, branchId: b.branchId, inspectorId: b.inspector.id, date: today, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
}

describe('the score sheet and its versions', () => {
  it('reads the sheet as a document: points, the rule in words, N/A and photos, vetoes with their level, grade bands', async () => {
    const { wrapper } = await opened('/inspection/templates')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="template-version-1"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="template-summary"]').text()).toBe('第 1 版 · 共 42 项 · 满分 100 分')
    expect(wrapper.get('[data-testid="sheet-item-A3"]').text()).toContain('一项不合格扣全部分值')
    expect(wrapper.get('[data-testid="sheet-item-A3"]').text()).toContain('可选“不适用”')
    expect(wrapper.get('[data-testid="sheet-item-A4"]').text()).toContain('每次扣 0.5 分，扣完为止')
    expect(wrapper.get('[data-testid="sheet-item-A4"]').text()).toContain('扣分须拍照')
    expect(wrapper.get('[data-testid="sheet-item-H3"]').text()).toContain('分档评分：满意 3 分 / 基本满意 1.5 分 / 不满意 0 分')
    expect(wrapper.get('[data-testid="sheet-veto-V6"]').text()).toContain('期间事项，由督导录入')
    expect(wrapper.get('[data-testid="sheet-band-excellent"]').text()).toBe('优秀95 分及以上')
    expect(wrapper.get('[data-testid="sheet-band-fail"]').text()).toBe('不合格低于 70 分，或有任一否决项')
    expect(wrapper.get('[data-testid="template-version-1"]').text()).toContain('尚未使用')
  })

  it('a branch head reads the sheet and the rules but edits neither', async () => {
    const { wrapper, router } = await opened('/inspection/templates', b.head)
    expect(wrapper.text()).toContain('评分表和检查规则由检查人员维护')
    expect(wrapper.find('[data-testid="template-edit"]').exists()).toBe(false)
    await router.push('/inspection/templates?tab=rules')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="rules-form"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="rules-save"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="rules-subsidy"]').attributes('disabled')).toBeDefined()
  })

  it('says each problem next to its item and saves nothing while one remains', async () => {
    const { wrapper } = await opened('/inspection/templates')
    await click('template-edit')
    await typeText('template-item-A2-text', ' ')
    await typeInto('template-item-A3-code', 'A1')
    await click('template-save')
    await vi.waitFor(() => expect(getByTestId('template-item-A2-problems').textContent).toContain('请填写检查内容。'))
    expect(getByTestId('template-item-A1-problems').textContent).toContain('编号“A1”重复了')
    expect(getByTestId('template-problems').textContent).toContain('还有 2 处需要改正')
    expect((await activeTemplates())[0]?.updatedAt).toBe(b.template.updatedAt)
    expect(wrapper.find('[data-testid="template-editor"]').exists()).toBe(true)
  })

  it('editing a sheet already used makes version 2, says so first, and the visits keep version 1', async () => {
    await startVisit()
    const { wrapper } = await opened('/inspection/templates')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="template-version-1-visits"]').text()).toBe('1 次检查使用'))
    await click('template-edit')
    expect(getByTestId('template-version-note').textContent).toContain('这一版已有 1 次检查使用。保存后将生成第 2 版')
    await typeInto('template-item-A1-max', '4')
    await click('template-item-A2-rule-ALL')
    await click('template-section-H-add-item')
    await typeText('template-item-H4-text', '网点公众号、小程序信息与厅堂公示一致')
    await vi.waitFor(() => expect(getByTestId('template-totals').textContent).toBe('共 43 项，满分 102 分'))
    await click('template-save')

    await vi.waitFor(() => expect(wrapper.find('[data-testid="template-document"]').exists()).toBe(true))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="template-version-2"]').exists()).toBe(true))
    const [second, first] = await templateVersions(b.template.code)
    expect(second).toMatchObject({ version: 2, active: 1 })
    expect(first).toMatchObject({ version: 1, active: 0 })
    const items = second!.sections.flatMap((s) => s.items)
    expect(items.find((i) => i.code === 'A1')?.max).toBe(4)
    expect(items.find((i) => i.code === 'A2')).toEqual(expect.objectContaining({ rule: 'ALL' }))
    expect(items.find((i) => i.code === 'A2')).not.toHaveProperty('perOccurrence')
    expect(items.find((i) => i.code === 'H4')).toMatchObject({ text: '网点公众号、小程序信息与厅堂公示一致', max: 1, rule: 'PER', perOccurrence: 1 })
    expect((await database().records('inspections').toArray()).map((i) => i.templateVersion)).toEqual([1])
    expect(wrapper.get('[data-testid="template-summary"]').text()).toBe('第 2 版 · 共 43 项 · 满分 102 分')

    await wrapper.get('[data-testid="template-version-1"]').trigger('click')
    expect(wrapper.get('[data-testid="template-summary"]').text()).toBe('第 1 版 · 共 42 项 · 满分 100 分')
    expect(wrapper.get('[data-testid="template-older"]').text()).toContain('这是已停用的第 1 版')
    expect(wrapper.find('[data-testid="template-edit"]').exists()).toBe(false)
    await wrapper.get('[data-testid="template-show-current"]').trigger('click')
    expect(wrapper.get('[data-testid="template-summary"]').text()).toBe('第 2 版 · 共 43 项 · 满分 102 分')
  })
  it('edits vetoes, grade bands and a graded item; a removed section is confirmed first; an unused sheet keeps its version', async () => {
    const { wrapper } = await opened('/inspection/templates')
    await click('template-edit')
    expect(getByTestId('template-version-note').textContent).toContain('这一版还没有检查使用过')
    await click('template-item-H1-rule-GRADE')
    await vi.waitFor(() => expect(byTestId('template-item-H1-level-2-label')).not.toBeNull())
    await typeInto('template-item-H1-level-0-points', '1')
    await click('template-save')
    await vi.waitFor(() => expect(getByTestId('template-item-H1-problems').textContent).toContain('最好的一档须得满分（等于分值）。'))
    await typeInto('template-item-H1-level-0-points', '2')
    await click('template-veto-add')
    await typeText('template-veto-6-text', '挪用客户资金')
    await click('template-veto-6-level-period')
    await typeInto('template-band-excellent', '96')
    await click('template-section-G-remove')
    await vi.waitFor(() => expect(byTestId('template-section-remove-confirm')).not.toBeNull())
    await click('template-section-remove-confirm')
    await vi.waitFor(() => expect(byTestId('template-section-G')).toBeNull())
    await click('template-save')

    await vi.waitFor(() => expect(wrapper.find('[data-testid="template-document"]').exists()).toBe(true))
    const [sheet] = await templateVersions(b.template.code)
    expect(await templateVersions(b.template.code)).toHaveLength(1)
    expect(sheet?.sections.map((s) => s.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'H'])
    expect(sheet?.sections.at(-1)?.items[0]).toMatchObject({ code: 'H1', rule: 'GRADE', levels: [{ label: '满意', points: 2 }, { label: '基本满意', points: 1 }, { label: '不满意', points: 0 }] })
    expect(sheet?.vetoes.at(-1)).toMatchObject({ code: 'V7', text: '挪用客户资金', level: 'period' })
    expect(sheet?.gradeBands[0]).toEqual({ grade: 'excellent', minScore: 96 })
    expect(wrapper.get('[data-testid="sheet-veto-V7"]').text()).toContain('期间事项，由督导录入')
  })
})

describe('the inspection rules', () => {
  it('saves the red-flag subsidy typed in yuan and the due days as the next version', async () => {
    const { wrapper } = await opened('/inspection/templates?tab=rules')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="rules-form"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="rules-version"]').text()).toBe('当前第 1 版')
    await typeInto('rules-subsidy', '3000.50')
    await typeInto('rules-due-days', '10')
    await wrapper.get('[data-testid="rules-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="rules-version"]').text()).toBe('当前第 2 版'))
    expect(await loadInspectionRules()).toMatchObject({ version: 2, redFlagSubsidyFen: 300_050, correctiveDueDays: 10 })
  })

  it('refuses an amount that is not money, next to its field, and keeps the version', async () => {
    const { wrapper } = await opened('/inspection/templates?tab=rules')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="rules-form"]').exists()).toBe(true))
    await typeInto('rules-subsidy', '两千')
    await wrapper.get('[data-testid="rules-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.text()).toContain('请填写 0 到 1,000,000 元之间的金额'))
    expect(wrapper.find('[data-testid="rules-invalid"]').exists()).toBe(true)
    expect((await loadInspectionRules()).version).toBe(1)
  })
})
