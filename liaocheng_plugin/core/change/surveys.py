"""The two surveys of a change detection read once into arrays and input-checked: land-use code (DLBM),
deduction coefficient (KCXS), grade (GDDB), location (ZLDWDM), identifier (BSM) and data year (SJNF)."""

import re
from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureSource,
    QgsFeedback,
    QgsVectorLayer,
)

from liaocheng_plugin.core.change.rules import ChangeRules
from liaocheng_plugin.core.datacheck.columns import distinct_map, numeric_column
from liaocheng_plugin.core.datacheck.findings import DataFinding
from liaocheng_plugin.core.engine import LayerArrays, inspect_arrays, read_layer
from liaocheng_plugin.core.engine.arrays import (
    COLUMN_CODE,
    COLUMN_DEDUCTION,
    COLUMN_LABEL,
    COLUMN_NET_AREA,
    COLUMN_RECORDED_AREA,
)
from liaocheng_plugin.core.engine.overlay import Inspect
from liaocheng_plugin.core.engine.repair import repair_geometries
from liaocheng_plugin.core.values import as_text, as_year

COLUMN_QUALITY = "quality"  # cultivated-land grade, GDDB (1 best)
COLUMN_LOCATION = "location"  # 坐落单位代码 ZLDWDM: [:6] county, [:9] township
COLUMN_YEAR = "year"  # data year, SJNF
COUNTY_DIGITS, TOWNSHIP_DIGITS = 6, 9
YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
BASE, CURRENT = "base", "current"


@dataclass
class SurveySpec:
    """One survey layer of a change detection and its fields ("" when the layer has none).

    ``key`` is ``"base"`` or ``"current"``; ``name`` the name used in every message; ``layer`` the saved layer
    behind a Processing ``source`` of the whole layer (lets the engine read it in bulk through GDAL).
    """

    key: str
    source: QgsFeatureSource
    name: str
    code_field: str
    deduction_field: str = ""
    quality_field: str = ""
    location_field: str = ""
    label_field: str = ""
    year_field: str = ""
    recorded_area_field: str = ""
    net_area_field: str = ""
    layer: Optional[QgsVectorLayer] = None

    def fields(self) -> Dict[str, str]:
        """Every field to read, by meaning; empty names left out."""
        named = {
            COLUMN_CODE: self.code_field,
            COLUMN_DEDUCTION: self.deduction_field,
            COLUMN_QUALITY: self.quality_field,
            COLUMN_LOCATION: self.location_field,
            COLUMN_LABEL: self.label_field,
            COLUMN_YEAR: self.year_field,
            COLUMN_RECORDED_AREA: self.recorded_area_field,
            COLUMN_NET_AREA: self.net_area_field,
        }
        return {meaning: name for meaning, name in named.items() if name}


@dataclass
class Survey:
    """A survey as the change detection reads it, arrays of length n aligned with ``arrays``.

    ``codes`` text (None for NULL), ``classes`` land classes (rules.NO_CODE …), ``deductions`` KCXS as
    fractions (0 for NULL), ``grades`` GDDB (NaN for NULL), ``townships`` ZLDWDM[:9] ("" when missing),
    ``label_texts`` gives the identifiers (BSM, else feature ids) of features. ``code_ids`` and
    ``township_ids`` number the distinct codes and townships (to group pieces without comparing text).
    """

    spec: SurveySpec
    arrays: LayerArrays
    codes: np.ndarray
    classes: np.ndarray
    deductions: np.ndarray
    grades: np.ndarray
    townships: np.ndarray

    def __post_init__(self):
        self.code_ids, self.code_count = _numbered(self.codes)
        self.township_ids, self.township_count = _numbered(self.townships)

    @property
    def geometries(self) -> np.ndarray:
        return self.arrays.geometries

    def label_texts(self, positions: np.ndarray) -> np.ndarray:
        """The identifier (BSM) of the features at ``positions`` as text, the feature id where it has none."""
        values = self.arrays.columns.get(COLUMN_LABEL)
        texts = _texts(None if values is None else values[positions], len(positions))
        missing = texts == ""
        texts[missing] = self.arrays.fids[positions][missing].astype(str)
        return texts


def _numbered(values: np.ndarray) -> Tuple[np.ndarray, int]:
    """A number per distinct value (None counts as one) and how many there are."""
    numbers: Dict[object, int] = {}
    ids = np.array([numbers.setdefault(value, len(numbers)) for value in values.tolist()], dtype=np.int64)
    return ids, max(len(numbers), 1)


def group_keys(base: "Survey", current: "Survey", at_base: np.ndarray, at_current: np.ndarray) -> np.ndarray:
    """One int64 per (base position, current position) pair: equal for the same change in the same township
    (the current survey's township, the base code, the current code)."""
    township = current.township_ids[at_current]
    return (township * base.code_count + base.code_ids[at_base]) * current.code_count + current.code_ids[at_current]


def _numbers(values: Optional[np.ndarray], count: int, default: float) -> np.ndarray:
    if values is None:
        return np.full(count, default)
    numbers, _nulls, _ = numeric_column(values)
    return np.where(np.isnan(numbers), default, numbers)


def _texts(values: Optional[np.ndarray], count: int) -> np.ndarray:
    if values is None:
        return np.full(count, "", dtype=object)
    return distinct_map(values, as_text)


def read_survey(
    spec: SurveySpec,
    working_crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
    rules: ChangeRules,
    feedback: Optional[QgsFeedback] = None,
    inspect: Optional[Inspect] = None,
    threads: int = 1,
) -> Tuple[Survey, List[DataFinding]]:
    """Read ``spec`` once through the engine (geometries in the working CRS, repaired), let ``inspect`` (the
    input check) see and fix the arrays — codes zero-padded, KCXS percentages read as fractions — and read
    the columns. Returns the survey and the findings of reading, repairing and inspecting.
    Raises LiaochengError for a missing field, CheckCanceledError on cancel, DataCheckError from ``inspect``."""
    arrays, findings = read_layer(
        spec.source, spec.key, spec.name, spec.fields(), working_crs, context, None, feedback, spec.layer
    )
    findings += repair_geometries(arrays, threads=threads)
    findings += inspect_arrays(arrays, inspect)
    count = len(arrays)
    columns = arrays.columns
    codes = distinct_map(columns[COLUMN_CODE], lambda value: as_text(value) or None)
    locations = _texts(columns.get(COLUMN_LOCATION), count)
    survey = Survey(
        spec,
        arrays,
        codes,
        rules.classes(codes),
        _numbers(columns.get(COLUMN_DEDUCTION), count, 0.0),
        _numbers(columns.get(COLUMN_QUALITY), count, np.nan),
        distinct_map(locations, lambda text: text[:TOWNSHIP_DIGITS]),
    )
    return survey, findings


def survey_year(survey: Survey) -> Optional[int]:
    """The data year of a survey: the most common value of its year field (SJNF), else a year in its name."""
    values = survey.arrays.columns.get(COLUMN_YEAR)
    if values is not None:
        years = Counter(year for year in distinct_map(values, as_year).tolist() if year is not None)
        if years:
            return years.most_common(1)[0][0]
    found = YEAR_IN_NAME.findall(survey.spec.name)
    return int(found[-1]) if found else None
