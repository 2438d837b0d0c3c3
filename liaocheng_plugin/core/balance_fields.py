"""Fields of outflow/inflow patches (耕地流出/流入图斑): detected from common names, or given."""

from dataclasses import dataclass
from typing import List

from qgis.core import QgsFields

from liaocheng_plugin.core.role_guess import detect_fields

PATCH_FIELD_CANDIDATES = {
    "patch_id": ("TBBH", "JCBH", "BH", "图斑编号", "编号", "ID", "PATCH_ID"),
    "county": ("XZQDM", "XDM", "QXDM", "县级代码", "县代码", "COUNTY"),
    "county_name": ("XZQMC", "XMC", "QXMC", "县区", "县名称", "COUNTY_NAME"),
    "township": ("XZDM", "XZJDM", "ZLDWDM", "乡镇代码", "TOWNSHIP"),
    "township_name": ("XZMC", "XZJMC", "ZLDWMC", "乡镇名称", "乡镇", "TOWNSHIP_NAME"),
    "year": ("NF", "JCNF", "年份", "YEAR"),
    "before": ("QDLBM", "BGQDLBM", "变更前地类编码", "前地类", "BASE_CODE"),
    "after": ("HDLBM", "BGHDLBM", "变更后地类编码", "后地类", "CURRENT_CODE"),
    "quality": ("GDDB", "ZLDJ", "GDZLDJ", "耕地等别", "质量等别", "QUALITY"),
    "method": ("ZGFS", "ZGLX", "整改方式", "整改类型"),
    "exemption": ("MCYY", "TCYY", "豁免原因", "不纳入原因"),
    "paired": ("PDLCTBBH", "DYLCTBBH", "对应流出图斑", "平衡图斑"),
    "direction": ("FX", "LX", "LCLR", "方向", "流向", "DIRECTION"),
}
# Words of each rectification method (整改方式) and exemption (豁免) as written in ledgers.
RESTORED_WORDS = ("就地恢复", "恢复", "复耕")
BALANCED_WORDS = ("进出平衡", "平衡")
EVIDENCE_WORDS = ("举证",)
EXEMPT_WORDS = ("生态退耕", "灾毁", "水面扩大")
OUTFLOW_WORDS = ("流出", "out", "lc", "outflow")
INFLOW_WORDS = ("流入", "in", "lr", "inflow")


@dataclass
class PatchFields:
    """The layer field of each patch attribute; "" when the layer has none."""

    patch_id: str = ""
    county: str = ""
    county_name: str = ""
    township: str = ""
    township_name: str = ""
    year: str = ""
    before: str = ""
    after: str = ""
    quality: str = ""
    method: str = ""
    exemption: str = ""
    paired: str = ""
    direction: str = ""

    @classmethod
    def detect(cls, layer_fields: QgsFields, **given: str) -> "PatchFields":
        """Fields found by common names, overridden by those ``given`` (non-empty)."""
        return cls(**detect_fields(layer_fields, PATCH_FIELD_CANDIDATES, given))


def split_ids(value) -> List[str]:
    """Patch ids listed in one attribute: "LC-1,LC-2", "LC-1、LC-2", "LC-1; LC-2"."""
    if value is None or str(value).strip() in ("", "NULL"):
        return []
    text = str(value)
    for separator in ("、", "，", ";", "；", " "):
        text = text.replace(separator, ",")
    return [part.strip() for part in text.split(",") if part.strip()]


def contains_any(value, words) -> bool:
    """Whether a ledger text contains one of ``words`` (case-insensitive)."""
    text = str(value or "").strip().lower()
    return bool(text) and text != "null" and any(word.lower() in text for word in words)


def direction_of(value) -> str:
    """ "out", "in" or "" from a direction attribute (流出/流入, out/in, LC/LR)."""
    text = str(value or "").strip().lower()
    if text in INFLOW_WORDS or "流入" in text:
        return "in"
    if text in OUTFLOW_WORDS or "流出" in text:
        return "out"
    return ""
