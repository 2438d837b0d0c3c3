"""What a pieces statement sends back for one chunk and role, decoded and measured (on the fetching thread).

Rows are (at, key, kind, raw WKB of an invalid feature, piece WKB, label, code, KCXS), kinds as in
``statements.py``. ``decode`` turns them into arrays sorted by subject, then feature id — the order of
the in-process engine's pieces — with each piece as a shapely geometry and its area measured by the
engine's measurer: a covered subject's piece is the subject and its area the subject's.
"""

from dataclasses import dataclass
from typing import Callable, List, Tuple

import numpy as np

from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.postgis.features import qgis_fids
from liaocheng_plugin.core.engine.postgis.statements import COVERING, CUT, POINT, UNREPAIRABLE


@dataclass
class ChunkPieces:
    """One role's pieces in one chunk: parallel arrays sorted by (subject, fid), and the features seen.

    ``raw`` holds the stored WKB of an invalid (repaired) feature, else None; ``values`` the rows'
    (label, code, KCXS) as the database sent them; ``unrepairable`` (fid, stored WKB) of features whose
    repair left no polygon; ``met`` the database keys of every feature met.
    """

    at: np.ndarray
    fids: np.ndarray
    kinds: np.ndarray
    shapes: np.ndarray
    areas: np.ndarray
    raw: List[object]
    values: List[Tuple[object, object, object]]
    unrepairable: List[Tuple[int, bytes]]
    met: List[int]


def decode(rows: List[tuple], shapes: np.ndarray, areas: np.ndarray, measure: Callable) -> ChunkPieces:
    """The rows of a pieces statement for ``shapes`` (the chunk's subjects, their ``areas``) as ChunkPieces."""
    unrepairable = [(int(qgis_fids(np.array([row[1]]))[0]), bytes(row[3])) for row in rows if row[2] == UNREPAIRABLE]
    rows = [row for row in rows if row[2] != UNREPAIRABLE]
    met = [row[1] for row in rows]
    kinds = _objects([row[2] for row in rows])
    at = np.array([row[0] for row in rows], dtype=np.int64)
    pieces = np.empty(len(rows), dtype=object)
    covering = kinds == COVERING
    pieces[covering] = shapes[at[covering]]
    sent = np.flatnonzero(~covering)
    pieces[sent] = shapely.from_wkb(_objects([bytes(rows[i][4]) for i in sent]))
    keep = ~((kinds == CUT) & shapely.is_empty(pieces))  # only edges touch: no piece
    fids = qgis_fids(np.array(met, dtype=np.int64))
    order = np.flatnonzero(keep)[np.lexsort((fids[keep], at[keep]))]
    rows = [rows[position] for position in order]
    at, fids, kinds, pieces = at[order], fids[order], kinds[order], pieces[order]
    covering = kinds == COVERING
    piece_areas = np.zeros(len(rows))
    piece_areas[covering] = areas[at[covering]]
    measured = np.flatnonzero(~covering & (kinds != POINT))
    piece_areas[measured] = measure(pieces[measured])
    raw = [row[3] if row[3] is None else bytes(row[3]) for row in rows]
    values = [(row[5], row[6], row[7]) for row in rows]
    return ChunkPieces(at, fids, kinds, pieces, piece_areas, raw, values, unrepairable, met)


def _objects(values: list) -> np.ndarray:
    result = np.empty(len(values), dtype=object)
    result[:] = values
    return result
