"""Cutting subjects by one role, in bulk: one STRtree query, containment shortcuts, vectorised intersections.

Pieces of protected features that overlap each other are made disjoint before anything is summed:
where two features of a role overlap inside a subject, the overlap counts for the feature read first
(the lower position in the layer: the lower feature id, see ``reader.read_layer``), so no area is ever
counted twice, in the survey neither.
"""

from dataclasses import dataclass
from typing import Callable, Dict, List, Tuple

import numpy as np

from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.disjoint import proven_disjoint
from liaocheng_plugin.core.engine.index import RoleIndex
from liaocheng_plugin.core.engine.pool import parallel
from liaocheng_plugin.core.engine.repair import polygonal_parts

Measure = Callable[[np.ndarray], np.ndarray]
INTERIORS_MEET = "T********"  # DE-9IM: the interiors intersect (an overlap with area, not a shared edge)


@dataclass
class RolePieces:
    """The pieces of one role in one chunk of subjects, as parallel arrays (sorted by subject, then feature)."""

    subject: np.ndarray  # position of the subject in the chunk
    feature: np.ndarray  # position of the protected feature in the role's arrays
    shapes: np.ndarray  # the piece (shapely, working CRS): the feature, the subject or their intersection
    areas: np.ndarray  # m²; 0 for a point or line feature met (a village point)

    def take(self, keep: np.ndarray) -> "RolePieces":
        return RolePieces(self.subject[keep], self.feature[keep], self.shapes[keep], self.areas[keep])


def cut_pieces(
    index: RoleIndex, subjects: np.ndarray, subject_areas: np.ndarray, measure: Measure, threads: int = 1
) -> RolePieces:
    """What of each subject (prepared shapely polygons) lies on each feature of the role, measured.

    A feature inside the subject is the piece itself (its area measured once per run), a subject
    inside a feature is the piece itself; only the rest is intersected, on ``threads`` threads.
    Features that only touch a subject give no piece.
    """
    subject_at, feature_at = index.met(subjects, threads)
    features = index.arrays.geometries
    shapes = features[feature_at]
    areas = np.zeros(len(subject_at))
    areal = np.flatnonzero(index.areal(feature_at))
    inside = parallel(
        shapely.contains,
        subjects[subject_at[areal]],
        features[feature_at[areal]],
        threads=threads,
        groups=subject_at[areal],
    )
    contained = areal[inside]
    areas[contained] = index.feature_areas(feature_at[contained], measure)
    rest = areal[~inside]
    covering = rest[_bounds_contain(features[feature_at[rest]], subjects[subject_at[rest]])]
    covering = covering[shapely.contains(features[feature_at[covering]], subjects[subject_at[covering]])]
    shapes[covering] = subjects[subject_at[covering]]
    areas[covering] = subject_areas[subject_at[covering]]
    cut = np.setdiff1d(rest, covering, assume_unique=True)
    if len(cut):
        intersections = parallel(
            shapely.intersection, subjects[subject_at[cut]], features[feature_at[cut]], threads=threads
        )
        shapes[cut] = polygonal_parts(intersections)
        areas[cut] = measure(shapes[cut])
    keep = np.ones(len(subject_at), dtype=bool)
    keep[cut] = shapes[cut] != None  # noqa: E711 - elementwise: touching only gives no polygon
    return RolePieces(subject_at, feature_at, shapes, areas).take(keep)


def _bounds_contain(outer: np.ndarray, inner: np.ndarray) -> np.ndarray:
    """Whether each outer bounding box contains the inner one (the cheap test before ``contains``)."""
    a, b = shapely.bounds(outer), shapely.bounds(inner)
    return (a[:, 0] <= b[:, 0]) & (a[:, 1] <= b[:, 1]) & (a[:, 2] >= b[:, 2]) & (a[:, 3] >= b[:, 3])


def separate_overlaps(pieces: RolePieces, measure: Measure, threads: int = 1) -> Tuple[RolePieces, np.ndarray]:
    """The pieces made disjoint within each subject (see the module docstring), and the pairs of features
    (positions in the role's arrays, lower first, unique) whose pieces overlap in some subject.

    Subjects with several areal pieces are first proven free of overlaps where that holds
    (``disjoint.py``); in the others, the pairs of pieces whose bounding boxes meet are tested in one
    vectorised DE-9IM call; only the groups whose interiors meet are differenced. Pieces left empty are
    dropped.
    """
    no_pairs = np.empty((0, 2), dtype=np.intp)
    areal = np.flatnonzero(pieces.areas > 0)
    subject = pieces.subject[areal]
    counts = np.bincount(subject) if len(subject) else np.zeros(0, dtype=np.intp)
    candidates = np.flatnonzero(counts > 1)
    doubtful = candidates[~proven_disjoint(subject, pieces.shapes[areal], candidates, threads)]
    areal = areal[np.isin(subject, doubtful)]
    shapes = pieces.shapes[areal]
    first, second = shapely.STRtree(shapes).query(shapes)
    same = (first < second) & (pieces.subject[areal][first] == pieces.subject[areal][second])
    first, second = first[same], second[same]
    if not len(first):
        return pieces, no_pairs
    meet = parallel(_interiors_meet, shapes[first], shapes[second], threads=threads)
    if not meet.any():
        return pieces, no_pairs
    first, second = areal[first[meet]], areal[second[meet]]
    overlapping = np.unique(np.sort(np.column_stack([pieces.feature[first], pieces.feature[second]]), axis=1), axis=0)
    changed = []
    for group in _groups(first, second):
        covered = pieces.shapes[group[0]]
        for position in group[1:]:
            shape = pieces.shapes[position]
            pieces.shapes[position] = polygonal_parts(np.array([shapely.difference(shape, covered)], dtype=object))[0]
            covered = shapely.union(covered, shape)
            changed.append(position)
    changed = np.array(changed, dtype=int)
    pieces.areas[changed] = measure(pieces.shapes[changed])
    return pieces.take(pieces.shapes != None), overlapping  # noqa: E711 - elementwise


def _interiors_meet(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    return shapely.relate_pattern(first, second, INTERIORS_MEET)


def _groups(first: np.ndarray, second: np.ndarray) -> List[List[int]]:
    """Connected groups of overlapping pieces (union–find over the few overlapping pairs), each sorted."""
    parent: Dict[int, int] = {}

    def root(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for one, two in zip(first.tolist(), second.tolist()):
        parent[root(one)] = root(two)
    groups: Dict[int, List[int]] = {}
    for node in list(parent):
        groups.setdefault(root(node), []).append(node)
    return [sorted(group) for group in groups.values()]
