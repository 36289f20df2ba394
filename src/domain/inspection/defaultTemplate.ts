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

const SHEET: NewRecord<InspectionTemplate> = {
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

/** The sheet in English, for the English screens (the Chinese text is the sheet of record). */
const ENGLISH: Record<string, string> = {
  A: 'Branch environment',
  A1: 'Door signs, name plate and opening-hours plate complete, visible, clean and undamaged; hours distinguish weekdays/holidays and corporate/personal',
  A2: 'Frontage and outside area tidy, no clutter or fly-posting, vehicles parked in order',
  A3: 'External electronic/LED display working, its content compliant and current',
  A4: 'Hall floor, walls, doors, windows and counters clean and undamaged; no clutter or personal items in the clients’ view',
  A5: 'Comfortable temperature, fresh air, bright light, healthy plants, no broken lamps',
  A6: 'Zones (cash, non-cash, self-service, wealth, waiting) and counter signs clearly marked',
  A7: 'Leaflets and posters neatly displayed, none out of date',
  B: 'Service facilities and public notices',
  B1: 'Queue machine, form desk, note counter and e-receipt box working; a notice and a repair request when broken',
  B2: 'Self-service machines working; 24-hour area light box, instructions and safety notices complete',
  B3: 'Amenities complete and usable: water, reading glasses, first-aid kit, priority seats, step-free access and help phone',
  B4: 'Notices accurate and current: fees, interest/exchange rates, complaint procedure and number, damaged-note exchange rules',
  B5: '“CCTV in operation” and “No smoking” signs visible; comment book/rating device in a prominent place',
  C: 'Appearance and conduct',
  C1: 'Seasonal uniform, clean and pressed, staff badge on the left chest',
  C2: 'Hair, make-up, jewellery and nails to the standard (light make-up, no beards, no coloured nail polish)',
  C3: 'Upright posture, smiling; no leaning, hands on hips, folded arms, hands in pockets or crossed legs',
  C4: 'No phones, eating, chatting or leaving the post during opening hours; nothing unrelated to work',
  C5: 'Counter top tidy, items in their places, no personal items in the clients’ view',
  D: 'Counter service standards',
  D1: 'Opens on time, counter staff in place early; clients told and apologised to if opening is delayed',
  D2: 'Raises a hand after calling a number, makes eye contact, greets “您好”',
  D3: 'Uses the courtesy words (hello, please, thank you, sorry, goodbye) and the client’s surname',
  D4: 'Hands over forms, documents and cash with both hands; points to where to sign',
  D5: 'Counts cash aloud in and out and points the client to the note counter’s display',
  D6: 'Puts up the “service paused” sign and apologises when leaving the counter; thanks the client on return',
  D7: 'Serves one, acknowledges the next, greets the third: nods to waiting clients, asks them to wait or sends them to the lobby',
  D8: 'Asks once more when done, reminds the client to take their belongings, says goodbye with a smile',
  D9: 'Skilled and accurate; explains the process and fees unprompted',
  D10: 'No forbidden phrases (“what do you want”, “next”, “give me your ID”); never shirks or makes things hard for clients',
  E: 'Lobby management and triage',
  E1: 'Lobby or operations manager on duty, standing to greet and welcoming arriving clients',
  E2: 'Asks what clients need and directs them to cash/non-cash/self-service/wealth; helps take a ticket and fill in forms',
  E3: 'Watches waiting clients and keeps the queue in order; opens more windows or sends clients to self-service when busy',
  E4: 'Elderly, sick, disabled, pregnant and VIP clients served first or escorted',
  E5: 'Security and third-party staff on duty, properly dressed, supporting the lobby',
  F: 'Marketing and referrals',
  F1: 'Tellers use quiet moments for a one-line offer, spot prospects and refer them to the lobby or a customer manager',
  F2: 'Low-counter and wealth staff explain the current featured products accurately, with their risks',
  F3: 'Marketing material compliant, wealth products’ risk warnings visible, no expired campaigns',
  G: 'Operating rules and consumer protection',
  G1: 'Clients’ identity and documents verified as required',
  G2: 'Client data kept confidential: screens, forms and vouchers not exposed, discarded forms handled as required',
  G3: 'Fees charged as published, no improper fees',
  G4: 'Cash paid in and out properly, damaged notes exchanged to the standard',
  H: 'Client feedback and complaints',
  H1: 'Comment book/rating device has entries and replies; recent comments dealt with',
  H2: 'Objections and complaints on the spot taken up promptly and patiently explained, no arguing, reported on time',
  H3: 'Ask 1–2 clients at random: satisfied 3 / mostly satisfied 1.5 / dissatisfied 0',
  V1: 'Quarrelling with, abusing or physically confronting a client',
  V2: 'Refusing cash, or refusing or passing on a client’s business without good reason',
  V3: 'Disclosing client data, or signing or operating on a client’s behalf against the rules',
  V4: 'Closing during opening hours without permission, or every window unstaffed with no notice',
  V5: 'Falsifying, interfering with or obstructing the inspection',
  V6: 'A verified complaint that reached the media or caused negative publicity',
}
const ENGLISH_LEVELS: Record<string, string> = { 满意: 'Satisfied', 基本满意: 'Mostly satisfied', 不满意: 'Dissatisfied' }

/**
 * The shipped sheet's record id, the same on every terminal: terminals that install it on their own
 * (offline, before any sheet has arrived from the region) make one record between them, not one each.
 */
export const SHIPPED_TEMPLATE_ID = '5f0c2e7a-9b41-4d3e-8a6c-1e2b3c4d5e6f'

export const DEFAULT_INSPECTION_TEMPLATE: NewRecord<InspectionTemplate> = {
  ...SHEET,
  sections: SHEET.sections.map((section) => ({
    ...section,
    titleEn: ENGLISH[section.code],
    items: section.items.map((item) => ({ ...item, textEn: ENGLISH[item.code], ...(item.levels ? { levels: item.levels.map((level) => ({ ...level, labelEn: ENGLISH_LEVELS[level.label] })) } : {}) })),
  })),
  vetoes: SHEET.vetoes.map((veto) => ({ ...veto, textEn: ENGLISH[veto.code] })),
}
