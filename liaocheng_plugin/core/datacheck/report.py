"""What the input check reports: the findings table (liaocheng:data_check's OUTPUT, every check's DATA_CHECK),
the ``data_warnings`` text of each result row, and the 数据体检 sheet of every XLSX ledger."""

from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from qgis.core import QgsFeature, QgsVectorLayer

from liaocheng_plugin.core.compat import FIELD_LONGLONG, FIELD_STRING
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.definitions import IssueKind
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.values import as_text, plain, writable_text
from liaocheng_plugin.core.xlsx import Sheet

FINDING_COLUMNS: Sequence[Tuple[str, int]] = (
    ("layer", FIELD_STRING),
    ("feature_id", FIELD_LONGLONG),
    ("kind", FIELD_STRING),
    ("severity", FIELD_STRING),
    ("message", FIELD_STRING),
    ("hint", FIELD_STRING),
)
DATA_WARNINGS_FIELD = "data_warnings"
SEPARATOR = "\n"  # one warning a line: the messages themselves hold "；" in Chinese
MAX_WARNINGS_CHARACTERS = 1000
SEVERITY_ORDER = {DataSeverity.ERROR: 0, DataSeverity.WARNING: 1, DataSeverity.FIXED: 2}
SKIPPED_KINDS = {  # features that count nowhere: their warnings concern every subject
    DataKind.EMPTY_GEOMETRY.value,
    IssueKind.EMPTY.value,
    IssueKind.UNREPAIRABLE.value,
    IssueKind.TRANSFORM_FAILED.value,
}


def _value(item) -> str:
    return item.value if hasattr(item, "value") else str(item)


def sorted_findings(findings: Iterable[DataFinding]) -> List[DataFinding]:
    """Errors first, then warnings, then what was fixed; in the order found within each."""
    return sorted(findings, key=lambda finding: SEVERITY_ORDER.get(DataSeverity(_value(finding.severity)), 3))


def finding_values(finding: DataFinding) -> List[object]:
    """Values in the order of FINDING_COLUMNS (feature_id None for a layer-wide finding)."""
    return [
        writable_text(finding.layer),
        finding.feature_id,
        _value(finding.kind),
        _value(finding.severity),
        writable_text(finding.message),
        writable_text(finding.hint),
    ]


def findings_from_layer(layer: QgsVectorLayer) -> List[DataFinding]:
    """The findings of a findings table (a DATA_CHECK or data_check OUTPUT layer)."""
    findings = []
    for feature in layer.getFeatures():
        feature_id = plain(feature["feature_id"])
        findings.append(
            DataFinding(
                as_text(feature["layer"]),
                int(feature_id) if feature_id is not None else None,
                as_text(feature["kind"]),
                DataSeverity(as_text(feature["severity"])),
                as_text(feature["message"]),
                as_text(feature["hint"]),
            )
        )
    return findings


def finding_feature(fields, finding: DataFinding) -> QgsFeature:
    """A row of the findings table."""
    feature = QgsFeature(fields)
    feature.setAttributes(finding_values(finding))
    return feature


class DataWarnings:
    """The ``data_warnings`` text of each result row: the warnings about the subject itself, then those about
    its whole layer, then those about the protected features it meets, then those about whole protected
    layers (features a layer skips, without geometry, count nowhere: those warnings concern every subject).

    ``role_layers`` maps the role keys of the overlay's pieces to the layer names of the findings.
    """

    def __init__(
        self,
        findings: Iterable[DataFinding],
        subject_layers: Iterable[str],
        role_layers: Optional[Mapping[str, str]] = None,
    ):
        warnings = [finding for finding in findings if _value(finding.severity) == DataSeverity.WARNING.value]
        self._subjects = set(subject_layers)
        self._role_layers = dict(role_layers or {})
        self._by_feature: Dict[Tuple[str, int], List[str]] = {}
        self._by_layer: Dict[str, List[str]] = {}
        for finding in warnings:
            features = () if _value(finding.kind) in SKIPPED_KINDS else finding.concerns()
            for feature_id in features:
                self._by_feature.setdefault((finding.layer, int(feature_id)), []).append(finding.message)
            if not features:
                self._by_layer.setdefault(finding.layer, []).append(finding.message)
        self._featured = {layer for layer, _ in self._by_feature}
        self._protected = [
            message for layer, messages in self._by_layer.items() if layer not in self._subjects for message in messages
        ]

    def text_for(self, layer: str, feature_id: int, overlap=None) -> Optional[str]:
        """The warnings of one subject as one text, None when there is none. ``overlap`` (the subject's
        SubjectOverlap) gives the protected features it meets."""
        messages = self._by_feature.get((layer, feature_id), []) + self._by_layer.get(layer, [])
        for key, role in overlap.roles.items() if overlap is not None else ():
            name = self._role_layers.get(key)
            if name in self._featured:
                for piece in role.pieces:
                    messages += self._by_feature.get((name, piece.protected_fid), [])
        messages += self._protected
        if not messages:
            return None
        text = SEPARATOR.join(dict.fromkeys(messages))
        return text if len(text) <= MAX_WARNINGS_CHARACTERS else text[: MAX_WARNINGS_CHARACTERS - 1] + "…"


