"""Layer-wide rules read from a layer's metadata, before any feature: the geometry type its role needs, and a
subject layer lying far from every protected layer."""

import math
from typing import List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProviderRegistry,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

try:
    from osgeo import ogr
except ImportError:  # QGIS without GDAL's Python bindings: features are requested through QGIS
    ogr = None

from liaocheng_plugin.core.datacheck.columns import id_list
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.engine.postgis.inspection import missing_geometry_ids as missing_geometry_ids_in_database
from liaocheng_plugin.core.foreign_texts import geometry_type_name
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.settings import FAR_APART_KM, REFUSE_EMPTY_LAYERS

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


def out_of_reach_findings(
    protected: Tuple[str, QgsRectangle], subjects: Sequence[Tuple[str, QgsRectangle]]
) -> List[DataFinding]:
    """A ``warning`` when a protected layer lies farther than ``datacheck/far_apart_km`` from every subject layer:
    no subject can meet it, so every figure on it is 0 (a layer of another county, or in a wrong CRS).

    ``protected`` and ``subjects`` are (layer name, lon/lat extent) pairs.
    """
    name, extent = protected
    gaps = sorted((distance_km(extent, box), other) for other, box in subjects)
    nearest_km, nearest = gaps[0]
    if nearest_km <= FAR_APART_KM.value():
        return []
    message = tr("Layer “{}” lies {:.0f} km from the subjects (“{}”): none of them can meet it; its figures are 0.")
    hint = tr("Check that it is the layer of this area and that its CRS is right.")
    return [
        DataFinding(
            name, None, DataKind.FAR_APART, DataSeverity.WARNING, message.format(name, nearest_km, nearest), hint
        )
    ]


def empty_layer_findings(
    source: QgsFeatureSource, name: str, role_label: str, consequence: str = ""
) -> List[DataFinding]:
    """A protected (or zone, or survey) layer without features (an empty file, or a filter that keeps none), named
    with its role: no subject can meet it, so the check would report no conflict with it as if it had been checked
    (``consequence`` says instead what an empty layer would do in its role, e.g. for a survey compared with another).
    An ``error`` (as the panels refuse a profile layer missing from the project), or a ``warning`` carried on every
    result when the setting ``datacheck/refuse_empty_layers`` is false."""
    if source.featureCount() != 0:
        return []
    where = tr("Check the layer's file and its filter (Layer Properties ▸ Source ▸ Provider Feature Filter).")
    if REFUSE_EMPTY_LAYERS.value():
        message = tr("Layer “{}” ({}) holds no features: {}").format(
            name,
            role_label,
            consequence or tr("nothing would be checked against it, and no conflict with it could be found."),
        )
        hint = tr(
            "{} If this area truly has none, leave the layer out, or set the advanced setting "
            "liaocheng_plugin/datacheck/refuse_empty_layers to false to check with a warning."
        ).format(where)
        return [DataFinding(name, None, DataKind.EMPTY_LAYER, DataSeverity.ERROR, message, hint)]
    message = tr("Layer “{}” ({}) holds no features: {}").format(
        name, role_label, consequence or tr("nothing was checked against it; its figures are 0.")
    )
    return [DataFinding(name, None, DataKind.EMPTY_LAYER, DataSeverity.WARNING, message, where)]


def missing_geometry_ids(layer: QgsVectorLayer) -> List[int]:
    """Ids of a layer's features without geometry, or with an empty one, without reading any geometry where the
    format allows: by SQL for a GeoPackage or a PostGIS table, by an OGR attribute filter for a shapefile, else by
    a request."""
    found = missing_geometry_ids_in_database(layer)
    if found is not None:
        return found
    if ogr is not None and layer.providerType() == "ogr" and not layer.subsetString() and not layer.isModified():
        try:
            ids = _missing_with_ogr(layer)
        except Exception:  # noqa: BLE001 - GDAL raises when its exceptions are on (GDAL 4): ask QGIS instead
            ids = None
        if ids is not None:
            return ids
    request = QgsFeatureRequest().setFilterExpression("$geometry IS NULL OR is_empty($geometry)").setNoAttributes()
    return sorted(feature.id() for feature in layer.getFeatures(request))


def _missing_with_ogr(layer: QgsVectorLayer) -> Optional[List[int]]:
    """``missing_geometry_ids`` of a GeoPackage or shapefile through GDAL; None for other formats."""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    driver = layer.dataProvider().storageType()
    if driver not in ("GPKG", "ESRI Shapefile"):
        return None
    dataset = ogr.Open(parts.get("path") or "", 0)
    name = parts.get("layerName")
    table = None if dataset is None else dataset.GetLayerByName(name) if name else dataset.GetLayer(0)
    if table is None:
        return None
    if driver == "ESRI Shapefile":
        table.SetAttributeFilter("OGR_GEOMETRY IS NULL")
        return sorted(feature.GetFID() for feature in table)
    geometry, fid = table.GetGeometryColumn(), table.GetFIDColumn()
    result = dataset.ExecuteSQL(
        f'SELECT "{fid}" FROM "{table.GetName()}" WHERE "{geometry}" IS NULL OR ST_IsEmpty("{geometry}")'
    )
    if result is None:
        return None
    ids = sorted(feature.GetFID() for feature in result)
    dataset.ReleaseResultSet(result)
    return ids


def missing_geometry_findings(layer: QgsVectorLayer, name: str) -> List[DataFinding]:
    """A ``warning`` naming the features of a protected layer without geometry: they count nowhere. Found before
    the layer is read, since a check reads only the features around its subjects (those have a geometry)."""
    ids = missing_geometry_ids(layer)
    if not ids:
        return []
    message = tr("Layer “{}”: features {} have no geometry (or an unusable one) and count nowhere.").format(
        name, id_list(np.array(ids))
    )
    hint = tr("Draw or repair these features, or delete them from the layer.")
    feature = ids[0] if len(ids) == 1 else None
    every = tuple(ids) if len(ids) > 1 else ()
    return [DataFinding(name, feature, DataKind.EMPTY_GEOMETRY, DataSeverity.WARNING, message, hint, every)]
