/**
 * Word lists the demo branch generator draws from: surnames with rough real frequencies (2020
 * census shares, per 10,000), given names by generation and sex, occupations by age, outlets of the
 * fictional 滨江分行. Plain data; the generator decides how to use it.
 */
import type { BranchGroup } from '@/domain/model/records'

export type Weighted<T> = readonly [value: T, weight: number]

export const COMMON_SURNAMES: readonly Weighted<string>[] = [
  ['王', 710], ['李', 700], ['张', 670], ['刘', 540], ['陈', 460], ['杨', 310], ['黄', 230], ['赵', 220],
  ['吴', 200], ['周', 190], ['徐', 150], ['孙', 150], ['马', 140], ['朱', 130], ['胡', 130], ['郭', 120],
  ['何', 120], ['林', 110], ['高', 110], ['罗', 110], ['郑', 100], ['梁', 90], ['谢', 80], ['宋', 80],
  ['唐', 80], ['许', 70], ['韩', 70], ['冯', 70], ['邓', 70], ['曹', 70], ['彭', 60], ['曾', 60],
  ['肖', 60], ['田', 60], ['董', 50], ['袁', 50], ['潘', 50], ['于', 50], ['蒋', 50], ['蔡', 50],
  ['余', 50], ['杜', 50], ['叶', 40], ['程', 40], ['苏', 40], ['魏', 40], ['吕', 40], ['丁', 40],
  ['任', 40], ['沈', 40], ['姚', 40], ['卢', 40], ['姜', 30], ['崔', 30], ['钟', 30], ['谭', 30],
  ['陆', 30], ['汪', 30], ['范', 30], ['金', 30], ['石', 30], ['廖', 30], ['贾', 30], ['夏', 30],
  ['韦', 30], ['方', 30], ['白', 30], ['邹', 30], ['孟', 30], ['熊', 30], ['秦', 30], ['邱', 30],
  ['江', 30], ['尹', 30], ['薛', 20], ['闫', 20], ['段', 20], ['雷', 20], ['侯', 20], ['龙', 20],
  ['史', 20], ['陶', 20], ['黎', 20], ['贺', 20], ['顾', 20], ['毛', 20], ['郝', 20], ['龚', 20],
  ['邵', 20], ['万', 20], ['钱', 20], ['严', 20], ['覃', 20], ['武', 20], ['戴', 20], ['莫', 20],
  ['孔', 20], ['向', 20], ['汤', 20], ['褚', 10], ['卫', 10], ['单', 10], ['解', 5], ['仇', 5],
  ['查', 5], ['朴', 5],
]

/** Far rarer in life than the demo's 3%: they are there so staff see names split and greeted whole. */
export const COMPOUND_SURNAMES_IN_USE: readonly Weighted<string>[] = [
  ['欧阳', 40], ['司马', 8], ['上官', 8], ['诸葛', 6], ['东方', 6], ['皇甫', 5], ['慕容', 4], ['令狐', 4],
  ['夏侯', 4], ['尉迟', 3], ['公孙', 4], ['长孙', 3], ['宇文', 3], ['司徒', 6], ['端木', 4], ['独孤', 2],
  ['南宫', 3], ['西门', 3],
]

export type Generation = 'older' | 'middle' | 'younger'

