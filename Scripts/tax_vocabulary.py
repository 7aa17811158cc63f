"""Shared Chinese tax-domain vocabulary for the Zhixun synthetic corpus.

The first half of this module is hand-written constants: real tax words,
Latin/digit tokens, common Han characters and document metadata values.
``REAL_WORDS`` order matters: words are listed roughly from most to least
frequent (function words first, then core tax terms, then specialised terms),
and Zipf ranks are assigned in exactly this order.

The second half builds the ranked ~60,000-word :class:`Vocabulary` (real
words plus generated 2–4 character pseudo-words) with Zipf weights and a fast
token sampler. ``gen_corpus.py`` and ``gen_queries.py`` both use
:func:`default_vocabulary`, which never depends on a corpus or query seed, so
every generated file shares one vocabulary. Standard library only.
"""

import functools
import itertools
import operator
import sys
from array import array
from dataclasses import dataclass
from random import Random

VOCAB_SEED = 20240601          # fixed: the vocabulary is the same for every --seed
VOCAB_SIZE = 60_000            # real words + pseudo-words (special tokens are extra)
ZIPF_EXPONENT = 1.0
SPECIAL_TOKEN_SHARE = 0.03     # share of body tokens that are digits/Latin
ALIAS_COLUMNS = 1 << 16        # alias table width; indexed by 16-bit random values
HAN_FIRST, HAN_LAST = "\u4e00", "\u9fff"

#: Function words and very common connectives; these take the top Zipf ranks.
FUNCTION_WORDS = (
    "的", "是", "在", "和", "按照", "规定", "可以", "应当", "对", "为", "与", "或者",
    "不", "有", "其", "及", "等", "并", "由", "将", "以", "中", "上", "下", "后",
    "前", "时", "可", "已", "未", "不得", "需要", "是否", "如何", "以及", "根据",
    "关于", "对于", "如果", "但是", "因此", "同时", "其中", "相关", "有关", "具体",
    "一般", "符合", "属于", "包括", "按", "向", "从", "至", "之", "所", "该", "本",
    "此", "每", "各", "其他", "以上", "以下", "之前", "之后", "期间", "当期",
)

