"""Layer-wide rules read from a layer's metadata, before any feature: the geometry type its role needs, and a
subject layer lying far from every protected layer."""

import math
from typing import List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeatureSource,
    QgsRectangle,
    QgsWkbTypes,
)

from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.foreign_texts import geometry_type_name
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.settings import FAR_APART_KM

KM_PER_DEGREE = 111.32


def geometry_type_findings(
    source: QgsFeatureSource, name: str, role_label: str, allowed: Sequence[object]
) -> List[DataFinding]:
    """An error when the layer's geometry type (QgsWkbTypes geometry type) is not one its role can use:
    a point layer as permanent basic farmland would count 0 m² on it without a word."""
    geometry_type = QgsWkbTypes.geometryType(source.wkbType())
    if geometry_type in allowed:
        return []
    needed = "、".join(geometry_type_name(kind) for kind in allowed)
    message = tr("Layer “{}” holds {} geometries and cannot serve as {}.").format(
        name, geometry_type_name(geometry_type), role_label
    )
    hint = tr("Choose a layer with {} geometries for this role.").format(needed)
    return [DataFinding(name, None, DataKind.GEOMETRY_TYPE, DataSeverity.ERROR, message, hint)]


def lonlat_extent(source: QgsFeatureSource, context: QgsCoordinateTransformContext) -> Optional[QgsRectangle]:
    """A layer's extent in WGS 84 degrees; None when it is empty or cannot be transformed."""
    extent = source.sourceExtent()
    if extent.isNull() or not source.sourceCrs().isValid():
        return None
    transform = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem("EPSG:4326"), context)
    try:
        box = transform.transformBoundingBox(extent)
    except QgsCsException:
        return None
    values = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
    return box if all(math.isfinite(value) for value in values) else None


def distance_km(first: QgsRectangle, second: QgsRectangle) -> float:
    """The gap between two lon/lat boxes in km (0 when they meet), on a sphere; good to a few per cent."""
    d_lon = max(first.xMinimum() - second.xMaximum(), second.xMinimum() - first.xMaximum(), 0.0)
    d_lat = max(first.yMinimum() - second.yMaximum(), second.yMinimum() - first.yMaximum(), 0.0)
    latitude = math.radians((first.center().y() + second.center().y()) / 2.0)
    return KM_PER_DEGREE * math.hypot(d_lon * math.cos(latitude), d_lat)


def far_apart_findings(
    subject: Tuple[str, QgsRectangle], protected: Sequence[Tuple[str, QgsRectangle]]
) -> List[DataFinding]:
    """An error when a subject layer lies farther than ``datacheck/far_apart_km`` (10 km) from every protected
    layer: it can meet none of their features, so every figure would be 0 for a reason no one would see.

    ``subject`` and ``protected`` are (layer name, lon/lat extent) pairs.
    """
    if not protected:
        return []
    name, extent = subject
    gaps = sorted((distance_km(extent, box), other) for other, box in protected)
    nearest_km, nearest = gaps[0]
    if nearest_km <= FAR_APART_KM.value():
        return []
    message = tr(
        "Layer “{}” lies {:.0f} km from the nearest protected layer (“{}”) and can meet none of their features."
    )
    hint = tr(
        "A CRS is wrong (of this layer or of the protected layers), or the protected layers do not cover this area."
    )
    return [
        DataFinding(name, None, DataKind.FAR_APART, DataSeverity.ERROR, message.format(name, nearest_km, nearest), hint)
    ]
