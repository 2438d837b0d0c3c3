"""Village names in the style of the North China Plain (surname + settlement word)."""

import random
from typing import List

SURNAMES = (
    "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜程苏魏"
    "吕丁任沈姚卢姜崔谭陆范金石贾夏付方白邹孟秦邱尹薛闫段侯史郝邵"
)
SETTLEMENT_WORDS = "庄屯集楼营寨店村园洼堤口桥铺"
PREFIXES = ["", "", "", "前", "后", "东", "西", "南", "北", "大", "小"]


def village_names(count: int, rng: random.Random) -> List[str]:
    """``count`` distinct village names."""
    names: List[str] = []
    seen = set()
    while len(names) < count:
        name = rng.choice(PREFIXES) + rng.choice(SURNAMES) + rng.choice(SETTLEMENT_WORDS)
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names
