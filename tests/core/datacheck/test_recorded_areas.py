"""TBMJ and TBDLMJ against the computed ellipsoidal area: differences over 0.1 % and 1 m² listed per layer."""

import numpy as np

from liaocheng_plugin.core.datacheck.findings import DataKind, DataSeverity
from liaocheng_plugin.core.datacheck.recorded_areas import area_differences, recorded_area_findings
from tests.core.datacheck.helpers import arrays_of, box


def test_both_tolerances_must_be_exceeded():
    computed = np.array([10000.0, 10000.0, 500.0, 500.0, 100.0])
    recorded = np.array([10009.0, 10011.0, 501.5, 500.9, np.nan])
    # 9 m² is 0.09 % of 10,000 m²; 1.5 m² is 0.3 % of 500 m² and over 1 m²; 0.9 m² is under 1 m²
    assert area_differences(recorded, computed, 0.1, 1.0).tolist() == [1, 2]


def test_differences_are_summarised_per_layer_then_listed_largest_first():
    geometries = [box(0, 0, 100)] * 4
    arrays = arrays_of(
        "DLTB",
        "survey",
        geometries,
        fids=[1, 2, 3, 4],
        recorded_area=[10000.0, 10200.0, "9700", None],
        net_area=[9000.0, None, None, None],
        deduction=[0.1, 0.0, 0.0, 0.0],
    )
    areas = np.full(4, 10000.0)
    findings = recorded_area_findings(arrays, areas, 0.1, 1.0)
    gross = [f for f in findings if "TBMJ" in f.message and "TBDLMJ" not in f.message]
    assert gross[0].feature_id is None and "2 of 3 features" in gross[0].message
    assert [f.feature_id for f in gross[1:]] == [3, 2]  # 300 m² before 200 m²
    assert "TBMJ 9700.00 m², computed 10000.00 m² (-3.00 %)" in gross[1].message
    assert all(f.kind == DataKind.RECORDED_AREA and f.severity == DataSeverity.WARNING for f in findings)
    assert not any("TBDLMJ" in f.message for f in findings)  # 9,000 = 10,000 × (1 − 0.1)


def test_net_area_is_compared_with_the_area_net_of_kcxs():
    arrays = arrays_of("DLTB", "survey", [box(0, 0, 100)], net_area=[10000.0], deduction=[0.1])
    findings = recorded_area_findings(arrays, np.array([10000.0]), 0.1, 1.0)
    assert findings and "TBDLMJ" in findings[0].message
