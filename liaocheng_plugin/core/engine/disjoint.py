"""Proof, subject by subject, that the pieces a subject has on one role do not overlap: cheap where it holds.

Protected layers are normally clean coverages, so a subject's pieces of one role normally tile without
overlap, and testing every pair of them (DE-9IM) would cost more than cutting them. One GEOS coverage
union per subject settles most subjects at once, exactly:

Let m(x) be the number of pieces covering x. GEOS's coverage union U of the pieces is built from the
pieces' boundary segments alone (no new vertices). When GEOS returns U and U is a valid polygon, its
boundary consists of input segments and does not cross itself, so U is a union of faces of the
pieces' arrangement: either those where m is odd (the segments shared by two pieces cancel) or those
where m ≥ 1. Either way area(U) ≤ area({m ≥ 1}) and

    Σ area(pieces) − area(U)  ≥  ∫ (m − 1) over {m ≥ 2}  ≥  area where pieces overlap.

So when the sum of the pieces' areas equals area(U) to floating-point rounding (DISJOINT_RTOL), no
two pieces overlap by more than that rounding: nothing is counted twice. Where GEOS refuses (pieces
overlapping, or not noded alike), U is invalid, or the areas differ, the subject is not proven and its
pieces are tested pair by pair as before (``pieces.separate_overlaps``).
"""

from typing import List, Tuple

import numpy as np

from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.pool import run_all, slices

DISJOINT_RTOL = 1e-12  # relative: far above the rounding of an area sum (≈1e-15), far below any figure shown
BATCH = 64  # subjects per coverage-union call; a call GEOS refuses is split in halves until one subject is left
MIN_PER_THREAD = 256  # subjects: a coverage union is worth far more than an elementwise call


def proven_disjoint(subject: np.ndarray, shapes: np.ndarray, candidates: np.ndarray, threads: int = 1) -> np.ndarray:
    """For each of ``candidates`` (sorted subject numbers), whether its pieces are proven not to overlap.

    ``subject`` (sorted) and ``shapes`` are the areal pieces: the subject of each and its polygon.
    """
    if not len(candidates):
        return np.zeros(0, dtype=bool)
    parts, owner = shapely.get_parts(shapes, return_index=True)
    row = np.searchsorted(candidates, subject[owner])
    inside = (row < len(candidates)) & (candidates[np.minimum(row, len(candidates) - 1)] == subject[owner])
    parts, row = parts[inside], row[inside]
    starts = np.searchsorted(row, np.arange(len(candidates) + 1))  # candidate i has parts[starts[i]:starts[i + 1]]
    shares = slices(len(candidates), threads, minimum=MIN_PER_THREAD)
    unions = np.concatenate(
        run_all([lambda rows=rows: _coverage_unions(parts, starts, rows) for rows in shares], threads)
    )
    present = np.flatnonzero(unions != None)  # noqa: E711 - elementwise
    proven = np.zeros(len(candidates), dtype=bool)
    proven[present] = shapely.is_valid(unions[present])
    pieces_area = np.bincount(row, shapely.area(parts), len(candidates))
    union_area = np.zeros(len(candidates))
    union_area[present] = shapely.area(unions[present])
    return proven & (np.abs(pieces_area - union_area) <= DISJOINT_RTOL * pieces_area)


def _coverage_unions(parts: np.ndarray, starts: np.ndarray, rows: slice) -> np.ndarray:
    """The coverage union of the parts of each candidate of ``rows``; None where GEOS refuses the candidate."""
    result = np.full(rows.stop - rows.start, None, dtype=object)
    pending: List[Tuple[int, int]] = [
        (first, min(first + BATCH, rows.stop)) for first in range(rows.start, rows.stop, BATCH)
    ]
    while pending:
        first, last = pending.pop()
        try:
            result[first - rows.start : last - rows.start] = shapely.coverage_union_all(
                _table(parts, starts, first, last), axis=1
            )
        except shapely.errors.GEOSException:
            if last - first > 1:
                middle = (first + last) // 2
                pending += [(first, middle), (middle, last)]
    return result


def _table(parts: np.ndarray, starts: np.ndarray, first: int, last: int) -> np.ndarray:
    """The parts of candidates ``first`` to ``last`` (excluded) as rows padded with None."""
    counts = np.diff(starts[first : last + 1])
    table = np.full((last - first, max(int(counts.max()), 1)), None, dtype=object)
    columns = np.arange(counts.sum()) - np.repeat(starts[first:last] - starts[first], counts)
    table[np.repeat(np.arange(last - first), counts), columns] = parts[starts[first] : starts[last]]
    return table
