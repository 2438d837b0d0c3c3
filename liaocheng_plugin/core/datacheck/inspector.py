"""The array rules in one call, for the engine's hook between reading a layer and overlaying it:
``ArrayInspector(...).inspect(arrays) -> List[DataFinding]`` looks at and fixes the read arrays in memory."""

from dataclasses import dataclass, field
from typing import Callable, Dict, FrozenSet, List, Optional, Sequence

import numpy as np
from qgis.core import QgsCoordinateTransformContext, QgsProject

from liaocheng_plugin.core.datacheck.codes import known_codes, normalise_codes, unknown_code_findings
from liaocheng_plugin.core.datacheck.deduction import net_area_findings, normalise_deduction
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataSeverity
from liaocheng_plugin.core.datacheck.geometry_rules import (
    empty_geometry_findings,
    repair_area_findings,
    self_overlap_findings,
    zero_size_findings,
)
from liaocheng_plugin.core.datacheck.recorded_areas import recorded_area_findings
from liaocheng_plugin.core.datacheck.sources import raise_errors
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES, AreaMode, Role
from liaocheng_plugin.core.engine.arrays import (
    COLUMN_CODE,
    COLUMN_DEDUCTION,
    COLUMN_NET_AREA,
    COLUMN_RECORDED_AREA,
    LayerArrays,
)
from liaocheng_plugin.core.engine.dependency import shapely  # None without shapely 2: checks refuse
from liaocheng_plugin.core.engine.measure import AreaMeasurer
from liaocheng_plugin.core.settings import (
    MATCH_CODE_PREFIX,
    OVERLAP_TOLERANCE_M2,
    PAD_LAND_CODES,
    READ_KCXS_PERCENT,
    RECORDED_AREA_TOLERANCE_M2,
    RECORDED_AREA_TOLERANCE_PCT,
    REFUSE_AREA_CHANGING_REPAIRS,
    REPAIR_TOLERANCE_M2,
    REPAIR_TOLERANCE_PCT,
)

SUBJECT_KEY = "subject"
STANDARD_FIELDS = {  # the field a column is read from when the caller names none (for messages)
    COLUMN_CODE: "DLBM",
    COLUMN_DEDUCTION: "KCXS",
    COLUMN_RECORDED_AREA: "TBMJ",
    COLUMN_NET_AREA: "TBDLMJ",
}
AreaFunction = Callable[[np.ndarray], np.ndarray]  # shapely geometries in the working CRS → ellipsoidal m²


@dataclass
class DataRules:
    """The rules' settings, read once per run (see core/settings.py and the README's 数据体检 section)."""

    codes: FrozenSet[str] = field(default_factory=known_codes)
    cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES
    pad_codes: bool = True
    match_prefix: bool = True
    read_percent: bool = True
    overlap_tolerance_m2: float = 1.0
    area_tolerance_pct: float = 0.1
    area_tolerance_m2: float = 1.0
    refuse_changed_repairs: bool = True
    repair_tolerance_pct: float = 0.1
    repair_tolerance_m2: float = 1.0

    @classmethod
    def from_settings(cls, cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES) -> "DataRules":
        """The rules as the user's settings have them."""
        return cls(
            known_codes(),
            tuple(cultivated_codes),
            PAD_LAND_CODES.value(),
            MATCH_CODE_PREFIX.value(),
            READ_KCXS_PERCENT.value(),
            OVERLAP_TOLERANCE_M2.value(),
            RECORDED_AREA_TOLERANCE_PCT.value(),
            RECORDED_AREA_TOLERANCE_M2.value(),
            REFUSE_AREA_CHANGING_REPAIRS.value(),
            REPAIR_TOLERANCE_PCT.value(),
            REPAIR_TOLERANCE_M2.value(),
        )