#: Core tax vocabulary, most frequent first.
CORE_TAX_WORDS = (
    "纳税人", "税务机关", "增值税", "发票", "申报", "个人所得税", "企业所得税",
    "税款", "缴纳", "税率", "扣除", "抵扣", "进项税额", "销项税额", "小规模纳税人",
    "一般纳税人", "征收率", "电子税务局", "开具", "专用发票", "普通发票", "电子发票",
    "全电发票", "数电发票", "红字发票", "汇算清缴", "专项附加扣除", "应纳税额",
    "应纳税所得额", "收入", "所得", "成本", "费用", "纳税申报", "税收优惠", "减免",
    "免征", "减征", "退税", "留抵退税", "出口退税", "滞纳金", "罚款", "完税证明",
    "税务登记", "纳税信用", "代扣代缴", "扣缴义务人", "预缴", "清算", "核定征收",
    "查账征收", "税目", "计税依据", "销售额", "含税", "不含税", "价税合计", "税额",
    "开票", "作废", "冲红", "认证", "勾选", "确认", "抵扣凭证", "海关缴款书",
    "发票代码", "发票号码", "开票日期", "购买方", "销售方", "统一社会信用代码",
    "纳税人识别号", "税控设备", "金税盘", "税务Ukey", "开票软件", "办税服务厅",
    "自然人", "个体工商户", "小型微利企业", "高新技术企业", "分支机构", "总机构",
    "居民企业", "非居民企业", "合伙企业", "个人独资企业", "工资薪金", "劳务报酬",
    "稿酬所得", "特许权使用费", "经营所得", "利息股息红利", "财产转让所得",
    "偶然所得", "综合所得", "年终奖", "子女教育", "继续教育", "大病医疗", "住房贷款利息",
    "住房租金", "赡养老人", "婴幼儿照护", "个人养老金", "社会保险费", "住房公积金",
    "印花税", "契税", "房产税", "城镇土地使用税", "土地增值税", "车船税", "车辆购置税",
    "消费税", "关税", "资源税", "环境保护税", "城市维护建设税", "教育费附加",
    "地方教育附加", "附加税费", "文化事业建设费", "残疾人就业保障金", "财务报表",
    "会计核算", "账簿", "凭证", "记账", "税前扣除", "加计扣除", "研发费用",
    "固定资产", "无形资产", "折旧", "摊销", "资产损失", "亏损弥补", "跨年度",
    "所属期", "申报期限", "征期", "逾期", "延期申报", "延期缴纳", "分期缴纳",
    "税务稽查", "纳税评估", "风险提示", "税收协定", "常设机构", "受益所有人",
    "对外支付", "备案", "税务备案", "税收居民身份证明", "跨区域涉税事项",
    "外出经营", "报验登记", "注销", "税务注销", "清税证明", "变更登记", "停业",
    "复业", "非正常户", "解除", "信用修复", "失信", "黑名单", "重大税收违法",
    "偷税", "逃避追缴欠税", "骗取出口退税", "虚开", "虚开发票", "善意取得",
    "异常凭证", "失控发票", "转出", "进项转出", "视同销售", "混合销售", "兼营",
    "差额征税", "简易计税", "一般计税", "即征即退", "先征后退", "免抵退",
    "零税率", "免税", "不征税", "起征点", "免征额", "月销售额", "季度",
    "按月申报", "按季申报", "年度", "汇总纳税", "预缴申报", "年度申报",
    "个税App", "自然人电子税务局", "扣缴客户端", "单位", "员工", "雇主", "雇员",
    "劳动合同", "实习生", "退休人员", "外籍个人", "境外所得", "境内", "境外",
    "抵免", "税收抵免", "境外税款", "汇率", "人民币", "外币", "折算",
    "不动产", "建筑服务", "现代服务", "生活服务", "金融服务", "交通运输服务",
    "邮政服务", "电信服务", "销售货物", "加工修理修配", "无形资产转让",
    "租赁", "融资租赁", "经营租赁", "贷款服务", "直接收费金融服务", "保险服务",
    "旅客运输", "餐饮服务", "住宿服务", "文化体育服务", "教育医疗服务",
    "农产品", "收购发票", "计算抵扣", "核定扣除", "捐赠", "公益性捐赠",
    "职工福利费", "工会经费", "职工教育经费", "业务招待费", "广告费",
    "业务宣传费", "手续费", "佣金", "差旅费", "会议费", "招待", "补贴",
    "政府补助", "财政补贴", "不征税收入", "免税收入", "股权转让", "股权激励",
    "限售股", "分红", "股息", "利息", "资本公积", "转增股本", "清算所得",
    "重组", "特殊性税务处理", "一般性税务处理", "关联交易", "转让定价",
    "同期资料", "成本分摊", "预约定价", "反避税", "受控外国企业", "资本弱化",
    "纳税担保", "税收保全", "强制执行", "行政复议", "行政诉讼", "听证",
    "陈述申辩", "税务行政处罚", "首违不罚", "容错", "免罚清单", "告知",
    "税务文书", "送达", "电子送达", "办税", "网上办理", "掌上办", "一次办",
    "线上", "线下", "预约", "咨询", "12366纳税服务热线", "纳税服务",
    "政策解读", "答疑", "问答", "公告", "通知", "财税", "国家税务总局",
    "财政部", "税务局", "主管税务机关", "省税务局", "市税务局", "区税务局",
    "税务所", "征管", "征收管理法", "实施条例", "暂行条例", "实施细则",
    "执行口径", "过渡政策", "到期", "延续", "废止", "失效", "全文废止",
    "部分废止", "生效", "施行", "起施行", "执行期限", "截至", "追溯",
    "留存备查", "资料", "材料", "附件", "报表", "申报表", "附表", "填报",
    "填写", "栏次", "勾选确认", "数据", "系统", "操作", "流程", "步骤",
    "登录", "实名认证", "身份信息", "手机号", "验证码", "密码", "授权",
    "办税人员", "法定代表人", "财务负责人", "税务代理", "涉税专业服务",
    "税务师", "会计师", "代理记账", "企业", "公司", "个人", "单位纳税人",
    "小微企业", "新办企业", "初创企业", "创业投资", "天使投资", "退役士兵",
    "重点群体", "残疾人", "高校毕业生", "就业", "创业", "扶贫", "乡村振兴",
    "疫情", "防控", "阶段性", "六税两费", "减半征收", "增值税加计抵减",
    "加计抵减", "先进制造业", "集成电路", "软件企业", "技术转让",
    "技术开发", "技术合同", "认定", "资格", "条件", "标准", "比例", "金额",
    "限额", "上限", "下限", "超过", "不超过", "达到", "未达到", "累计",
    "合计", "差额", "余额", "期末", "期初", "本期", "上期", "结转",
)

#: Latin-script and numeric tokens that appear verbatim in tax texts.
LATIN_TOKENS = (
    "VAT", "PDF", "OFD", "ID", "App", "12366", "XML", "Excel", "APP", "CA",
    "Ukey", "USB", "OCR", "API", "QR", "CRS", "BEPS", "OECD", "GDP", "IT",
)

