"""数据体检 on its own (liaocheng:data_check): every rule on every layer, errors reported as findings."""

from typing import List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureSource,
    QgsFeedback,
    QgsVectorLayer,
    QgsVectorLayerSelectedFeatureSource,
)

from liaocheng_plugin.core.crs import choose_working_crs
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind
from liaocheng_plugin.core.datacheck.inspector import SUBJECT_KEY, ArrayInspector, DataRules
from liaocheng_plugin.core.datacheck.sources import InputLayer, check_sources
from liaocheng_plugin.core.datacheck.web_frames import CoordinateFrame
from liaocheng_plugin.core.definitions import IssueKind
from liaocheng_plugin.core.engine.dependency import require_shapely
from liaocheng_plugin.core.engine.measure import transverse_mercator
from liaocheng_plugin.core.engine.reader import read_layer
from liaocheng_plugin.core.engine.repair import repair_geometries
from liaocheng_plugin.core.progress import StepFeedback


def distinct_findings(findings: Sequence[DataFinding]) -> List[DataFinding]:
    """Findings without repeats: one per layer, feature and kind (per layer, kind and text when layer-wide); a
    feature the reader skipped for having no geometry is not listed again when the input check names it, nor
    a repair as ``fixed`` when the input check says what it did to the area (one verdict per feature)."""
    named = {finding.layer for finding in findings if finding.kind == DataKind.EMPTY_GEOMETRY}
    judged = {
        (finding.layer, feature)
        for finding in findings
        if finding.kind == DataKind.REPAIR_AREA
        for feature in finding.concerns()
    }
    seen, result = set(), []
    for finding in findings:
        if finding.kind == IssueKind.EMPTY and finding.layer in named:
            continue
        if finding.kind == IssueKind.REPAIRED and (finding.layer, finding.feature_id) in judged:
            continue
        detail = finding.message if finding.feature_id is None else ""
        key = (finding.layer, finding.feature_id, str(finding.kind), detail)
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result


def reading_crs(layer: QgsVectorLayer, context: QgsCoordinateTransformContext) -> QgsCoordinateReferenceSystem:
    """The CRS a layer is read and measured in: its own when it is transverse Mercator (Gauss–Krüger, UTM: read
    in bulk, areas measured exactly), else the CGCS2000 Gauss–Krüger zone of its centre."""
    if transverse_mercator(layer.crs()) is not None:
        return layer.crs()
    return choose_working_crs(layer.crs(), layer.extent(), context)


def read_checked(
    item: InputLayer, layer: QgsVectorLayer, selected: bool, context: QgsCoordinateTransformContext, feedback
) -> Tuple[object, List[DataFinding]]:
    """A layer read by the engine's reader (only its selected features when ``selected``) and repaired as the
    checks repair it; lines stay lines (the input check looks at routes as drawn)."""
    source: QgsFeatureSource = QgsVectorLayerSelectedFeatureSource(layer) if selected else layer
    whole = None if selected else layer
    crs = reading_crs(layer, context)
    present = {meaning: name for meaning, name in item.columns.items() if layer.fields().lookupField(name) >= 0}
    arrays, findings = read_layer(source, item.key, item.name, present, crs, context, None, feedback, whole)
    findings += repair_geometries(arrays)
    return arrays, findings


def check_data(
    layers: Sequence[InputLayer],
    context: QgsCoordinateTransformContext,
    frame: CoordinateFrame = CoordinateFrame.UNSTATED,
    rules: Optional[DataRules] = None,
    feedback: Optional[QgsFeedback] = None,
) -> List[DataFinding]:
    """Every finding of the input check on ``layers``: the source rules, then, on each layer the source rules let
    through (its fixed copy when there is one), what reading and repairing it found and the array rules,
    the survey's overlapping patches included. Raises CheckCanceledError on cancel, LiaochengError naming
    what to install without shapely 2."""
    require_shapely()
    rules = rules or DataRules.from_settings()
    steps = StepFeedback(len(layers) + 1, feedback)
    check = check_sources(layers, context, frame)
    findings = list(check.findings)
    refused = {finding.layer for finding in check.errors}
    fields = {item.key: item.columns for item in layers}
    inspector = ArrayInspector(rules, fields, None, (SUBJECT_KEY,), context, self_overlaps=True)
    for step, item in enumerate(layers, start=1):
        steps.set_step(step)
        if item.name in refused:
            continue
        selected = item.feature_ids is not None and item.layer.id() not in check.copied
        arrays, read = read_checked(item, check.layer_to_read(item.layer), selected, context, steps)
        findings += read
        findings += inspector.inspect(arrays)
    return distinct_findings(findings)