class ArrayInspector:
    """Runs every array rule on a layer's arrays (in place) and returns the findings.

    ``fields`` gives, per layer key (role value, ``"subject"``), the layer's field name of each column
    meaning (for messages; DLBM, KCXS, TBMJ, TBDLMJ by default): ``RoleSpec.fields()`` of each role.
    ``area`` measures ellipsoidal areas (m²) of geometries; by default they are measured on CGCS2000 in
    the arrays' CRS (``LayerArrays.crs``, as the engine's reader sets it, transforms through ``context``),
    the scale factor taken at each geometry's centre (``AreaMeasurer.areas_by_centre``, within 1e-6);
    without either the rules that need areas are skipped. ``self_overlaps`` adds the rule on survey
    patches overlapping each other (``liaocheng:data_check``; in a check the engine reports the pairs a
    subject meets). ``inspect`` returns every finding; calling the inspector, as the engine's hook does,
    also stops the check (DataCheckError) when any finding is an error.
    """

    def __init__(
        self,
        rules: Optional[DataRules] = None,
        fields: Optional[Dict[str, Dict[str, str]]] = None,
        area: Optional[AreaFunction] = None,
        subject_keys: Sequence[str] = (SUBJECT_KEY,),
        context: Optional[QgsCoordinateTransformContext] = None,
        self_overlaps: bool = False,
    ):
        self.rules = rules or DataRules.from_settings()
        self.fields = fields or {}
        self.area = area
        self.subject_keys = tuple(subject_keys)
        self.context = context
        self.self_overlaps = self_overlaps
        self._measurers: Dict[str, AreaMeasurer] = {}

    def __call__(self, arrays: LayerArrays) -> List[DataFinding]:
        """The engine's ``inspect`` hook: ``inspect(arrays)``, raising DataCheckError when any finding is an error."""
        findings = self.inspect(arrays)
        raise_errors(findings)
        return findings

    def field_name(self, arrays: LayerArrays, column: str) -> str:
        return self.fields.get(arrays.key, {}).get(column) or STANDARD_FIELDS[column]

    def areas(self, arrays: LayerArrays) -> Optional[np.ndarray]:
        """Ellipsoidal areas (m²) of the arrays' geometries; None when there is no way to measure them."""
        if self.area is not None:
            return self.area(arrays.geometries)
        measurer = self._measurer(arrays)
        return measurer.areas_by_centre(arrays.geometries) if measurer is not None else None

    def exact_areas(self, arrays: LayerArrays) -> AreaFunction:
        """A function measuring geometries in the arrays' CRS as the checks' figures are measured (ellipsoidal,
        exact; planar when the CRS is unknown), for the few shapes compared one by one."""
        if self.area is not None:
            return self.area
        measurer = self._measurer(arrays)
        return measurer.areas if measurer is not None else self._planar_areas

    def _measurer(self, arrays: LayerArrays) -> Optional[AreaMeasurer]:
        crs = arrays.crs
        if crs is None or not crs.isValid():
            return None
        key = crs.toWkt()
        if key not in self._measurers:
            context = self.context or QgsProject.instance().transformContext()
            self._measurers[key] = AreaMeasurer(crs, context, AreaMode.ELLIPSOIDAL)
        return self._measurers[key]

    def inspect(self, arrays: LayerArrays) -> List[DataFinding]:
        """Check and fix one layer's arrays: geometries, codes (zero-padded), KCXS (fractions), net and recorded
        areas, subjects without area or length or whose repair changed their area, overlaps within the survey
        (``self_overlaps``). The arrays'
        columns are replaced by their read values (codes as str, KCXS as float fractions)."""
        rules = self.rules
        subject = arrays.key in self.subject_keys
        findings = empty_geometry_findings(arrays, DataSeverity.ERROR if subject else DataSeverity.WARNING)
        if COLUMN_CODE in arrays.columns:
            code_field = self.field_name(arrays, COLUMN_CODE)
            findings += normalise_codes(arrays, rules.codes, rules.pad_codes, code_field)
            findings += unknown_code_findings(arrays, rules.codes, rules.match_prefix, code_field)
        if COLUMN_DEDUCTION in arrays.columns:
            findings += normalise_deduction(arrays, rules.read_percent, self.field_name(arrays, COLUMN_DEDUCTION))
        gross_field = self.field_name(arrays, COLUMN_RECORDED_AREA)
        net_field = self.field_name(arrays, COLUMN_NET_AREA)
        findings += net_area_findings(arrays, rules.area_tolerance_m2, gross_field, net_field)
        recorded = COLUMN_RECORDED_AREA in arrays.columns or COLUMN_NET_AREA in arrays.columns
        areas = self.areas(arrays) if recorded or subject else None
        if areas is not None and recorded:
            findings += recorded_area_findings(
                arrays, areas, rules.area_tolerance_pct, rules.area_tolerance_m2, gross_field, net_field
            )
        if subject:
            findings += zero_size_findings(arrays, areas if areas is not None else self._planar(arrays))
            findings += repair_area_findings(
                arrays,
                self.exact_areas(arrays),
                rules.repair_tolerance_pct,
                rules.repair_tolerance_m2,
                rules.refuse_changed_repairs,
            )
        if self.self_overlaps and arrays.key == Role.LAND_SURVEY.value:
            findings += self_overlap_findings(arrays, rules.overlap_tolerance_m2)
        return findings

    @staticmethod
    def _planar(arrays: LayerArrays) -> np.ndarray:
        return ArrayInspector._planar_areas(arrays.geometries)

    @staticmethod
    def _planar_areas(geometries: np.ndarray) -> np.ndarray:
        return np.nan_to_num(shapely.area(np.asarray(geometries, dtype=object)))