#: Common Han characters used (together with those of the real words) to
#: build pseudo-words. A few hundred frequent characters of general text.
COMMON_HAN = (
    "一二三四五六七八九十百千万亿年月日时分秒人大小中上下左右前后东西南北"
    "天地山水火木金土风云雨雪花草树林石田口手目耳心头身足力工门户车马牛羊"
    "鸟鱼米面食饭茶酒衣服家国城市乡村街路桥河海江湖港岛岸边里外内高低长短"
    "多少新旧好坏美丽明暗黑白红黄蓝绿青紫老少男女父母兄弟姐妹朋友师生学校"
    "书本文字语言话说读写看听想做走跑飞坐站立开关来去进出回到给拿用买卖送"
    "收发问答知道认识觉得希望喜欢爱恨怕笑哭吃喝睡醒生死病医药安全危险快慢"
    "早晚春夏秋冬东方西部南方北部交通运输电信网络信息技术科学研究发展建设"
    "经济社会政治文化历史地理环境资源能源材料产品质量价格市场商业贸易银行"
    "保险证券投资融资合作竞争管理服务制度政策法律规则程序方法结果原因目的"
    "问题情况条件方式过程阶段水平能力作用影响意义价值效果变化增加减少提高"
    "降低改善完善加强推进实现保证确保落实执行检查监督考核评价统计分析报告"
    "计划组织领导部门机构单位团体协会委员会中心基地园区平台项目工程设备装"
    "置器械仪表机械汽船航空铁路公路港站场馆院所厅局处科室队组班员长官吏"
)

#: Category labels for documents (about a dozen, realistic headings).
CATEGORIES = (
    "增值税", "个人所得税", "企业所得税", "发票管理", "纳税申报", "税收优惠",
    "出口退税", "财产和行为税", "社保费", "征收管理", "纳税信用", "涉税服务",
)

#: Regions with integer weights; 全国 dominates as in real policy corpora.
REGIONS = (
    ("全国", 60), ("北京", 6), ("上海", 7), ("广东", 8), ("浙江", 6),
    ("江苏", 5), ("四川", 4), ("深圳", 4),
)

#: Document kinds with integer weights.
KINDS = (("policy", 40), ("faq", 35), ("guide", 15), ("notice", 10))

#: Document status values with integer weights.
STATUSES = (("current", 88), ("amended", 7), ("repealed", 5))

#: Title templates; ``{}`` placeholders are filled with vocabulary words.
TITLE_TEMPLATES = (
    "关于{}{}的公告",
    "关于{}{}有关问题的通知",
    "国家税务总局关于{}{}的公告",
    "{}{}{}问题解答",
    "{}{}政策解读",
    "{}{}操作指引",
    "{}和{}的{}",
    "如何办理{}{}",
    "{}{}热点问答",
    "财政部 税务总局关于{}{}的公告",
    "{}{}{}{}",
    "{}{}常见问题",
)

#: Query filler words used by gen_queries.py.
QUERY_PREFIXES = ("请问", "怎么", "如何", "哪里", "什么是", "为什么")
QUERY_SUFFIXES = ("吗", "怎么办", "怎么填", "如何处理", "是否需要", "多少")

#: All hand-written words in rank order (may contain duplicates; see real_words).
REAL_WORDS = FUNCTION_WORDS + CORE_TAX_WORDS


@dataclass(frozen=True)
class Vocabulary:
    """A ranked vocabulary with Zipf weights and a fast sampling table.

    ``words`` is ordered by rank (index 0 is the most frequent). ``word_cum``
    holds cumulative Zipf weights over ``words`` for ``random.choices``.
    ``content_start`` is the first rank after the function words. The alias
    table (``alias_sides`` = ``(alias_tokens, own_tokens)`` per column and byte
    thresholds ``alias_cut``) samples body tokens: words with Zipf weights plus
    ``SPECIAL_TOKEN_SHARE`` of digit/Latin specials. ``mean_token_len`` is the
    expected length in characters of one body token.
    """

    words: tuple
    word_cum: tuple
    real_count: int
    content_start: int
    specials: tuple
    alias_sides: tuple
    alias_cut: tuple
    mean_token_len: float


def real_words():
    """Return the hand-written real words, de-duplicated, in rank order."""
    seen, ordered = set(), []
    for word in REAL_WORDS:
        if word not in seen:
            seen.add(word)
            ordered.append(word)
    return ordered


