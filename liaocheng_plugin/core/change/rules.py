"""Which land-use change is an outflow, an inflow or an occupation, and how small a change patch may be.

DOMAIN.md, Check 2 and "Finding outflow and inflow from two survey years": cultivated land (0101/0102/0103)
turned into other farmland or farm facilities (02xx, K codes too, 03xx, 04xx, 1104/1104A, 1202) is an
outflow (流出), the reverse an inflow (流入); cultivated land turned into anything else is an occupation
(建设占用, handled by 占补平衡); a change within cultivated land is no change. Rural roads and ditches
(1006/1107) are debatable: a setting says which. Every code list is a setting (core/settings.py).
"""

from dataclasses import dataclass
from enum import Enum
from typing import Dict, Optional, Sequence, Tuple

import numpy as np

from liaocheng_plugin.core.datacheck.codes import is_cultivated_code
from liaocheng_plugin.core.datacheck.columns import distinct_map
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.settings import (
    CHANGE_CONSTRUCTION_CODES,
    CHANGE_DEBATABLE_ARE_OUTFLOW,
    CHANGE_DEBATABLE_CODES,
    CHANGE_FACILITY_CODES,
    CHANGE_MMU_CONSTRUCTION_M2,
    CHANGE_MMU_FARMLAND_M2,
    CHANGE_MMU_OTHER_M2,
    CHANGE_OUTFLOW_CODES,
    CHANGE_SLIVER_WIDTH_M,
    MATCH_CODE_PREFIX,
)

# Land classes of a code, as the change table reads them (int8 arrays).
NO_CODE, CULTIVATED, FARMLAND, OTHER = 0, 1, 2, 3


class ChangeDirection(str, Enum):
    """What a change patch is; the values are written to the ``direction`` field as the bureau writes them."""

    OUTFLOW = "流出"
    INFLOW = "流入"
    OCCUPATION = "建设占用"


# Direction numbers; DIRECTION_TABLE[base class, current class] gives the number of a pair (NONE: no change
# that matters here: within cultivated land, between other classes, or to cultivated land from other land).
NONE, OUT, IN, OCCUPIED = 0, 1, 2, 3
DIRECTIONS = (ChangeDirection.OUTFLOW, ChangeDirection.INFLOW, ChangeDirection.OCCUPATION)
DIRECTION_TABLE = np.zeros((4, 4), dtype=np.int8)
DIRECTION_TABLE[CULTIVATED, FARMLAND] = OUT
DIRECTION_TABLE[FARMLAND, CULTIVATED] = IN
DIRECTION_TABLE[CULTIVATED, OTHER] = OCCUPIED


def direction_of(number: int) -> ChangeDirection:
    """The ChangeDirection of a direction number (OUT, IN, OCCUPIED)."""
    return DIRECTIONS[number - 1]


def direction_labels() -> Dict[ChangeDirection, str]:
    """What each direction is called in the UI, translated."""
    return {
        ChangeDirection.OUTFLOW: tr("outflow"),
        ChangeDirection.INFLOW: tr("inflow"),
        ChangeDirection.OCCUPATION: tr("occupation"),
    }


def code_list(text: str) -> Tuple[str, ...]:
    """ "02, 03，1104" → ("02", "03", "1104"): a setting's or parameter's comma-separated codes."""
    return tuple(part.strip().upper() for part in text.replace("，", ",").split(",") if part.strip())


def _starts_with_any(code: str, prefixes: Sequence[str]) -> bool:
    return any(code.startswith(prefix) for prefix in prefixes)


@dataclass
class ChangeRules:
    """The rules of one run: code lists (prefixes), the sliver width and the minimum mapping units.

    ``min_area_m2`` given applies to every patch; None takes the survey's minimum mapping unit by the current
    code: construction and facility land 200 m², farmland 400 m², other land 600 m² (settings).
    """

    cultivated_codes: Tuple[str, ...] = DEFAULT_CULTIVATED_CODES
    outflow_codes: Tuple[str, ...] = ("02", "03", "04", "1104", "1202")
    debatable_codes: Tuple[str, ...] = ("1006", "1107")
    debatable_are_outflow: bool = True
    construction_codes: Tuple[str, ...] = ("05", "06", "07", "08", "09", "10", "1109", "1201")
    facility_codes: Tuple[str, ...] = ("1202",)
    sliver_width_m: float = 1.0
    min_area_m2: Optional[float] = None
    mapping_units_m2: Tuple[float, float, float] = (200.0, 400.0, 600.0)  # construction, farmland, other
    match_prefix: bool = True

    @classmethod
    def from_settings(
        cls,
        cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES,
        sliver_width_m: Optional[float] = None,
        min_area_m2: Optional[float] = None,
    ) -> "ChangeRules":
        """The rules as the user's settings have them; a given width or minimum area overrides its setting."""
        return cls(
            tuple(cultivated_codes),
            code_list(CHANGE_OUTFLOW_CODES.value()),
            code_list(CHANGE_DEBATABLE_CODES.value()),
            CHANGE_DEBATABLE_ARE_OUTFLOW.value(),
            code_list(CHANGE_CONSTRUCTION_CODES.value()),
            code_list(CHANGE_FACILITY_CODES.value()),
            CHANGE_SLIVER_WIDTH_M.value() if sliver_width_m is None else sliver_width_m,
            min_area_m2,
            (CHANGE_MMU_CONSTRUCTION_M2.value(), CHANGE_MMU_FARMLAND_M2.value(), CHANGE_MMU_OTHER_M2.value()),
            MATCH_CODE_PREFIX.value(),
        )

    def code_class(self, code: Optional[str]) -> int:
        """NO_CODE, CULTIVATED, FARMLAND (an outflow code, or a debatable one when they count as outflow), OTHER."""
        if not code:
            return NO_CODE
        if is_cultivated_code(code, self.cultivated_codes, self.match_prefix):
            return CULTIVATED
        farmland = self.outflow_codes + (self.debatable_codes if self.debatable_are_outflow else ())
        return FARMLAND if _starts_with_any(code, farmland) else OTHER

    def classes(self, codes: np.ndarray) -> np.ndarray:
        """The class of every code (object array of str/None) as an int8 array."""
        return distinct_map(codes, self.code_class).astype(np.int8)

    def mapping_unit_m2(self, current_code: str) -> float:
        """The smallest change patch mapped: ``min_area_m2`` when given, else by the current code's land."""
        if self.min_area_m2 is not None:
            return self.min_area_m2
        construction, farmland, other = self.mapping_units_m2
        if _starts_with_any(current_code, self.facility_codes):
            return construction
        if self.code_class(current_code) in (CULTIVATED, FARMLAND) or _starts_with_any(
            current_code, self.debatable_codes
        ):
            return farmland
        if _starts_with_any(current_code, self.construction_codes):
            return construction
        return other
