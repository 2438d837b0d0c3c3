"""Web-map frames: positions digitised on Chinese web maps (GCJ-02: 高德/腾讯; BD-09: 百度) and saved as
longitude/latitude lie a few hundred metres from their true (WGS 84/CGCS2000) place. The public formulas,
vectorised over numpy arrays; GCJ-02 → WGS 84 is the forward offset inverted by fixed-point iteration."""

import math
from enum import Enum
from typing import Callable, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsVectorLayer,
    QgsWkbTypes,
)

from liaocheng_plugin.core.engine.dependency import shapely  # None without shapely 2: checks refuse
from liaocheng_plugin.core.i18n import tr

SEMI_MAJOR = 6378245.0  # Krasovsky, as the GCJ-02 formula uses it
ECCENTRICITY_SQUARED = 0.00669342162296594323
BD_FACTOR = math.pi * 3000.0 / 180.0
METRES_PER_DEGREE_LAT = 110_574.0
METRES_PER_DEGREE_LON_EQUATOR = 111_320.0
ITERATIONS = 30
TOLERANCE_DEG = 1e-10

Coordinates = Tuple[np.ndarray, np.ndarray]


class CoordinateFrame(int, Enum):
    """What frame a longitude/latitude subject layer is in: the parameter COORDINATE_FRAME."""

    UNSTATED = 0  # as declared; a geographic subject layer gets a warning with the offset here
    TRUE = 1  # WGS 84 / CGCS2000: true positions
    GCJ02 = 2  # 高德, 腾讯 (and Google's China maps)
    BD09 = 3  # 百度


def frame_labels() -> Tuple[str, ...]:
    """Readable names of the frames, in the order of CoordinateFrame."""
    return (
        tr("Not stated (warn for longitude/latitude layers)"),
        tr("WGS 84 / CGCS2000 (true positions)"),
        tr("GCJ-02 (AMap 高德, Tencent 腾讯)"),
        tr("BD-09 (Baidu 百度)"),
    )


