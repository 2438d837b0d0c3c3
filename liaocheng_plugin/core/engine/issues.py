"""Geometry problems met while reading and repairing, as DataFindings with the messages users know."""

from typing import Optional

from liaocheng_plugin.core.datacheck.findings import DataFinding, DataSeverity
from liaocheng_plugin.core.definitions import IssueKind
from liaocheng_plugin.core.foreign_texts import validity_reason
from liaocheng_plugin.core.i18n import tr


def issue_text(kind: IssueKind) -> str:
    """The message template of a geometry problem: layer, feature, detail."""
    texts = {
        IssueKind.REPAIRED: tr("Layer “{}”, feature {}: invalid geometry repaired ({})."),
        IssueKind.EMPTY: tr("Layer “{}”, feature {}: empty geometry skipped{}."),
        IssueKind.UNREPAIRABLE: tr("Layer “{}”, feature {}: geometry could not be repaired and was skipped ({})."),
        IssueKind.TRANSFORM_FAILED: tr("Layer “{}”, feature {}: could not be transformed to the working CRS{}."),
    }
    return texts[kind]


def issue_finding(layer_name: str, feature_id: Optional[int], kind: IssueKind, detail: str = "") -> DataFinding:
    """A repaired geometry is ``fixed``; one that had to be skipped is a ``warning``. ``kind`` is the IssueKind."""
    severity = DataSeverity.FIXED if kind == IssueKind.REPAIRED else DataSeverity.WARNING
    if kind in (IssueKind.REPAIRED, IssueKind.UNREPAIRABLE):
        detail = validity_reason(detail)  # GEOS's words ("Self-intersection[x y]") in the UI language
    return DataFinding(layer_name, feature_id, kind, severity, issue_text(kind).format(layer_name, feature_id, detail))
