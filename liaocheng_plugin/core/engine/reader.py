"""Reading a layer once into LayerArrays: geometries in the working CRS as shapely, attribute columns by meaning.

Two ways, same result. A GeoPackage, FileGDB or shapefile layer already in the working CRS (the
usual bureau delivery) is read by GDAL in bulk (Arrow batches: WKB and columns as arrays, no Python
per feature). Anything else goes through a QGIS feature request: the destination CRS set (C++
transform), no validity check, only the needed attributes, a spatial filter when asked, WKB
collected per feature and parsed in one ``shapely.from_wkb`` call. Geometries are not repaired
here (see ``repair.py``); features without geometry or failing the transform read as None and are
reported as DataFindings.
"""

from typing import Callable, Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFeedback,
    QgsFields,
    QgsGeometry,
    QgsProcessingFeatureSource,
    QgsProviderRegistry,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

try:
    from osgeo import ogr
except ImportError:  # QGIS without GDAL's Python bindings: every layer is read through QGIS
    ogr = None

from liaocheng_plugin.core.compat import (
    FIELD_ORIGIN_PROVIDER,
    FIELD_STRING,
    GEOMETRY_NO_CHECK,
    SOURCE_SKIP_GEOMETRY_CHECKS,
)
from liaocheng_plugin.core.datacheck.findings import DataFinding
from liaocheng_plugin.core.definitions import IssueKind
from liaocheng_plugin.core.engine.arrays import LayerArrays
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.issues import issue_finding
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.values import plain

BULK_DRIVERS = ("GPKG", "OpenFileGDB", "ESRI Shapefile")
Fetched = Tuple[np.ndarray, np.ndarray, Dict[str, np.ndarray]]  # fids, WKB, columns: what GDAL's bulk read gives
UTF8_DRIVERS = ("GPKG", "OpenFileGDB")  # text is UTF-8 by the format; shapefile text follows the layer's encoding
FILTER_WORTH_SHARE = 0.25  # a spatial filter pays off when the wanted area is under this share of the layer


def iterate_features(source: QgsFeatureSource, request: QgsFeatureRequest):
    """Features of a source, never stopped by Processing's invalid-geometry setting (the engine repairs instead)."""
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, SOURCE_SKIP_GEOMETRY_CHECKS)
    return source.getFeatures(request)


def field_indexes(source: QgsFeatureSource, fields: Dict[str, str], layer_name: str) -> Dict[str, int]:
    """Field index of each meaning (case-insensitive lookup); a clear error naming layer and field when missing."""
    indexes = {}
    for meaning, name in fields.items():
        index = source.fields().lookupField(name)
        if index < 0:
            raise LiaochengError(tr("Layer “{}” has no field “{}”.").format(layer_name, name))
        indexes[meaning] = index
    return indexes


