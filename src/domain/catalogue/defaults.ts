/**
 * The product catalogue (产品计分表) and bundle rules a new branch starts with, from the seed's
 * low-counter bundling and segment advice (DOMAIN.md, job 3). All of it is data the branch edits;
 * no rule in the code depends on these particular products.
 *
 * Points are per unit sold and weigh effort and value: a loan or an insurance policy earns far
 * more than an SMS-alert sign-up.
 */
import type { NewRecord } from '../model/base'
import type { BundleRule, Product, Segment } from '../model/records'

const ALL_SEGMENTS: Segment[] = ['mass', 'mid', 'high']
const MID_AND_HIGH: Segment[] = ['mid', 'high']
const CATALOGUE_START = '2024-01-01'

type ProductDefaults = Omit<NewRecord<Product>, 'activeFrom' | 'activeTo'>

function product(fields: ProductDefaults): NewRecord<Product> {
  return { ...fields, activeFrom: CATALOGUE_START, activeTo: null }
}

export const DEFAULT_PRODUCTS: readonly NewRecord<Product>[] = [
  // Loans: the anchors of the seed's bundles.
  product({ code: 'LOAN_BUSINESS', nameZh: '个人助业贷款', nameEn: 'Personal business loan', category: 'loan', points: 80, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 18, maxAge: 60 }),
  product({ code: 'LOAN_MORTGAGE', nameZh: '个人住房贷款', nameEn: 'Housing mortgage', category: 'loan', points: 100, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 18, maxAge: 65 }),
  product({ code: 'LOAN_SALARY', nameZh: '随薪贷', nameEn: 'Salary-backed loan', category: 'loan', points: 40, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 18, maxAge: 60 }),
  // Cards
  product({ code: 'CARD_STAFF_MERCHANT', nameZh: '员工卡/商户卡', nameEn: 'Staff / merchant card', category: 'card', points: 8, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 18, maxAge: null }),
  product({ code: 'CARD_CREDIT', nameZh: '信用卡', nameEn: 'Credit card', category: 'card', points: 15, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 18, maxAge: 65 }),
  product({ code: 'CARD_DEBIT', nameZh: '借记卡', nameEn: 'Debit card', category: 'card', points: 5, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 16, maxAge: null }),
  // Payment acceptance for business clients
  product({ code: 'PAY_TRANSFER_PHONE', nameZh: '转账电话', nameEn: 'Transfer phone terminal', category: 'payment', points: 20, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 18, maxAge: null }),
  product({ code: 'PAY_POS', nameZh: 'POS 收单', nameEn: 'POS terminal', category: 'payment', points: 30, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 18, maxAge: null }),
  // Electronic banking
  product({ code: 'EB_SMS', nameZh: '短信通', nameEn: 'SMS alerts', category: 'e_banking', points: 2, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 16, maxAge: null }),
  product({ code: 'EB_ONLINE', nameZh: '网上银行', nameEn: 'Online banking', category: 'e_banking', points: 5, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 16, maxAge: null }),
  product({ code: 'EB_MOBILE', nameZh: '手机银行', nameEn: 'Mobile banking', category: 'e_banking', points: 5, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 16, maxAge: null }),
  // Deposits
  product({ code: 'DEP_NOTICE', nameZh: '本外币通知存款', nameEn: 'Call deposit (RMB and foreign currency)', category: 'deposit', points: 10, riskLevel: null, eligibleSegments: MID_AND_HIGH, minAge: 16, maxAge: null }),
  product({ code: 'DEP_PASSBOOK', nameZh: '本外币一本通', nameEn: 'All-in-one passbook', category: 'deposit', points: 3, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 16, maxAge: null }),
  // Wealth, funds and insurance carry a risk level (R1–R5) matched against the client's rating.
  product({ code: 'WM_LIDEYING', nameZh: '利得盈理财产品', nameEn: 'Lideying wealth product', category: 'wealth', points: 20, riskLevel: 'R2', eligibleSegments: MID_AND_HIGH, minAge: 18, maxAge: null }),
  product({ code: 'FUND_BOND', nameZh: '稳健债券基金', nameEn: 'Steady bond fund', category: 'fund', points: 15, riskLevel: 'R2', eligibleSegments: ALL_SEGMENTS, minAge: 18, maxAge: null }),
  product({ code: 'FUND_BALANCED', nameZh: '平衡配置混合基金', nameEn: 'Balanced hybrid fund', category: 'fund', points: 18, riskLevel: 'R3', eligibleSegments: ALL_SEGMENTS, minAge: 18, maxAge: null }),
  product({ code: 'FUND_EQUITY', nameZh: '成长精选股票基金', nameEn: 'Growth equity fund', category: 'fund', points: 20, riskLevel: 'R4', eligibleSegments: MID_AND_HIGH, minAge: 18, maxAge: 70 }),
  product({ code: 'INS_ACCIDENT', nameZh: '借款人意外伤害保险', nameEn: "Borrower's accident insurance", category: 'insurance', points: 25, riskLevel: 'R1', eligibleSegments: ALL_SEGMENTS, minAge: 18, maxAge: 65 }),
  product({ code: 'INS_PARTICIPATING', nameZh: '分红型终身寿险', nameEn: 'Participating whole-life insurance', category: 'insurance', points: 50, riskLevel: 'R2', eligibleSegments: MID_AND_HIGH, minAge: 18, maxAge: 60 }),
  // Agency business (代理业务): bill payment and the like, for everyday mass clients.
  product({ code: 'AGENCY_BILL_PAY', nameZh: '代理缴费业务', nameEn: 'Bill-payment agency service', category: 'agency', points: 3, riskLevel: null, eligibleSegments: ALL_SEGMENTS, minAge: 16, maxAge: null }),
]

/** The seed's bundles: what to offer a client who has, or applies for, the anchor product. */
export const DEFAULT_BUNDLE_RULES: readonly NewRecord<BundleRule>[] = [
  {
    anchorCode: 'LOAN_BUSINESS',
    bundleCodes: ['CARD_STAFF_MERCHANT', 'CARD_CREDIT', 'PAY_TRANSFER_PHONE', 'PAY_POS'],
    reasonZh: '办理个人助业贷款的客户',
    reasonEn: 'Has a personal business loan',
    version: 1,
    active: 1,
  },
  {
    anchorCode: 'LOAN_MORTGAGE',
    bundleCodes: ['EB_SMS', 'FUND_BOND', 'FUND_EQUITY', 'INS_ACCIDENT'],
    reasonZh: '办理住房贷款的客户',
    reasonEn: 'Has a mortgage',
    version: 1,
    active: 1,
  },
  {
    anchorCode: 'LOAN_SALARY',
    bundleCodes: ['EB_ONLINE', 'EB_MOBILE'],
    reasonZh: '办理随薪贷的客户',
    reasonEn: 'Has a salary-backed loan',
    version: 1,
    active: 1,
  },
]

/** Differentiated marketing: what to recommend by segment when no anchor product applies. */
export const SEGMENT_RECOMMENDATIONS: Record<Segment, string[]> = {
  high: ['DEP_NOTICE', 'WM_LIDEYING', 'CARD_CREDIT'],
  mid: ['DEP_NOTICE', 'WM_LIDEYING', 'CARD_CREDIT'],
  mass: ['DEP_PASSBOOK', 'CARD_DEBIT', 'AGENCY_BILL_PAY'],
}
