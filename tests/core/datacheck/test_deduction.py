"""KCXS: fractions in [0, 1); a layer of percentages is read as such; other values out of range stop the check."""

import numpy as np
import pytest

from liaocheng_plugin.core.datacheck.deduction import net_area_findings, normalise_deduction
from liaocheng_plugin.core.datacheck.findings import DataKind, DataSeverity
from liaocheng_plugin.core.engine.arrays import COLUMN_DEDUCTION
from liaocheng_plugin.core.units import round_mu
from tests.core.datacheck.helpers import arrays_of, box


def survey(deductions, **columns):
    return arrays_of("DLTB", "survey", [box(0, 0, 10)] * len(deductions), deduction=deductions, **columns)


def test_fractions_are_read_as_they_are():
    arrays = survey([0.0827, "0.1", None, 0])
    assert normalise_deduction(arrays) == []
    assert arrays.columns[COLUMN_DEDUCTION].tolist() == [0.0827, 0.1, 0.0, 0.0]


def test_a_layer_of_percentages_is_read_as_percentages():
    """The issue's case: KCXS 8.27 gave net cultivated −109.05 亩 on a 15 亩 patch; read as 8.27 % it is 13.76 亩."""
    arrays = survey([8.27, 0, "12.5", None])
    findings = normalise_deduction(arrays)
    deduction = arrays.columns[COLUMN_DEDUCTION]
    assert deduction == pytest.approx([0.0827, 0.0, 0.125, 0.0])
    assert [(f.kind, f.severity, f.feature_id) for f in findings] == [
        (DataKind.DEDUCTION_PERCENT, DataSeverity.FIXED, None)
    ]
    assert "KCXS" in findings[0].message and "8.27 → 0.0827" in findings[0].message
    gross_m2 = 15 * 10000 / 15  # a 15 亩 cultivated patch
    assert round_mu(gross_m2 * (1 - deduction[0])) == 13.76


def test_reading_percentages_can_be_switched_off():
    arrays = survey([8.27])
    findings = normalise_deduction(arrays, read_percent=False)
    assert [(f.kind, f.severity) for f in findings] == [(DataKind.DEDUCTION_RANGE, DataSeverity.ERROR)]


def test_values_out_of_range_are_errors_naming_each_feature():
    """KCXS 15 among fractions, −0.2, 1 and text that is no number: each an error with layer, field and feature."""
    arrays = arrays_of(
        "DLTB", "survey", [box(0, 0, 10)] * 5, fids=[11, 12, 13, 14, 15], deduction=[0.08, 15, -0.2, 1.0, "abc"]
    )
    findings = normalise_deduction(arrays, field_name="KCXS")
    assert [f.feature_id for f in findings] == [12, 13, 14, 15]
    assert all(f.severity == DataSeverity.ERROR and f.kind == DataKind.DEDUCTION_RANGE for f in findings)
    assert "“DLTB”" in findings[0].message and "KCXS" in findings[0].message and "feature 12" in findings[0].message
    assert "15" in findings[0].message and "-0.2" in findings[1].message and "“abc”" in findings[3].message


def test_many_bad_values_are_listed_up_to_a_limit_then_counted():
    arrays = survey([-1.0] * 25)
    findings = normalise_deduction(arrays)
    assert len(findings) == 21 and findings[-1].feature_id is None and "5 more features" in findings[-1].message


def test_net_area_is_never_negative_nor_above_gross():
    arrays = survey([0.1, 0.1, 0.1], recorded_area=[1000.0, 1000.0, 1000.0], net_area=[900.0, -5.0, 1200.0])
    normalise_deduction(arrays)
    findings = net_area_findings(arrays, 1.0)
    assert [(f.feature_id, f.kind, f.severity) for f in findings] == [
        (2, DataKind.NET_AREA, DataSeverity.WARNING),
        (3, DataKind.NET_AREA, DataSeverity.WARNING),
    ]
    assert "TBDLMJ -5.00 m²" in findings[0].message and "TBMJ 1000.00 m²" in findings[0].message


def test_computed_net_stays_between_zero_and_gross_after_the_rule():
    arrays = survey([8.27, 50.0, 0.0])
    normalise_deduction(arrays)
    net_share = 1.0 - arrays.columns[COLUMN_DEDUCTION]
    assert np.all((net_share > 0.0) & (net_share <= 1.0))
