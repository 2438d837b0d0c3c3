"""Cutting two survey coverages into the pieces whose land use changed in a way that matters, in bulk.

Patches the change survey kept vertex for vertex (same outline in both years: most of a county) are paired
by a fingerprint (bounds and vertex count) confirmed by exact equality, without any intersection: such a
patch either changed as a whole or not at all, and meets no other patch of the other year with area. The
rest is paired by one bulk STRtree query per chunk of base patches; pairs whose codes make no outflow,
inflow or occupation are dropped before any geometry is computed (most pairs of a county are neighbours);
only the others are intersected, vectorised on the engine's thread pool.

Parts thinner than the sliver width (mean width 2 × area ÷ perimeter) are a moved boundary, not a changed
use, unless they border a piece of the same change (same township, base code and current code): the fringe
of a changed patch whose outline moved a little belongs to it. Only thin parts near such a piece are kept
(recomputed at the end); the others are counted and forgotten chunk by chunk, so memory stays flat.
"""

from dataclasses import dataclass
from typing import Callable, List, Optional, Tuple

import numpy as np
from qgis.core import QgsFeedback

from liaocheng_plugin.core.change.rules import CULTIVATED, DIRECTION_TABLE, FARMLAND, NO_CODE
from liaocheng_plugin.core.change.surveys import Survey, group_keys
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.pool import parallel
from liaocheng_plugin.core.engine.repair import polygonal_parts
from liaocheng_plugin.core.exceptions import CheckCanceledError

CHUNK_SIZE = 4096  # base patches per bulk query
Measure = Callable[[np.ndarray], np.ndarray]


@dataclass
class Pieces:
    """Changed pieces as parallel arrays: positions in the base and current arrays, direction number
    (rules.OUT, IN, OCCUPIED), the piece (a shapely polygon, working CRS) and whether it is thinner than the
    sliver width."""

    base: np.ndarray
    current: np.ndarray
    direction: np.ndarray
    shapes: np.ndarray
    thin: np.ndarray

    FIELDS = ("base", "current", "direction", "shapes", "thin")

    def __len__(self) -> int:
        return len(self.base)

    def take(self, keep: np.ndarray) -> "Pieces":
        return Pieces(*(getattr(self, name)[keep] for name in self.FIELDS))

    @staticmethod
    def join(parts: List["Pieces"]) -> "Pieces":
        return Pieces(*(np.concatenate([getattr(p, name) for p in parts]) for name in Pieces.FIELDS))


@dataclass
class Dropped:
    """Pieces or patches left out and why: how many, and their area (m², as the run measures)."""

    count: int = 0
    area_m2: float = 0.0

    def add(self, areas: np.ndarray) -> None:
        self.count += len(areas)
        self.area_m2 += float(np.sum(areas))


@dataclass
class ThinParts:
    """Thin parts set aside: their pair (base, current positions), box, direction and measured area."""

    base: np.ndarray
    current: np.ndarray
    direction: np.ndarray
    bounds: np.ndarray
    areas: np.ndarray


