"""Whole features a subject met, fetched from the database as LayerArrays, as the in-process engine holds them.

The overlay sends back pieces only. Two things look at whole features of those met: the input check's
second call (``inspection.inspect_met``: recorded areas against the feature's area) and the ``self_overlap``
findings (``engine.PostgisEngine``: the whole shared area of two overlapping features). Both get them here,
a batch of keys per statement, in feature-id order, repaired as the in-process engine repairs them (the
repairs themselves were reported from the overlay).
"""

from typing import List, Optional, Sequence

import numpy as np

from liaocheng_plugin.core.engine.arrays import LayerArrays
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.postgis.features import Readings, qgis_fids
from liaocheng_plugin.core.engine.postgis.session import Session
from liaocheng_plugin.core.engine.postgis.statements import features_statement
from liaocheng_plugin.core.engine.postgis.tables import PostgisTable
from liaocheng_plugin.core.engine.repair import repair_geometries

MET_BATCH = 16384  # features fetched per statement: rows are held a batch at a time (they weigh more than arrays)


def met_arrays(
    session: Session,
    table: PostgisTable,
    keys: Sequence[int],
    meanings: Sequence[str] = (),
    readings: Optional[Readings] = None,
    crs=None,
) -> LayerArrays:
    """The features of database keys ``keys`` (geometries in the working CRS ``crs``, repaired) with the columns
    ``meanings`` read as the input check read them (``readings``), sorted by feature id."""
    statement = features_statement(table, meanings)
    ordered = sorted(keys)
    fids: List[np.ndarray] = [np.empty(0, dtype=np.int64)]
    wkbs: List[Optional[bytes]] = []
    values: List[list] = [[] for _ in meanings]
    for start in range(0, len(ordered), MET_BATCH):
        rows = session.rows(statement, {"keys": ordered[start : start + MET_BATCH]}, table.name)
        fids.append(qgis_fids(np.array([row[0] for row in rows], dtype=np.int64)))
        wkbs += [None if row[1] is None else bytes(row[1]) for row in rows]
        for position, column in enumerate(values):
            column += [row[2 + position] for row in rows]
        del rows
    every = np.concatenate(fids)
    order = np.argsort(every, kind="stable")
    geometries = shapely.from_wkb(_objects(wkbs)[order], on_invalid="ignore")
    del wkbs
    geometries[shapely.is_empty(geometries)] = None
    readings = readings or Readings()
    columns = {meaning: _objects(readings.read(meaning, column))[order] for meaning, column in zip(meanings, values)}
    arrays = LayerArrays(table.name, table.key, every[order], geometries, columns, crs)
    repair_geometries(arrays)
    return arrays


def _objects(values: list) -> np.ndarray:
    result = np.empty(len(values), dtype=object)
    result[:] = values
    return result
