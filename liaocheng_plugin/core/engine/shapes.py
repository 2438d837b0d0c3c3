"""Bulk geometry answers the checks need beyond the overlay: what lies outside, where a route meets a zone."""

from typing import List, Sequence, Tuple

import numpy as np

from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.repair import polygonal_parts


def outside_parts(subjects: Sequence, covers: Sequence) -> np.ndarray:
    """The polygon part of each subject outside its cover (None: nothing outside); a None cover leaves it whole."""
    subjects = np.array(list(subjects), dtype=object)
    covers = np.array(list(covers), dtype=object)
    result = subjects.copy()
    covered = np.flatnonzero(covers != None)  # noqa: E711 - elementwise
    if len(covered):
        result[covered] = polygonal_parts(shapely.difference(subjects[covered], covers[covered]))
    return result


def chainage_spans(centerline, zone) -> List[Tuple[object, float, float]]:
    """(part, from, to) for each connected part of ``zone``: the range of its vertices projected on ``centerline``."""
    if zone is None or centerline is None or not shapely.length(centerline) > 0:
        return []  # a degenerate route (one point) has no chainage
    parts = shapely.get_parts(zone)
    coordinates, owner = shapely.get_coordinates(parts, return_index=True)
    positions = shapely.line_locate_point(centerline, shapely.points(coordinates))
    if not len(positions):
        return []
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    lows, highs = np.minimum.reduceat(positions, starts), np.maximum.reduceat(positions, starts)
    return [(parts[owner[start]], float(low), float(high)) for start, low, high in zip(starts, lows, highs)]