/** Given names by the generation they are typical of; single characters are common among them. */
export const GIVEN_NAMES: Record<Generation, { M: readonly string[]; F: readonly string[] }> = {
  older: {
    M: ['建国', '建华', '国强', '志强', '建军', '国庆', '卫东', '振华', '德明', '永胜', '红军', '秋生', '长江', '海军', '建平',
      '国平', '福生', '金山', '志刚', '宝山', '援朝', '连生', '树林', '有才', '德胜', '春生', '玉林', '根生', '富贵', '刚'],
    F: ['秀英', '桂英', '玉兰', '桂兰', '淑珍', '凤英', '秀兰', '素珍', '淑英', '玉梅', '桂芳', '秀珍', '美华', '红梅', '丽华',
      '淑华', '翠英', '彩霞', '月娥', '金凤', '爱华', '玉珍', '春梅', '冬梅', '秀梅', '凤兰', '瑞芳', '素芬', '兰英', '惠珍'],
  },
  middle: {
    M: ['伟', '磊', '勇', '军', '涛', '斌', '强', '鹏', '志伟', '海涛', '建伟', '晓东', '俊杰', '文斌', '立新', '小龙', '海峰',
      '振宇', '晓峰', '志勇', '明辉', '国华', '永刚', '剑锋', '春雷', '宏伟', '德华', '家明', '海波', '晓明', '东升'],
    F: ['敏', '静', '丽', '芳', '娟', '艳', '丽娟', '海燕', '晓燕', '艳红', '丽丽', '雪梅', '晓红', '春燕', '丽萍', '红霞',
      '晓丽', '秀云', '美玲', '丽君', '小红', '文静', '晓霞', '燕萍', '慧敏', '婷婷', '丹丹', '莉莉', '晶晶', '雪'],
  },
  younger: {
    M: ['浩然', '子轩', '宇航', '俊熙', '梓豪', '浩宇', '一鸣', '子豪', '天宇', '思远', '博文', '皓轩', '宇轩', '俊宇', '嘉豪',
      '明轩', '煜', '晨', '昊', '睿', '浩', '泽宇', '鑫', '哲', '奕辰', '景行', '铭泽', '文博', '乐天', '乐'],
    F: ['欣怡', '梓涵', '诗涵', '雨萱', '可馨', '子涵', '梦瑶', '佳怡', '思彤', '雨彤', '一诺', '语嫣', '紫涵', '若曦', '欣然',
      '梓萱', '佳琪', '思雨', '晓彤', '心怡', '婧', '琪', '瑶', '悦', '萱', '雯', '璐', '颖', '诗琪', '雅琪'],
  },
}

export function generationOfAge(age: number): Generation {
  if (age >= 55) return 'older'
  if (age >= 35) return 'middle'
  return 'younger'
}

/** Age bands of the branch's clients: a decent elderly share (≥ 65: 15%), since the lobby cares for them. */
export const AGE_BANDS: readonly Weighted<readonly [number, number]>[] = [
  [[18, 24], 9], [[25, 34], 20], [[35, 44], 20], [[45, 54], 18], [[55, 64], 18], [[65, 74], 9], [[75, 90], 6],
]

export interface Occupation {
  name: string
  tags: readonly string[]
  /** Paid through the bank more often than not (代发工资). */
  salaried: boolean
  /** The form of address some of them prefer: surname + suffix (王总, 李老师). */
  addressAs?: { suffix: string; chance: number }
}

const OCCUPATIONS = {
  student: { name: '学生', tags: [], salaried: false },
  employee: { name: '企业职员', tags: [], salaried: true },
  engineer: { name: '工程师', tags: [], salaried: true },
  teacher: { name: '教师', tags: ['教师'], salaried: true, addressAs: { suffix: '老师', chance: 0.7 } },
  doctor: { name: '医生', tags: ['医护'], salaried: true, addressAs: { suffix: '医生', chance: 0.6 } },
  nurse: { name: '护士', tags: ['医护'], salaried: true },
  civilServant: { name: '公务员', tags: [], salaried: true },
  accountant: { name: '会计', tags: [], salaried: true },
  sales: { name: '销售', tags: [], salaried: true },
  owner: { name: '企业主', tags: ['商户'], salaried: false, addressAs: { suffix: '总', chance: 0.9 } },
  shopkeeper: { name: '个体工商户', tags: ['商户'], salaried: false, addressAs: { suffix: '老板', chance: 0.3 } },
  freelancer: { name: '自由职业', tags: [], salaried: false },
  driver: { name: '司机', tags: [], salaried: true },
  farmer: { name: '农民', tags: [], salaried: false },
  lawyer: { name: '律师', tags: [], salaried: false, addressAs: { suffix: '律师', chance: 0.6 } },
  courier: { name: '快递员', tags: [], salaried: true },
  retired: { name: '退休', tags: ['退休'], salaried: false },
} satisfies Record<string, Occupation>

export const BUSINESS_OWNER: Occupation = OCCUPATIONS.owner

