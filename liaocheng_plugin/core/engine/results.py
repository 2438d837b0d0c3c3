"""What an overlay finds, engine-neutral: the shapely engine and a SQL engine build the same objects.

Geometries are in the working CRS: subjects as shapely geometries, pieces as WKB; both are handed
out as shapely (``shape``) or QgsGeometry (``geometry``) on demand, so a batch pays for the
QgsGeometries it writes and no more. A SQL engine passes its WKB as it comes. The classes use
``__slots__``: a county of subjects and a million pieces stay compact in memory.
"""

from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

from liaocheng_plugin.core.datacheck.findings import DataFinding
from liaocheng_plugin.core.definitions import AreaMode
from liaocheng_plugin.core.engine.convert import qgis_from_wkb, to_qgis
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.units import percent


class OverlapPiece:
    """The part of one subject lying on one protected feature (``protected_fid``); ``area_m2`` measured.

    The geometry is kept as WKB (``wkb``, compact: a county of pieces stays in memory) and handed out
    as shapely (``shape``) or QgsGeometry (``geometry``) on demand. ``is_polygon`` is False for a
    point met by a subject (a village point): a piece without area.
    """

    __slots__ = ("role", "protected_fid", "label", "code", "area_m2", "deduction", "is_polygon", "_wkb", "_shape")

    def __init__(
        self,
        role: str,
        protected_fid: int,
        label: str,
        code: str,
        shape: Any = None,
        area_m2: float = 0.0,
        deduction: float = 0.0,
        is_polygon: bool = True,
        wkb: Optional[bytes] = None,
    ):
        self.role, self.protected_fid, self.label, self.code = role, protected_fid, label, code
        self.area_m2, self.deduction, self.is_polygon = area_m2, deduction, is_polygon
        self._shape, self._wkb = shape, wkb

    @property
    def shape(self):
        """The piece as a shapely geometry in the working CRS."""
        if self._shape is None and self._wkb is not None:
            self._shape = shapely.from_wkb(self._wkb)
        return self._shape

    @property
    def wkb(self) -> Optional[bytes]:
        """The piece as ISO WKB."""
        if self._wkb is None and self._shape is not None:
            return shapely.to_wkb(self._shape, byte_order=1, flavor="iso")
        return self._wkb

    @property
    def geometry(self) -> QgsGeometry:
        """The piece as a QgsGeometry in the working CRS."""
        return qgis_from_wkb(self.wkb)


class RoleOverlap:
    """What of one subject lies on one role; protected features that overlap each other are counted once.

    ``area_m2`` is the area of the union of the pieces, ``area_by_code_m2``, ``cultivated_m2`` and
    ``cultivated_net_m2`` (net of the KCXS deduction) sum the pieces by land-use code. ``shape``
    (and ``geometry``) is the union of the areal pieces, made on first use. ``pieces`` are given, or
    made on first use from a ``PieceTable`` shared with the other subjects of a batch.
    """

    __slots__ = (
        "role",
        "area_m2",
        "area_by_code_m2",
        "cultivated_m2",
        "cultivated_net_m2",
        "_pieces",
        "_table",
        "_row",
        "_shape",
        "_geometry",
    )

    def __init__(
        self,
        role: str,
        area_m2: float = 0.0,
        pieces: Optional[List[OverlapPiece]] = None,
        area_by_code_m2: Optional[Dict[str, float]] = None,
        cultivated_m2: float = 0.0,
        cultivated_net_m2: float = 0.0,
    ):
        self.role, self.area_m2 = role, area_m2
        self._pieces = pieces if pieces is not None else []
        self._table: Optional[PieceTable] = None
        self._row = 0
        self.area_by_code_m2 = area_by_code_m2 if area_by_code_m2 is not None else {}
        self.cultivated_m2, self.cultivated_net_m2 = cultivated_m2, cultivated_net_m2
        self._shape: Any = None
        self._geometry: Optional[QgsGeometry] = None

    @property
    def pieces(self) -> List[OverlapPiece]:
        """The part of the subject on each protected feature met, in the order of the features' positions."""
        if self._table is not None:
            self._pieces, self._table = self._table.pieces(self._row), None
        return self._pieces

    def defer_pieces(self, table: "PieceTable", row: int) -> None:
        """Take the pieces from row ``row`` of ``table`` when first asked for."""
        self._table, self._row = table, row

    @property
    def shape(self):
        """The union of the areal pieces as a shapely geometry; None when there is none."""
        if self._shape is None:
            areal = [piece.shape for piece in self.pieces if piece.is_polygon]
            if len(areal) == 1:
                self._shape = areal[0]
            elif areal:
                self._shape = shapely.union_all(areal)
        return self._shape

    @property
    def geometry(self) -> QgsGeometry:
        """``shape`` as a QgsGeometry (an empty QgsGeometry when nothing areal lies on the role)."""
        if self._geometry is None:
            self._geometry = to_qgis(self.shape)
        return self._geometry

    @property
    def feature_ids(self) -> List[int]:
        """Ids of the protected features met, in order met."""
        return [piece.protected_fid for piece in self.pieces]

    @property
    def labels(self) -> List[str]:
        """Distinct non-empty labels of the protected features met."""
        return list(dict.fromkeys(piece.label for piece in self.pieces if piece.label))


