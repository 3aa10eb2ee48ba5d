"""qa.chinese: Chinese questions read as English ones the engine understands."""

from __future__ import annotations

import pytest

from shopgraph.qa.chinese import has_chinese, to_english


@pytest.mark.parametrize(("question", "english"), [
    ("三星Galaxy S24的屏幕尺寸是多少?", "what is the screen size of the samsung Galaxy S24?"),
    ("有没有防摔10英尺以上的手机壳?", "drop protection at least 10 ft phone case"),  # a unit's bound
    ("有没有更便宜的iPhone SE手机壳?", "any cheaper iPhone SE phone case"),
    ("Caseology Nano Pop iPhone SE手机壳支持MagSafe吗?", "does the Caseology Nano Pop iPhone SE phone case support MagSafe?"),
    ("有支持无线充电的手机吗?", "wireless charging phone"),  # (products that support it: no "does the  support")
    ("有能在车上给它充电的吗?", "any car charger for it?"),
    ("给它配个手机壳,有推荐吗?", "any phone case for it?"),
    ("有这款手机能用的保护壳吗?", "any case for it?"),
    ("HP EliteBook 840 G10 16GB 售价1633.99的那款,有类似的笔记本吗?", "HP EliteBook 840 G10 16GB 1633.99 - any similar laptop"),
    ("索尼WH-1000XM5的电池续航多久?", "what is the battery life of the sony WH-1000XM5?"),
    ("150美元以下的降噪耳机", "under $150 noise cancelling headphones"),
    ("200欧元以下的咖啡机", "under €200 coffee maker"),
    ("iPhone 15 Pro和Galaxy S24哪个更便宜?", "which is cheaper, the iPhone 15 Pro or the Galaxy S24?"),
    ("Spigen 140W充电器兼容哪些笔记本电脑?", "what laptop does the Spigen 140W charger fit?"),
    ("跑鞋有多少个品牌?", "how many brands of running shoes?"),
    ("最便宜的手机壳", "cheapest phone case"),
    ("它的电池容量是多少?", "what is its battery?"),
    ("屏幕刷新率呢?", "what about the refresh rate?"),
    # "A跟B比,哪个价格低一点": a comparison said with 比 and a softened comparative
    ("Galaxy S24跟iPhone 15 Pro比,哪个价格低一点?", "which is cheaper, the Galaxy S24 or the iPhone 15 Pro?"),
    # a price bound before the amount ("低于300美元"); a unit that says what is asked ("多少赫兹": the refresh rate)
    ("有没有低于300美元的降噪耳机?", "under $300 noise cancelling headphones"),
    ("三星S24屏幕是多少赫兹的?", "what is the samsung S24 screen refresh rate?"),
    ("Dr. Martens 1460女款有什么颜色可选?", "what colors does the Dr. Martens 1460 women's come in?"),
    ("IKEA MARKUS 办公椅卖多少?", "what is the IKEA MARKUS office chair price?"),
    ("筒高是多少?", "what is the shaft height?"),
    # "能装多少" (how much can it hold): the capacity; "安装"/"套装" (installation, set) are no such question
    ("它能装多少?", "what is its capacity?"),
    ("Vitamix E310能装多少杯?", "what is the capacity of the Vitamix E310?"),
    ("这款搅拌机可以装几杯?", "what is the capacity of this blender?"),
    ("套装多少钱?", "what is the price?"),
    # "六包装" (a six-pack): "6 pack", as a title writes it
    ("六包装的多少钱", "what is the price of the 6 pack?"),
    # "哪款最轻" (which is the lightest); a currency said as how a product is priced ("用英镑标价": priced in pounds)
    ("哪款最轻?", "which is the lightest?"),
    ("这几双里哪双价格最低?", "which is the cheapest?"),
    ("有没有用英镑标价的跑鞋?", "running shoes in gbp"),
    # "X的版本多少钱" (how much is the X version)
    ("1TB的版本多少钱?", "how much is the 1TB version?"),
    ("256GB版多少钱", "how much is the 256GB version?"),
    # what a shoe is for ("适合跑步的鞋": running shoes; "徒步": hiking)
    ("推荐一款适合跑步的鞋", "running shoes"),
    ("有适合徒步的靴子吗", "hiking boots"),
    # "哪个价格低" without "更" (which is cheaper); "便宜的那个…" (the cheaper one, then the question of it); "它多少钱"
    ("这两个哪个价格低?", "which is cheaper?"),
    ("便宜的那个适用于哪款手机?", "the cheaper one, what phone does it fit?"),
    ("它多少钱?", "what is its price?"),
    ("这个多少钱?", "what is its price?"),
    ("有白色的车载充电器吗?", "white car charger"),
    # "价格哪个低一些" (which is lower in price): which is cheaper
    ("这两个价格哪个低一些?", "which is cheaper?"),
    # "X的Y是?" without a question word: the Y of X, of "this" one said so; "能给它用的": usable with it; colour names
    ("这个车充的价格是?", "what is the price of this car charger?"),
    ("有没有能给它用的车载充电器?", "any car charger for it?"),
    ("Pixel 8 玫瑰色 128GB 多少钱?", "what is the Pixel 8 rose 128GB price?"),
    # "X能用的Y有哪些" (which Y can be used with X); "哪一款" (which one); "单支合多少钱" (per one); "两个…差价" (the gap
    # between the two listings); units after a number ("12盎司")
    ("De'Longhi Dedica EC685 能用的滤芯有哪些?", "which filter fit the De'Longhi Dedica EC685?"),
    ("哪一款便宜些?", "which is cheaper?"),
    ("两支装的话,单支合多少钱?", "2 pack - what's that per filter"),
    ("每袋多少钱?", "what's that per bag"),
    ("HON Ignition 2.0 两个款式差价多少?", "HON Ignition 2.0, 2 listings - whats the price gap"),
    ("Stumptown Hair Bender 12盎司的两个价格差多少?", "Stumptown Hair Bender 12 oz, 2 listings - whats the price gap"),
    # "X白色比黑色便宜多少" (how much cheaper the white X is than the black); "耗电多少瓦" (how many watts)
    ("森海塞尔Momentum 4白色比黑色便宜多少?", "how much less is the white sennheiser Momentum 4 than the black one"),
    ("这款净化器耗电多少瓦?", "how many watts is this air purifier"),
    ("多少盎司", "how many oz is it"),
    ("一个多少钱", "what is the price?"),
    # "最便宜的那款…" (the cheapest one, then the question of it); "哪个电池最大" (which has the biggest battery)
    ("最便宜的那款刷新率是多少?", "the cheapest one, what is its refresh rate?"),
    ("哪个电池最大?", "which has the biggest battery?"),
    ("30瓦的车载充电器有哪些?", "30 w car charger"),
    ("OnePlus 12两个颜色的价格差多少?", "OnePlus 12, 2 listings - whats the price gap"),
    ("它有多重?换算成克是多少?", "what is its weight in grams?"),
    ("Levoit Core 300适用多少平方米的房间?", "what is the coverage area of the Levoit Core 300 in square meters?"),
    ("绿联45W氮化镓充电器适用于惠普EliteBook 840 G10吗?",
     "does the ugreen 45W gan charger work with the hp EliteBook 840 G10?"),
])
def test_to_english_reads_shopper_question_shapes(question: str, english: str) -> None:
    assert to_english(question) == english


def test_english_questions_are_left_alone() -> None:
    assert not has_chinese("what is the price?") and to_english("what is the price?") == "what is the price?"