def outside_china(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Where GCJ-02 applies no offset (the formula's own rectangle)."""
    return (lon < 72.004) | (lon > 137.8347) | (lat < 0.8293) | (lat > 55.8271)


def _offset_lat(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    value = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    value += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    value += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    value += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    return value


def _offset_lon(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    value = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    value += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    value += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    value += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    return value


def wgs84_to_gcj02(lon: np.ndarray, lat: np.ndarray) -> Coordinates:
    """Apply the GCJ-02 offset to WGS 84 longitudes/latitudes (degrees); positions outside China unchanged."""
    lon, lat = np.asarray(lon, float), np.asarray(lat, float)
    d_lat = _offset_lat(lon - 105.0, lat - 35.0)
    d_lon = _offset_lon(lon - 105.0, lat - 35.0)
    rad_lat = np.radians(lat)
    magic = 1.0 - ECCENTRICITY_SQUARED * np.sin(rad_lat) ** 2
    sqrt_magic = np.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((SEMI_MAJOR * (1.0 - ECCENTRICITY_SQUARED)) / (magic * sqrt_magic) * np.pi)
    d_lon = (d_lon * 180.0) / (SEMI_MAJOR / sqrt_magic * np.cos(rad_lat) * np.pi)
    keep = outside_china(lon, lat)
    return np.where(keep, lon, lon + d_lon), np.where(keep, lat, lat + d_lat)


def _invert(forward: Callable[[np.ndarray, np.ndarray], Coordinates], lon, lat, guess: Coordinates) -> Coordinates:
    """Solve forward(x) = (lon, lat) by fixed-point iteration from ``guess`` (until < 1e-10°)."""
    guess_lon, guess_lat = guess
    for _ in range(ITERATIONS):
        forward_lon, forward_lat = forward(guess_lon, guess_lat)
        d_lon, d_lat = forward_lon - lon, forward_lat - lat
        guess_lon, guess_lat = guess_lon - d_lon, guess_lat - d_lat
        if max(np.max(np.abs(d_lon), initial=0.0), np.max(np.abs(d_lat), initial=0.0)) < TOLERANCE_DEG:
            break
    return guess_lon, guess_lat


def gcj02_to_wgs84(lon: np.ndarray, lat: np.ndarray) -> Coordinates:
    """Remove the GCJ-02 offset: the position whose forward offset reproduces the input (to 1e-10°)."""
    lon, lat = np.asarray(lon, float), np.asarray(lat, float)
    return _invert(wgs84_to_gcj02, lon, lat, (lon.copy(), lat.copy()))


def gcj02_to_bd09(lon: np.ndarray, lat: np.ndarray) -> Coordinates:
    """Baidu's BD-09 from GCJ-02."""
    lon, lat = np.asarray(lon, float), np.asarray(lat, float)
    radius = np.hypot(lon, lat) + 0.00002 * np.sin(lat * BD_FACTOR)
    angle = np.arctan2(lat, lon) + 0.000003 * np.cos(lon * BD_FACTOR)
    return radius * np.cos(angle) + 0.0065, radius * np.sin(angle) + 0.006


def bd09_to_gcj02(lon: np.ndarray, lat: np.ndarray) -> Coordinates:
    """GCJ-02 from Baidu's BD-09: the published approximate inverse, refined until it reproduces the input."""
    lon, lat = np.asarray(lon, float), np.asarray(lat, float)
    x, y = lon - 0.0065, lat - 0.006
    radius = np.hypot(x, y) - 0.00002 * np.sin(y * BD_FACTOR)
    angle = np.arctan2(y, x) - 0.000003 * np.cos(x * BD_FACTOR)
    return _invert(gcj02_to_bd09, lon, lat, (radius * np.cos(angle), radius * np.sin(angle)))


def bd09_to_wgs84(lon: np.ndarray, lat: np.ndarray) -> Coordinates:
    """WGS 84 from Baidu's BD-09 (through GCJ-02)."""
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


def to_wgs84(frame: CoordinateFrame) -> Callable[[np.ndarray, np.ndarray], Coordinates]:
    """The conversion of a frame to WGS 84."""
    return {CoordinateFrame.GCJ02: gcj02_to_wgs84, CoordinateFrame.BD09: bd09_to_wgs84}[frame]


def offset_m(frame: CoordinateFrame, lon: float, lat: float) -> Tuple[float, float]:
    """How far (east, north, in metres) a true position at lon/lat appears in ``frame``."""
    forward = {
        CoordinateFrame.GCJ02: wgs84_to_gcj02,
        CoordinateFrame.BD09: lambda x, y: gcj02_to_bd09(*wgs84_to_gcj02(x, y)),
    }[frame]
    moved_lon, moved_lat = forward(np.array([lon]), np.array([lat]))
    east = (moved_lon[0] - lon) * METRES_PER_DEGREE_LON_EQUATOR * math.cos(math.radians(lat))
    return east, (moved_lat[0] - lat) * METRES_PER_DEGREE_LAT


def convert_geometries(geometries: np.ndarray, frame: CoordinateFrame) -> np.ndarray:
    """Shapely geometries (lon/lat) moved from ``frame`` to WGS 84, every vertex at once."""
    convert = to_wgs84(frame)

    def move(points: np.ndarray) -> np.ndarray:
        lon, lat = convert(points[:, 0], points[:, 1])
        return np.column_stack((lon, lat))

    return shapely.transform(geometries, move)


def converted_layer(
    source: QgsFeatureSource, name: str, frame: CoordinateFrame, feature_ids: Optional[Sequence[int]] = None
) -> QgsVectorLayer:
    """A memory copy of a lon/lat layer (only ``feature_ids`` when given) with its geometries moved from
    ``frame`` to WGS 84 (same fields and attributes; curves segmentized). The source is not modified."""
    layer = QgsMemoryProviderUtils.createMemoryLayer(name, source.fields(), source.wkbType(), source.sourceCrs())
    request = QgsFeatureRequest()
    if feature_ids is not None:
        request.setFilterFids(list(feature_ids))
    features = list(source.getFeatures(request))
    blobs = []
    for feature in features:
        geometry = feature.geometry()
        if not geometry.isNull() and QgsWkbTypes.isCurvedType(geometry.wkbType()):
            geometry = QgsGeometry(geometry.constGet().segmentize())
        blobs.append(None if geometry.isNull() else bytes(geometry.asWkb()))
    shapes = shapely.from_wkb(np.array(blobs, dtype=object))
    moved = shapely.to_wkb(convert_geometries(shapes, frame))
    copies = []
    for feature, blob in zip(features, moved):
        copy = QgsFeature(feature)
        if blob is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(blob)
            copy.setGeometry(geometry)
        copies.append(copy)
    layer.dataProvider().addFeatures(copies)
    layer.updateExtents()
    return layer
