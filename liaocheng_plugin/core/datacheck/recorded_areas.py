"""Recorded areas (TBMJ, and TBDLMJ where present) against the ellipsoidal areas computed from the geometries."""

from typing import List, Optional

import numpy as np

from liaocheng_plugin.core.datacheck.columns import MAX_LISTED, fid_tuple, id_list, numeric_column
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.engine.arrays import COLUMN_DEDUCTION, COLUMN_NET_AREA, COLUMN_RECORDED_AREA, LayerArrays
from liaocheng_plugin.core.i18n import tr


def area_differences(recorded: np.ndarray, computed: np.ndarray, tolerance_pct: float, tolerance_m2: float):
    """Rows whose recorded area differs from the computed one by more than ``tolerance_pct`` % *and*
    ``tolerance_m2`` m² (NULL recorded areas are not compared)."""
    difference = np.abs(recorded - computed)
    limit = np.maximum(np.abs(computed) * tolerance_pct / 100.0, tolerance_m2)
    return np.flatnonzero(~np.isnan(recorded) & ~np.isnan(computed) & (difference > limit))


def recorded_area_findings(
    arrays: LayerArrays,
    areas_m2: np.ndarray,
    tolerance_pct: float,
    tolerance_m2: float,
    gross_field: str = "TBMJ",
    net_field: str = "TBDLMJ",
) -> List[DataFinding]:
    """``warning``s where TBMJ (and TBDLMJ against area × (1 − KCXS)) differ from ``areas_m2``, the ellipsoidal
    areas of ``arrays.geometries`` in m²: one summary per layer and field, then one per feature (the first
    ``MAX_LISTED``, largest differences first). Run after ``normalise_deduction`` (KCXS as fractions)."""
    findings: List[DataFinding] = []
    deduction = arrays.columns.get(COLUMN_DEDUCTION)
    factor = 1.0
    if deduction is not None:  # a KCXS out of range is an error of its own: its net area is not compared
        fraction = np.asarray(deduction, dtype=float)
        factor = np.where((fraction >= 0.0) & (fraction < 1.0), 1.0 - fraction, np.nan)
    for column, field_name, expected in (
        (COLUMN_RECORDED_AREA, gross_field, areas_m2),
        (COLUMN_NET_AREA, net_field, areas_m2 * factor),
    ):
        values = arrays.columns.get(column)
        if values is None:
            continue
        recorded, _nulls, _ = numeric_column(values)
        rows = area_differences(recorded, expected, tolerance_pct, tolerance_m2)
        if len(rows):
            findings += _difference_findings(arrays, field_name, recorded, expected, rows, tolerance_pct, tolerance_m2)
    return findings


def _difference_findings(
    arrays: LayerArrays,
    field_name: str,
    recorded: np.ndarray,
    expected: np.ndarray,
    rows: np.ndarray,
    tolerance_pct: float,
    tolerance_m2: float,
) -> List[DataFinding]:
    order = rows[np.argsort(-np.abs(recorded[rows] - expected[rows]))]
    compared = int(np.count_nonzero(~np.isnan(recorded)))
    message = tr(
        "Layer “{}”, field {}: {} of {} features differ from the computed ellipsoidal area by more than {:g} % and "
        "{:g} m²; features {}."
    ).format(
        arrays.name,
        field_name,
        f"{len(rows):,}",
        f"{compared:,}",
        tolerance_pct,
        tolerance_m2,
        id_list(arrays.fids[order]),
    )
    hint = tr("The checks measure areas themselves; a large difference may mean a wrong CRS or edited geometries.")
    every = fid_tuple(arrays.fids[order])
    findings = [DataFinding(arrays.name, None, DataKind.RECORDED_AREA, DataSeverity.WARNING, message, hint, every)]
    for row in order[:MAX_LISTED]:
        text = tr("Layer “{}”, feature {}: {} {:.2f} m², computed {:.2f} m² ({:+.2f} %).").format(
            arrays.name,
            int(arrays.fids[row]),
            field_name,
            recorded[row],
            expected[row],
            _relative(recorded[row], expected[row]),
        )
        findings.append(
            DataFinding(arrays.name, int(arrays.fids[row]), DataKind.RECORDED_AREA, DataSeverity.WARNING, text)
        )
    return findings


def _relative(recorded: float, expected: float) -> Optional[float]:
    return 100.0 * (recorded - expected) / expected if expected else float("inf")
