"""Ledger (台账) fields of reserve parcels: which layer field holds what, detected from common names."""

from dataclasses import dataclass

from qgis.core import QgsFields

from liaocheng_plugin.core.role_guess import detect_fields
from liaocheng_plugin.core.values import is_null

# Candidate names per ledger attribute, pinyin abbreviations first, then Chinese and English names (a shapefile
# keeps 10 bytes of a name: 不动产权证号 in GBK becomes 不动产权证).
LEDGER_FIELD_CANDIDATES = {
    "code": ("DKBH", "CBDKBH", "BH", "地块编号", "编号", "CODE"),
    "name": ("DKMC", "CBDKMC", "地块名称", "名称", "MC", "NAME"),
    "recorded_mu": ("JLMJ", "TZMJ", "CBMJ", "DKMJ", "台账面积", "登记面积", "面积", "AREA_MU", "MJ"),
    "reserve_date": ("CBRQ", "RKRQ", "储备日期", "入库日期"),
    "registration": ("DJZT", "登记状态", "是否登记"),
    "certificate": ("BDCQZH", "BDCDJZMH", "QZH", "ZSH", "不动产权证号", "不动产权证", "证书号"),
    "fence": ("WD", "WDZT", "围挡", "围挡情况"),
    "dust_net": ("FCW", "FCWZT", "防尘网", "苫盖情况"),
    "last_inspection": ("ZJXCRQ", "XCRQ", "最近巡查日期", "巡查日期"),
}
# Words that say a fence or dust net is missing or incomplete (checked before the positive ones).
NOT_IN_PLACE_WORDS = ("无", "未", "否", "部分", "缺", "破损", "no", "none", "partial")


@dataclass
class LedgerFields:
    """The layer field of each ledger attribute; "" when the layer has none."""

    code: str = ""
    name: str = ""
    recorded_mu: str = ""
    reserve_date: str = ""
    registration: str = ""
    certificate: str = ""
    fence: str = ""
    dust_net: str = ""
    last_inspection: str = ""

    @classmethod
    def detect(cls, layer_fields: QgsFields, **given: str) -> "LedgerFields":
        """Fields found by common names, overridden by those ``given`` (non-empty)."""
        return cls(**detect_fields(layer_fields, LEDGER_FIELD_CANDIDATES, given))


def is_in_place(value) -> bool:
    """Whether a fence / dust-net state says it is complete (完整, 已覆盖, 是 …)."""
    if is_null(value):
        return False
    text = str(value).strip().lower()
    return not any(word in text for word in NOT_IN_PLACE_WORDS)