class PieceTable:
    """The pieces of one role for a batch of subjects, made on first use: ``make()`` returns one list of
    OverlapPiece per subject (row). A batch that reads only the figures (a results layer without pieces)
    never makes its OverlapPiece objects."""

    __slots__ = ("_make", "_made")

    def __init__(self, make: Callable[[], List[List[OverlapPiece]]]):
        self._make = make
        self._made: Optional[List[List[OverlapPiece]]] = None

    def pieces(self, row: int) -> List[OverlapPiece]:
        """The pieces of the subject at ``row`` (all rows are made on the first call)."""
        if self._made is None:
            self._made, self._make = self._make(), None
        return self._made[row]


class SubjectOverlap:
    """All role overlaps of one subject (parcel, patch, site, corridor); ``shape`` is the subject as checked."""

    __slots__ = ("subject_id", "shape", "area_m2", "roles", "area_mode", "_geometry")

    def __init__(
        self,
        subject_id: int,
        shape: Any,
        area_m2: float,
        roles: Optional[Dict[str, RoleOverlap]] = None,
        area_mode: AreaMode = AreaMode.ELLIPSOIDAL,
    ):
        self.subject_id, self.shape, self.area_m2 = subject_id, shape, area_m2
        self.roles: Dict[str, RoleOverlap] = roles if roles is not None else {}
        self.area_mode = area_mode
        self._geometry: Optional[QgsGeometry] = None

    @property
    def geometry(self) -> QgsGeometry:
        """The subject as a QgsGeometry in the working CRS."""
        if self._geometry is None:
            self._geometry = to_qgis(self.shape)
        return self._geometry

    def area_m2_of(self, role: str) -> float:
        """Overlap area with a role in m², 0 when the role was not checked."""
        overlap = self.roles.get(role)
        return overlap.area_m2 if overlap else 0.0

    def percent_of(self, role: str) -> float:
        """Overlap with a role as a percentage of the subject's area."""
        return percent(self.area_m2_of(role), self.area_m2)


@dataclass
class OverlayReport:
    """The result of one overlay run: per-subject overlaps and what the input check and the repairs found.

    ``issues`` holds every DataFinding of the run: geometries repaired (``fixed``) or skipped
    (``warning``) and whatever the caller's ``inspect`` returned. ``engine`` says where the overlay
    ran, ``"local"`` (in QGIS) or ``"postgis"`` (in the database of the protected layers), and
    ``engine_note`` says so in a line for the run's log.
    """

    subjects: List[SubjectOverlap]
    issues: List[DataFinding]
    working_crs: QgsCoordinateReferenceSystem
    area_mode: AreaMode
    area_note: str
    engine: str = "local"
    engine_note: str = ""
