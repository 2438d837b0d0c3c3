"""Working CRS: the one a layer declares when it is metric, else the CGCS2000 Gauss-Krüger zone of its centre."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsRectangle,
)

from liaocheng_plugin.core.compat import DISTANCE_METERS
from liaocheng_plugin.core.definitions import (
    GK3_FIRST_ZONE,
    GK3_LAST_ZONE,
    GK3_PREFIXED_FIRST_EPSG,
)
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr


def gk3_zone(longitude: float) -> int:
    """The 3-degree Gauss-Krüger zone number whose central meridian is nearest the longitude."""
    return int(round(longitude / 3.0))


def gk3_crs(zone: int) -> QgsCoordinateReferenceSystem:
    """CGCS2000 3-degree GK CRS with zone prefix (EPSG:4513..4533) for a zone 25..45."""
    if not GK3_FIRST_ZONE <= zone <= GK3_LAST_ZONE:
        raise LiaochengError(tr("Longitude lies outside the CGCS2000 3-degree zones 25–45."))
    return QgsCoordinateReferenceSystem(f"EPSG:{GK3_PREFIXED_FIRST_EPSG + zone - GK3_FIRST_ZONE}")


def require_crs(crs: QgsCoordinateReferenceSystem, layer_name: str) -> None:
    """Raise a clear error when a layer has no usable CRS."""
    if not crs.isValid():
        raise LiaochengError(
            tr("Layer “{}” has no coordinate reference system. Set its CRS (e.g. EPSG:4527) and run again.").format(
                layer_name
            )
        )


def choose_working_crs(
    crs: QgsCoordinateReferenceSystem, extent: QgsRectangle, context: QgsCoordinateTransformContext
) -> QgsCoordinateReferenceSystem:
    """A metric CRS to compute in: the layer's own when projected in metres, else the GK zone of its centre."""
    if not crs.isGeographic() and crs.mapUnits() == DISTANCE_METERS:
        return crs
    geographic = QgsCoordinateReferenceSystem("EPSG:4326")
    centre = QgsCoordinateTransform(crs, geographic, context).transform(extent.center())
    return gk3_crs(gk3_zone(centre.x()))