def finding_headers() -> Dict[str, str]:
    """Column headers of the findings table, translated."""
    return {
        "layer": tr("Layer"),
        "feature_id": tr("Feature id"),
        "kind": tr("Kind"),
        "severity": tr("Severity"),
        "message": tr("Finding"),
        "hint": tr("What to do"),
    }


def data_warnings_header() -> str:
    """The ledger header of the ``data_warnings`` column every check's results carry, translated."""
    return tr("Data check warnings")


def severity_labels() -> Dict[str, str]:
    """error / warning / fixed → readable, translated."""
    return {"error": tr("error"), "warning": tr("warning"), "fixed": tr("fixed")}


def kind_labels() -> Dict[str, str]:
    """Finding kinds → readable, translated."""
    return {
        DataKind.CRS_MISSING.value: tr("no CRS"),
        DataKind.CRS_UNITS.value: tr("CRS unit"),
        DataKind.CRS_AREA.value: tr("CRS area of use"),
        DataKind.ZONE_PREFIX.value: tr("zone prefix"),
        DataKind.AXIS_SWAPPED.value: tr("X/Y swapped"),
        DataKind.FAR_APART.value: tr("far from protected layers"),
        DataKind.GEOMETRY_TYPE.value: tr("geometry type"),
        DataKind.ENCODING.value: tr("text encoding"),
        DataKind.UNDECODABLE.value: tr("garbled text"),
        DataKind.WEB_FRAME.value: tr("web-map frame"),
        DataKind.CODE_PADDED.value: tr("code lost leading zero"),
        DataKind.CODE_UNKNOWN.value: tr("unknown land-use code"),
        DataKind.DEDUCTION_PERCENT.value: tr("KCXS as percentage"),
        DataKind.DEDUCTION_RANGE.value: tr("KCXS out of range"),
        DataKind.NET_AREA.value: tr("net area"),
        DataKind.RECORDED_AREA.value: tr("recorded area"),
        DataKind.EMPTY_GEOMETRY.value: tr("no geometry"),
        DataKind.ZERO_AREA.value: tr("zero area"),
        DataKind.REPAIR_AREA.value: tr("repair changes area"),
        DataKind.SELF_OVERLAP.value: tr("overlapping features"),
        DataKind.DATUM.value: tr("datum"),
        DataKind.EMPTY_LAYER.value: tr("empty layer"),
        IssueKind.REPAIRED.value: tr("geometry repaired"),
        IssueKind.EMPTY.value: tr("no geometry"),
        IssueKind.UNREPAIRABLE.value: tr("geometry unrepairable"),
        IssueKind.TRANSFORM_FAILED.value: tr("transform failed"),
    }


def data_check_sheet(findings: Iterable[DataFinding]) -> Sheet:
    """The 数据体检 sheet of a ledger: every finding, errors first, with readable kinds and severities; one row
    saying so when the input check found nothing."""
    headers = finding_headers()
    severities, kinds = severity_labels(), kind_labels()
    rows: List[List[object]] = []
    for finding in sorted_findings(findings):
        values = finding_values(finding)
        values[2] = kinds.get(values[2], values[2])
        values[3] = severities.get(values[3], values[3])
        rows.append(values)
    if not rows:
        rows.append(["", None, "", "", tr("The input check found nothing to report."), ""])
    return Sheet(tr("Data check"), [headers[name] for name, _ in FINDING_COLUMNS], rows)
