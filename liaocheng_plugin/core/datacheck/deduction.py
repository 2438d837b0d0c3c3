"""KCXS, the field-ridge deduction coefficient: a fraction in [0, 1). A layer re-typed through a spreadsheet
carries percentages (8.27): read as such when every value allows it; any other value out of range stops the check.
The recorded net area TBDLMJ is never negative and never above TBMJ."""

from typing import List

import numpy as np

from liaocheng_plugin.core.datacheck.columns import numeric_column, per_feature_findings
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.engine.arrays import COLUMN_DEDUCTION, COLUMN_NET_AREA, COLUMN_RECORDED_AREA, LayerArrays
from liaocheng_plugin.core.i18n import tr

PERCENT = 100.0


def normalise_deduction(arrays: LayerArrays, read_percent: bool = True, field_name: str = "KCXS") -> List[DataFinding]:
    """Read KCXS once, in place, as floats in [0, 1) (0 for NULL: no deduction): ``fixed`` when a layer holds
    percentages, an ``error`` per feature whose value is negative, 1 or more, or no number.

    When every non-zero value lies in [1, 100) and ``read_percent`` (setting ``datacheck/read_kcxs_percent``),
    all are divided by 100 (8.27 → 0.0827). Zeros and NULLs are valid either way. Net cultivated area
    (area × (1 − KCXS)) is then never negative and never above the gross area.
    """
    values = arrays.columns.get(COLUMN_DEDUCTION)
    if values is None:
        return []
    numbers, nulls, not_numbers = numeric_column(values)
    arrays.columns[COLUMN_DEDUCTION] = np.where(nulls, 0.0, numbers)
    given = ~np.isnan(numbers)
    in_range = given & (numbers >= 0.0) & (numbers < 1.0)
    nonzero = given & (numbers != 0.0)
    if (
        read_percent
        and nonzero.any()
        and not not_numbers.any()
        and ((numbers[nonzero] >= 1.0) & (numbers[nonzero] < PERCENT)).all()
    ):
        arrays.columns[COLUMN_DEDUCTION] = np.where(nulls, 0.0, numbers / PERCENT)
        example = numbers[nonzero][0]
        message = tr(
            "Layer “{}”, field {}: every value lies between 1 and 100 (such as {:g}): "
            "read as percentages ({:g} → {:g})."
        ).format(arrays.name, field_name, example, example, example / PERCENT)
        hint = tr("KCXS is a fraction in [0, 1); store 0.0827 rather than 8.27.")
        return [DataFinding(arrays.name, None, DataKind.DEDUCTION_PERCENT, DataSeverity.FIXED, message, hint)]
    bad = np.flatnonzero((given & ~in_range) | not_numbers)
    hint = tr("KCXS must be a fraction in [0, 1) (e.g. 0.0827); correct these values in the source data.")

    def text(row: int) -> str:
        shown = f"{numbers[row]:g}" if not not_numbers[row] else f"“{values[row]}”"
        return tr("Layer “{}”, field {}, feature {}: {} is not a deduction coefficient in [0, 1).").format(
            arrays.name, field_name, int(arrays.fids[row]), shown
        )

    problem = tr("{} not in [0, 1)").format(field_name)
    return per_feature_findings(arrays, bad, DataKind.DEDUCTION_RANGE, DataSeverity.ERROR, text, hint, problem)


def net_area_findings(
    arrays: LayerArrays, tolerance_m2: float, gross_field: str = "TBMJ", net_field: str = "TBDLMJ"
) -> List[DataFinding]:
    """A ``warning`` per feature whose recorded net area (TBDLMJ) is negative or above its gross area (TBMJ)
    by more than ``tolerance_m2``."""
    gross_values = arrays.columns.get(COLUMN_RECORDED_AREA)
    net_values = arrays.columns.get(COLUMN_NET_AREA)
    if gross_values is None or net_values is None:
        return []
    gross, _, _ = numeric_column(gross_values)
    net, _, _ = numeric_column(net_values)
    bad = np.flatnonzero((net < 0.0) | (net > gross + tolerance_m2))
    hint = tr("TBDLMJ = TBMJ × (1 − KCXS): it lies between 0 and TBMJ; the checks measure areas themselves.")

    def text(row: int) -> str:
        return tr("Layer “{}”, feature {}: {} {:.2f} m² is not between 0 and {} {:.2f} m².").format(
            arrays.name, int(arrays.fids[row]), net_field, net[row], gross_field, gross[row]
        )

    problem = tr("{} not between 0 and {}").format(net_field, gross_field)
    return per_feature_findings(arrays, bad, DataKind.NET_AREA, DataSeverity.WARNING, text, hint, problem)