def identical_pairs(first: np.ndarray, second: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Positions (i, j) where ``first[i]`` and ``second[j]`` are the same geometry, vertex for vertex.

    A fingerprint (bounds, vertex count) seen once in each array proposes a pair; ``equals_exact`` with no
    tolerance confirms it. Geometries seen twice in one array are left to the general path.
    """
    keys, sides, positions = [], [], []
    for side, geometries in enumerate((first, second)):
        present = np.flatnonzero(geometries != None)  # noqa: E711 - elementwise
        shapes = geometries[present]
        keys.append(np.column_stack((shapely.bounds(shapes), shapely.get_num_coordinates(shapes))))
        sides.append(np.full(len(present), side, dtype=np.int8))
        positions.append(present)
    key, side, position = np.vstack(keys), np.concatenate(sides), np.concatenate(positions)
    if not len(key):
        return np.empty(0, np.int64), np.empty(0, np.int64)
    order = np.lexsort(np.vstack((side, key.T[::-1])))  # by key, base before current within equal keys
    key, side, position = key[order], side[order], position[order]
    starts = np.r_[True, np.any(key[1:] != key[:-1], axis=1)]
    sizes = np.bincount(np.cumsum(starts) - 1)
    head = np.flatnonzero(starts)
    pair = head[(sizes == 2) & (side[head] == 0) & (side[np.minimum(head + 1, len(side) - 1)] == 1)]
    i, j = position[pair], position[pair + 1]
    same = shapely.equals_exact(first[i], second[j], tolerance=0.0)
    return i[same], j[same]


def _parts(
    direction: np.ndarray, base: np.ndarray, current: np.ndarray, shapes: np.ndarray, sliver_width_m: float
) -> Pieces:
    """Pieces exploded into single polygons, thin ones flagged (``sliver_width_m`` 0 flags none)."""
    parts, owner = shapely.get_parts(shapes, return_index=True)
    polygons = shapely.get_type_id(parts) == 3
    parts, owner = parts[polygons], owner[polygons]
    thin = 2.0 * shapely.area(parts) < sliver_width_m * shapely.length(parts)
    return Pieces(base[owner], current[owner], direction[owner], parts, thin)


def _intersections(base: Survey, current: Survey, first: np.ndarray, second: np.ndarray, threads: int):
    shapes = polygonal_parts(
        parallel(shapely.intersection, base.geometries[first], current.geometries[second], threads=threads)
    )
    return shapes, shapes != None  # noqa: E711 - elementwise: neighbours that only touch give no polygon


def _candidates(base: Survey, current: Survey) -> Tuple[np.ndarray, np.ndarray, Pieces]:
    """Base and current positions left for the bulk query, and the pieces of identical patches that changed."""
    same_base, same_current = identical_pairs(base.geometries, current.geometries)
    direction = DIRECTION_TABLE[base.classes[same_base], current.classes[same_current]]
    changed = direction > 0
    whole = _parts(
        direction[changed], same_base[changed], same_current[changed], base.geometries[same_base[changed]], 0.0
    )
    # Only base patches of cultivated land or other farmland can change in a way that matters.
    left = np.isin(base.classes, (CULTIVATED, FARMLAND)) & (base.geometries != None)  # noqa: E711
    left[same_base] = False
    right = (current.classes != NO_CODE) & (current.geometries != None)  # noqa: E711
    right[same_current] = False
    return np.flatnonzero(left), np.flatnonzero(right), whole


def changed_pieces(
    base: Survey,
    current: Survey,
    sliver_width_m: float,
    measure: Measure,
    threads: int = 1,
    feedback: Optional[QgsFeedback] = None,
) -> Tuple[Pieces, Dropped]:
    """Every piece of land whose change from ``base`` to ``current`` is an outflow, an inflow or an occupation,
    as single polygons: the pieces that are not thin, and the thin ones near a piece of the same change
    (flagged ``thin``); and the thin parts left out (slivers). Raises CheckCanceledError between chunks."""
    rest_base, rest_current, whole = _candidates(base, current)
    none = np.empty(0, dtype=np.int64)
    kept, thin_parts = [whole], [ThinParts(none, none, np.empty(0, np.int8), np.empty((0, 4)), np.empty(0))]
    tree = shapely.STRtree(current.geometries[rest_current])
    for start in range(0, len(rest_base), CHUNK_SIZE):
        if feedback is not None:
            if feedback.isCanceled():
                raise CheckCanceledError()
            feedback.setProgress(100.0 * start / len(rest_base))
        chunk = rest_base[start : start + CHUNK_SIZE]
        base_at, current_at = tree.query(base.geometries[chunk])
        first, second = chunk[base_at], rest_current[current_at]
        direction = DIRECTION_TABLE[base.classes[first], current.classes[second]]
        matters = direction > 0
        first, second, direction = first[matters], second[matters], direction[matters]
        shapes, present = _intersections(base, current, first, second, threads)
        pieces = _parts(direction[present], first[present], second[present], shapes[present], sliver_width_m)
        kept.append(pieces.take(~pieces.thin))
        thin = pieces.take(pieces.thin)
        thin_parts.append(
            ThinParts(thin.base, thin.current, thin.direction, shapely.bounds(thin.shapes), measure(thin.shapes))
        )
    if feedback is not None and feedback.isCanceled():
        raise CheckCanceledError()
    fat = Pieces.join(kept)
    fringes, slivers = _fringes(base, current, fat, thin_parts, sliver_width_m, threads)
    return Pieces.join([fat, fringes]), slivers


def _fringes(
    base: Survey, current: Survey, fat: Pieces, thin_parts: List[ThinParts], sliver_width_m: float, threads: int
) -> Tuple[Pieces, Dropped]:
    """The thin parts whose box meets a piece of the same change, cut again; the others counted as slivers."""
    parts = ThinParts(*(np.concatenate([getattr(t, name) for t in thin_parts]) for name in ThinParts.__annotations__))
    slivers = Dropped()
    near = np.zeros(len(parts.base), dtype=bool)
    if len(parts.base) and len(fat):
        groups = group_keys(base, current, parts.base, parts.current)
        fat_groups = group_keys(base, current, fat.base, fat.current)
        maybe = np.flatnonzero(np.isin(groups, fat_groups))
        boxes = shapely.box(*parts.bounds[maybe].T)
        thin_at, fat_at = shapely.STRtree(fat.shapes).query(boxes, predicate="intersects")
        near[maybe[thin_at[groups[maybe[thin_at]] == fat_groups[fat_at]]]] = True
    slivers.add(parts.areas[~near])
    pairs = np.unique(np.column_stack((parts.base[near], parts.current[near], parts.direction[near])), axis=0)
    first, second, direction = pairs[:, 0], pairs[:, 1], pairs[:, 2].astype(np.int8)
    shapes, present = _intersections(base, current, first, second, threads)
    again = _parts(direction[present], first[present], second[present], shapes[present], sliver_width_m)
    return again.take(again.thin), slivers
