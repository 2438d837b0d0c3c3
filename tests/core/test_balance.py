"""耕地进出平衡 with exact answers: balance, deficit, farmland outflow, double counting, quality, progress."""

import pytest
from qgis.core import QgsProject

from liaocheng_plugin.core.balance import IN, OUT, BalanceRules, PatchSet, check_balance
from liaocheng_plugin.core.balance_fields import PatchFields
from liaocheng_plugin.core.definitions import AreaMode
from liaocheng_plugin.core.engine import RoleSpec
from liaocheng_plugin.core.findings import Severity
from tests.conftest import memory_layer, square

GK39 = "EPSG:4527"
X0, Y0 = 39500000.0, 4050000.0
SQM_PER_MU = 10000.0 / 15.0
OUT_FIELDS = {"TBBH": str, "XZQDM": str, "NF": int, "GDDB": int, "ZGFS": str}
IN_FIELDS = {"TBBH": str, "XZQDM": str, "NF": int, "GDDB": int, "PDLCTBBH": str}


def rect(x, y, width, height):
    return f"POLYGON(({x} {y},{x + width} {y},{x + width} {y + height},{x} {y + height},{x} {y}))"


def mu_rect(x, y, area_mu, width=2000.0):
    """A rectangle of exactly ``area_mu`` 亩 (planar)."""
    return rect(x, y, width, area_mu * SQM_PER_MU / width)


def protected():
    # Cultivated land (0102) west of X0 + 20 km, orchard (0201) east of it; farmland and red line small squares.
    survey = memory_layer(
        "Polygon",
        GK39,
        [(rect(X0 - 20000, Y0 - 20000, 40000, 40000), "0102"), (rect(X0 + 20000, Y0 - 20000, 40000, 40000), "0201")],
        {"DLBM": str},
        "DLTB",
    )
    farmland = memory_layer("Polygon", GK39, [(square(X0 - 10000, Y0, 100), "JB1")], {"BSM": str}, "YJJBNT")
    redline = memory_layer("Polygon", GK39, [(square(X0 + 30000, Y0 + 5000, 100),)], name="STBHHX")
    return [
        RoleSpec("survey", survey, code_field="DLBM", coverage=True),
        RoleSpec("pbf", farmland, label_field="BSM"),
        RoleSpec("erl", redline),
    ]


def run(outflow_rows, inflow_rows):
    outflow = memory_layer("Polygon", GK39, outflow_rows, OUT_FIELDS, "GDLC")
    inflow = memory_layer("Polygon", GK39, inflow_rows, IN_FIELDS, "GDLR")
    sets = [
        PatchSet(outflow, PatchFields.detect(outflow.fields()), OUT),
        PatchSet(inflow, PatchFields.detect(inflow.fields()), IN),
    ]
    return check_balance(sets, protected(), QgsProject.instance().transformContext(), BalanceRules(), AreaMode.PLANAR)


def county_row(report, county="371502"):
    return next(r for r in report.rows if r.level == "county" and r.county == county)


def by_id(report):
    return {p.patch_id: p for p in report.patches}


def test_inflow_exactly_covering_outflow_balances():
    report = run(
        [(square(X0, Y0, 100), "LC-1", "371502", 2023, 6, "进出平衡")],
        [(square(X0 + 25000, Y0, 100), "LR-1", "371502", 2023, 6, "LC-1")],
    )
    row = county_row(report)
    assert (round(row.outflow_m2 / SQM_PER_MU, 2), round(row.inflow_m2 / SQM_PER_MU, 2)) == (15.0, 15.0)
    assert row.balance_m2 == pytest.approx(0.0, abs=1e-6)
    assert row.progress_pct == pytest.approx(100.0) and row.balanced and row.quality_ok
    assert all(p.status == Severity.PASS for p in report.patches), [f.text for p in report.patches for f in p.findings]


