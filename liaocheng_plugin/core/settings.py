"""Every setting of the plugin, declared once: key, type and default (QgsSettings under ``liaocheng_plugin/``).

The defaults are the rules of DOMAIN.md; a bureau changes them in QGIS's advanced settings editor
(Settings ▸ Options ▸ Advanced, ``liaocheng_plugin``) or with ``Setting.set_value``.
"""

from dataclasses import dataclass
from typing import Generic, List, TypeVar

from qgis.core import QgsSettings

SETTINGS_ROOT = "liaocheng_plugin"
Value = TypeVar("Value", bool, int, float, str)


@dataclass(frozen=True)
class Setting(Generic[Value]):
    """One global setting: its key under ``liaocheng_plugin/``, its default (which fixes its type) and meaning."""

    key: str
    default: Value
    meaning: str

    @property
    def path(self) -> str:
        """The full QgsSettings key."""
        return f"{SETTINGS_ROOT}/{self.key}"

    def value(self) -> Value:
        """The stored value read with the default's type, or the default."""
        kind = type(self.default)
        stored = QgsSettings().value(self.path, self.default, type=kind)
        return kind(stored) if stored is not None else self.default

    def set_value(self, value: Value) -> None:
        """Store a value (the user's profile)."""
        QgsSettings().setValue(self.path, type(self.default)(value))

    def reset(self) -> None:
        """Forget the stored value: the default applies again."""
        QgsSettings().remove(self.path)


# 数据体检 (input check) — see README, section 数据体检.
OVERLAP_TOLERANCE_M2 = Setting(
    "datacheck/overlap_tolerance_m2", 1.0, "Overlaps and slivers smaller than this (m²) are not findings."
)
RECORDED_AREA_TOLERANCE_PCT = Setting(
    "datacheck/recorded_area_tolerance_pct",
    0.1,
    "TBMJ/TBDLMJ differing from the computed ellipsoidal area by more than this (%) and the m² tolerance are listed.",
)
RECORDED_AREA_TOLERANCE_M2 = Setting(
    "datacheck/recorded_area_tolerance_m2",
    1.0,
    "TBMJ/TBDLMJ differing from the computed ellipsoidal area by more than this (m²) and the % tolerance are listed.",
)
PAD_LAND_CODES = Setting(
    "datacheck/pad_land_codes", True, "A numeric or 3-digit DLBM (103) is read zero-padded (0103)."
)
MATCH_CODE_PREFIX = Setting(
    "datacheck/match_code_prefix",
    True,
    "An unknown suffixed land-use code (0101X) is matched on its first 4 characters; K codes never count as "
    "cultivated.",
)
READ_KCXS_PERCENT = Setting(
    "datacheck/read_kcxs_percent", True, "When every KCXS of a layer lies in [1, 100) it is read as a percentage."
)
FALLBACK_ENCODING = Setting(
    "datacheck/fallback_encoding",
    "GB18030",
    "Encoding of a shapefile without .cpg whose text is not UTF-8 (GB18030 reads GBK and GB2312 too).",
)
CRS_AREA_MARGIN_DEG = Setting(
    "datacheck/crs_area_margin_deg",
    1.5,
    "How far (degrees) coordinates may lie outside their CRS's area of use (a city-wide layer forced into one "
    "zone) before the CRS is refused.",
)
FAR_APART_KM = Setting(
    "datacheck/far_apart_km",
    10.0,
    "A subject layer farther than this (km) from every protected layer is refused: a CRS is wrong, or the "
    "protected layers do not cover it.",
)


def declared_settings() -> List[Setting]:
    """Every declared setting, in the order of the README."""
    return [
        OVERLAP_TOLERANCE_M2,
        RECORDED_AREA_TOLERANCE_PCT,
        RECORDED_AREA_TOLERANCE_M2,
        PAD_LAND_CODES,
        MATCH_CODE_PREFIX,
        READ_KCXS_PERCENT,
        FALLBACK_ENCODING,
        CRS_AREA_MARGIN_DEG,
        FAR_APART_KM,
    ]
