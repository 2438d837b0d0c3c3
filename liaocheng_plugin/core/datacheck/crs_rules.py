"""CRS plausibility, before a layer is read: its coordinates against the declared CRS's unit, area of use, zone
prefix and axis order. Each problem is an error naming the layer and proposing the CRS that fits."""

import math
from typing import List, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeatureSource,
    QgsRectangle,
)

from liaocheng_plugin.core import crs_names
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.datacheck.gauss_kruger import (
    PREFIX_UNIT,
    GaussKruger,
    gauss_kruger,
    guess_from_coordinates,
    prefix_of,
)
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.settings import CRS_AREA_MARGIN_DEG

WGS84 = "EPSG:4326"
NORTHING_MAX = 10 * PREFIX_UNIT  # northern hemisphere northings lie below 10,000 km


def crs_label(crs: QgsCoordinateReferenceSystem) -> str:
    """ "EPSG:4527（CGCS2000 3度带高斯-克吕格投影 第39带 …）": the CRS in the UI language (core/crs_names.py)."""
    return crs_names.crs_label(crs)


def _set_crs_hint(crs: Optional[QgsCoordinateReferenceSystem]) -> str:
    if crs is None or not crs.isValid():
        return tr("Set the layer's CRS to the one its data were delivered in and run again.")
    return tr("The coordinates fit {}: set the layer's CRS to it (Layer Properties ▸ Source) and run again.").format(
        crs_label(crs)
    )


def _error(name: str, kind: DataKind, message: str, hint: str) -> DataFinding:
    return DataFinding(name, None, kind, DataSeverity.ERROR, message, hint)


def _looks_like_easting(low: float, high: float) -> bool:
    """A coordinate range that can be Gauss–Krüger eastings: with one zone prefix, or within 0–1,000 km."""
    if prefix_of(low):
        return prefix_of(low) == prefix_of(high)
    return 0.0 < low and high < PREFIX_UNIT


def _looks_like_northing(low: float, high: float) -> bool:
    """Northings in China lie between about 1,000 and 6,000 km (never with a prefix, never below 1,000 km)."""
    return PREFIX_UNIT <= low and high < NORTHING_MAX


def guessed_crs(extent: QgsRectangle) -> str:
    """What the coordinates look like, for a layer with no usable CRS."""
    x, y = extent.xMinimum(), extent.yMinimum()
    guessed = guess_from_coordinates(x, y)
    if guessed is not None and guessed.crs() is not None:
        return _set_crs_hint(guessed.crs())
    if -180.0 <= extent.xMinimum() and extent.xMaximum() <= 180.0 and -90.0 <= y and extent.yMaximum() <= 90.0:
        return tr("The coordinates are degrees: EPSG:4490 (CGCS2000) or EPSG:4326 (WGS 84).")
    if _looks_like_easting(extent.xMinimum(), extent.xMaximum()) and _looks_like_northing(y, extent.yMaximum()):
        return tr(
            "The coordinates are Gauss–Krüger metres without zone prefix: most of Liaocheng is in EPSG:4548 "
            "(CM 117°E), its west in EPSG:4547 (CM 114°E)."
        )
    return _set_crs_hint(None)


def crs_findings(source: QgsFeatureSource, name: str, context: QgsCoordinateTransformContext) -> List[DataFinding]:
    """Errors for a layer whose coordinates cannot be right for its declared CRS; [] when they can.

    Reads only the layer's CRS and extent (no feature). Checks, in order: a CRS at all; degrees that are
    metres; swapped axes (a surveyor's X is the northing); the Gauss–Krüger zone prefix (39,500,050 declared
    EPSG:4548 → EPSG:4527, 500,050 declared EPSG:4527 → EPSG:4548); the area of use of the CRS, with a
    margin (setting ``datacheck/crs_area_margin_deg``).
    """
    crs, extent = source.sourceCrs(), source.sourceExtent()
    has_extent = not extent.isNull() and all(
        math.isfinite(value) for value in (extent.xMinimum(), extent.xMaximum(), extent.yMinimum(), extent.yMaximum())
    )
    if not crs.isValid():
        hint = guessed_crs(extent) if has_extent else _set_crs_hint(None)
        message = tr("Layer “{}” has no coordinate reference system.").format(name)
        return [_error(name, DataKind.CRS_MISSING, message, hint)]
    if not has_extent:
        return []
    if crs.isGeographic():
        problem = _degree_findings(crs, extent, name)
    else:
        gk = gauss_kruger(crs)
        problem = _gauss_kruger_findings(crs, gk, extent, name) if gk is not None else []
    return problem or _area_of_use_findings(crs, extent, name, context)


def _example(extent: QgsRectangle) -> str:
    return f"({extent.xMinimum():,.0f}, {extent.yMinimum():,.0f})"


