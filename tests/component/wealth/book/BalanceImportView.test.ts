import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedBookBranch, type BookBranch } from '../../../unit/db/wealth-book-seed'
import { database } from '@/db/connection'
import { i18n } from '@/i18n'
import BalanceImportView from '@/views/wealth/book/BalanceImportView.vue'
import type { VueWrapper } from '@vue/test-utils'

async function choose(wrapper: VueWrapper, name: string, text: string): Promise<void> {
  const input = wrapper.get('[data-testid="import-file"]')
  Object.defineProperty(input.element, 'files', { value: [new File([text], name, { type: 'text/csv' })], configurable: true })
  await input.trigger('change')
}

const FILE = [
  '\uFEFF证件号码,客户姓名,储蓄存款余额,金融资产总额,数据日期',
  '330106198502143318,欧阳娜,"320,000.50","650,000.00",',
  '11010519491231002X,李建军,"1.00","1.00",',
  '110101199001011234,张伟,"100,000.00","100,000.00",',
  '999999199901010000,无名氏,1,1,',
  '',
].join('\r\n')

describe('the balance import', () => {
  let branch: BookBranch
  beforeEach(async () => {
    await freshDatabase()
    branch = await seedBookBranch()
  })

  it('reports every row, then applies the accepted ones together once confirmed', async () => {
    const { wrapper } = await mountWithApp(BalanceImportView, { staff: branch.head })
    await choose(wrapper, 'balances.csv', FILE)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-report"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="import-accepted"]').text()).toBe('2')
    expect(wrapper.get('[data-testid="import-rejected"]').text()).toBe('2')
    expect(wrapper.get('[data-testid="import-row-3"]').text()).toContain('姓名与客户资料不符')
    expect(wrapper.get('[data-testid="import-row-3"]').text()).toContain('110105**********2X')
    expect(wrapper.get('[data-testid="import-row-5"]').text()).toContain('本网点没有这个证件号码的客户')
    expect(await database().records('balanceSnapshots').count()).toBe(0) // nothing before confirming

    await wrapper.get('[data-testid="import-apply"]').trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="import-confirm"]')).not.toBeNull())
    ;(document.body.querySelector('[data-testid="import-confirm"]') as HTMLElement).click()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-done"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="import-done"]').text()).toContain('已导入 2 条余额，1 次等级变动')
    expect(await database().records('clients').get(branch.ouyang.id)).toMatchObject({ savingsFen: 32_000_050, totalAssetsFen: 65_000_000, vipTier: 'platinum' })
    expect(await database().records('clients').get(branch.zhang.id)).toMatchObject({ vipTier: 'gold' })
  })

  it('names the missing columns and applies nothing', async () => {
    const { wrapper } = await mountWithApp(BalanceImportView, { staff: branch.head })
    await choose(wrapper, 'balances.csv', '证件号码,客户姓名\r\n330106198502143318,欧阳娜\r\n')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-problem"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="import-problem"]').text()).toBe('文件缺少：储蓄存款余额、金融资产总额。请按模板调整表头后重新选择。')
    i18n.global.locale.value = 'en'
    await choose(wrapper, 'balances.csv', '证件号码,客户姓名\r\n330106198502143318,欧阳娜\r\n')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="import-problem"]').text()).toContain('The file lacks: Savings balance, Total financial assets'))
    i18n.global.locale.value = 'zh-CN'
  })

  it('is for the branch head only', async () => {
    const { wrapper } = await mountWithApp(BalanceImportView, { staff: branch.wang })
    expect(wrapper.find('[data-testid="import-only-head"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="import-choose"]').exists()).toBe(false)
  })
})
