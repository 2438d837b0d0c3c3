"""Enumerations and constants of the land-check domain."""

from enum import Enum

CGCS2000_ELLIPSOID = "EPSG:1024"
CGCS2000_GEOGRAPHIC = "EPSG:4490"
# EPSG codes of CGCS2000 3-degree Gauss-Krüger zones 25..45 with the zone prefix (4513..4533).
GK3_PREFIXED_FIRST_EPSG = 4513
GK3_FIRST_ZONE = 25
GK3_LAST_ZONE = 45

DEFAULT_LAND_CODE_FIELD = "DLBM"
DEFAULT_DEDUCTION_FIELD = "KCXS"
DEFAULT_CULTIVATED_CODES = ("0101", "0102", "0103")


class Role(str, Enum):
    """Roles a protected layer can play in a check."""

    PERMANENT_FARMLAND = "pbf"
    ECOLOGICAL_REDLINE = "erl"
    DEVELOPMENT_BOUNDARY = "udb"
    LAND_SURVEY = "survey"
    VILLAGES = "village"
    MINERALS = "mineral"


# Processing parameter name of each role; every check algorithm uses the same names.
ROLE_PARAMETERS = {
    Role.PERMANENT_FARMLAND: "PERMANENT_FARMLAND",
    Role.ECOLOGICAL_REDLINE: "ECOLOGICAL_REDLINE",
    Role.DEVELOPMENT_BOUNDARY: "DEVELOPMENT_BOUNDARY",
    Role.LAND_SURVEY: "LAND_SURVEY",
    Role.VILLAGES: "VILLAGES",
    Role.MINERALS: "MINERAL_RESOURCES",
}

# Processing parameter names of the role layers' fields and of further overlays (shared by every check).
LAND_CODE_FIELD_PARAMETER = "LAND_CODE_FIELD"
DEDUCTION_FIELD_PARAMETER = "DEDUCTION_FIELD"
CULTIVATED_CODES_PARAMETER = "CULTIVATED_CODES"
VILLAGE_NAME_FIELD_PARAMETER = "VILLAGE_NAME_FIELD"
OTHER_LAYERS_PARAMETER = "OTHER_LAYERS"
# The input check's parameter (web-map frame of lon/lat subjects) and output (findings table) of every check.
COORDINATE_FRAME_PARAMETER = "COORDINATE_FRAME"
DATA_CHECK_OUTPUT = "DATA_CHECK"

# Role of a conflict piece a reserve parcel shares with another reserve parcel (the reserve check's OVERLAPS).
PARCEL_OVERLAP_KEY = "parcel_overlap"

# Output field prefix for the cultivated-land totals taken from the land survey.
CULTIVATED_KEY = "cult"
CULTIVATED_NET_KEY = "cult_net"


class AreaMode(int, Enum):
    """How areas are measured: on the CGCS2000 ellipsoid (as official survey areas) or planar."""

    ELLIPSOIDAL = 0
    PLANAR = 1

    @property
    def basis(self) -> str:
        """The value of the results' ``area_basis`` field."""
        return "planar" if self == AreaMode.PLANAR else "ellipsoidal"


class IssueKind(str, Enum):
    """What was wrong with an input geometry."""

    REPAIRED = "repaired"
    EMPTY = "empty"
    UNREPAIRABLE = "unrepairable"
    TRANSFORM_FAILED = "transform_failed"
