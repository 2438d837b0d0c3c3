"""Chinese Gauss–Krüger CRSs (CGCS2000, Xian 1980, Beijing 1954; 3° and 6° zones, with or without the zone
prefix): recognise one from its definition and name the EPSG code of its sibling."""

import re
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

from qgis.core import QgsCoordinateReferenceSystem

FIRST_CENTRAL_MERIDIAN = 75  # every family below runs from 75°E to 135°E
LAST_CENTRAL_MERIDIAN = 135
PREFIX_UNIT = 1_000_000.0  # a prefixed easting is zone × 10⁶ + 500,000 ± the distance from the central meridian
FALSE_EASTING = 500_000.0

# (ellipsoid in the PROJ definition, zone width in degrees) → (first EPSG code with the zone prefix, without).
FAMILIES: Dict[Tuple[str, int], Tuple[int, int]] = {
    ("GRS80", 3): (4513, 4534),  # CGCS2000 / 3-degree Gauss-Kruger zone 25 / CM 75E
    ("GRS80", 6): (4491, 4502),  # CGCS2000 / Gauss-Kruger zone 13 / CM 75E
    ("IAU76", 3): (2349, 2370),  # Xian 1980
    ("IAU76", 6): (2327, 2338),
    ("krass", 3): (2401, 2422),  # Beijing 1954
    ("krass", 6): (21413, 21473),
}


@dataclass(frozen=True)
class GaussKruger:
    """A Gauss–Krüger CRS: ellipsoid, zone width (3 or 6°), central meridian and whether eastings carry the prefix."""

    ellipsoid: str
    width: int
    central_meridian: int
    prefixed: bool

    @property
    def zone(self) -> int:
        """The zone number: CM/3 for 3° zones, (CM+3)/6 for 6° zones."""
        return self.central_meridian // 3 if self.width == 3 else (self.central_meridian + 3) // 6

    def easting_prefix(self) -> int:
        """The prefix eastings carry in this CRS (0 when it has none)."""
        return self.zone if self.prefixed else 0

    def epsg(self) -> Optional[int]:
        """The EPSG code of this CRS, None when it is not one of the families known here."""
        first = FAMILIES.get((self.ellipsoid, self.width))
        if first is None or not FIRST_CENTRAL_MERIDIAN <= self.central_meridian <= LAST_CENTRAL_MERIDIAN:
            return None
        return first[0 if self.prefixed else 1] + (self.central_meridian - FIRST_CENTRAL_MERIDIAN) // self.width

    def crs(self) -> Optional[QgsCoordinateReferenceSystem]:
        """The CRS of this definition, None when it has no EPSG code."""
        code = self.epsg()
        return QgsCoordinateReferenceSystem(f"EPSG:{code}") if code else None

    def with_prefix(self, prefixed: bool) -> "GaussKruger":
        """The sibling CRS of the same zone with (or without) the zone prefix."""
        return GaussKruger(self.ellipsoid, self.width, self.central_meridian, prefixed)

    def for_prefix(self, prefix: int) -> Optional["GaussKruger"]:
        """The prefixed CRS of the same datum whose zone number is ``prefix`` (25–45: 3°, 13–23: 6°)."""
        if 25 <= prefix <= 45:
            return GaussKruger(self.ellipsoid, 3, prefix * 3, True)
        if 13 <= prefix <= 23:
            return GaussKruger(self.ellipsoid, 6, prefix * 6 - 3, True)
        return None


def _parameter(definition: str, name: str) -> Optional[str]:
    match = re.search(rf"\+{name}=(\S+)", definition)
    return match.group(1) if match else None


def gauss_kruger(crs: QgsCoordinateReferenceSystem) -> Optional[GaussKruger]:
    """The Gauss–Krüger reading of a CRS (transverse Mercator, scale 1, false easting 500 km with or without a
    zone prefix, central meridian on a 3° or 6° zone); None for any other CRS."""
    if not crs.isValid() or crs.isGeographic():
        return None
    definition = crs.toProj()
    if _parameter(definition, "proj") != "tmerc":
        return None
    try:
        central = float(_parameter(definition, "lon_0") or "nan")
        false_easting = float(_parameter(definition, "x_0") or "nan")
        scale = float(_parameter(definition, "k") or _parameter(definition, "k_0") or "1")
    except ValueError:
        return None
    ellipsoid = _parameter(definition, "ellps") or ""
    if scale != 1.0 or central != round(central) or (false_easting - FALSE_EASTING) % PREFIX_UNIT:
        return None
    prefix = int((false_easting - FALSE_EASTING) // PREFIX_UNIT)
    central_meridian = int(central)
    if prefix:
        for width, zone in ((3, central_meridian / 3), (6, (central_meridian + 3) / 6)):
            if prefix == zone:
                return GaussKruger(ellipsoid, width, central_meridian, True)
        return None
    if central_meridian % 3:
        return None
    return GaussKruger(ellipsoid, 6 if _is_six_degree(crs, ellipsoid) else 3, central_meridian, False)


def _is_six_degree(crs: QgsCoordinateReferenceSystem, ellipsoid: str) -> bool:
    """Whether an unprefixed CRS is one of the 6° family's EPSG codes (its definition alone cannot tell)."""
    first = FAMILIES.get((ellipsoid, 6))
    authority, _, code = crs.authid().partition(":")
    if first is None or authority != "EPSG" or not code.isdigit():
        return False
    return first[1] <= int(code) <= first[1] + (LAST_CENTRAL_MERIDIAN - FIRST_CENTRAL_MERIDIAN) // 6


def prefix_of(easting: float) -> int:
    """The zone prefix an easting carries (39 for 39,500,050), 0 below 10,000,000."""
    return int(easting // PREFIX_UNIT) if easting >= 10 * PREFIX_UNIT else 0


def guess_from_coordinates(x: float, y: float) -> Optional[GaussKruger]:
    """The CGCS2000 Gauss–Krüger CRS coordinates (x easting, y northing, metres) most likely are in, when the
    easting carries a zone prefix; None otherwise (an easting without prefix does not tell its zone)."""
    prefix = prefix_of(x)
    if prefix and 0 < y < 10 * PREFIX_UNIT:
        return GaussKruger("GRS80", 3, 0, True).for_prefix(prefix)
    return None
