"""Reading a layer into LayerArrays for liaocheng:data_check alone, until the engine's reader (issue 16) lands
and data_check reads through it; the checks never use this module.

Geometries stay in the layer's own CRS (repaired with make_valid); areas are ellipsoidal on CGCS2000.
"""

from typing import Dict, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from liaocheng_plugin.core.definitions import CGCS2000_ELLIPSOID
from liaocheng_plugin.core.engine.arrays import LayerArrays
from liaocheng_plugin.core.engine.dependency import shapely  # None without shapely 2: checks refuse
from liaocheng_plugin.core.exceptions import CheckCanceledError
from liaocheng_plugin.core.values import plain


class EllipsoidalArea:
    """Ellipsoidal areas (CGCS2000, m²) of shapely geometries given in a layer's CRS."""

    def __init__(self, layer: QgsVectorLayer):
        self._measure = QgsDistanceArea()
        self._measure.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
        self._measure.setEllipsoid(CGCS2000_ELLIPSOID)

    def __call__(self, geometries: np.ndarray) -> np.ndarray:
        blobs = shapely.to_wkb(np.asarray(geometries, dtype=object))
        areas = np.zeros(len(blobs))
        for position, blob in enumerate(blobs):
            if blob is not None:
                geometry = QgsGeometry()
                geometry.fromWkb(blob)
                areas[position] = self._measure.measureArea(geometry)
        return areas


def read_arrays(
    layer: QgsVectorLayer,
    key: str,
    fields: Dict[str, str],
    feature_ids: Optional[Sequence[int]] = None,
    feedback: Optional[QgsFeedback] = None,
) -> Tuple[LayerArrays, np.ndarray]:
    """(arrays of ``layer`` — only ``feature_ids`` when given —, raw geometries as read): ``fields`` maps column
    meanings (COLUMN_*) to field names; values are read as stored (None for NULL). Invalid polygons are
    repaired in the arrays."""
    indexes = {column: layer.fields().lookupField(name) for column, name in fields.items() if name}
    indexes = {column: index for column, index in indexes.items() if index >= 0}
    request = QgsFeatureRequest().setSubsetOfAttributes(sorted(set(indexes.values())))
    if feature_ids is not None:
        request.setFilterFids(list(feature_ids))
    fids, blobs = [], []
    values: Dict[str, list] = {column: [] for column in indexes}
    for feature in layer.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            raise CheckCanceledError()
        fids.append(feature.id())
        geometry = feature.geometry()
        if not geometry.isNull() and QgsWkbTypes.isCurvedType(geometry.wkbType()):
            geometry = QgsGeometry(geometry.constGet().segmentize())
        blobs.append(None if geometry.isNull() else bytes(geometry.asWkb()))
        for column, index in indexes.items():
            values[column].append(plain(feature[index]))
    raw = shapely.from_wkb(np.array(blobs, dtype=object))
    repaired = raw.copy()
    invalid = ~shapely.is_missing(raw) & ~shapely.is_valid(raw)
    repaired[invalid] = shapely.make_valid(raw[invalid])
    columns = {}
    for column, column_values in values.items():
        columns[column] = np.empty(len(column_values), dtype=object)
        columns[column][:] = column_values
    return LayerArrays(layer.name(), key, np.array(fids, dtype=np.int64), repaired, columns), raw
