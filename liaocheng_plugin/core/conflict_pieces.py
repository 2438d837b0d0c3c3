"""The conflict pieces (OVERLAPS output) of one checked subject, read as plain records with their geometry."""

from typing import Dict, List, Tuple

from qgis.core import QgsFeatureRequest, QgsGeometry, QgsVectorLayer

from liaocheng_plugin.core.values import as_float, record

Piece = Tuple[Dict[str, object], QgsGeometry]


def pieces_of_subject(pieces: QgsVectorLayer, subject_id) -> List[Piece]:
    """Pieces whose ``subject_id`` is the subject's (every check writes it in OUTPUT and OVERLAPS); [] when NULL."""
    number = as_float(subject_id)
    if number is None or pieces.fields().lookupField("subject_id") < 0:
        return []
    request = QgsFeatureRequest().setFilterExpression(f'"subject_id" = {int(number)}')
    return [(record(piece), piece.geometry()) for piece in pieces.getFeatures(request)]
