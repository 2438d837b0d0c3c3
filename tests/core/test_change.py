"""耕地流出/流入 from two survey years, with exact answers: one outflow, one inflow, one occupation, an unchanged
patch whose boundaries moved 0.3 m (no patch, slivers counted), a change below the minimum area (counted)."""

import pytest
from qgis.core import QgsFeedback, QgsProject

from liaocheng_plugin.core.change import BASE, CURRENT, ChangeDirection, ChangeRules, SurveySpec, detect_changes
from liaocheng_plugin.core.change.pieces import identical_pairs
from liaocheng_plugin.core.change.rules import CULTIVATED, FARMLAND, NO_CODE, OTHER
from liaocheng_plugin.core.definitions import AreaMode
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from tests.conftest import memory_layer

GK39 = "EPSG:4527"
X0, Y0 = 39500000.0, 4050000.0  # on zone 39's central meridian: ellipsoidal and planar areas agree to 1e-7
SQM_PER_MU = 10000.0 / 15.0
FIELDS = {"BSM": str, "DLBM": str, "KCXS": float, "GDDB": int, "ZLDWDM": str, "SJNF": int}
TOWNSHIP_1, TOWNSHIP_2 = "3715020010010000000", "3715020020010000000"


def box(x1, y1, x2, y2, hole=None):
    """WKT of a rectangle (metres from X0, Y0), with an optional rectangular hole."""

    def ring(a, b, c, d):
        return f"({X0 + a} {Y0 + b},{X0 + c} {Y0 + b},{X0 + c} {Y0 + d},{X0 + a} {Y0 + d},{X0 + a} {Y0 + b})"

    return f"POLYGON({ring(x1, y1, x2, y2)}{',' + ring(*hole) if hole else ''})"


SMALL = (540, 40, 555, 60)  # 15 m × 20 m = 300 m² of orchard in a field: below the 400 m² farmland unit


def base_survey(name="DLTB"):
    """Six 100 m squares: A 0103, D 0102, E 0301, B 0204, C 0102 (township 2), F 0102."""
    rows = [
        (box(0, 0, 100, 100), "A", "0103", 0.05, 6, TOWNSHIP_1, 2023),
        (box(100, 0, 200, 100), "D", "0102", 0.04, 6, TOWNSHIP_1, 2023),
        (box(200, 0, 300, 100), "E", "0301", 0.0, None, TOWNSHIP_1, 2023),
        (box(300, 0, 400, 100), "B", "0204", 0.0, None, TOWNSHIP_1, 2023),
        (box(400, 0, 500, 100), "C", "0102", 0.10, 7, TOWNSHIP_2, 2023),
        (box(500, 0, 600, 100), "F", "0102", 0.03, 6, TOWNSHIP_1, 2023),
    ]
    return memory_layer("Polygon", GK39, rows, FIELDS, name)


def current_survey(name="DLTB", rows=None):
    """A → orchard 0201 (outflow); the A|D and D|E boundaries moved 0.3 m east, D still 0102 (no patch);
    B → paddy 0101 (inflow); the east 40 m of C → homesteads 0702 (occupation); 300 m² of F → orchard."""
    rows = rows or [
        (box(0, 0, 100.3, 100), "A", "0201", 0.0, None, TOWNSHIP_1, 2024),
        (box(100.3, 0, 200.3, 100), "D", "0102", 0.04, 6, TOWNSHIP_1, 2024),
        (box(200.3, 0, 300, 100), "E", "0301", 0.0, None, TOWNSHIP_1, 2024),
        (box(300, 0, 400, 100), "B", "0101", 0.02, 5, TOWNSHIP_1, 2024),
        (box(400, 0, 460, 100), "C", "0102", 0.10, 7, TOWNSHIP_2, 2024),
        (box(460, 0, 500, 100), "C2", "0702", 0.0, None, TOWNSHIP_2, 2024),
        (box(500, 0, 600, 100, SMALL), "F", "0102", 0.03, 6, TOWNSHIP_1, 2024),
        (box(*SMALL), "F2", "0201", 0.0, None, TOWNSHIP_1, 2024),
    ]
    return memory_layer("Polygon", GK39, rows, FIELDS, name)


