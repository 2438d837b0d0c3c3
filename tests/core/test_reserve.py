"""储备土地核查 on hand-computable parcels: each rule found, with its figure."""

from datetime import date

import pytest
from qgis.core import QgsProject

from liaocheng_plugin.core.definitions import AreaMode
from liaocheng_plugin.core.engine import RoleSpec
from liaocheng_plugin.core.findings import Severity
from liaocheng_plugin.core.ledger_fields import LedgerFields
from liaocheng_plugin.core.reserve import ReserveRules, check_reserve_parcels, summarize
from tests.conftest import memory_layer, square

GK39 = "EPSG:4527"
X0, Y0 = 39500000.0, 4050000.0
TODAY = date(2024, 6, 30)
LEDGER = {"DKBH": str, "JLMJ": float, "BDCQZH": str, "ZJXCRQ": str, "WD": str, "FCW": str}


def parcels(*rows):
    return memory_layer("Polygon", GK39, rows, LEDGER, "储备地块")


def good(code, x, y, size=100.0):
    """A parcel with a clean ledger: recorded area right, registered, inspected last week, fenced."""
    return (
        square(x, y, size),
        code,
        round(size * size / (10000 / 15), 2),
        "鲁(2023)第1号",
        "2024-06-25",
        "完整",
        "已覆盖",
    )


def protected():
    boundary = memory_layer("Polygon", GK39, [(square(X0 - 1000, Y0 - 1000, 3000),)], name="CZKFBJ")
    farmland = memory_layer("Polygon", GK39, [(square(X0 + 550, Y0, 100), "JB-7")], {"BSM": str}, "YJJBNT")
    survey = memory_layer(
        "Polygon",
        GK39,
        [(square(X0 + 500, Y0, 50), "0102", 0.1), (square(X0 + 1000, Y0, 100), "1206", 0.0)],
        {"DLBM": str, "KCXS": float},
        "DLTB",
    )
    return [
        RoleSpec("udb", boundary),
        RoleSpec("pbf", farmland, label_field="BSM"),
        RoleSpec("survey", survey, code_field="DLBM", deduction_field="KCXS", coverage=True),
    ]


def check(layer, **rules):
    ledger = LedgerFields.detect(layer.fields())
    return check_reserve_parcels(
        layer,
        protected(),
        QgsProject.instance().transformContext(),
        ledger,
        ReserveRules(reference_date=TODAY, **rules),
        area_mode=AreaMode.PLANAR,
    )


def by_code(report):
    return {p.code: p for p in report.parcels}


def test_clean_parcel_inside_the_boundary_passes():
    result = by_code(check(parcels(good("A", X0, Y0))))["A"]
    assert result.status == Severity.PASS and result.findings == []
    assert result.area_mu == pytest.approx(15.0)
    assert result.outside_boundary_pct == pytest.approx(0.0)


def test_parcel_half_on_farmland_fails_with_its_mu_and_feature():
    result = by_code(check(parcels(good("B", X0 + 500, Y0))))["B"]
    assert result.status == Severity.FAIL
    farmland = [f for f in result.findings if f.kind == "pbf"]
    assert len(farmland) == 1 and "7.50" in farmland[0].text and "JB-7" in farmland[0].text
    assert result.role_mu("pbf") == pytest.approx(7.5)
    # The survey's 0102 quarter is cultivated land: a warning with 3.75 亩.
    cultivated = [f for f in result.findings if f.kind == "cultivated"]
    assert cultivated and "3.75" in cultivated[0].text


def test_ledger_problems_are_each_found():
    rows = [
        (square(X0, Y0, 100), "MISMATCH", 16.0, "证1", "2024-06-25", "完整", "已覆盖"),
        (square(X0 + 200, Y0, 100), "UNREGISTERED", 15.0, "", "2024-06-25", "完整", "已覆盖"),
        (square(X0 + 400, Y0 - 300, 100), "OVERDUE", 15.0, "证3", "2024-05-01", "完整", "已覆盖"),
        (square(X0 + 1000, Y0, 100), "BARE", 15.0, "证4", "2024-06-25", "部分", "未覆盖"),
    ]
    results = by_code(check(parcels(*rows)))
    kinds = {code: {f.kind for f in result.findings} for code, result in results.items()}
    assert kinds == {
        "MISMATCH": {"area_mismatch"},
        "UNREGISTERED": {"unregistered"},
        "OVERDUE": {"inspection_overdue"},
        "BARE": {"no_dust_cover"},
    }
    assert "16.00" in results["MISMATCH"].findings[0].text and "15.00" in results["MISMATCH"].findings[0].text
    assert results["OVERDUE"].days_since_inspection == 60
    assert all(r.status == Severity.WARN for r in results.values())


