"""数据体检 on its own (liaocheng:data_check): every rule on every layer, errors reported as findings."""

from typing import List, Optional, Sequence

from qgis.core import QgsCoordinateTransformContext, QgsFeedback

from liaocheng_plugin.core.datacheck.findings import DataFinding
from liaocheng_plugin.core.datacheck.geometry_rules import degenerate_subject_findings
from liaocheng_plugin.core.datacheck.inspector import SUBJECT_KEY, ArrayInspector, DataRules
from liaocheng_plugin.core.datacheck.interim_reader import EllipsoidalArea, read_arrays
from liaocheng_plugin.core.datacheck.sources import InputLayer, check_sources
from liaocheng_plugin.core.datacheck.web_frames import CoordinateFrame
from liaocheng_plugin.core.engine.dependency import require_shapely
from liaocheng_plugin.core.progress import StepFeedback


def distinct_findings(findings: Sequence[DataFinding]) -> List[DataFinding]:
    """Findings without repeats: one per layer, feature and kind (per layer, kind and text when layer-wide)."""
    seen, result = set(), []
    for finding in findings:
        detail = finding.message if finding.feature_id is None else ""
        key = (finding.layer, finding.feature_id, str(finding.kind), detail)
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result


def check_data(
    layers: Sequence[InputLayer],
    context: QgsCoordinateTransformContext,
    frame: CoordinateFrame = CoordinateFrame.UNSTATED,
    rules: Optional[DataRules] = None,
    feedback: Optional[QgsFeedback] = None,
) -> List[DataFinding]:
    """Every finding of the input check on ``layers``: the source rules, then the array rules on each layer
    the source rules let through (its fixed copy when there is one). Raises CheckCanceledError on cancel,
    LiaochengError naming what to install without shapely 2."""
    require_shapely()
    rules = rules or DataRules.from_settings()
    steps = StepFeedback(len(layers) + 1, feedback)
    check = check_sources(layers, context, frame)
    findings = list(check.findings)
    refused = {finding.layer for finding in check.errors}
    for step, item in enumerate(layers, start=1):
        steps.set_step(step)
        if item.name in refused:
            continue
        layer = check.layer_to_read(item.layer)
        chosen = item.feature_ids if item.layer.id() not in check.copied else None
        arrays, raw = read_arrays(layer, item.key, item.columns, chosen, steps)
        if item.subject:
            findings += degenerate_subject_findings(arrays.name, arrays.fids, raw)
        inspector = ArrayInspector(rules, {item.key: item.columns}, EllipsoidalArea(layer), (SUBJECT_KEY,))
        findings += inspector.inspect(arrays)
    return distinct_findings(findings)