def spec(key, layer, name=None):
    return SurveySpec(key, layer, name or layer.name(), "DLBM", "KCXS", "GDDB", "ZLDWDM", "BSM", "SJNF")


def detect(base=None, current=None, rules=None, **options):
    return detect_changes(
        spec(BASE, base or base_survey()),
        spec(CURRENT, current or current_survey()),
        QgsProject.instance().transformContext(),
        rules or ChangeRules(),
        **options,
    )


def by_direction(report):
    found = {}
    for patch in report.patches:
        found.setdefault(patch.direction, []).append(patch)
    return found


def mu(area_m2):
    return round(area_m2 / SQM_PER_MU, 2)


def test_one_outflow_one_inflow_one_occupation_with_their_areas_net_and_grades():
    report = detect()
    found = by_direction(report)
    assert {direction: len(patches) for direction, patches in found.items()} == {
        ChangeDirection.OUTFLOW: 1,
        ChangeDirection.INFLOW: 1,
        ChangeDirection.OCCUPATION: 1,
    }
    outflow, inflow, occupied = (found[d][0] for d in ChangeDirection)
    assert (outflow.base_code, outflow.current_code, outflow.township) == ("0103", "0201", "371502001")
    assert (mu(outflow.area_m2), mu(outflow.net_m2), outflow.quality) == (15.00, 14.25, 6.0)  # base KCXS, GDDB
    assert (inflow.base_code, inflow.current_code) == ("0204", "0101")
    assert (mu(inflow.area_m2), mu(inflow.net_m2), inflow.quality) == (15.00, 14.70, 5.0)  # current KCXS, GDDB
    assert (occupied.base_code, occupied.current_code, occupied.township, occupied.county) == (
        "0102",
        "0702",
        "371502002",
        "371502",
    )
    assert (mu(occupied.area_m2), mu(occupied.net_m2)) == (6.00, 5.40)
    assert outflow.patch_id == "LC-371502001-0001" and inflow.patch_id == "LR-371502001-0001"
    assert occupied.patch_id == "ZY-371502002-0001"
    assert (outflow.base_labels, outflow.current_labels) == (["A"], ["A"])
    assert report.year == 2024 and report.area_mode == AreaMode.ELLIPSOIDAL


def test_an_unchanged_patch_whose_boundaries_moved_gives_no_patch_and_its_slivers_are_counted():
    """D stays 0102; the 0.3 m strips D ∩ A' (0102 → 0201) and E ∩ D' (0301 → 0102) are moved boundaries."""
    report = detect()
    assert not [p for p in report.patches if "D" in p.base_labels + p.current_labels]
    assert report.slivers.count == 2
    assert report.slivers.area_m2 == pytest.approx(2 * 0.3 * 100, abs=0.01)


def test_a_change_below_the_minimum_mapping_unit_is_dropped_and_counted():
    report = detect()
    assert report.small[ChangeDirection.OUTFLOW].count == 1
    assert report.small[ChangeDirection.OUTFLOW].area_m2 == pytest.approx(300.0, abs=0.01)
    assert report.small_total().count == 1
    kept = detect(rules=ChangeRules(min_area_m2=200.0))  # a smaller unit given for all changes keeps it
    small = [p for p in kept.patches if p.current_labels == ["F2"]]
    assert len(small) == 1 and small[0].area_m2 == pytest.approx(300.0, abs=0.01) and kept.small_total().count == 0


def test_a_wider_sliver_tolerance_is_a_setting_and_a_real_strip_is_a_change():
    """A 0.3 m strip is a sliver at 1 m; with the tolerance at 0.2 m it is a change (then below 400 m²)."""
    report = detect(rules=ChangeRules(sliver_width_m=0.2))
    assert report.slivers.count == 0 and report.small_total().count == 3


def test_planar_areas_on_request_and_patch_outlines_follow_the_current_survey():
    report = detect(area_mode=AreaMode.PLANAR)
    outflow = by_direction(report)[ChangeDirection.OUTFLOW][0]
    assert outflow.area_m2 == pytest.approx(10000.0, abs=1e-6)
    assert shapely.equals(outflow.shape, shapely.from_wkt(box(0, 0, 100, 100)))


