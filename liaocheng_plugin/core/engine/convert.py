"""shapely ↔ QgsGeometry, through WKB (the only place the two meet)."""

from typing import List, Optional, Sequence

import numpy as np
from qgis.core import QgsGeometry

from liaocheng_plugin.core.engine.dependency import shapely

# Little-endian ISO WKB type codes (bytes 1–4 of a geometry) and a part count of one.
POLYGON, POLYGON_Z = (3).to_bytes(4, "little"), (1003).to_bytes(4, "little")
MULTIPOLYGON, MULTIPOLYGON_Z = (6).to_bytes(4, "little"), (1006).to_bytes(4, "little")
ONE_PART = (1).to_bytes(4, "little")


def to_qgis(geometry) -> QgsGeometry:
    """A QgsGeometry of a shapely geometry; an empty QgsGeometry for None."""
    return qgis_from_wkb(None if geometry is None else shapely.to_wkb(geometry))


def qgis_from_wkb(wkb: Optional[bytes]) -> QgsGeometry:
    """A QgsGeometry of WKB bytes; an empty QgsGeometry for None."""
    result = QgsGeometry()
    if wkb is not None:
        result.fromWkb(wkb)
    return result


def to_wkb(geometries: np.ndarray) -> np.ndarray:
    """ISO WKB (little-endian) of an object array of shapely geometries in one call; None stays None."""
    return shapely.to_wkb(geometries, byte_order=1, flavor="iso")


def qgis_from_wkb_many(wkbs: Sequence[Optional[bytes]], multi: bool = False) -> List[QgsGeometry]:
    """QgsGeometries of many ISO WKB; ``multi`` wraps polygons as one-part multipolygons (nothing is rebuilt)."""
    result = []
    for wkb in wkbs:
        if multi and wkb is not None and wkb[1:5] in (POLYGON, POLYGON_Z):
            kind = MULTIPOLYGON_Z if wkb[1:5] == POLYGON_Z else MULTIPOLYGON
            wkb = b"\x01" + kind + ONE_PART + wkb
        result.append(qgis_from_wkb(wkb))
    return result


def from_qgis(geometry: Optional[QgsGeometry]):
    """The shapely geometry of a QgsGeometry (curves segmentized); None for a null or empty one."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    if geometry.constGet().hasCurvedSegments():
        geometry = QgsGeometry(geometry.constGet().segmentize())
    return shapely.from_wkb(bytes(geometry.asWkb()))
