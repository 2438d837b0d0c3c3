"""A small thread pool for GEOS work: shapely 2 releases the GIL inside its vectorised calls."""

from concurrent.futures import ThreadPoolExecutor
from typing import Callable, List, Optional, Sequence

import numpy as np
from qgis.PyQt.QtCore import QThread

MIN_PER_THREAD = 2048  # below this, splitting costs more than it saves


def thread_count(threads: Optional[int] = None) -> int:
    """``threads`` when given, else QThread.idealThreadCount() (the machine's cores), at least 1."""
    return max(1, threads if threads else QThread.idealThreadCount())


def slices(count: int, threads: int, groups: Optional[np.ndarray] = None, minimum: Optional[int] = None) -> List[slice]:
    """Contiguous slices of ``range(count)``, one per thread worth using (``minimum`` rows each at least,
    default MIN_PER_THREAD).

    ``groups`` (sorted, one key per row) keeps the rows of a key in one slice: a prepared geometry
    (``shapely.prepare``) builds its indexes on first use and must not be used by two threads at once.
    """
    parts = max(1, min(threads, count // (minimum or MIN_PER_THREAD)))
    bounds = np.linspace(0, count, parts + 1).astype(int)
    if groups is not None and parts > 1:
        starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
        bounds = np.unique(np.r_[starts[np.minimum(np.searchsorted(starts, bounds[:-1]), len(starts) - 1)], count])
    return [slice(start, stop) for start, stop in zip(bounds[:-1], bounds[1:])]


def run_all(tasks: Sequence[Callable[[], object]]) -> list:
    """The results of ``tasks`` (callables without arguments), run at once: the first in this thread."""
    if len(tasks) <= 1:
        return [task() for task in tasks]
    with ThreadPoolExecutor(max_workers=len(tasks) - 1) as executor:
        futures = [executor.submit(task) for task in tasks[1:]]
        first = tasks[0]()
        return [first] + [future.result() for future in futures]


def parallel(
    function: Callable[..., np.ndarray], *arrays: np.ndarray, threads: int = 1, groups: Optional[np.ndarray] = None
) -> np.ndarray:
    """``function(*arrays)`` computed on contiguous slices in ``threads`` threads; the same result as one call.

    ``function`` must be elementwise (one output per input row), e.g. ``shapely.intersection``. Rows of
    one key of ``groups`` stay in one slice (see ``slices``): pass the positions of the prepared operand.
    """
    parts = slices(len(arrays[0]) if arrays else 0, threads, groups)
    if len(parts) == 1:
        return function(*arrays)
    results = run_all([lambda part=part: function(*(array[part] for array in arrays)) for part in parts])
    return np.concatenate(results)
