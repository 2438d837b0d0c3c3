"""What the input check reports: the findings table (liaocheng:data_check's OUTPUT, every check's DATA_CHECK),
the ``data_warnings`` text of each result row, and the 数据体检 sheet of every XLSX ledger."""

from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import QgsFeature, QgsVectorLayer

from liaocheng_plugin.core.compat import FIELD_LONGLONG, FIELD_STRING
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
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
SEPARATOR = "；"
MAX_WARNINGS_CHARACTERS = 1000
SEVERITY_ORDER = {DataSeverity.ERROR: 0, DataSeverity.WARNING: 1, DataSeverity.FIXED: 2}


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
    its whole layer, then the layer-wide warnings about the protected layers."""

    def __init__(self, findings: Iterable[DataFinding], subject_layers: Iterable[str]):
        warnings = [finding for finding in findings if _value(finding.severity) == DataSeverity.WARNING.value]
        subjects = set(subject_layers)
        self._by_feature: Dict[Tuple[str, int], List[str]] = {}
        for finding in warnings:
            if finding.feature_id is not None and finding.layer in subjects:
                self._by_feature.setdefault((finding.layer, finding.feature_id), []).append(finding.message)
        self._by_layer = {
            layer: [f.message for f in warnings if f.layer == layer and f.feature_id is None] for layer in subjects
        }
        self._protected = [f.message for f in warnings if f.layer not in subjects and f.feature_id is None]

    def text_for(self, layer: str, feature_id: int) -> Optional[str]:
        """The warnings of one subject as one text, None when there is none."""
        messages = self._by_feature.get((layer, feature_id), []) + self._by_layer.get(layer, []) + self._protected
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
        DataKind.SELF_OVERLAP.value: tr("overlapping features"),
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