def test_area_tolerance_is_the_larger_of_percent_and_mu():
    """15 亩 mapped: the tolerance is max(0.5 % × recorded, 0.1 亩) ≈ 0.1 亩, so 15.07 passes and 15.20 warns."""
    near = (square(X0, Y0, 100), "NEAR", 15.07, "证", "2024-06-25", "完整", "已覆盖")
    far = (square(X0 + 200, Y0, 100), "FAR", 15.2, "证", "2024-06-25", "完整", "已覆盖")
    results = by_code(check(parcels(near, far)))
    assert results["NEAR"].status == Severity.PASS
    assert results["FAR"].status == Severity.WARN


def test_overlapping_parcels_both_fail_naming_each_other():
    results = by_code(check(parcels(good("P1", X0, Y0), good("P2", X0 + 50, Y0))))
    for code, other in (("P1", "P2"), ("P2", "P1")):
        overlap = [f for f in results[code].findings if f.kind == "parcel_overlap"]
        assert results[code].status == Severity.FAIL
        assert len(overlap) == 1 and other in overlap[0].text and "7.50" in overlap[0].text


def test_parcel_outside_the_boundary_warns_beyond_the_tolerance():
    results = by_code(check(parcels(good("EDGE", X0 + 1980, Y0))))  # 20 m inside, 80 m outside
    outside = [f for f in results["EDGE"].findings if f.kind == "outside_udb"]
    assert results["EDGE"].outside_boundary_pct == pytest.approx(80.0)
    assert outside and "80.0%" in outside[0].text


def test_grid_is_the_cell_holding_most_of_the_parcel_and_summary_adds_up():
    grid = memory_layer(
        "Polygon",
        GK39,
        [(square(X0 - 500, Y0 - 500, 530), "西网格"), (square(X0 + 30, Y0 - 500, 1000), "东网格")],
        {"WGMC": str},
        "网格",
    )
    layer = parcels(good("G", X0, Y0), good("H", X0 + 500, Y0))
    ledger = LedgerFields.detect(layer.fields())
    report = check_reserve_parcels(
        layer,
        protected(),
        QgsProject.instance().transformContext(),
        ledger,
        ReserveRules(reference_date=TODAY),
        grid=RoleSpec("grid", grid, label_field="WGMC"),
        area_mode=AreaMode.PLANAR,
    )
    assert {p.code: p.grid for p in report.parcels} == {"G": "东网格", "H": "东网格"}
    rows = summarize(report.parcels)
    total = next(r for r in rows if r["group"] == "total")
    assert total["parcels"] == 2 and total["area_mu"] == pytest.approx(30.0)
    assert total["fail"] + total["warn"] + total["pass"] == 2


def test_null_ledger_values_read_as_not_filled_in_and_a_parcel_without_code_by_its_feature():
    """A NULL 围挡/防尘网 said "围挡和防尘网不完整" (it is not known to be incomplete); a NULL DKBH made
    "与储备地块 17 重叠" (a bare feature id)."""
    rows = [
        (square(X0 + 1000, Y0, 100), "BARE", 15.0, "证4", "2024-06-25", None, None),
        (square(X0 + 1000, Y0 + 300, 100), "HALF", 15.0, "证5", "2024-06-25", "部分", None),
        (square(X0, Y0, 100), None, 15.0, "证6", "2024-06-25", "完整", "已覆盖"),
        (square(X0 + 50, Y0, 100), "NEIGHBOUR", 15.0, "证7", "2024-06-25", "完整", "已覆盖"),
    ]
    survey_bare = memory_layer("Polygon", GK39, [(square(X0 + 1000, Y0, 400), "1206")], {"DLBM": str}, "DLTB")
    ledger = LedgerFields.detect(parcels(*rows).fields())
    layer = parcels(*rows)
    report = check_reserve_parcels(
        layer,
        [RoleSpec("survey", survey_bare, code_field="DLBM", coverage=True)],
        QgsProject.instance().transformContext(),
        ledger,
        ReserveRules(reference_date=TODAY),
        area_mode=AreaMode.PLANAR,
    )
    results = {p.code: p for p in report.parcels}
    bare = [f.text for f in results["BARE"].findings]
    assert bare == ["bare land 15.00 mu: fence and dust net not filled in the ledger"]
    half = sorted(f.text for f in results["HALF"].findings)
    assert half == [
        "bare land 15.00 mu without complete fence",
        "bare land 15.00 mu: dust net not filled in the ledger",
    ]
    unnamed = next(code for code in results if code.startswith("("))
    assert unnamed == "(no code, feature 3)"
    assert any("(no code, feature 3)" in f.text for f in results["NEIGHBOUR"].findings)