/** Occupations by the youngest age they apply from, most specific band first. */
export const OCCUPATIONS_BY_AGE: readonly { fromAge: number; occupations: readonly Weighted<Occupation>[] }[] = [
  { fromAge: 65, occupations: [[OCCUPATIONS.retired, 88], [OCCUPATIONS.farmer, 7], [OCCUPATIONS.owner, 3], [OCCUPATIONS.shopkeeper, 2]] },
  {
    fromAge: 60,
    occupations: [[OCCUPATIONS.retired, 60], [OCCUPATIONS.shopkeeper, 12], [OCCUPATIONS.farmer, 10], [OCCUPATIONS.owner, 6],
      [OCCUPATIONS.doctor, 4], [OCCUPATIONS.teacher, 4], [OCCUPATIONS.driver, 4]],
  },
  {
    fromAge: 23,
    occupations: [[OCCUPATIONS.employee, 28], [OCCUPATIONS.shopkeeper, 10], [OCCUPATIONS.engineer, 8], [OCCUPATIONS.sales, 8],
      [OCCUPATIONS.teacher, 6], [OCCUPATIONS.freelancer, 6], [OCCUPATIONS.civilServant, 5], [OCCUPATIONS.owner, 5], [OCCUPATIONS.driver, 5],
      [OCCUPATIONS.accountant, 4], [OCCUPATIONS.farmer, 4], [OCCUPATIONS.doctor, 3], [OCCUPATIONS.nurse, 3], [OCCUPATIONS.courier, 2],
      [OCCUPATIONS.lawyer, 1]],
  },
  { fromAge: 18, occupations: [[OCCUPATIONS.student, 50], [OCCUPATIONS.employee, 30], [OCCUPATIONS.sales, 10], [OCCUPATIONS.freelancer, 10]] },
]

/** Reasons a branch designates a supporting client as VIP (优质客户认定). */
export const DESIGNATION_REASONS: readonly string[] = [
  '代发工资单位负责人',
  '电子银行重点客户',
  '理财产品长期签约客户',
  '长期支持网点存款业务',
  '网点重点合作商户',
]

/** Issuing regions of resident IDs: mostly the city's own districts, some from other provinces. */
export const ID_REGIONS: readonly Weighted<string>[] = [
  ['330102', 16], ['330105', 14], ['330106', 16], ['330108', 20], ['330109', 8], ['330110', 6],
  ['340104', 4], ['360102', 3], ['410105', 3], ['510104', 3], ['320106', 2], ['430102', 2], ['420106', 2], ['350102', 1],
]

export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '166', '173', '177', '180', '181', '182', '183', '186', '187', '188', '189', '191', '199',
]

export const REGION = { code: 'BJ', name: '滨江分行', city: '滨江市', areaCode: '0571' } as const

export const OWN_BRANCH = { code: 'BJ001', name: '城东支行', group: 'backbone' as BranchGroup, address: '滨江市城东区建设路88号' } as const

export const DISTRICTS: readonly string[] = ['城东区', '城西区', '江南区', '高新区', '滨湖区', '北湾区']

export const ROADS: readonly string[] = ['建设路', '人民路', '解放路', '和平路', '文化路', '新华路', '长江路', '滨湖路', '科技大道', '东湖路']

/** The region's other outlets: 分理处 are the small ones. */
export const OTHER_OUTLETS: readonly string[] = [
  '人民广场支行', '武林支行', '湖滨支行', '钱塘支行', '延安路支行', '江滨路支行', '高新区支行', '望湖分理处', '西湖大道支行',
  '科技城支行', '滨盛路支行', '长河支行', '浦沿支行', '西兴支行', '江南大道支行', '东信大道支行', '白马湖支行', '奥体中心支行',
  '江陵路分理处', '六和路分理处', '滨和路支行', '聚才路分理处', '月明路分理处', '物联网街支行', '火炬大道支行', '铁岭花园分理处',
  '冠山路分理处', '闻涛路支行', '湘湖支行', '开发区支行', '城厢支行', '北干支行', '新塘支行', '宁围支行', '金城路支行',
  '市心路支行', '解放路支行', '中山路分理处', '庆春路支行', '凤起路分理处', '南山路分理处', '文三路支行', '文一路支行',
  '学院路支行', '古墩路支行', '三墩支行', '留下支行', '转塘支行', '之江支行', '九堡支行', '下沙支行', '乔司支行', '临平支行',
  '良渚支行', '仓前支行', '闲林分理处', '五常分理处', '勾庄分理处', '瓶窑分理处', '东湖路分理处',
]

/** The largest outlets (龙头); the rest are drawn among the other groups. */
export const FLAGSHIP_OUTLETS: readonly string[] = ['人民广场支行', '武林支行', '湖滨支行', '钱塘支行', '延安路支行']

export const BRANCH_GROUP_WEIGHTS: { branch: readonly Weighted<BranchGroup>[]; subBranch: readonly Weighted<BranchGroup>[] } = {
  branch: [['backbone', 40], ['advancing', 35], ['potential', 25]],
  subBranch: [['advancing', 40], ['potential', 60]],
}
