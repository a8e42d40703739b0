/**
 * Words the rule-based reader looks for in free text: how experts in villages name places,
 * counts of people, kinds of activity, outcomes and job titles. Regex fragments, no flags.
 */

/** A Han character that is not one of the function words or verbs that end a name (给, 在, 开展…). */
export const hanExcept = (stop: string, words: readonly string[] = []): string =>
  `(?:(?![${stop}]${words.length ? `|${words.join('|')}` : ''})[\\u4e00-\\u9fa5])`;

/** Characters that never occur inside a place name in these reports but right after one. */
export const PLACE_STOP = '给为与跟对在到了的是把被让共有从等及展讲培训指导举办召织参加帮扶走访户民现察看里边旁';

/** Verbs that follow a place ("石人沟村接受村民咨询"); as words, so 接山镇 and 受禄村 stay names. */
export const PLACE_STOP_WORDS = ['接受', '接待', '开展', '召开', '举办', '组织', '进行', '参加', '看了'];

/** Administrative units, deepest last; a place is a chain of units, each deeper than the one before. */
export const ADMIN_LEVEL: ReadonlyMap<string, number> = new Map([
  ['省', 1],
  ['自治区', 1],
  ['州', 2],
  ['盟', 2],
  ['地区', 2],
  ['市', 2.5],
  ['县', 3],
  ['区', 3],
  ['旗', 3],
  ['乡', 4],
  ['镇', 4],
  ['街道', 4],
  ['苏木', 4],
  ['村', 5],
  ['社区', 5],
  ['屯', 5],
  ['嘎查', 5],
  // Villages of the North China plain often have no 村: 王家庄, 刘家峪, 李寨, 马堡.
  ['庄', 5],
  ['寨', 5],
  ['堡', 5],
  ['峪', 5],
]);

/** Buildings and sites after a place (光东村村委会, 松江镇政府会议室, 光东村水稻基地). */
export const FACILITIES = [
  '村委会',
  '村部',
  '村委',
  '文化大院',
  '大院',
  '会议室',
  '礼堂',
  '广场',
  '活动室',
  '活动中心',
  '文化室',
  '文化站',
  '基地',
  '合作社',
  '农技站',
  '推广站',
  '推广中心',
  '服务中心',
  '中心',
  '小学',
  '中学',
  '学校',
  '养殖场',
  '养殖小区',
  '园区',
  '示范园',
  '产业园',
  '政府',
  '卫生院',
  '站',
  '局',
  '公司',
  '林场',
  '农场',
  '果园',
  '敬老院',
];
export const FACILITY_STOP = `${PLACE_STOP}和两几个些`;

/** Words before a place: 在光东村, 到光明村, 去了一趟长安镇, 赴…, 于…. */
export const LOCATIVE = /(?:来到|前往|深入|走进|在|到|去|赴|于)(?:了一趟|一趟|了)?/g;

/** A number in Chinese numerals; bounded, so a long run of numerals costs each pattern linear time, not quadratic. */
export const CN_NUM = '[零〇一二两三四五六七八九十百千万]{1,12}';
/** A number in digits, bounded for the same reason. */
export const DIGITS = '\\d{1,9}';

/** Who a count of people names: 45个农户, 参加村民32人, 12户种植户, 师生120人. */
export const PERSON_NOUN =
  '(?:人次|户人家|人|户|名|位|农户|村民|群众|学员|农民|贫困户|养殖户|种植户|果农|林农|居民|师生|社员|老人|学生|小学生|孩子|妇女|党员|干部|代表|人员|农技人员)';

/** Kinds of activity and the words that show them. `exact` keywords are the ledger's own choices. */
export interface FormKeyword {
  form: string;
  re: RegExp;
  /** Shown as a guess to confirm rather than taken as said. */
  weak?: boolean;
  /** For 其他: the words kept after "其他：". */
  other?: true;
}

export const FORM_KEYWORDS: readonly FormKeyword[] = [
  { form: '项目对接', re: /对接|签约|洽谈|招商/g },
  { form: '项目对接', re: /订单|产销|收购/g, weak: true },
  { form: '科普讲座', re: /讲座|科普/g },
  { form: '咨询服务', re: /咨询|答疑|义诊|问诊/g },
  { form: '咨询服务', re: /解答/g, weak: true },
  { form: '现场指导', re: /指导|现场会|田间|地头|现场示范/g },
  { form: '现场指导', re: /示范|察看|查看|看了看/g, weak: true },
  { form: '技术培训', re: /培训|讲授|授课|讲了|讲解/g },
  { form: '技术培训', re: /讲(?!座)|上课|一[堂节].{0,12}课|教了|教村民|教农户/g, weak: true },
  { form: '其他', re: /座谈会|(?:入户)?走访|(?:现场)?观摩|调研/g, other: true },
];

/** Clauses that tell how it went: 大家挺满意的, 发放资料60份, 签订协议2份, 反响很好. */
export const EFFECT_WORDS =
  // prettier-ignore
  new RegExp([
    '满意|反映|反响|好评|效果|受益|欢迎|掌握|学会|学到|收获|认可|积极|热情|热烈|踊跃|开心|高兴|表示|兴趣|实用|解决',
    '达成|签订|签了|签约|发放|发了|合格|开通|卖出|提高|增收|触动|启发|响应|听得懂|用得上|认真|完成|成活率|满意率|解答问题|谈成|一致',
  ].join('|'));

/** Professional titles (职称), longest first so 副研究员 wins over 研究员. */
export const TITLES = [
  '正高级农艺师',
  '推广研究员',
  '高级农艺师',
  '助理农艺师',
  '高级畜牧师',
  '高级兽医师',
  '助理研究员',
  '高级工程师',
  '助理工程师',
  '高级实验师',
  '副主任医师',
  '高级经济师',
  '高级讲师',
  '高级农技师',
  '农民技术员',
  '执业兽医',
  '主任医师',
  '主治医师',
  '副研究员',
  '副教授',
  '研究员',
  '农艺师',
  '畜牧师',
  '兽医师',
  '工程师',
  '实验师',
  '经济师',
  '农技师',
  '农技员',
  '技术员',
  '教授',
  '讲师',
  '助教',
  '医师',
];

/** What an organisation's name ends with (单位). */
export const ORG_SUFFIX =
  '(?:大学|学院|研究院|研究所|科学院|农科院|推广中心|推广站|服务中心|农技站|畜牧站|水产站|林业站|兽医站|站|局|科协|委员会|中心|公司|合作社|医院|学校|协会|学会)';
