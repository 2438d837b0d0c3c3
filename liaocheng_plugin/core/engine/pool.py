"""A small thread pool for GEOS work: shapely 2 releases the GIL inside its vectorised calls."""

import itertools
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, List, Optional, Sequence

import numpy as np
from qgis.PyQt.QtCore import QThread

MIN_PER_THREAD = 2048  # below this, splitting costs more than it saves
PARTS_PER_THREAD = 2  # more slices than threads: a thread slowed down (a busy machine) takes fewer of them


def thread_count(threads: Optional[int] = None) -> int:
    """``threads`` when given, else QThread.idealThreadCount() (the machine's cores), at least 1."""
    return max(1, threads if threads else QThread.idealThreadCount())


def slices(count: int, threads: int, groups: Optional[np.ndarray] = None, minimum: Optional[int] = None) -> List[slice]:
    """Contiguous slices of ``range(count)`` for ``threads`` threads: PARTS_PER_THREAD per thread, each of
    ``minimum`` rows at least (default MIN_PER_THREAD); one slice when one thread is worth using.

    ``groups`` (sorted, one key per row) keeps the rows of a key in one slice: a prepared geometry
    (``shapely.prepare``) builds its indexes on first use and must not be used by two threads at once.
    """
    worth = count // (minimum or MIN_PER_THREAD)
    parts = 1 if min(threads, worth) <= 1 else min(threads * PARTS_PER_THREAD, worth)
    bounds = np.linspace(0, count, parts + 1).astype(int)
    if groups is not None and parts > 1:
        starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
        bounds = np.unique(np.r_[starts[np.minimum(np.searchsorted(starts, bounds[:-1]), len(starts) - 1)], count])
    return [slice(start, stop) for start, stop in zip(bounds[:-1], bounds[1:])]


def run_all(tasks: Sequence[Callable[[], object]], threads: Optional[int] = None) -> list:
    """The results of ``tasks`` (callables without arguments), in order, run by ``threads`` threads (default:
    one per task), this one included, each taking the next task not yet taken."""
    workers = min(threads or len(tasks), len(tasks))
    if workers <= 1:
        return [task() for task in tasks]
    results: list = [None] * len(tasks)
    order = itertools.count()  # next() is atomic: each task is taken once

    def work() -> None:
        position = next(order)
        while position < len(tasks):
            results[position] = tasks[position]()
            position = next(order)

    with ThreadPoolExecutor(max_workers=workers - 1) as executor:
        helpers = [executor.submit(work) for _ in range(workers - 1)]
        work()
        for helper in helpers:
            helper.result()
    return results


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
    results = run_all([lambda part=part: function(*(array[part] for array in arrays)) for part in parts], threads)
    return np.concatenate(results)
