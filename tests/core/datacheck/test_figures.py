"""Readable figures: never 0.00 亩; below 0.01 亩 in m²; the overlap tolerance is a setting."""

import pytest

from liaocheng_plugin.core.datacheck.figures import format_area, format_area_m2_mu, is_finding
from liaocheng_plugin.core.settings import OVERLAP_TOLERANCE_M2


@pytest.mark.parametrize(
    "area_m2, text",
    [(5000.0, "7.50 mu"), (6.667, "0.01 mu"), (6.6, "6.6 m²"), (2.0, "2.0 m²"), (0.04, "0.04 m²"), (1000.0, "1.50 mu")],
)
def test_areas_read_in_mu_or_in_square_metres_below_a_hundredth_of_a_mu(area_m2, text):
    assert format_area(area_m2) == text


def test_no_area_reads_zero_mu():
    assert all(format_area(area) != "0.00 mu" for area in (0.001, 0.5, 3.3, 6.66))


def test_overlaps_up_to_the_tolerance_are_not_findings():
    assert not is_finding(1.0) and is_finding(1.01)
    OVERLAP_TOLERANCE_M2.set_value(5.0)
    try:
        assert not is_finding(4.9) and is_finding(5.1)
    finally:
        OVERLAP_TOLERANCE_M2.reset()
    assert OVERLAP_TOLERANCE_M2.value() == 1.0


def test_an_area_in_square_metres_and_mu_never_reads_zero_mu_for_something():
    assert format_area_m2_mu(64089.888) == "64,089.89 m² (96.13 mu)"
    assert format_area_m2_mu(0.0) == "0.00 m² (0 mu)"
    assert format_area_m2_mu(3.2) == "3.20 m² (<0.01 mu)"
