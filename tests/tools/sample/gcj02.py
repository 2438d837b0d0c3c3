"""GCJ-02 ("Mars" offset) ↔ WGS 84, with the public formula; the inverse by fixed-point iteration."""

import math
from typing import Tuple

from qgis.core import QgsGeometry, QgsPointXY

SEMI_MAJOR = 6378245.0
ECCENTRICITY_SQUARED = 0.00669342162296594323


def _offset_lat(x: float, y: float) -> float:
    value = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    value += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    value += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    value += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return value


def _offset_lon(x: float, y: float) -> float:
    value = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    value += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    value += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    value += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return value


def wgs84_to_gcj02(lon: float, lat: float) -> Tuple[float, float]:
    """Apply the GCJ-02 offset to a WGS 84 position."""
    d_lat = _offset_lat(lon - 105.0, lat - 35.0)
    d_lon = _offset_lon(lon - 105.0, lat - 35.0)
    rad_lat = lat / 180.0 * math.pi
    magic = 1 - ECCENTRICITY_SQUARED * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((SEMI_MAJOR * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrt_magic) * math.pi)
    d_lon = (d_lon * 180.0) / (SEMI_MAJOR / sqrt_magic * math.cos(rad_lat) * math.pi)
    return lon + d_lon, lat + d_lat


def gcj02_to_wgs84(lon: float, lat: float, tolerance: float = 1e-9) -> Tuple[float, float]:
    """Remove the GCJ-02 offset (iterated until the forward offset reproduces the input)."""
    guess_lon, guess_lat = lon, lat
    for _ in range(30):
        forward_lon, forward_lat = wgs84_to_gcj02(guess_lon, guess_lat)
        d_lon, d_lat = forward_lon - lon, forward_lat - lat
        guess_lon, guess_lat = guess_lon - d_lon, guess_lat - d_lat
        if abs(d_lon) < tolerance and abs(d_lat) < tolerance:
            break
    return guess_lon, guess_lat


def geometry_gcj02_to_wgs84(geometry: QgsGeometry) -> QgsGeometry:
    """A copy of a lon/lat geometry with every vertex moved from GCJ-02 to WGS 84."""
    result = QgsGeometry(geometry)
    for index, vertex in enumerate(geometry.vertices()):
        lon, lat = gcj02_to_wgs84(vertex.x(), vertex.y())
        result.moveVertex(lon, lat, index)
    return result


def point_gcj02_to_wgs84(lon: float, lat: float) -> QgsPointXY:
    """A WGS 84 point from GCJ-02 coordinates."""
    return QgsPointXY(*gcj02_to_wgs84(lon, lat))
