"""Outputs every check algorithm shares: the overlap pieces and the report of repaired geometries."""

from typing import Callable, Optional

from qgis.core import QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry

from liaocheng_plugin.core.compat import FIELD_DOUBLE, FIELD_LONGLONG, FIELD_STRING, GEOMETRY_POLYGON
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.overlay import OverlapPiece, OverlayReport
from liaocheng_plugin.core.units import round_mu

MAX_ISSUES_LISTED = 50


def report_issues(report: OverlayReport, feedback) -> None:
    """Tell the user which features were repaired or skipped, naming layer and feature."""
    for issue in report.issues[:MAX_ISSUES_LISTED]:
        feedback.reportError(issue.message(), False)
    if len(report.issues) > MAX_ISSUES_LISTED:
        feedback.reportError(
            tr("… and {} more geometry problems.").format(len(report.issues) - MAX_ISSUES_LISTED), False
        )
    feedback.pushInfo(tr("Areas are {}; working CRS {}.").format(report.area_note, report.working_crs.authid()))


def pieces_fields() -> QgsFields:
    """Fields of the OVERLAPS output: one row per subject × protected feature."""
    fields = QgsFields()
    for name, kind in (
        ("subject_id", FIELD_LONGLONG),
        ("role", FIELD_STRING),
        ("feature_id", FIELD_LONGLONG),
        ("label", FIELD_STRING),
        ("land_code", FIELD_STRING),
        ("area_m2", FIELD_DOUBLE),
        ("area_mu", FIELD_DOUBLE),
    ):
        fields.append(QgsField(name, kind))
    return fields


PieceFilter = Optional[Callable[[OverlapPiece], bool]]


def write_pieces(sink: QgsFeatureSink, report: OverlayReport, keep: PieceFilter = None) -> None:
    """Write every polygon piece of the overlay (those ``keep`` accepts, when given) to ``sink``."""
    fields = pieces_fields()
    for result in report.subjects:
        for overlap in result.roles.values():
            for piece in overlap.pieces:
                if piece.geometry.type() == GEOMETRY_POLYGON and (keep is None or keep(piece)):
                    write_piece(sink, fields, result.subject_id, piece)


def write_piece(sink: QgsFeatureSink, fields: QgsFields, subject_id: int, piece: OverlapPiece) -> None:
    """One row of the OVERLAPS output (``fields`` from pieces_fields(), made once per run)."""
    geometry = QgsGeometry(piece.geometry)
    geometry.convertToMultiType()
    row = QgsFeature(fields)
    row.setGeometry(geometry)
    row.setAttributes(
        [
            subject_id,
            piece.role,
            piece.protected_fid,
            piece.label,
            piece.code,
            round(piece.area_m2, 2),
            round_mu(piece.area_m2),
        ]
    )
    sink.addFeature(row, QgsFeatureSink.Flag.FastInsert)
