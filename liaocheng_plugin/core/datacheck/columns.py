"""Attribute columns of LayerArrays read the one safe way: every distinct value is read once (through
core/values.py) and the result spread over the column with numpy; feature lists for finding texts."""

from typing import Callable, List, Tuple

import numpy as np

from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.engine.arrays import LayerArrays
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.values import as_float, is_null

MAX_LISTED = 20  # per-feature findings of one rule and layer; the rest are counted in one more finding
LISTED_IDS = 10  # feature ids written out in one finding text


def distinct_map(values: np.ndarray, read: Callable[[object], object]) -> np.ndarray:
    """``read`` applied once to each distinct value of an object column, spread back over the column."""
    values = np.asarray(values, dtype=object)
    result = np.empty(len(values), dtype=object)
    if len(values) == 0:
        return result
    items = values.tolist()
    try:  # str, numbers and None hash: one dictionary look-up per value
        mapping = {value: read(value) for value in set(items)}
        result[:] = [mapping[value] for value in items]
    except TypeError:  # unhashable values: group them by their text instead
        uniques, first, inverse = np.unique(values.astype(str), return_index=True, return_inverse=True)
        mapped = np.empty(len(uniques), dtype=object)
        mapped[:] = [read(values[position]) for position in first]
        result[:] = mapped[inverse]
    return result


def numeric_column(values: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(numbers with NaN for NULL or text that is no number, NULL mask, not-a-number mask) of an object column."""
    values = np.asarray(values, dtype=object)
    try:  # a numeric field: every value a number or None, read at C speed
        numbers = values.astype(float)
    except (TypeError, ValueError):
        numbers = None
    if numbers is not None:
        nulls = np.isnan(numbers)
        return numbers, nulls, np.zeros(len(numbers), dtype=bool)
    read = distinct_map(values, lambda value: (None, True) if is_null(value) else (as_float(value), False))
    numbers = np.array([np.nan if pair[0] is None else pair[0] for pair in read], dtype=float)
    nulls = np.array([pair[1] for pair in read], dtype=bool)
    return numbers, nulls, np.isnan(numbers) & ~nulls


def id_list(fids: np.ndarray, limit: int = LISTED_IDS) -> str:
    """ "12, 15, 18" or "12, 15, … (1,234 in all)"."""
    fids = np.asarray(fids)
    listed = ", ".join(str(int(fid)) for fid in fids[:limit])
    if len(fids) > limit:
        listed += tr(" … ({} in all)").format(f"{len(fids):,}")
    return listed


def fid_tuple(fids: np.ndarray) -> Tuple[int, ...]:
    """Feature ids as a tuple of int (``DataFinding.feature_ids``)."""
    return tuple(int(fid) for fid in np.asarray(fids).tolist())


def rows_finding(
    arrays: LayerArrays, rows: np.ndarray, kind: DataKind, severity: DataSeverity, message: str, hint: str = ""
) -> DataFinding:
    """One finding about the features at ``rows``: its feature when there is one, else the list of them."""
    if len(rows) == 1:
        return DataFinding(arrays.name, int(arrays.fids[rows[0]]), kind, severity, message, hint)
    return DataFinding(arrays.name, None, kind, severity, message, hint, fid_tuple(arrays.fids[rows]))


def per_feature_findings(
    arrays: LayerArrays,
    rows: np.ndarray,
    kind: DataKind,
    severity: DataSeverity,
    text: Callable[[int], str],
    hint: str,
    problem: str,
) -> List[DataFinding]:
    """One finding per feature of ``rows`` (the first MAX_LISTED; ``text(row)`` writes it), then one for the rest
    that says their ``problem`` in a few words ("KCXS not in [0, 1)") and lists them."""
    findings = [
        DataFinding(arrays.name, int(arrays.fids[row]), kind, severity, text(row), hint) for row in rows[:MAX_LISTED]
    ]
    if len(rows) > MAX_LISTED:
        rest = arrays.fids[rows[MAX_LISTED:]]
        message = tr("Layer “{}”: {} more features with {}: {}.").format(
            arrays.name, f"{len(rest):,}", problem, id_list(rest)
        )
        findings.append(DataFinding(arrays.name, None, kind, severity, message, hint, fid_tuple(rest)))
    return findings
