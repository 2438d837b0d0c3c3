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
REFUSE_AREA_CHANGING_REPAIRS = Setting(
    "datacheck/refuse_area_changing_repairs",
    True,
    "A subject (parcel, site, patch) whose invalid boundary (a bowtie, a loop) the repair gives another area, "
    "by more than both repair tolerances, stops the check; false: the check uses the repaired shape with a warning.",
)
REPAIR_TOLERANCE_PCT = Setting(
    "datacheck/repair_tolerance_pct",
    0.1,
    "A subject's repair changing its area by more than this (%) and the m² tolerance is an error (see above); "
    "a smaller change is a warning.",
)
REPAIR_TOLERANCE_M2 = Setting(
    "datacheck/repair_tolerance_m2",
    1.0,
    "A subject's repair changing its area by more than this (m²) and the % tolerance is an error (see above).",
)
REFUSE_EMPTY_LAYERS = Setting(
    "datacheck/refuse_empty_layers",
    True,
    "A protected layer (or zone layer) given to a check but holding no features stops the check, as a profile "
    "layer missing from the project does in the panels; false: a warning on every result.",
)

# 耕地流出/流入 from two survey years (liaocheng:change_detection) — see DOMAIN.md and the README.
# Code lists are comma-separated code prefixes: "02" is every 02xx code, K codes included.
CHANGE_OUTFLOW_CODES = Setting(
    "change/outflow_codes",
    "02,03,04,1104,1202",
    "Codes cultivated land turns into in an outflow (流出): orchards, forest, grass, ponds (1104, 1104A, 1104K), "
    "farm facilities; the reverse is an inflow (流入).",
)
CHANGE_DEBATABLE_CODES = Setting(
    "change/debatable_codes", "1006,1107", "Rural roads and ditches: outflow or occupation by the next setting."
)
CHANGE_DEBATABLE_ARE_OUTFLOW = Setting(
    "change/debatable_are_outflow",
    True,
    "Cultivated land turned into a debatable code (1006, 1107) is an outflow (true) or an occupation (false).",
)
CHANGE_CONSTRUCTION_CODES = Setting(
    "change/construction_codes",
    "05,06,07,08,09,10,1109,1201",
    "Construction land, for the minimum mapping unit (cultivated land turned into any code that is not "
    "cultivated land nor an outflow code is an occupation, 建设占用).",
)
CHANGE_FACILITY_CODES = Setting(
    "change/facility_codes", "1202", "Farm facility land, mapped from the construction land's minimum unit."
)
CHANGE_SLIVER_WIDTH_M = Setting(
    "change/sliver_width_m",
    1.0,
    "Pieces whose mean width (2 × area ÷ perimeter) is below this (m) are boundary slivers, not changes.",
)
CHANGE_MMU_CONSTRUCTION_M2 = Setting(
    "change/mmu_construction_m2",
    200.0,
    "Minimum mapping unit (m²) of change patches of construction land and farm facility land.",
)
CHANGE_MMU_FARMLAND_M2 = Setting(
    "change/mmu_farmland_m2", 400.0, "Minimum mapping unit (m²) of change patches of farmland (cultivated or other)."
)
CHANGE_MMU_OTHER_M2 = Setting(
    "change/mmu_other_m2", 600.0, "Minimum mapping unit (m²) of change patches of other land."
)

# The overlay inside PostGIS — see README, section Scaling out.
OVERLAY_IN_DATABASE = Setting(
    "postgis/overlay_in_database",
    True,
    "When the protected layers of a check are PostGIS layers of one database, the overlay runs in that database.",
)
STATEMENT_TIMEOUT_S = Setting(
    "postgis/statement_timeout_s",
    600,
    "The database stops any one statement of a check after this many seconds (0: no limit); the check then stops.",
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
        REFUSE_AREA_CHANGING_REPAIRS,
        REPAIR_TOLERANCE_PCT,
        REPAIR_TOLERANCE_M2,
        REFUSE_EMPTY_LAYERS,
        CHANGE_OUTFLOW_CODES,
        CHANGE_DEBATABLE_CODES,
        CHANGE_DEBATABLE_ARE_OUTFLOW,
        CHANGE_CONSTRUCTION_CODES,
        CHANGE_FACILITY_CODES,
        CHANGE_SLIVER_WIDTH_M,
        CHANGE_MMU_CONSTRUCTION_M2,
        CHANGE_MMU_FARMLAND_M2,
        CHANGE_MMU_OTHER_M2,
        OVERLAY_IN_DATABASE,
        STATEMENT_TIMEOUT_S,
    ]