def _degree_findings(crs: QgsCoordinateReferenceSystem, extent: QgsRectangle, name: str) -> List[DataFinding]:
    x_low, x_high, y_low, y_high = extent.xMinimum(), extent.xMaximum(), extent.yMinimum(), extent.yMaximum()
    if max(abs(x_low), abs(x_high)) <= 180.0 and max(abs(y_low), abs(y_high)) <= 90.0:
        return []
    if max(abs(x_low), abs(x_high)) <= 90.0 and max(abs(y_low), abs(y_high)) <= 180.0:
        message = tr("Layer “{}” is in {}, but its longitudes and latitudes are swapped (latitudes above 90°).")
        hint = tr("Swap the X and Y columns of the data (X = longitude, Y = latitude) and load it again.")
        return [_error(name, DataKind.AXIS_SWAPPED, message.format(name, crs_label(crs)), hint)]
    message = tr("Layer “{}” is declared {}, in degrees, but its coordinates such as {} are metres.")
    guessed = guess_from_coordinates(x_low, y_low)
    if guessed is None and guess_from_coordinates(y_low, x_low) is not None:
        hint = tr("X and Y are swapped as well (X holds the northing): swap them, then set the CRS.")
    else:
        hint = guessed_crs(extent)
    return [_error(name, DataKind.CRS_UNITS, message.format(name, crs_label(crs), _example(extent)), hint)]


def _gauss_kruger_findings(
    crs: QgsCoordinateReferenceSystem, gk: GaussKruger, extent: QgsRectangle, name: str
) -> List[DataFinding]:
    x_low, x_high, y_low, y_high = extent.xMinimum(), extent.xMaximum(), extent.yMinimum(), extent.yMaximum()
    if (
        not _looks_like_easting(x_low, x_high)
        and _looks_like_northing(x_low, x_high)
        and _looks_like_easting(y_low, y_high)
    ):
        message = tr(
            "Layer “{}” has its X and Y swapped: X holds northings (such as {:,.0f}) and Y eastings (such as {:,.0f})."
        )
        hint = tr("A surveyor's X is the northing: swap the X and Y columns of the data and load it again.")
        return [_error(name, DataKind.AXIS_SWAPPED, message.format(name, x_low, y_low), hint)]
    prefix = prefix_of(x_low)
    proposed: Optional[GaussKruger] = None
    if not gk.prefixed and prefix and prefix == prefix_of(x_high):
        proposed = gk.for_prefix(prefix)
        message = tr(
            "Layer “{}” is declared {}, whose eastings have no zone prefix, "
            "but its eastings such as {:,.0f} carry the prefix {}."
        )
        text = message.format(name, crs_label(crs), x_low, prefix)
    elif gk.prefixed and not prefix and 0.0 < x_low and x_high < PREFIX_UNIT:
        proposed = gk.with_prefix(False)
        message = tr(
            "Layer “{}” is declared {}, whose eastings carry the zone prefix {}, "
            "but its eastings such as {:,.0f} have none."
        )
        text = message.format(name, crs_label(crs), gk.easting_prefix(), x_low)
    elif gk.prefixed and prefix and prefix != gk.easting_prefix() and prefix == prefix_of(x_high):
        proposed = gk.for_prefix(prefix)
        message = tr("Layer “{}” is declared {}, but its eastings such as {:,.0f} carry the prefix of zone {}.")
        text = message.format(name, crs_label(crs), x_low, prefix)
    else:
        return []
    hint = _set_crs_hint(proposed.crs() if proposed is not None else None)
    return [_error(name, DataKind.ZONE_PREFIX, text, hint)]


def _span(low: float, high: float, decimals: int = 2) -> str:
    """ "112.55" or "112.55–113.10" (degrees)."""
    first, last = f"{low:.{decimals}f}", f"{high:.{decimals}f}"
    return first if first == last else f"{first}–{last}"


def _area_of_use_findings(
    crs: QgsCoordinateReferenceSystem, extent: QgsRectangle, name: str, context: QgsCoordinateTransformContext
) -> List[DataFinding]:
    bounds = crs.bounds()
    if bounds.isNull() or bounds.isEmpty():
        return []
    try:
        lonlat = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem(WGS84), context).transformBoundingBox(extent)
    except QgsCsException:
        lonlat = None
    values = (lonlat.xMinimum(), lonlat.xMaximum(), lonlat.yMinimum(), lonlat.yMaximum()) if lonlat else ()
    if not values or not all(math.isfinite(value) for value in values):
        message = tr("Layer “{}”: its coordinates such as {} cannot be placed on the earth in {}.")
        return [
            _error(name, DataKind.CRS_AREA, message.format(name, _example(extent), crs_label(crs)), guessed_crs(extent))
        ]
    margin = CRS_AREA_MARGIN_DEG.value()
    if bounds.buffered(margin).contains(lonlat):
        return []
    message = tr("Layer “{}” lies at {}°E, {}°N, outside the area where {} is used ({}°E).")
    text = message.format(
        name,
        _span(values[0], values[1]),
        _span(values[2], values[3]),
        crs_label(crs),
        _span(bounds.xMinimum(), bounds.xMaximum(), 1),
    )
    return [_error(name, DataKind.CRS_AREA, text, guessed_crs(extent))]
