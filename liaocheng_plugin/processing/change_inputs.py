"""The two survey layers of liaocheng:change_detection: their fields (given or found by common names) and the
input check every check runs on its layers (source rules before reading, the array rules on each survey)."""

from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSource,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsVectorLayer,
)

from liaocheng_plugin.core.change import BASE, CURRENT, SurveySpec
from liaocheng_plugin.core.compat import GEOMETRY_POLYGON
from liaocheng_plugin.core.datacheck.findings import DataCheckError, DataFinding, DataSeverity
from liaocheng_plugin.core.datacheck.inspector import ArrayInspector, DataRules
from liaocheng_plugin.core.datacheck.layer_rules import far_apart_findings, lonlat_extent
from liaocheng_plugin.core.datacheck.report import sorted_findings
from liaocheng_plugin.core.datacheck.sources import InputLayer, check_sources
from liaocheng_plugin.core.engine import AreaMeasurer, LayerArrays
from liaocheng_plugin.core.engine.arrays import COLUMN_CODE, COLUMN_DEDUCTION, COLUMN_NET_AREA, COLUMN_RECORDED_AREA
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.role_guess import find_field, guess_deduction_field, guess_label_field
from liaocheng_plugin.processing.data_inputs import parameter_layer, report_findings
from liaocheng_plugin.processing.protected_parameters import whole_layer

QUALITY_FIELDS = ("GDDB", "ZLDJ", "GDZLDJ")
LOCATION_FIELDS = ("ZLDWDM", "QSDWDM")
YEAR_FIELDS = ("SJNF", "NF", "年份", "YEAR")
RECORDED_AREA_FIELDS, NET_AREA_FIELDS = ("TBMJ",), ("TBDLMJ",)


@dataclass
class SurveyParameters:
    """The parameter names of one survey: the layer and its fields."""

    key: str
    layer: str
    code: str
    deduction: str
    quality: str
    location: str


def survey_labels() -> Dict[str, str]:
    """What each survey is called in messages, translated."""
    return {BASE: tr("base-year land-use survey (DLTB)"), CURRENT: tr("current-year land-use survey (DLTB)")}


def _field(layer_fields, given: str, candidates, layer_name: str = "", what: str = "", required: bool = False) -> str:
    """The given field when the layer has it, else the first candidate present ("" for none); a clear error naming
    layer and field when ``required``."""
    if given and layer_fields.lookupField(given) >= 0:
        return layer_fields.at(layer_fields.lookupField(given)).name()
    found = find_field(layer_fields, candidates)
    if required and not found:
        raise QgsProcessingException(
            tr("Layer “{}” has no {} field “{}”.").format(layer_name, what, given or candidates[0])
        )
    return found


def survey_spec(
    algorithm: QgsProcessingAlgorithm,
    parameters: dict,
    context: QgsProcessingContext,
    names: SurveyParameters,
    display_name: str,
    replacement: Optional[QgsVectorLayer],
) -> SurveySpec:
    """The survey of one parameter set, read from its fixed copy when the input check made one."""
    source: QgsFeatureSource = replacement or algorithm.parameterAsSource(parameters, names.layer, context)
    layer = replacement if replacement is not None else whole_layer(algorithm, parameters, names.layer, context)
    fields = source.fields()
    text = algorithm.parameterAsString
    code = _field(fields, text(parameters, names.code, context), ("DLBM",), display_name, tr("land-use code"), True)
    deduction = _field(fields, text(parameters, names.deduction, context), ()) or guess_deduction_field(fields)
    return SurveySpec(
        names.key,
        source,
        display_name,
        code,
        deduction,
        _field(fields, text(parameters, names.quality, context), QUALITY_FIELDS),
        _field(fields, text(parameters, names.location, context), LOCATION_FIELDS),
        guess_label_field(fields),
        find_field(fields, YEAR_FIELDS),
        find_field(fields, RECORDED_AREA_FIELDS),
        find_field(fields, NET_AREA_FIELDS),
        layer,
    )


def display_names(base: QgsVectorLayer, current: QgsVectorLayer) -> Tuple[str, str]:
    """The names of the two surveys in messages; told apart when both layers are called the same (DLTB)."""
    if base.name() != current.name():
        return base.name(), current.name()
    return tr("{} (base year)").format(base.name()), tr("{} (current year)").format(current.name())


def check_survey_sources(
    parameters: dict, context: QgsProcessingContext, feedback, layer_names: Tuple[str, str]
) -> Tuple[List[DataFinding], Dict[str, QgsVectorLayer]]:
    """The source rules on both surveys (CRS, geometry type, encoding) and whether they cover the same land.

    Raises QgsProcessingException naming layer and problem when anything is an error; returns the findings
    and the fixed copies to read instead of the user's layers (by parameter name).
    """
    layers = {name: parameter_layer(parameters, name, context) for name in layer_names}
    missing = [name for name, layer in layers.items() if layer is None]
    if missing:
        raise QgsProcessingException(tr("Give both the base-year and the current-year survey layers."))
    labels = list(survey_labels().values())
    empty = tr("no land would be compared between the two years, and no change could be found.")
    items = [
        InputLayer(layer, label, (GEOMETRY_POLYGON,), empty_consequence=empty)
        for layer, label in zip(layers.values(), labels)
    ]
    check = check_sources(items, context.transformContext())
    findings = list(check.findings)
    if not check.errors:
        boxes = [lonlat_extent(check.layer_to_read(layer), context.transformContext()) for layer in layers.values()]
        if None not in boxes:
            findings += far_apart_findings((items[1].name, boxes[1]), [(items[0].name, boxes[0])])
    errors = [finding for finding in findings if finding.severity == DataSeverity.ERROR]
    if errors:
        raise QgsProcessingException(str(DataCheckError(sorted_findings(errors))))
    report_findings(findings, feedback)
    replacements = {
        name: check.replacements[layer.id()] for name, layer in layers.items() if layer.id() in check.replacements
    }
    return findings, replacements


def array_inspector(
    specs: List[SurveySpec],
    working_crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    cultivated_codes: List[str],
):
    """The array rules of the input check on each survey (codes zero-padded, KCXS percentages, TBMJ/TBDLMJ
    against the ellipsoidal area …), as the engine's ``inspect`` hook: stops the run on an error."""
    rules = DataRules.from_settings(cultivated_codes)
    area = AreaMeasurer(working_crs, context.transformContext()).areas
    inspectors = {}
    for spec in specs:
        fields = {
            meaning: name
            for meaning, name in spec.fields().items()
            if meaning in (COLUMN_CODE, COLUMN_DEDUCTION, COLUMN_RECORDED_AREA, COLUMN_NET_AREA)
        }
        inspectors[spec.key] = ArrayInspector(rules, {spec.key: fields}, area, subject_keys=())

    def inspect(arrays: LayerArrays) -> List[DataFinding]:
        return inspectors[arrays.key](arrays)

    return inspect
