"""The conflict pieces (OVERLAPS output): their fields, and those of one checked subject read back as plain records
with their geometry."""

from typing import Dict, List, Tuple

from qgis.core import QgsFeatureRequest, QgsField, QgsFields, QgsGeometry, QgsVectorLayer

from liaocheng_plugin.core.compat import FIELD_DOUBLE, FIELD_LONGLONG, FIELD_STRING
from liaocheng_plugin.core.engine.results import OverlapPiece
from liaocheng_plugin.core.units import round_mu
from liaocheng_plugin.core.values import as_float, record

Piece = Tuple[Dict[str, object], QgsGeometry]


def pieces_of_subject(pieces: QgsVectorLayer, subject_id) -> List[Piece]:
    """Pieces whose ``subject_id`` is the subject's (every check writes it in OUTPUT and OVERLAPS); [] when NULL."""
    number = as_float(subject_id)
    if number is None or pieces.fields().lookupField("subject_id") < 0:
        return []
    request = QgsFeatureRequest().setFilterExpression(f'"subject_id" = {int(number)}')
    return [(record(piece), piece.geometry()) for piece in pieces.getFeatures(request)]


PIECE_COLUMNS = (
    ("subject_id", FIELD_LONGLONG),
    ("role", FIELD_STRING),
    ("feature_id", FIELD_LONGLONG),
    ("label", FIELD_STRING),
    ("land_code", FIELD_STRING),
    ("area_m2", FIELD_DOUBLE),
    ("area_mu", FIELD_DOUBLE),
)


def pieces_fields() -> QgsFields:
    """Fields of the OVERLAPS output: one row per subject × protected feature."""
    fields = QgsFields()
    for name, kind in PIECE_COLUMNS:
        fields.append(QgsField(name, kind))
    return fields


def piece_values(subject_id: int, piece: OverlapPiece) -> list:
    """Attribute values of one OVERLAPS row, in the order of ``pieces_fields()``."""
    return [
        subject_id,
        piece.role,
        piece.protected_fid,
        piece.label,
        piece.code,
        round(piece.area_m2, 2),
        round_mu(piece.area_m2),
    ]