def test_connected_pieces_of_one_change_in_one_township_form_one_patch():
    """Two neighbouring fields both turned into orchard are one patch; in two townships they are two."""
    rows = [
        (box(0, 0, 100, 100), "A", "0102", 0.05, 6, TOWNSHIP_1, 2023),
        (box(100, 0, 200, 100), "B", "0102", 0.03, 8, TOWNSHIP_1, 2023),
    ]
    base = memory_layer("Polygon", GK39, rows, FIELDS, "DLTB")
    for second_township, patches in ((TOWNSHIP_1, 1), (TOWNSHIP_2, 2)):
        current = current_survey(
            rows=[
                (box(0, 0, 100, 100), "A", "0201", 0.0, None, TOWNSHIP_1, 2024),
                (box(100, 0, 200, 100), "B", "0201", 0.0, None, second_township, 2024),
            ]
        )
        report = detect(base, current)
        assert len(report.patches) == patches
    merged = detect(base, current_survey(rows=[(box(0, 0, 200, 100), "AB", "0201", 0.0, None, TOWNSHIP_1, 2024)]))
    patch = merged.patches[0]
    assert mu(patch.area_m2) == 30.00 and patch.base_labels == ["A", "B"]
    assert patch.deduction == pytest.approx(0.04) and patch.quality == pytest.approx(7.0)  # area-weighted


def test_the_year_comes_from_sjnf_or_the_name_or_must_be_given():
    rows = [(box(0, 0, 100, 100), "A", "0201", 0.0, None, TOWNSHIP_1, None)]
    nameless = current_survey("DLTB", rows)
    with pytest.raises(LiaochengError, match="year"):
        detect(current=nameless)
    assert detect(current=nameless, year=2025).year == 2025
    report = detect_changes(
        spec(BASE, base_survey()),
        spec(CURRENT, current_survey("DLTB_2024", rows)),
        QgsProject.instance().transformContext(),
        ChangeRules(),
    )
    assert report.year == 2024


def test_a_cancelled_run_returns_nothing():
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(CheckCanceledError):
        detect(feedback=feedback)


def test_land_classes_follow_domain_md_and_the_debatable_codes_follow_their_setting():
    rules = ChangeRules()
    classes = {code: rules.code_class(code) for code in ("0101", "0103", "0201K", "0301", "0404", "1104A", "1202")}
    assert classes == {"0101": CULTIVATED, "0103": CULTIVATED, **{c: FARMLAND for c in list(classes)[2:]}}
    assert [rules.code_class(code) for code in ("0702", "1003", "1201", "1101", None)] == [OTHER] * 4 + [NO_CODE]
    assert rules.code_class("0102K") != CULTIVATED  # K codes are never cultivated land
    assert rules.code_class("1006") == FARMLAND and ChangeRules(debatable_are_outflow=False).code_class("1006") == OTHER
    assert [rules.mapping_unit_m2(code) for code in ("0702", "1202", "0201", "0102", "1101")] == [
        200,
        200,
        400,
        400,
        600,
    ]


def test_cultivated_land_turned_into_a_rural_road_is_outflow_or_occupation_by_the_setting():
    current = current_survey(rows=[(box(0, 0, 100, 100), "A", "1006", 0.0, None, TOWNSHIP_1, 2024)])
    assert detect(current=current).patches[0].direction == ChangeDirection.OUTFLOW
    occupied = detect(current=current, rules=ChangeRules(debatable_are_outflow=False))
    assert occupied.patches[0].direction == ChangeDirection.OCCUPATION


def test_identical_outlines_are_paired_without_any_intersection():
    first = shapely.from_wkt([box(0, 0, 100, 100), box(100, 0, 200, 100), box(200, 0, 300, 100)])
    second = shapely.from_wkt([box(200, 0, 300, 100), box(100, 0, 200.3, 100), box(0, 0, 100, 100)])
    i, j = identical_pairs(first, second)
    assert sorted(zip(i.tolist(), j.tolist())) == [(0, 2), (2, 0)]