def read_layer(
    source: QgsFeatureSource,
    key: str,
    name: str,
    fields: Dict[str, str],
    working_crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
    filter_rect: Optional[QgsRectangle] = None,
    feedback: Optional[QgsFeedback] = None,
    layer: Optional[QgsVectorLayer] = None,
    fetched: Optional[Fetched] = None,
) -> Tuple[LayerArrays, List[DataFinding]]:
    """Read ``source`` once into LayerArrays (geometries as read, not yet repaired) and the findings of the read.

    ``fields`` maps column meanings (``COLUMN_*``) to field names; values are plain Python values,
    None for NULL; features come in feature-id order (so "the feature read first" does not depend on a
    database's storage order). ``filter_rect`` (working CRS) limits the read when it is a small part of the
    layer. ``layer``, the saved layer behind a Processing ``source``, allows the bulk GDAL read;
    ``fetched`` is that read done already (``bulk_reader``), else it is done here.
    Raises LiaochengError for a missing field, CheckCanceledError when cancelled.
    """
    indexes = field_indexes(source, fields, name)
    rect = _worth_filtering(source, filter_rect, working_crs, context)
    if fetched is None:
        table = bulk_table(layer or source, working_crs, list(indexes.values()))
        fetched = _read_with_gdal(table, source.fields(), indexes, rect) if table is not None else None
    if fetched is not None:
        fids, wkbs, columns = fetched
        findings: List[DataFinding] = []
    else:
        fids, wkbs, columns, findings = _read_with_qgis(source, name, indexes, working_crs, context, rect, feedback)
    if feedback is not None and feedback.isCanceled():
        raise CheckCanceledError()
    if len(fids) > 1 and (np.diff(fids) < 0).any():  # a database's physical order: feature-id order, every time
        order = np.argsort(fids, kind="stable")
        fids, wkbs = fids[order], wkbs[order]
        columns = {meaning: values[order] for meaning, values in columns.items()}
    # from_wkb holds the GIL: the GDAL read of the next layer (bulk_reader) can run meanwhile, not another parse.
    geometries = shapely.from_wkb(wkbs, on_invalid="ignore") if len(wkbs) else np.empty(0, dtype=object)
    empty = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    failed = {finding.feature_id for finding in findings}
    for position in np.flatnonzero(empty):
        if int(fids[position]) not in failed:
            findings.append(issue_finding(name, int(fids[position]), IssueKind.EMPTY))
    geometries[empty] = None
    return LayerArrays(name, key, fids, geometries, columns, working_crs), findings


def bulk_reader(
    source: QgsFeatureSource,
    name: str,
    fields: Dict[str, str],
    working_crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
    filter_rect: Optional[QgsRectangle] = None,
    layer: Optional[QgsVectorLayer] = None,
) -> Optional[Callable[[], Optional[Fetched]]]:
    """The GDAL bulk read of ``source`` as a function to run in any thread (GDAL releases the GIL), its
    result to pass to ``read_layer`` as ``fetched``; None when the layer is read through QGIS.
    The function returns None when GDAL cannot read the layer (``read_layer`` then tries again)."""
    indexes = field_indexes(source, fields, name)
    table = bulk_table(layer or source, working_crs, list(indexes.values()))
    if table is None:
        return None
    rect = _worth_filtering(source, filter_rect, working_crs, context)
    fields_of_source = source.fields()
    return lambda: _read_with_gdal(table, fields_of_source, indexes, rect)


def _worth_filtering(source, rect, working_crs, context) -> Optional[QgsRectangle]:
    if rect is None or rect.isEmpty():
        return None
    layer_extent = QgsCoordinateTransform(source.sourceCrs(), working_crs, context).transformBoundingBox(
        source.sourceExtent()
    )
    return rect if rect.area() < FILTER_WORTH_SHARE * layer_extent.area() else None


def bulk_table(source: QgsFeatureSource, working_crs: QgsCoordinateReferenceSystem, indexes: List[int]):
    """(path, layer name, driver) when GDAL can read the layer in bulk with the same result as QGIS, else None.

    That is a saved (unmodified) GeoPackage/FileGDB/shapefile layer in the working CRS, without
    subset string, curves or joined fields, and text fields only where the format fixes UTF-8.
    """
    if ogr is None or not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
        return None
    if not isinstance(source, QgsVectorLayer) or source.providerType() != "ogr" or source.isModified():
        return None
    if source.crs() != working_crs or source.subsetString() or QgsWkbTypes.isCurvedType(source.wkbType()):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", source.source())
    driver = source.dataProvider().storageType()
    if driver not in BULK_DRIVERS or parts.get("subset") or parts.get("layerId") not in (None, "", 0):
        return None
    fields = source.fields()
    for index in indexes:
        field = fields.at(index)
        if fields.fieldOrigin(index) != FIELD_ORIGIN_PROVIDER:
            return None
        text = field.type() == FIELD_STRING
        if not (field.isNumeric() or text) or (text and driver not in UTF8_DRIVERS):
            return None
    return parts.get("path"), parts.get("layerName") or "", driver


