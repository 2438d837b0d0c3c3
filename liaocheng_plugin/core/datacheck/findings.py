"""What the input check found: one finding per layer-wide or per-feature problem, and the error that stops a check."""

from dataclasses import dataclass
from enum import Enum
from typing import List, Optional, Sequence, Tuple

from liaocheng_plugin.core.exceptions import LiaochengError


class DataKind(str, Enum):
    """What a finding is about: stable values for filtering and for the ``kind`` column."""

    CRS_MISSING = "crs_missing"
    CRS_UNITS = "crs_units"
    CRS_AREA = "crs_area"
    ZONE_PREFIX = "zone_prefix"
    AXIS_SWAPPED = "axis_swapped"
    FAR_APART = "far_apart"
    GEOMETRY_TYPE = "geometry_type"
    ENCODING = "encoding"
    UNDECODABLE = "undecodable"
    WEB_FRAME = "web_frame"
    CODE_PADDED = "code_padded"
    CODE_UNKNOWN = "code_unknown"
    DEDUCTION_PERCENT = "deduction_percent"
    DEDUCTION_RANGE = "deduction_range"
    NET_AREA = "net_area"
    RECORDED_AREA = "recorded_area"
    EMPTY_GEOMETRY = "empty_geometry"
    ZERO_AREA = "zero_area"
    REPAIR_AREA = "repair_area"
    SELF_OVERLAP = "self_overlap"
    DATUM = "datum"
    EMPTY_LAYER = "empty_layer"


class DataSeverity(str, Enum):
    """error stops the check; fixed was read in the one safe way (in memory); warning is carried into the result."""

    ERROR = "error"
    WARNING = "warning"
    FIXED = "fixed"


@dataclass
class DataFinding:
    """One finding of the input check; ``feature_id`` is None for a finding about the layer or several features.

    ``message`` and ``hint`` are in the UI language and name the layer, the field and the feature.
    ``feature_ids`` lists every feature a finding about several features concerns (for the
    ``data_warnings`` of the subjects meeting them); empty when that is ``feature_id`` alone or the layer.
    """

    layer: str
    feature_id: Optional[int]
    kind: str
    severity: DataSeverity
    message: str
    hint: str = ""
    feature_ids: Tuple[int, ...] = ()

    def concerns(self) -> Tuple[int, ...]:
        """The features this finding is about: those it lists, or its feature; () for the whole layer."""
        if self.feature_ids:
            return self.feature_ids
        return (self.feature_id,) if self.feature_id is not None else ()


class DataCheckError(LiaochengError):
    """The input cannot give right figures: the check stops, naming layer, field and feature."""

    def __init__(self, findings: Sequence[DataFinding]):
        self.findings: List[DataFinding] = list(findings)
        lines = [finding.message + (f" {finding.hint}" if finding.hint else "") for finding in self.findings]
        super().__init__(lines[0] if lines else "", "\n".join(lines[1:]))
