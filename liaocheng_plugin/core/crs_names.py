"""Coordinate reference systems in words of the UI language: the Chinese Gauss–Krüger zones by datum and zone
(CGCS2000 3度带高斯-克吕格投影 第39带 …), for sheets and for every message that names a CRS."""

from typing import Dict, List, Optional, Tuple

from qgis.core import QgsCoordinateReferenceSystem

from liaocheng_plugin.core.i18n import tr

GK3_ZONES = 21  # 3-degree zones 25..45 (central meridians 75°E–135°E)
GK6_ZONES = 11  # 6-degree zones 13..23


def datum_names() -> Dict[str, str]:
    """The datums of Chinese Gauss–Krüger systems, as written in the UI language."""
    return {"cgcs2000": "CGCS2000", "xian1980": tr("Xian 1980"), "beijing1954": tr("Beijing 1954")}


# (datum, 3 or 6 degrees, first EPSG code with the zone prefix, first code without it), zones from 25 (3°) or 13 (6°).
GAUSS_KRUGER: List[Tuple[str, int, int, int]] = [
    ("cgcs2000", 3, 4513, 4534),
    ("cgcs2000", 6, 4491, 4502),
    ("xian1980", 3, 2349, 2370),
    ("xian1980", 6, 2327, 2338),
    ("beijing1954", 3, 2401, 2422),
    ("beijing1954", 6, 21413, 21453),
]


def epsg_code(crs: QgsCoordinateReferenceSystem) -> Optional[int]:
    """The EPSG number of a CRS, None for another authority."""
    authid = crs.authid()
    return int(authid[5:]) if authid.startswith("EPSG:") and authid[5:].isdigit() else None


def gauss_kruger_name(code: int) -> Optional[str]:
    """A Chinese Gauss–Krüger system in words, None for any other EPSG code."""
    for datum, width, prefixed, unprefixed in GAUSS_KRUGER:
        zones = GK3_ZONES if width == 3 else GK6_ZONES
        first_zone = 25 if width == 3 else 13
        for first, with_prefix in ((prefixed, True), (unprefixed, False)):
            if first <= code < first + zones:
                zone = first_zone + code - first
                meridian = 3 * zone if width == 3 else 6 * zone - 3
                name = datum_names()[datum]
                text = (
                    tr("{} 3-degree Gauss-Krüger zone {} (central meridian {}°E)")
                    if width == 3
                    else tr("{} 6-degree Gauss-Krüger zone {} (central meridian {}°E)")
                ).format(name, zone, meridian)
                return text if with_prefix else text + tr(", easting without zone number")
    return None


def crs_name(crs: QgsCoordinateReferenceSystem) -> str:
    """The CRS in words of the UI language for the Chinese and WGS 84 systems, else QGIS's own description."""
    code = epsg_code(crs)
    geographic = {
        4490: tr("CGCS2000 geographic coordinates"),
        4326: tr("WGS 84 geographic coordinates"),
        4610: tr("Xian 1980 geographic coordinates"),
        4214: tr("Beijing 1954 geographic coordinates"),
    }
    if code is None:
        return crs.description()
    return geographic.get(code) or gauss_kruger_name(code) or crs.description()


def crs_label(crs: QgsCoordinateReferenceSystem) -> str:
    """A CRS for messages: "EPSG:4527（CGCS2000 3度带高斯-克吕格投影 第39带 …）", its name alone without an id."""
    if not crs.authid():
        return crs_name(crs)
    return tr("{} ({})").format(crs.authid(), crs_name(crs))