def special_tokens():
    """Return (token, weight) pairs for digit and Latin tokens, fixed order."""
    groups = [
        ([str(y) for y in range(2008, 2026)] + [f"{y}年" for y in range(2008, 2026)], 30),
        ([f"第{n}条" for n in range(1, 121)], 20),
        ([f"{a}元" for a in (100, 500, 800, 1000, 1500, 2000, 3000, 5000, 10000,
                             20000, 36000, 50000, 100000, 120000, 300000, 1000000)]
         + [f"{a}万元" for a in (10, 15, 30, 45, 100, 300, 500)], 20),
        (["1%", "3%", "5%", "6%", "9%", "13%", "0.5%", "20%", "25%", "50%"], 10),
        (list(LATIN_TOKENS), 20),
    ]
    pairs = []
    for tokens, share in groups:
        pairs.extend((token, share / len(tokens)) for token in tokens)
    return pairs


def pseudo_words(count, exclude, rng):
    """Generate ``count`` distinct 2–4 character pseudo-words not in ``exclude``.

    Characters come from the Han characters of the real words plus
    ``COMMON_HAN``; lengths 2/3/4 are drawn with weights 5/3/2.
    """
    chars = sorted({c for w in exclude for c in w if HAN_FIRST <= c <= HAN_LAST}
                   | set(COMMON_HAN))
    seen, out = set(exclude), []
    while len(out) < count:
        length = rng.choices((2, 3, 4), weights=(5, 3, 2))[0]
        word = "".join(rng.choices(chars, k=length))
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


def build_alias_table(tokens, probs, columns=ALIAS_COLUMNS):
    """Build a Walker alias table with byte-quantised thresholds.

    Returns ``(sides, cuts)`` with ``sides = (alias_tokens, own_tokens)``:
    column ``i`` yields its own token when a random byte is below ``cuts[i]``
    and its alias otherwise, so ``sides[byte < cuts[i]][i]`` is one draw (two
    flat tuples are more cache-friendly than a tuple per column). Columns past
    ``len(tokens)`` have zero weight. Construction is deterministic.
    """
    total = sum(probs)
    scaled = [p / total * columns for p in probs] + [0.0] * (columns - len(probs))
    owner = list(tokens) + [tokens[0]] * (columns - len(tokens))
    alias = list(range(columns))
    small = [i for i, x in enumerate(scaled) if x < 1.0]
    large = [i for i, x in enumerate(scaled) if x >= 1.0]
    while small and large:
        lo, hi = small.pop(), large[-1]
        alias[lo] = hi
        scaled[hi] -= 1.0 - scaled[lo]
        if scaled[hi] < 1.0:
            small.append(large.pop())
    for i in small + large:                 # numerical leftovers: keep own token
        scaled[i] = 1.0
    cuts = tuple(min(256, round(x * 256)) for x in scaled)
    return (tuple(owner[a] for a in alias), tuple(owner)), cuts


def build_vocabulary(size=VOCAB_SIZE, seed=VOCAB_SEED):
    """Build the shared ranked vocabulary (independent of the corpus seed)."""
    real = real_words()
    words = real + pseudo_words(size - len(real), real, Random(seed))
    weights = [rank ** -ZIPF_EXPONENT for rank in range(1, len(words) + 1)]
    total = sum(weights)
    specials = special_tokens()
    special_total = sum(w for _, w in specials)
    probs = [w / total * (1 - SPECIAL_TOKEN_SHARE) for w in weights]
    probs += [w / special_total * SPECIAL_TOKEN_SHARE for _, w in specials]
    tokens = words + [t for t, _ in specials]
    sides, cuts = build_alias_table(tokens, probs)
    return Vocabulary(
        words=tuple(words),
        word_cum=tuple(itertools.accumulate(weights)),
        real_count=len(real),
        content_start=len(set(FUNCTION_WORDS)),
        specials=tuple(t for t, _ in specials),
        alias_sides=sides,
        alias_cut=cuts,
        mean_token_len=sum(p * len(t) for t, p in zip(tokens, probs)),
    )


@functools.cache
def default_vocabulary():
    """Return the shared vocabulary, built once per process."""
    return build_vocabulary()


def random_u16(rng, k):
    """Return ``k`` uniform 16-bit integers as an array, platform-independent."""
    values = array("H", rng.randbytes(2 * k))
    if sys.byteorder == "big":
        values.byteswap()
    return values


def sample_tokens(vocab, rng, k):
    """Draw ``k`` body tokens (Zipf words plus ~3% specials) from ``rng``."""
    columns = random_u16(rng, k).tolist()
    own = map(operator.lt, rng.randbytes(k), map(vocab.alias_cut.__getitem__, columns))
    return list(map(operator.getitem, map(vocab.alias_sides.__getitem__, own), columns))