def _read_with_gdal(table, fields: QgsFields, indexes: Dict[str, int], rect: Optional[QgsRectangle]):
    """(fids, WKB, columns) read by GDAL in Arrow batches; None when GDAL cannot (the caller reads through QGIS)."""
    path, layer_name, _driver = table
    dataset = ogr.Open(path, 0)
    layer = None if dataset is None else dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    if layer is None:
        return None
    wanted = {fields.at(index).name().lower(): meaning for meaning, index in indexes.items()}
    fid_column = layer.GetFIDColumn() or "OGC_FID"
    geometry_column = layer.GetGeometryColumn() or "wkb_geometry"
    fids, wkbs, columns = [], [], {meaning: [] for meaning in indexes}
    try:  # field names GDAL cannot decode (a GBK shapefile without .cpg) fail here already
        definition = layer.GetLayerDefn()
        names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        layer.SetIgnoredFields([name for name in names if name.lower() not in wanted])
        if rect is not None:
            layer.SetSpatialFilterRect(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        for batch in layer.GetArrowStreamAsNumPy(options=["MAX_FEATURES_IN_BATCH=65536"]):
            fids.append(np.asarray(batch[fid_column], dtype=np.int64))
            wkbs.append(np.asarray(batch[geometry_column], dtype=object))
            for column, values in batch.items():
                meaning = wanted.get(column.lower())
                if meaning is not None:
                    columns[meaning].append(_python_values(values))
    except Exception:  # noqa: BLE001 - any failure of the bulk read (seen: GDAL 3.10 in a worker thread): read via QGIS
        return None
    if any(len(parts) != len(fids) for parts in columns.values()):
        return None

    def join(parts, dtype):
        return np.concatenate(parts) if parts else np.empty(0, dtype=dtype)

    return (
        join(fids, np.int64),
        join(wkbs, object),
        {meaning: join(parts, object) for meaning, parts in columns.items()},
    )


def _python_values(values) -> np.ndarray:
    """A GDAL Arrow column as an object array of Python values: text decoded, None for NULL."""
    mask = np.ma.getmaskarray(values) if isinstance(values, np.ma.MaskedArray) else None
    items = np.asarray(values).tolist()  # numbers as Python numbers, text as bytes, in one C call
    if isinstance(next((item for item in items if item is not None), None), bytes):
        items = [None if item is None else item.decode("utf-8") for item in items]
    result = _object_array(items)
    if mask is not None:
        result[mask] = None
    return result


def _read_with_qgis(source, name, indexes, working_crs, context, rect, feedback):
    findings: List[DataFinding] = []
    request = QgsFeatureRequest().setSubsetOfAttributes(list(indexes.values()))
    request.setInvalidGeometryCheck(GEOMETRY_NO_CHECK)
    request.setDestinationCrs(working_crs, context)
    request.setTransformErrorCallback(
        lambda feature: findings.append(issue_finding(name, feature.id(), IssueKind.TRANSFORM_FAILED))
    )
    if rect is not None:
        request.setFilterRect(rect)
    curved = QgsWkbTypes.isCurvedType(source.wkbType())
    fids, wkbs = [], []
    values = {meaning: [] for meaning in indexes}
    pairs = list(indexes.items())
    for count, feature in enumerate(iterate_features(source, request)):
        if count % 4096 == 0 and feedback is not None and feedback.isCanceled():
            raise CheckCanceledError()
        geometry = feature.geometry()
        if curved and not geometry.isNull() and geometry.constGet().hasCurvedSegments():
            geometry = QgsGeometry(geometry.constGet().segmentize())
        fids.append(feature.id())
        wkbs.append(None if geometry.isNull() else bytes(geometry.asWkb()))
        for meaning, index in pairs:
            values[meaning].append(plain(feature[index]))
    columns = {meaning: _object_array(column) for meaning, column in values.items()}
    return np.array(fids, dtype=np.int64), _object_array(wkbs), columns, findings


def _object_array(values: list) -> np.ndarray:
    result = np.empty(len(values), dtype=object)
    result[:] = values
    return result
