"""The input check (the engine's ``inspect`` hook) on a role that stays in the database.

The in-process engine hands the hook every feature it reads of a role (the whole layer, or the part
around the subjects), before any figure. Here the survey never comes over whole, so the hook is called
twice, each time with LayerArrays it can treat as usual:

1. *values*, before the overlay: every feature the in-process engine would read (same subset string,
   same box around the subjects), with its land-use code and KCXS, but no geometry. The rules that
   decide figures (codes read zero-padded, KCXS read as percentages, KCXS out of range stopping the
   check) see exactly the values they would see in QGIS, so they decide the same way; one SQL statement
   groups them (distinct values with their keys). How the hook read each distinct value is then applied
   to whatever the database sends back. Its finding that these features have no geometry is dropped
   (they have one, in the database); features truly without geometry are reported from SQL, as the
   reader reports them.
2. *met features*, after the overlay: the features that came back (met by a subject), with geometry
   (repaired as the in-process engine repairs), KCXS as read in 1 and the recorded areas (TBMJ, TBDLMJ),
   for a role that has recorded areas (fetched by ``met.met_arrays``): the rules on recorded areas look at those.
"""

from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import QgsRectangle, QgsVectorLayer

from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind
from liaocheng_plugin.core.definitions import IssueKind
from liaocheng_plugin.core.engine.arrays import (
    COLUMN_CODE,
    COLUMN_DEDUCTION,
    COLUMN_NET_AREA,
    COLUMN_RECORDED_AREA,
    LayerArrays,
)
from liaocheng_plugin.core.engine.issues import issue_finding
from liaocheng_plugin.core.engine.overlay import Inspect
from liaocheng_plugin.core.engine.postgis.driver import missing_driver
from liaocheng_plugin.core.engine.postgis.features import Readings, qgis_fids
from liaocheng_plugin.core.engine.postgis.met import met_arrays
from liaocheng_plugin.core.engine.postgis.session import Session
from liaocheng_plugin.core.engine.postgis.statements import empty_statement, values_statement
from liaocheng_plugin.core.engine.postgis.tables import POSTGRES, PostgisTable, postgis_table
from liaocheng_plugin.core.engine.spec import RoleSpec
from liaocheng_plugin.core.exceptions import LiaochengError

VALUE_COLUMNS = (COLUMN_CODE, COLUMN_DEDUCTION)  # the columns whose reading changes figures
MET_COLUMNS = (COLUMN_DEDUCTION, COLUMN_RECORDED_AREA, COLUMN_NET_AREA)


def missing_geometry_ids(layer: QgsVectorLayer) -> Optional[List[int]]:
    """QGIS's ids of a PostGIS layer's features without geometry, by one statement in its database (no feature
    comes over); None when the layer is not a table the database can answer for (it is then asked through QGIS)."""
    if missing_driver() is not None or layer.providerType() != POSTGRES:
        return None
    table, _why = postgis_table(RoleSpec("layer", layer, name=layer.name()), layer.crs())
    if table is None:
        return None
    try:
        with Session(table.database) as session:
            keys = [row[0] for row in session.rows(empty_statement(table), {}, table.name)]
    except LiaochengError:
        return None
    return sorted(qgis_fids(np.array(keys, dtype=np.int64)).tolist())


def empty_findings(session: Session, table: PostgisTable) -> List[DataFinding]:
    """An ``empty`` issue per feature of the layer without a geometry (NULL or empty), as the reader reports them
    when it reads the whole layer."""
    keys = np.array([row[0] for row in session.rows(empty_statement(table), {}, table.name)], dtype=np.int64)
    return [issue_finding(table.name, int(fid), IssueKind.EMPTY) for fid in np.sort(qgis_fids(keys))]


def inspect_values(
    session: Session, table: PostgisTable, rect: Optional[QgsRectangle], inspect: Inspect, crs=None
) -> Tuple[List[DataFinding], Readings]:
    """Call 1 (module docstring): the hook's findings on the values and how it read each distinct value.
    ``crs`` is the working CRS (``LayerArrays.crs``)."""
    meanings = [meaning for meaning in VALUE_COLUMNS if meaning in table.columns]
    if not meanings:
        return [], Readings()
    parameters: Dict[str, object] = {"srid": table.srid}
    rows = session.rows(values_statement(table, meanings, rect, parameters), parameters, table.name)
    counts = np.array([row[len(meanings)] for row in rows], dtype=np.int64)
    keys = [np.frombuffer(row[len(meanings) + 1], dtype=">i8").astype(np.int64) for row in rows]
    fids = qgis_fids(np.concatenate(keys)) if keys else np.empty(0, dtype=np.int64)
    group = np.repeat(np.arange(len(rows)), counts)
    order = np.argsort(fids, kind="stable")
    fids, group = fids[order], group[order]
    columns = {meaning: _objects([row[position] for row in rows])[group] for position, meaning in enumerate(meanings)}
    arrays = LayerArrays(table.name, table.key, fids, np.full(len(fids), None, dtype=object), columns, crs)
    findings = [finding for finding in inspect(arrays) if finding.kind != DataKind.EMPTY_GEOMETRY]
    first = np.full(len(rows), -1, dtype=np.int64)
    first[group[::-1]] = np.arange(len(group))[::-1]  # each group's first position
    mappings = {}
    for position, meaning in enumerate(meanings):
        read = arrays.columns.get(meaning)
        if read is not None and len(read) == len(fids):
            mappings[meaning] = {
                row[position]: read[first[index]] for index, row in enumerate(rows) if first[index] >= 0
            }
    return findings, Readings(mappings)


def needs_features(table: PostgisTable) -> bool:
    """Whether call 2 has anything to look at: recorded areas (TBMJ, TBDLMJ). The values were seen in call 1,
    and nothing else of a protected feature is the hook's business in a check."""
    return COLUMN_RECORDED_AREA in table.columns or COLUMN_NET_AREA in table.columns


def inspect_met(
    session: Session, table: PostgisTable, keys: Sequence[int], readings: Readings, inspect: Inspect, crs=None
) -> List[DataFinding]:
    """Call 2 (module docstring): the hook's findings on the features met (database keys ``keys``), in the
    working CRS ``crs``."""
    meanings = [meaning for meaning in MET_COLUMNS if meaning in table.columns]
    arrays = met_arrays(session, table, keys, meanings, readings, crs)
    if not len(arrays):
        return []
    return [finding for finding in inspect(arrays) if finding.kind != DataKind.EMPTY_GEOMETRY]


def _objects(values: list) -> np.ndarray:
    result = np.empty(len(values), dtype=object)
    result[:] = values
    return result
