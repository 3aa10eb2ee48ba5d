"""Chinese questions over an English catalog: segment with jieba, map words through a bilingual lexicon of
attribute names, categories, brands, units and question words, and rewrite the question shapes shoppers use
("X的Y是多少", "N美元以下的X", "A和B哪个更便宜", "X兼容哪些Y", "X有多少个品牌", "最便宜的X") as English ones
that the rest of the engine reads. Latin words and numbers (model names: "Galaxy S24", "WH-1000XM5") are kept
as written; Chinese words the lexicon does not know are dropped (particles, filler).

    to_english("三星Galaxy S24的屏幕尺寸是多少?")  # 'what is the screen size of the samsung Galaxy S24'
    to_english("150美元以下的降噪耳机")             # 'noise cancelling headphones under $150'

The lexicon is small and written for the product kinds and attributes shopgraph's demo and synthetic
catalogs hold; add entries to LEXICON for other catalogs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_BRANDS_ZH: dict[str, str] = {  # brands, in LEXICON too
    "三星": "samsung", "苹果": "apple", "谷歌": "google", "索尼": "sony", "戴尔": "dell", "联想": "lenovo",
    "惠普": "hp", "微软": "microsoft", "华为": "huawei", "小米": "xiaomi", "宏碁": "acer", "华硕": "asus",
    "飞利浦": "philips", "戴森": "dyson", "松下": "panasonic", "德龙": "de'longhi", "雀巢": "nespresso",
    "耐克": "nike", "阿迪达斯": "adidas", "新百伦": "new balance", "博士": "bose", "铁三角": "audio-technica",
    "一加": "oneplus", "绿联": "ugreen", "倍思": "baseus", "安克": "anker", "贝尔金": "belkin",
    "森海塞尔": "sennheiser", "摩托罗拉": "motorola", "诺基亚": "nokia", "宜家": "ikea", "布兰达": "brita",
}
# longest entries first when jieba's segmentation leaves a compound whole ("屏幕尺寸")
LEXICON: dict[str, str] = {
    # attributes
    "屏幕刷新率": "refresh rate", "屏幕尺寸": "screen size", "屏幕": "screen", "尺寸": "size", "尺码": "size", "电池容量": "battery",
    "电池续航": "battery life", "续航": "battery life", "电池": "battery", "重量": "weight", "多重": "weight",
    "价格": "price", "价钱": "price", "多少钱": "price", "存储空间": "storage", "存储": "storage", "储存": "storage",
    "运行内存": "ram", "内存": "ram", "容量": "capacity", "颜色": "color", "材质": "material", "材料": "material",
    "品牌": "brands", "刷新率": "refresh rate", "覆盖面积": "coverage area", "适用面积": "coverage area", "功率": "wattage", "处理器": "processor",
    "保修": "warranty", "重": "weight", "多宽": "width", "宽度": "width", "多高": "height",
    "高度": "height", "长度": "length", "跟差": "heel drop", "鞋跟落差": "heel drop", "落差": "heel drop",
    "平均价格": "average price", "均价": "average price", "平均": "average", "最便宜": "cheapest", "卖多少钱": "price", "卖多少": "price",
    "最轻": "lightest", "最重": "heaviest", "最贵": "most expensive", "价格最低": "cheapest", "价格最高": "most expensive",
    "赫兹": "refresh rate", "毫安": "battery", "防摔": "drop protection", "摔落": "drop protection",
    "最低": "lowest", "最低价": "lowest price", "最低价格": "lowest price", "口味": "taste", "风味": "flavour",
    # "哪台笔记本电脑续航最长": which laptop has the longest battery life
    "续航最长": "has the longest battery life", "续航最久": "has the longest battery life",
    "屏幕最大": "has the biggest screen", "容量最大": "has the biggest capacity", "功率最大": "has the most watts",
    "一次充满能听": "battery life", "一次充满能用": "battery life", "充满一次能用": "battery life", "能听多久": "battery life", "降噪模式": "noise cancelling modes", "驱动单元": "driver size", "驱动尺寸": "driver size", "发声单元": "driver size",
    "味道": "taste", "筒高": "shaft height", "靴筒": "shaft height", "产地": "origin", "原产地": "origin",
    # product kinds
    "手机壳": "phone case", "保护壳": "case", "手机": "phone", "智能手机": "smartphone", "耳机": "headphones",
    "降噪": "noise cancelling", "咖啡机": "coffee maker", "浓缩咖啡机": "espresso machine", "咖啡豆": "coffee beans",
    "咖啡": "coffee", "咖啡粉": "ground coffee", "中度烘焙": "medium roast", "中烘": "medium roast",
    "深度烘焙": "dark roast", "深烘": "dark roast", "浅度烘焙": "light roast", "浅烘": "light roast",
    "低因": "decaf", "低咖啡因": "decaf", "脱因": "decaf", "无咖啡因": "decaf",
    "靴子": "boots", "靴": "boots", "防水": "waterproof", "跑鞋": "running shoes", "鞋": "shoes",
    "跑步机": "treadmill", "跑步": "running", "慢跑": "running", "徒步": "hiking", "登山": "hiking",
    "笔记本电脑": "laptop", "笔记本": "laptop", "电脑": "laptop", "充电器": "charger", "车充": "car charger", "车载": "car", "数据线": "cable",
    "滤网": "filter", "滤芯": "filter", "过滤器": "filter", "替换": "replacement", "空气净化器": "air purifier",
    "净化器": "air purifier", "搅拌机": "blender", "空气炸锅": "air fryer", "办公椅": "office chair", "椅子": "chair",
    "书桌": "desk", "桌子": "desk", "书架": "bookcase", "滤水壶": "water filter pitcher", "礼物": "gift",
    "爱好者": "lover", "平板": "tablet",
    **_BRANDS_ZH, "氮化镓": "gan",
    # colours and words of constraints
    "黑色": "black", "白色": "white", "蓝色": "blue", "红色": "red", "绿色": "green", "灰色": "grey", "粉色": "pink",
    "银色": "silver", "金色": "gold", "紫色": "purple", "黄色": "yellow", "橙色": "orange", "棕色": "brown",
    "米色": "beige", "深蓝色": "navy", "藏青色": "navy", "碳化色": "carbonized", "碳化": "carbonized",
    "皮革": "leather", "真皮": "leather", "皮质": "leather", "无线": "wireless", "男士": "men's", "女士": "women's", "便宜": "cheap",
    "女款": "women's", "男款": "men's", "女式": "women's", "男式": "men's", "女": "women's", "男": "men's",
    "宽版": "wide", "宽楦": "wide", "加宽": "wide", "切尔西靴": "chelsea boots",
    "无线充电": "wireless charging", "安卓": "android",
    "更便宜": "cheaper", "更贵": "more expensive", "更轻": "lighter",
    "薰衣草色": "lavender", "薰衣草": "lavender", "香槟色": "champagne", "玫瑰金": "rose gold", "星光色": "starlight",
    "天蓝色": "sky blue", "浅蓝色": "light blue", "深灰色": "dark grey", "透明": "clear", "午夜色": "midnight",
    "玫瑰色": "rose", "榛子色": "hazel", "榛色": "hazel", "黑曜石色": "obsidian", "黑曜石": "obsidian", "瓷白色": "porcelain",
    "海盐色": "sea salt", "奶油色": "cream", "珊瑚色": "coral", "蓝绿色": "teal", "胡桃木色": "walnut", "胡桃色": "walnut",
    "栗色": "chestnut", "橄榄色": "olive", "深空灰": "space gray", "铂金色": "platinum", "翡翠绿": "emerald",
    "钛金属色": "titanium", "钛色": "titanium", "原木色": "natural", "原木": "natural",
    "竹制": "bamboo", "竹": "bamboo", "升降桌": "standing desk", "站立式办公桌": "standing desk",
    # units said after a number ("12盎司": 12 oz)
    "盎司": "oz", "磅": "lb", "公斤": "kg", "千克": "kg", "毫升": "ml",
    # question words
    "天气": "weather", "今天": "today", "版本": "version", "版": "version", "它": "it", "这个": "this", "这款": "this", "那个": "that",
}
_BRAND_NAMES = frozenset(_BRANDS_ZH.values())  # (a kind's question can name them: "绿联的数据线")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_RUNS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+")
_FILLER = set("的是有了吗呢吧啊和与,，。?？!！、") | {"有没有", "推荐", "一款", "一个", "哪些", "怎么样", "多少", "什么"}
_PRONOUNS = {"它", "这个", "这款", "那个", "它们"}
_CURRENCY = {"美元": "$", "美金": "$", "刀": "$", "块": "$", "欧元": "€", "英镑": "£"}
_MONEY = r"(\d+(?:\.\d+)?)\s*(美元|美金|刀|块|欧元|英镑)"
# a currency said without an amount: which listing's price ("用英镑标价的跑鞋": running shoes priced in pounds)
_PAID = re.compile(r"(?<![\d.\s])\s*(?:用|以)?(?:美元|美金|欧元|英镑)(?:标价|定价|计价|结算|付款)?")
_PAID_IN = {"美元": "dollars", "美金": "dollars", "欧元": "euros", "英镑": "gbp"}
_NUMERALS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_PACK = re.compile(r"(\d+|[一两二三四五六七八九十])\s*(?:包装|盒装|件装|袋装|罐装|瓶装|支装|个装|连包)")  # 六包装: a 6 pack
_UNITS = {"英尺": "ft", "英寸": "inch", "瓦": "w", "毫安时": "mah", "毫安": "mah", "克": "g", "公斤": "kg", "千克": "kg",
          "升": "l", "小时": "hours", "厘米": "cm", "杯": "cups"}
_UNIT_BOUND = re.compile(r"(\d+(?:\.\d+)?)\s*(" + "|".join(sorted(_UNITS, key=len, reverse=True))
                         + r")\s*(以上|起|以下|以内)")
# "至少6.7英寸": at least 6.7 inch; "最多2公斤": at most 2 kg
_BOUND_UNIT = re.compile(r"(至少|最少|不少于|不低于|不小于|最多|不超过|不到|不大于)\s*(\d+(?:\.\d+)?)\s*("
                         + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")")
# "30瓦的车载充电器": a 30 w car charger (an amount with its unit, no bound)
_AMOUNT_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*(" + "|".join(sorted(set(_UNITS) - {"小时"}, key=len, reverse=True))
                          + r")(?!降)")  # ("E7升降桌": a standing desk, no litres)
# "换算成厘米是多少", "用厘米": the answer in that unit ("… in cm"), said after the question
_CONVERT_TO = re.compile(r"[,，。?？\s]*(?:换算成|换成|折合成?|转换成|用|以)(?P<u>平方米|平方英尺|厘米|公分|英寸|公斤|千克|克|磅|盎司|"
                         r"毫升|升)(?:为单位)?(?:来)?(?:计算?|算|表示)?(?:的话)?(?:是)?(?:多少)?[?？]?$")
_CONVERT_UNITS = {"平方米": "square meters", "平方英尺": "square feet", "厘米": "cm", "公分": "cm", "英寸": "inches",
                  "公斤": "kg", "千克": "kg", "克": "grams", "磅": "pounds", "盎司": "ounces", "毫升": "ml", "升": "litres"}
# "适用多少平方米的房间": its coverage area, in square meters
_ROOM_IN = re.compile(r"(?:适用于?|适合|能覆盖|可以覆盖|覆盖)(?:多少|多大)(?P<u>平方米|平方英尺)的?(?:房间|面积|空间)?[?？]?$")
_COVERS_ROOM = re.compile(r"(?:能|可以)?覆盖多大的?(?:房间|面积|空间)")  # how big a room it covers (not "覆盖摄像头")
_UNDER = re.compile(_MONEY + r"\s*(?:以下|以内|之内|内)")
_OVER = re.compile(_MONEY + r"\s*(?:以上|起)")
_BELOW = re.compile(r"(?:低于|少于|不到|不超过|小于)\s*" + _MONEY)  # "低于300美元": under $300
_ABOVE = re.compile(r"(?:高于|超过|多于|大于)\s*" + _MONEY)
_PLAIN_MONEY = re.compile(_MONEY)
_COMPARE = re.compile(r"^(?P<a>.+?)(?:和|与|跟|还是)(?P<b>.+?)(?:相比|比较|比)?[,，]?\s*哪(?:个|款)(?:的)?更?(?P<x>.+?)"
                      r"(?:一点|一些|些)?[?？]?$")
_WHICH_MORE = re.compile(r"^(?:(?:这)?(?:两|二)(?:个|款)(?:里面?|中|之中|当中)?|它们(?:里面?|中|之中|当中)?)?"
                         r"(?:(?:价格|价钱|售价)哪(?:个|款)(?P<x3>低|高)(?:一点|一些|些)?|"
                         r"哪一?(?:个|款)(?:更(?P<x>.+?)|(?P<x2>价格低|价格高|价钱低|价钱高|便宜|贵)(?:一点|一些|些)?))[?？]?$")
# 两个里面哪个更便宜, 这两个哪个价格低: which of the two is cheaper
_THAN_IT = re.compile(r"^(?:它|这个|这款|那个)?比(?P<b>.+?)(?P<x>便宜|贵|轻|重|大|小)吗?[?？]?$")  # 比AirPods Pro重吗
_COLOUR_PRICE = re.compile(r"^(?P<a>[^的]{1,4}色)的?(?:(?:那|这)?(?:个|款|双|件))?(?:多少钱|价格是多少|价格|卖多少钱?)[?？]?$")  # 银色的多少钱
_VERSION_PRICE = re.compile(r"^(?P<a>(?![这那])[^的]{1,12}?)的?(?:那个|这个)?(?:版本|版|款)(?:多少钱|价格是多少|价格|卖多少钱?)[?？]?$")  # 1TB的版本多少钱
_FITTING_IT = re.compile(r"^有(?:没有)?(?P<b>.+?)(?:能|可以)?(?:适合|适配|配|兼容)(?:它|这款|这个|那个)吗?[?？]?$")  # 有白色的手机壳适合它吗
# "有这款手机能用的保护壳吗", "有没有能给它用的车载充电器": any case (car charger) for it; "有能在车上给它充电的吗": a car
# charger for it
_USABLE_WITH_IT = re.compile(r"^有(?:没有)?(?:(?:能|可以)?(?:给|为))?(?:这款|这个|它|那个|那款)(?:手机|电脑|笔记本|机器|耳机)?(?:能|可以)?(?:用|使用)的"
                             r"(?P<b>.+?)吗?[?？]?$")
_MATCH_IT_WITH = re.compile(r"^(?:给|为)(?:它|这款|这个|那个)配(?:个|一个|一款|副|套)?(?P<b>[^,，?？吗]+)")  # 给它配个手机壳
# "X手机壳支持MagSafe吗": does X support MagSafe (a feature named in Latin letters; "有支持…的…吗" asks for products)
_SUPPORTS = re.compile(r"^(?!有)(?P<a>.+?)支持(?P<b>[A-Za-z][A-Za-z0-9 .+-]*)(?:吗|么)[?？]?$")
_CHARGES_IN_CAR = re.compile(r"^有(?:没有)?(?:能|可以)?在车(?:上|里)(?:给|为)?(?:它|这款|这个)?充电的(?:吗|么)?[?？]?$")
_FITS = re.compile(r"^(?P<a>.+?)(?:兼容|适用于|适用|适合)(?:哪些|哪款|哪个|哪种)(?P<b>.+?)[?？]?$")
# "HON Ignition 2.0 两个款式差价多少", "Stumptown Hair Bender 12盎司的两个价格差多少": the gap between the two listings' prices
_TWO_GAP = re.compile(r"^(?P<a>.+?)\s*的?(?:这)?(?:两|2)(?:个|款|种)(?:款式|版本|商品|颜色)?的?(?:之间)?(?:的)?(?:价格|价钱)?(?:差价|价差|差|相差)"
                      r"(?:多少|几多)(?:钱)?[?？]?$")
# "森海塞尔Momentum 4白色比黑色便宜多少": how much cheaper the model's white listing is than its black one
_COLOUR_GAP = re.compile(r"^(?P<x>.+?)(?P<a>[\u4e00-\u9fff]{1,4}色)的?(?:那款|这款)?比(?P<b>[\u4e00-\u9fff]{1,4}色)的?(?:那款|这款)?"
                         r"(?P<w>便宜|贵)多少(?:钱)?[?？]?$")
# "这款净化器耗电多少瓦": how many watts it draws
_WATTS = re.compile(r"^(?P<a>(?:(?:这|那)(?:款|个|台)|它)[^?？]*?)?(?:耗电|功率是?|用电)?(?:多少|几)瓦(?:特)?[?？]?$")
# "多少盎司" of the product in focus: how many ounces it is
_OUNCES = re.compile(r"^(?:它|这款|这个|那个)?(?:有)?(?:多少|几)(?P<u>盎司|毫升|升|磅|公斤|克)[?？]?$")
_OUNCE_UNITS = {"盎司": "oz", "毫升": "ml", "升": "litres", "磅": "pounds", "公斤": "kg", "克": "grams"}
# "两支装的话,单支合多少钱": (of the pack said,) its price per one (支: a filter, 袋/包: a bag)
_PER_ONE = re.compile(r"^(?:(?P<a>[^,，]+?)的话\s*[,，]?\s*)?(?:单|每|一)(?P<u>支|袋|包|片|颗|粒|罐)(?:合|算|是|要)?(?:多少钱|多少)[?？]?$")
_PER_ONE_UNITS = {"支": "filter", "片": "filter", "袋": "bag", "包": "bag", "颗": "pod", "粒": "pod", "罐": "can"}
# "De'Longhi Dedica EC685 能用的滤芯有哪些": which filters can be used with it (what fits it)
_USABLE_WITH = re.compile(r"^(?P<a>(?!有)[^,，]+?)\s*(?:能|可以)(?:用|使用|配)的(?P<b>.+?)有(?:哪些|哪几款|哪几种|什么)[?？]?$")
# "便宜的那个适用于哪款手机?": the cheaper one (of two listed), then the question of it
_PICKED = re.compile(r"^(?P<m>最)?(?P<x>便宜|贵|轻|重)的那(?:个|款|双|件|台)(?P<q>.+)$")  # (最便宜的那款…: the cheapest)
_MOST = {"便宜": "cheapest", "贵": "most expensive", "轻": "lightest", "重": "heaviest"}
_BRANDS = re.compile(r"^(?P<a>.+?)有多少个?品牌[?？]?$")
_EXTREME = re.compile(r"^最(?P<x>便宜|贵)的(?P<a>.+?)[?？]?$")
_REPLACEMENT = re.compile(r"^(?P<a>.+?)的替换(?P<b>.+?)[?？]?$")
_WHAT = re.compile(r"多少|什么|多大|多重|多久|多长|多宽|多高|几")
# "Dr. Martens 1460 女款有哪些颜色": what colours does it come in
_WHICH_VALUES = re.compile(r"^(?P<a>.+?)有(?:哪些|什么|几种|多少种)(?P<b>颜色|尺码|尺寸|材质|容量)(?:可选|可以选|选择)?[?？吗]*$")
_WHICH_ONE = re.compile(r"哪(?:个|款|双|台|件|种|根|条|把|张|部|一个|一款|一双)")  # which one (of them)
_SUPERLATIVES = frozenset({"lightest", "heaviest", "cheapest", "most expensive"})
# "哪个最大" of a list: which is the biggest (only so: "这款手机的最大存储" asks its storage, no superlative)
_BARE_SUPERLATIVES = {"最大": "biggest", "最长": "longest", "最小": "smallest", "最宽": "widest", "最窄": "narrowest"}
_WHICH_HAS = re.compile(r"^(?:什么|哪些|哪个|哪款|哪种)(?P<a>[^有带]+?)(?:有|带|支持)(?P<b>.+?)[?？吗]*$")  # 什么耳机有降噪
_FOR_IT = re.compile(r"^(?:(?:这款|这个|它|那个)[^有]{0,4}有(?:配套|适配|兼容|合适|适合)的?|"  # 这款手机有配套的手机壳吗
                     r"有(?:没有)?(?:适合|适配|配套|兼容)?(?:它|这款|这个)的)(?P<b>.+?)吗?[?？]?$")  # 有适合它的手机壳吗
# "baseus 45w充电器能给Pixel 8充电吗": can A charge (or be used with) B
_CHARGES = re.compile(r"^(?P<a>.+?)(?:能|可以|能不能|可不可以)(?:给|为|用于|用在)(?P<b>.+?)(?:充电|充|上用|使用|用)?吗?[?？]?$")
# "绿联45W氮化镓充电器适用于惠普EliteBook 840 G10吗", "这个手机壳适合iPhone 15吗": does it work with (fit) it
_SUITS = re.compile(r"^(?![有这那它])(?P<a>[^\d]*?\d.*?)(?:兼容|适用于|适用|适合|适配)(?P<b>(?!哪)[^?？吗么]*?[A-Za-z]"
                    r"[^?？吗么]*?)(?:吗|么)[?？]?$")  # (not "适合跑步吗": a purpose, no product)
# "X,有类似的笔记本吗?": any laptops similar to X
_SIMILAR = re.compile(r"^(?!有)(?P<a>.+?)[,，]?\s*(?:有没有|有)(?:类似|相似|差不多)的?(?P<b>[^吗?？]*)(?:吗|么)?[?？]?$")
_HOLDS = re.compile(r"^(?P<a>.*?)(?:能|可以)(?:装|盛|容纳)(?:多少|几)(?P<b>.*?)[?？]?$")  # 它能装多少: its capacity
_COMPARATIVES = {"便宜": "cheaper", "贵": "more expensive", "轻": "lighter", "重": "heavier", "大": "bigger",
                 "小": "smaller", "价格低": "cheaper", "价格高": "more expensive", "价钱低": "cheaper",
                 "价钱高": "more expensive", "低": "cheaper", "高": "more expensive"}


def has_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


@lru_cache(maxsize=1)
def _jieba() -> object:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading messages are not ours to print
    for word in LEXICON:
        jieba.add_word(word)
    return jieba


def _words(text: str) -> str:
    """The English reading of a Chinese phrase: lexicon words and Latin tokens, in order."""
    text = _BELOW.sub(lambda m: f" under {_CURRENCY[m.group(2)]}{m.group(1)} ", text)
    text = _ABOVE.sub(lambda m: f" over {_CURRENCY[m.group(2)]}{m.group(1)} ", text)
    text = _UNDER.sub(lambda m: f" under {_CURRENCY[m.group(2)]}{m.group(1)} ", text)
    text = _OVER.sub(lambda m: f" over {_CURRENCY[m.group(2)]}{m.group(1)} ", text)
    text = _PLAIN_MONEY.sub(lambda m: f" {_CURRENCY[m.group(2)]}{m.group(1)} ", text)
    text = _PACK.sub(lambda m: f" {_NUMERALS.get(m.group(1), m.group(1))} pack ", text)
    text = _COVERS_ROOM.sub(" coverage area ", text)  # "它能覆盖多大的房间": its coverage area
    # "10英尺以上": at least 10 ft; "2公斤以下": under 2 kg
    text = _UNIT_BOUND.sub(lambda m: f" {'under' if m.group(3) in ('以下', '以内') else 'at least'} {m.group(1)} "
                           f"{_UNITS[m.group(2)]} ", text)
    text = _BOUND_UNIT.sub(lambda m: f" {'at most' if m.group(1) in ('最多', '不超过', '不到', '不大于') else 'at least'} "
                           f"{m.group(2)} {_UNITS[m.group(3)]} ", text)
    text = _AMOUNT_UNIT.sub(lambda m: f" {m.group(1)} {_UNITS[m.group(2)]} ", text)
    out: list[str] = []
    for run in _RUNS.findall(text):  # Latin runs ("Galaxy S24+", "WH-1000XM5", "$150") stay whole
        if not _CJK.search(run):
            if run.strip(" ,，。?？!！、"):
                out.append(" ".join(run.replace("、", " ").split()).strip(" ,，。?？!！"))
            continue
        for token in _jieba().cut(run):  # type: ignore[attr-defined]
            token = token.strip()
            if not token or token in _FILLER:
                continue
            english = LEXICON.get(token)
            if english is None:  # an unknown compound ("今天天气"): the lexicon words inside it, longest first
                english = " ".join(_known_parts(token)) or None
            if english:
                out.append(english)
    return " ".join(out)


def _known_parts(token: str) -> list[str]:
    found, i = [], 0
    while i < len(token):
        for j in range(len(token), i, -1):
            if token[i:j] in LEXICON:
                found.append(LEXICON[token[i:j]])
                i = j
                break
        else:
            i += 1
    return found


def _comparative(m: re.Match[str]) -> str:
    said = (m.group("x") or m.groupdict().get("x2") or m.groupdict().get("x3") or "").strip()
    return _COMPARATIVES.get(said, _words(said))


def _the(name: str) -> str:
    """ "the <name>", or the name as it is when it is a pronoun or already says which ("this charger")."""
    return name if name in ("it", "this", "that") or name.startswith(("this ", "that ")) else f"the {name}"


def _capacity_of(name: str) -> str:
    if name in ("", "it", "this", "that"):
        return "what is its capacity?"
    return f"what is the capacity of {name if name.startswith(('this ', 'that ')) else 'the ' + name}?"


# question shapes, tried in order: (pattern, its English reading)
_SHAPES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (_PICKED, lambda m: f"the {(_MOST if m.group('m') else _COMPARATIVES)[m.group('x')]} one, "
                        f"{to_english('它' + m.group('q'))}"),
    (_COMPARE, lambda m: f"which is {_comparative(m)}, the {_words(m.group('a'))} or the {_words(m.group('b'))}?"),
    (_WHICH_MORE, lambda m: f"which is {_comparative(m)}?"),
    (_WHICH_VALUES, lambda m: f"what {_words(m.group('b'))}s does the {_words(m.group('a'))} come in?"),
    (_FITS, lambda m: f"what {_words(m.group('b'))} does {_the(_words(m.group('a')))} fit?"),
    (_COLOUR_GAP, lambda m: f"how much {'less' if m.group('w') == '便宜' else 'more'} is the {_words(m.group('a'))} "
                            f"{_words(m.group('x'))} than the {_words(m.group('b'))} one"),
    (_WATTS, lambda m: f"how many watts is {_the(_words(m.group('a') or '')) if _words(m.group('a') or '') else 'it'}"),
    (_OUNCES, lambda m: f"how many {_OUNCE_UNITS[m.group('u')]} is it"),
    (_TWO_GAP, lambda m: f"{_words(m.group('a'))}, 2 listings - whats the price gap"),
    (_PER_ONE, lambda m: f"{_words(m.group('a')) + ' - ' if m.group('a') else ''}"
                         f"what's that per {_PER_ONE_UNITS[m.group('u')]}"),
    (_USABLE_WITH, lambda m: f"which {_words(m.group('b'))} fit {_the(_words(m.group('a')))}?"),
    (_BRANDS, lambda m: f"how many brands of {_words(m.group('a'))}?"),
    (_EXTREME, lambda m: f"{'cheapest' if m.group('x') == '便宜' else 'most expensive'} {_words(m.group('a'))}"),
    (_REPLACEMENT, lambda m: f"replacement {_words(m.group('b'))} for the {_words(m.group('a'))}"),
    (_FOR_IT, lambda m: f"any {_words(m.group('b'))} for it?"),
    (_COLOUR_PRICE, lambda m: f"how much is the {_words(m.group('a'))} one?"),
    (_VERSION_PRICE, lambda m: f"how much is the {_words(m.group('a'))} version?"),
    (_FITTING_IT, lambda m: f"any {_words(m.group('b'))} for it?"),
    (_USABLE_WITH_IT, lambda m: f"any {_words(m.group('b'))} for it?"),
    (_MATCH_IT_WITH, lambda m: f"any {_words(m.group('b'))} for it?"),
    (_CHARGES_IN_CAR, lambda m: "any car charger for it?"),
    (_THAN_IT, lambda m: f"is it {_comparative(m)} than the {_words(m.group('b'))}?"),
    (_CHARGES, lambda m: f"does {_the(_words(m.group('a')))} work with {_the(_words(m.group('b')))}?"),
    (_SUITS, lambda m: f"does {_the(_words(m.group('a')))} work with {_the(_words(m.group('b')))}?"),
    (_WHICH_HAS, lambda m: f"{_words(m.group('a'))} with {_words(m.group('b'))}"),  # which X have Y: a search
    (_SUPPORTS, lambda m: f"does {_the(_words(m.group('a')))} support {_words(m.group('b'))}?"),
    (_HOLDS, lambda m: _capacity_of(_words(m.group("a")))),
    (_SIMILAR, lambda m: f"{_words(m.group('a'))} - any similar {_words(m.group('b'))}".rstrip()),
)


def to_english(question: str) -> str:
    """An English question the engine reads, for a question with Chinese in it (others are returned as is)."""
    if not has_chinese(question):
        return question
    q = question.strip()
    paid = _PAID.search(q)  # "Pixel 8美元最低多少钱": its lowest price in dollars (the currency said last)
    if paid is not None:
        english = to_english(q[:paid.start()] + q[paid.end():])
        currency = next(_PAID_IN[c] for c in _PAID_IN if c in paid.group(0))
        return f"{english.rstrip('?？ ')} in {currency}"
    room = _ROOM_IN.search(q)
    if room is not None:
        english = to_english(f"{q[:room.start()].rstrip()}的覆盖面积是多少?")
        return f"{english.rstrip('?？ ')} in {_CONVERT_UNITS[room.group('u')]}?"
    unit = _CONVERT_TO.search(q)
    if unit is not None and unit.start() > 0:
        english = to_english(q[:unit.start()])
        return f"{english.rstrip('?？ ')} in {_CONVERT_UNITS[unit.group('u')]}?"
    for pattern, reading in _SHAPES:
        m = pattern.match(q)
        if m:
            return reading(m)
    head, _, rest = q.partition("的")
    if rest and head.strip().endswith("色") and re.search(r"[A-Za-z]", rest):
        # "珊瑚色的pixel 7a多少钱": of the coral pixel 7a; "珊瑚色的pixel 7a的价格": the price of the pixel 7a coral
        if "的" in rest:
            return to_english(rest.replace("的", f" {head.strip()}的", 1))
        if _WHAT.search(rest):
            return to_english(f"{rest.strip()} {head.strip()}")
    if "的" in q and (_WHAT.search(tail := q.split("的", 1)[1]) or tail.rstrip("?？ ").endswith("是")):
        # "X的Y是多少?", "这个车充的价格是?": the Y of X (of "this car charger")
        head = q.split("的", 1)[0]
        asked = _words(tail) or tail.strip("?？ ")  # an attribute the lexicon lacks stays as written: no answer
        if head.strip() in _PRONOUNS:
            return f"what is its {asked}?"
        said = _words(head)
        kind = asked.removesuffix(" price")
        if kind != asked and kind and said in _BRAND_NAMES:  # "绿联的数据线多少钱": the brand's cables, their prices
            return f"{said} {kind}s price"
        return f"what is the {asked} of {'' if said.startswith(('this ', 'that ')) else 'the '}{said}?"
    if q.rstrip("?？ ").endswith("呢"):  # "屏幕刷新率呢?": a follow-up, "what about …"
        return f"what about the {_words(q)}?"
    if q.rstrip("?？ ").endswith("的") and not _WHAT.search(q):  # "三星的": "samsung ones", "便宜的": "cheap ones"
        return f"{_words(q)} ones"
    english = _words(q)
    if _WHICH_ONE.search(q) and english in _SUPERLATIVES:  # "哪款最轻?", "这几双里哪双价格最低?": which is the lightest
        return f"which is the {english}?"
    bare = next((e for c, e in _BARE_SUPERLATIVES.items() if c in q), None) if _WHICH_ONE.search(q) else None
    if bare is not None and not english.strip():  # "哪个最大", "哪根最长"
        return f"which is the {bare}?"
    if _WHICH_ONE.search(q) and " has the " in f" {english}":  # "哪台笔记本电脑续航最长": which laptop has the longest …
        return f"which {english}?"
    if bare is not None and _WHICH_ONE.match(q):  # "哪个电池最大": which has the biggest battery
        said = _words(q.split(next(c for c in _BARE_SUPERLATIVES if c in q))[0])
        if said.strip():
            return f"which has the {bare} {said}?"
    if _WHAT.search(q) and english.startswith(("it ", "this ", "that ")):  # "它多少钱?", "这个多少钱?": its price
        return f"what is its {english.split(' ', 1)[1]}?"
    if _WHAT.search(q):
        return f"what is the {english}?"
    if q.startswith("有没有") and english.startswith(("cheaper ", "lighter ", "more expensive ")):
        return f"any {english}"  # "有没有更便宜的X": any cheaper X (than the one in focus)
    return english
