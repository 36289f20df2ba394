/**
 * The default 《窗口服务检查计分表》 (template v1), transcribed from the shipped score sheet
 * (shared/inspection-template.md): 8 sections, 42 items, 100 points. Everything here is data the
 * template editor may change; no code depends on these particular items.
 *
 * Rules: ALL takes the item's whole max on any failure; PER deducts `perOccurrence` each time,
 * down to zero; GRADE keeps the points of the level observed.
 */
import type { NewRecord } from '../model/base'
import type { InspectionTemplate, TemplateItem } from '../model/records'

interface ItemOptions {
  /** The facility may not exist (no screen, no self-service area…). */
  na?: boolean
  /** A deduction needs at least one photo (📷 on the sheet). */
  photo?: boolean
}

function per(code: string, text: string, max: number, perOccurrence: number, options: ItemOptions = {}): TemplateItem {
  return { code, text, max, rule: 'PER', perOccurrence, allowNotApplicable: options.na ?? false, photoRequired: options.photo ?? false }
}

function all(code: string, text: string, max: number, options: ItemOptions = {}): TemplateItem {
  return { code, text, max, rule: 'ALL', allowNotApplicable: options.na ?? false, photoRequired: options.photo ?? false }
}

export const DEFAULT_INSPECTION_TEMPLATE: NewRecord<InspectionTemplate> = {
  code: 'WINDOW_SERVICE',
  version: 1,
  name: '窗口服务检查计分表',
  sections: [
    {
      code: 'A',
      title: '网点环境',
      items: [
        per('A1', '门楣标牌、机构名称牌、营业时间牌齐全醒目,清洁无破损;营业时间牌区分工作日/节假日、对公/对私', 3, 1, { photo: true }),
        per('A2', '门前及外部管辖区域整洁,无杂物、无乱张贴,车辆停放有序', 2, 1, { photo: true }),
        all('A3', '对外电子显示屏/LED正常显示,宣传内容合规、无过期', 2, { na: true, photo: true }),
        per('A4', '营业厅地面、墙面、门窗、柜台干净无污渍、无损毁;客户视线内无杂物、无私人物品', 3, 0.5, { photo: true }),
        per('A5', '温度适宜、空气清新、光线明亮,绿植常绿、无破损灯具', 2, 0.5),
        per('A6', '功能分区(现金、非现金、自助、理财、等候)及柜台业务标识清晰', 2, 0.5),
        per('A7', '宣传折页、海报摆放整齐,无过期宣传品', 2, 0.5),
      ],
    },
    {
      code: 'B',
      title: '服务设施与信息公示',
      items: [
        per('B1', '叫号机、填单台、点钞机、电子回单箱等正常运行;故障时有告示并报修', 2, 1),
        per('B2', '自助设备运行正常,24小时自助区灯箱、操作提示、安全提示齐全', 2, 1, { na: true, photo: true }),
        per('B3', '便民设施齐全可用:饮水、老花镜、急救药箱、爱心座椅、无障碍通道及求助电话', 2, 0.5),
        per('B4', '公示牌准确并实时更新:服务收费标准、利率/汇率、投诉处理流程及电话、残损币兑换标准', 2, 1, { photo: true }),
        per('B5', '"您已进入监控区域""禁止吸烟"提示醒目;意见簿/评价器摆放在显著位置', 2, 0.5),
      ],
    },
    {
      code: 'C',
      title: '仪容仪表与行为举止',
      items: [
        per('C1', '按季节统一着行服,整洁平整,工号牌佩戴于左胸', 3, 1),
        per('C2', '发型、妆容、饰物、指甲符合规范(女士淡妆、男士不留胡须,不涂彩色指甲油)', 2, 0.5),
        per('C3', '站姿坐姿端正,面带微笑;无倚靠、叉腰、抱臂、手插口袋、跷二郎腿', 2, 0.5),
        per('C4', '营业时间不玩手机、不吃东西、不闲聊、不串岗,不做与工作无关的事', 3, 1),
        per('C5', '柜面台面整洁,物品定位摆放,客户视线内无私人物品', 2, 0.5),
      ],
    },
    {
      code: 'D',
      title: '柜面服务规范',
      items: [
        all('D1', '准时开门营业,临柜人员提前到岗;确不能按时营业的向等候客户说明并致歉', 2),
        per('D2', '叫号后举手示意,目光交流,主动问候"您好"', 3, 1),
        per('D3', '使用十字文明用语("您好、请、谢谢、对不起、再见"),尊称客户姓氏', 3, 1),
        per('D4', '双手递接单据、证件、现金;签字处手势指引', 2, 0.5),
        per('D5', '现金业务唱收唱付,提示客户关注点钞机显示屏', 3, 1, { na: true }),
        per('D6', '暂离柜台放置"暂停服务"牌并向客户致歉,回座致谢', 2, 1),
        per('D7', '接一安二招呼三:对等候客户点头示意、请其稍候或引导至大堂', 2, 0.5),
        per('D8', '办结后二次征询,提醒客户带齐物品,微笑道别', 2, 0.5),
        per('D9', '业务熟练、操作准确;主动解释业务流程及收费', 3, 1),
        per('D10', '不使用服务禁语("你办啥""下一个""把证件给我"),不推诿、不刁难客户', 2, 2),
      ],
    },
    {
      code: 'E',
      title: '大堂管理与引导分流',
      items: [
        per('E1', '大堂经理/营业经理在岗,站立迎候,主动问候来访客户', 3, 1),
        per('E2', '询问需求并引导分流至现金/非现金/自助/理财区,协助取号、指导填单', 3, 1),
        per('E3', '关注等候客户,维护排队秩序;等候人多时协调增开窗口或分流至自助', 2, 1),
        per('E4', '老弱病残孕及贵宾客户优先办理或专人引导', 2, 1),
        per('E5', '保安及第三方人员在岗、着装规范、配合大堂服务', 2, 1, { na: true }),
      ],
    },
    {
      code: 'F',
      title: '营销与转推介',
      items: [
        per('F1', '柜员利用业务间隙"一句话营销",识别潜在客户并转推介给大堂/客户经理', 3, 1),
        per('F2', '低柜/理财人员能准确介绍当期主推产品并提示风险', 3, 1, { na: true }),
        per('F3', '营销物料合规,理财产品风险提示醒目,无过期活动', 2, 1),
      ],
    },
    {
      code: 'G',
      title: '业务规范与消费者权益保护',
      items: [
        per('G1', '按规定核验客户身份及有效证件', 3, 1),
        per('G2', '客户信息保密:屏幕、单据、凭证不外露,废弃单据按规定处理', 3, 1),
        all('G3', '按公示标准收费,无违规收费', 2),
        all('G4', '现金收付正常,残损币按标准兑换', 2, { na: true }),
      ],
    },
    {
      code: 'H',
      title: '客户意见与投诉处理',
      items: [
        per('H1', '意见簿/评价器有登记、有回复,近期意见已处理', 2, 1),
        per('H2', '现场异议/投诉及时受理、耐心解释,不与客户争执,按时限上报', 3, 1.5, { na: true }),
        {
          code: 'H3',
          text: '随机访谈1–2名客户:满意 3 / 基本满意 1.5 / 不满意 0',
          max: 3,
          rule: 'GRADE',
          levels: [
            { label: '满意', points: 3 },
            { label: '基本满意', points: 1.5 },
            { label: '不满意', points: 0 },
          ],
          allowNotApplicable: false,
          photoRequired: false,
        },
      ],
    },
  ],
  vetoes: [
    { code: 'V1', text: '与客户争吵、辱骂或发生肢体冲突', level: 'visit' },
    { code: 'V2', text: '拒收现金,或无正当理由拒办、推诿客户业务', level: 'visit' },
    { code: 'V3', text: '泄露客户信息,或违规代客签字/代客操作', level: 'visit' },
    { code: 'V4', text: '营业时间内擅自停业、全部窗口无人且未告示', level: 'visit' },
    { code: 'V5', text: '检查期间弄虚作假、干扰或阻挠检查', level: 'visit' },
    { code: 'V6', text: '经核实的有效投诉造成媒体曝光或负面舆情', level: 'period' },
  ],
  // Deduction sheets cluster near 100, so the bands start high (a school-style 90 would rate almost every branch 优秀).
  gradeBands: [
    { grade: 'excellent', minScore: 95 },
    { grade: 'good', minScore: 85 },
    { grade: 'pass', minScore: 70 },
    { grade: 'fail', minScore: 0 },
  ],
  active: 1,
}
