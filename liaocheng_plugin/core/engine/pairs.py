"""Subjects overlapping each other (double counting), within one set or between two, in bulk."""

from typing import Dict, Hashable, List, Optional, Tuple

import numpy as np

from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.measure import AreaMeasurer
from liaocheng_plugin.core.engine.pool import parallel


def overlapping_pairs(
    first: Dict[Hashable, object],
    measurer: AreaMeasurer,
    sliver_m2: float,
    second: Optional[Dict[Hashable, object]] = None,
    threads: int = 1,
) -> List[Tuple[Hashable, Hashable, float]]:
    """(a, b, shared m²) per overlap above ``sliver_m2``: within ``first`` (each pair once) or ``first`` × ``second``.

    Values are shapely geometries in the working CRS; one STRtree query finds the pairs that meet,
    one vectorised intersection and measurement gives their shared area. Pairs come in the order of
    ``first``, then of the other set.
    """
    others = first if second is None else second
    first_keys, other_keys = list(first), list(others)
    if not first_keys or not other_keys:
        return []
    shapes = np.array(list(first.values()), dtype=object)
    other_shapes = np.array(list(others.values()), dtype=object)
    at, other_at = shapely.STRtree(other_shapes).query(shapes, predicate="intersects")
    if second is None:
        names = np.array([str(key) for key in first_keys], dtype=object)
        keep = (at != other_at) & (names[other_at] > names[at])
        at, other_at = at[keep], other_at[keep]
    order = np.lexsort((other_at, at))
    at, other_at = at[order], other_at[order]
    shared = parallel(shapely.intersection, shapes[at], other_shapes[other_at], threads=threads)
    areas = measurer.areas(shared)
    return [
        (first_keys[one], other_keys[two], area)
        for one, two, area in zip(at.tolist(), other_at.tolist(), areas.tolist())
        if area > sliver_m2
    ]