def test_one_hectare_less_inflow_is_a_deficit_of_15_mu():
    report = run(
        [(rect(X0, Y0, 200, 100), "LC-1", "371502", 2023, 6, "进出平衡")],
        [(rect(X0 + 25000, Y0, 100, 100), "LR-1", "371502", 2023, 6, "")],
    )
    row = county_row(report)
    assert round(row.balance_m2 / SQM_PER_MU, 2) == -15.00
    assert not row.balanced and row.progress_pct == pytest.approx(50.0)


def test_outflow_on_permanent_farmland_fails_and_inflow_on_cultivated_land_fails():
    report = run(
        [(square(X0 - 10000, Y0, 100), "LC-PBF", "371502", 2023, 6, "进出平衡")],
        [(square(X0 + 1000, Y0, 100), "LR-OLD", "371502", 2023, 6, "")],
    )
    patches = by_id(report)
    assert patches["LC-PBF"].status == Severity.FAIL
    assert any("15.00" in f.text and f.kind == "pbf_outflow" for f in patches["LC-PBF"].findings)
    assert patches["LR-OLD"].status == Severity.FAIL
    assert any(f.kind == "already_cultivated" and "15.00" in f.text for f in patches["LR-OLD"].findings)
    assert county_row(report).inflow_m2 == 0.0  # an invalid inflow balances nothing


def test_double_counted_inflows_and_inflow_on_outflow_are_found():
    report = run(
        [(square(X0 + 25000, Y0 + 3000, 100), "LC-ORCH", "371502", 2023, 6, "就地恢复")],
        [
            (square(X0 + 25000, Y0, 100), "LR-A", "371502", 2023, 6, ""),
            (square(X0 + 25050, Y0, 100), "LR-B", "371502", 2023, 6, ""),
            (square(X0 + 25000, Y0 + 3050, 100), "LR-C", "371502", 2023, 6, ""),
        ],
    )
    patches = by_id(report)
    for patch_id, other in (("LR-A", "LR-B"), ("LR-B", "LR-A"), ("LR-C", "LC-ORCH")):
        doubles = [f.text for f in patches[patch_id].findings if f.kind == "double_counting"]
        assert doubles and other in doubles[0], (patch_id, doubles)
    # The outflow on orchard land was not cultivated in the baseline: a warning naming the codes.
    assert any(f.kind == "not_cultivated_before" and "0201" in f.text for f in patches["LC-ORCH"].findings)


@pytest.mark.parametrize("inflow_grade, ok", [(7, False), (5, True), (4, True)])
def test_inflow_quality_must_not_be_worse_than_outflow(inflow_grade, ok):
    report = run(
        [(square(X0, Y0, 100), "LC-1", "371502", 2023, 5, "进出平衡")],
        [(square(X0 + 25000, Y0, 100), "LR-1", "371502", 2023, inflow_grade, "")],
    )
    row = county_row(report)
    assert (row.quality_out, row.quality_in, row.quality_ok, row.balanced) == (5, inflow_grade, ok, ok)


def test_progress_reproduces_the_dongchangfu_2023_figures():
    """9,762.95 亩 restored + 3,217.14 亩 balanced of 15,358 亩 outflow = 84.52 %."""
    report = run(
        [
            (mu_rect(X0 - 15000, Y0, 9762.95), "LC-R", "371502", 2023, 6, "就地恢复"),
            (mu_rect(X0 - 12000, Y0, 15358 - 9762.95), "LC-B", "371502", 2023, 6, "进出平衡"),
        ],
        [(mu_rect(X0 + 25000, Y0, 3217.14), "LR-1", "371502", 2023, 6, "")],
    )
    row = county_row(report)
    assert round(row.outflow_m2 / SQM_PER_MU, 2) == 15358.00
    assert round(row.restored_m2 / SQM_PER_MU, 2) == 9762.95
    assert round(row.progress_pct, 2) == 84.52
    assert round(row.balance_m2 / SQM_PER_MU, 2) == round(3217.14 - (15358 - 9762.95), 2)


def test_pairings_must_be_valid_and_cover_their_outflow():
    report = run(
        [
            (square(X0, Y0, 100), "LC-1", "371502", 2023, 6, "进出平衡"),
            (square(X0 + 500, Y0, 100), "LC-2", "371502", 2023, 6, "进出平衡"),
        ],
        [
            (rect(X0 + 25000, Y0, 100, 60), "LR-SMALL", "371502", 2023, 6, "LC-1"),
            (square(X0 + 30000, Y0 + 5000, 100), "LR-REDLINE", "371502", 2023, 6, "LC-2、LC-9"),
        ],
    )
    patches = by_id(report)
    assert any("does not cover" in f.text for f in patches["LC-1"].findings)
    assert any("LR-REDLINE" in f.text and "not valid" in f.text for f in patches["LC-2"].findings)
    assert any("LC-9" in f.text for f in patches["LR-REDLINE"].findings)
    assert patches["LR-REDLINE"].status == Severity.FAIL  # in the ecological red line


def test_township_rows_add_up_to_the_county():
    report = run([(square(X0, Y0, 100), "LC-1", "371502", 2023, 6, "就地恢复")], [])
    county = county_row(report)
    townships = [r for r in report.rows if r.level == "township" and r.county == "371502"]
    assert sum(r.outflow_m2 for r in townships) == pytest.approx(county.outflow_m2)


def test_exempt_outflow_leaves_the_progress_base():
    """A 举证 patch needs no rectification: 15 亩 restored of 30 亩 outflow, 15 亩 exempt, is 100 % done."""
    report = run(
        [
            (square(X0, Y0, 100), "LC-R", "371502", 2023, 6, "就地恢复"),
            (square(X0 + 500, Y0, 100), "LC-E", "371502", 2023, 6, "举证"),
        ],
        [],
    )
    row = county_row(report)
    assert round(row.exempt_m2 / SQM_PER_MU, 2) == 15.0 and row.to_balance_m2 == pytest.approx(0.0)
    assert row.progress_pct == pytest.approx(100.0)


def test_one_finding_gives_its_areas_in_one_unit():
    """ "对应的有效流入 0.00 平方米 不足以平衡流出 11.69 亩": the valid inflow was in m², the outflow in 亩."""
    report = run(
        [(square(X0, Y0, 100), "LC-1", "371502", 2023, 6, "进出平衡")],
        [(square(X0 - 10000, Y0, 100), "LR-1", "371502", 2023, 6, "LC-1")],  # on cultivated land: not valid
    )
    text = next(f.text for f in by_id(report)["LC-1"].findings if "does not cover" in f.text)
    assert text == "paired valid inflow 0 mu does not cover the outflow 15.00 mu"


def test_township_rows_carry_names_and_a_township_with_nothing_to_balance_says_so():
    """The ledger's 乡镇（街道） held codes (371502105); a township with only an invalid inflow read
    "是否平衡 是 / 进度 0"."""
    fields = {**IN_FIELDS, "XZDM": str, "XZMC": str}
    outflow = memory_layer(
        "Polygon",
        GK39,
        [(square(X0 + 25000, Y0, 100), "LC-1", "371502", 2023, 6, "", "371502105", "郑家镇")],
        {**OUT_FIELDS, "XZDM": str, "XZMC": str},
        "GDLC",
    )
    inflow = memory_layer(
        "Polygon",
        GK39,
        [(square(X0 - 10000, Y0, 100), "LR-1", "371502", 2023, 6, "", "371502010", "蒋官屯街道")],
        fields,
        "GDLR",
    )
    sets = [
        PatchSet(outflow, PatchFields.detect(outflow.fields()), OUT),
        PatchSet(inflow, PatchFields.detect(inflow.fields()), IN),
    ]
    report = check_balance(sets, protected(), QgsProject.instance().transformContext(), BalanceRules(), AreaMode.PLANAR)
    townships = {r.township: r for r in report.rows if r.level == "township"}
    assert (townships["371502105"].township_name, townships["371502010"].township_name) == ("郑家镇", "蒋官屯街道")
    empty = townships["371502010"]  # its only inflow is already cultivated: invalid, and it has no outflow
    assert empty.outflow_m2 == 0 and empty.inflow_m2 == 0
    assert empty.balanced is None and empty.progress_pct is None
    assert townships["371502105"].balanced is False and townships["371502105"].progress_pct == pytest.approx(0.0)
