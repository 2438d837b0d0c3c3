"""A subject whose invalid boundary the repair gives another area (tester report 1, A9): one verdict, said alike by
every check and by data_check, on every output the input check writes to.

The tester's parcel CB2023-015, redrawn as a bowtie of its box, was checked as 96.13 亩 (the two triangles the
repair keeps) with nothing but a line in the log, while data_check called it "an area of 0". A bowtie's area as
drawn is 0 (its lobes cancel); the repaired one is a guess: by default the checks refuse it, a setting lets them
use the repaired shape with a warning carried on the parcel.
"""

import pytest
from qgis.core import QgsVectorLayer

from liaocheng_plugin.core.datacheck.report import data_check_sheet, findings_from_layer
from liaocheng_plugin.core.settings import REFUSE_AREA_CHANGING_REPAIRS
from liaocheng_plugin.core.translation import install_translator, remove_translator
from liaocheng_plugin.core.values import plain
from tests.conftest import memory_layer, square
from tests.processing.check_runs import SINKS, SUBJECT_PARAMETER, refusal, run
from tests.tools.messy import write

GK39 = "EPSG:4527"
X0, Y0 = 39440000.0, 4030000.0


def ring(points, dx=0.0):
    return "POLYGON((" + ",".join(f"{X0 + dx + x} {Y0 + y}" for x, y in points) + "))"


BOWTIE = ring([(0, 0), (100, 100), (100, 0), (0, 100), (0, 0)])  # CB-2: a 100 m box drawn as a bowtie
SMALL_LOOP = ring([(0, 0), (100, 0), (100, 100), (0, 100), (2, -2), (0, 0)], 1000)  # 9,900 m² drawn, 9,903.92 repaired
TOUCHING = ring([(0, 0), (100, 0), (100, 100), (0, 100), (0, 2), (2, 0), (0, 0)], 2000)  # invalid, area unchanged


def bowtie_parcels():
    """Parcels: CB-1 a clean square, CB-2 a bowtie over the farmland (a memory layer: see ``saved``)."""
    rows = [(square(X0 - 1000, Y0, 100), "CB-1"), (BOWTIE, "CB-2")]
    return memory_layer("Polygon", GK39, rows, {"DKBH": str}, "CBDK")


def saved(layer, path):
    """``layer`` written to a GeoPackage (read by GDAL in bulk) and opened in the test itself. Only for checks that
    run: QGIS 3.22 keeps the frames of a refused algorithm (its Python error handler leaks the exception), and a
    file layer they hold is destroyed after QGIS has exited, which crashes the test process on its way out."""
    opened = QgsVectorLayer(str(write(layer, path)), layer.name(), "ogr")
    assert opened.isValid() and [f.geometry().isGeosValid() for f in opened.getFeatures()] == [True, False]
    return opened


@pytest.fixture
def farmland():
    return memory_layer("Polygon", GK39, [(square(X0 - 1100, Y0 - 100, 1400), "JB-1")], {"BSM": str}, "YJJBNT")


@pytest.fixture
def repairs_accepted():
    REFUSE_AREA_CHANGING_REPAIRS.set_value(False)
    yield
    REFUSE_AREA_CHANGING_REPAIRS.reset()


def data_check(parameters):
    import processing

    table = processing.run("liaocheng:data_check", dict(parameters, OUTPUT="memory:"))["OUTPUT"]
    return [(f["layer"], plain(f["feature_id"]), f["kind"], f["severity"], f["message"]) for f in table.getFeatures()]


def rows(result):
    return [(f["layer"], plain(f["feature_id"]), f["kind"], f["severity"]) for f in result["DATA_CHECK"].getFeatures()]


@pytest.mark.parametrize("algorithm", list(SINKS))
def test_every_check_refuses_a_bowtie_parcel_naming_layer_feature_reason_place_and_both_areas(
    algorithm, farmland, processing_with_provider
):
    message = refusal(algorithm, {SUBJECT_PARAMETER[algorithm]: bowtie_parcels(), "PERMANENT_FARMLAND": farmland})
    first = message.splitlines()[0]
    assert first.startswith("Layer “CBDK”, feature 2: its boundary is invalid (self-intersection (at 39440050.0,")
    assert "from 0.00 m² (0 mu) as drawn to 4,999.56 m² (7.50 mu)" in first  # the two triangles, ellipsoidal
    assert "refuse_area_changing_repairs" in message


def test_data_check_gives_the_refusal_of_the_checks_word_for_word(farmland, processing_with_provider):
    """Before: data_check said "its checked area is 0 m²" (an error) while the checks ran on the repaired shape."""
    parcels = bowtie_parcels()
    message = refusal("reserve_check", {"INPUT": parcels, "PERMANENT_FARMLAND": farmland})
    found = data_check({"INPUT": parcels, "PERMANENT_FARMLAND": farmland})
    subject = [row for row in found if row[0] == "CBDK"]
    assert [row[:4] for row in subject] == [("CBDK", 2, "repair_area", "error")]  # no "fixed", no "zero_area"
    assert message.startswith(subject[0][4])


def test_with_repairs_accepted_the_change_is_a_warning_on_the_parcel_and_in_every_table(
    farmland, repairs_accepted, processing_with_provider, tmp_path
):
    parcels = saved(bowtie_parcels(), tmp_path / "CBDK.gpkg")
    result = run("reserve_check", {"INPUT": parcels, "PERMANENT_FARMLAND": farmland})
    outputs = {f["DKBH"]: f for f in result["OUTPUT"].getFeatures()}
    assert outputs["CB-2"]["area_mu"] == 7.5 and outputs["CB-2"]["pbf_mu"] == 7.5
    warning = outputs["CB-2"]["data_warnings"]
    assert warning.startswith("Layer “CBDK”, feature 2: its boundary is invalid (self-intersection (at 39440050.0,")
    assert "the check uses it repaired" in warning and "0.00 m² (0 mu) as drawn to 4,999.56 m² (7.50 mu)" in warning
    assert not plain(outputs["CB-1"]["data_warnings"])
    assert rows(result) == [("CBDK", 2, "repair_area", "warning")]  # the repair is not listed again as "fixed"
    found = data_check({"INPUT": parcels, "PERMANENT_FARMLAND": farmland})
    assert [row[:4] for row in found] == [("CBDK", 2, "repair_area", "warning")]
    assert found[0][4] == warning.splitlines()[0]  # data_check says what the check did
    sheet = data_check_sheet(findings_from_layer(result["DATA_CHECK"]))  # the ledger's 数据体检 sheet, as the dock
    assert [row[1:4] for row in sheet.rows] == [[2, "repair changes area", "warning"]]
    assert sheet.rows[0][4] == warning.splitlines()[0]


def test_a_small_loop_within_the_tolerance_is_checked_with_a_warning_and_an_unchanged_repair_stays_fixed(
    farmland, processing_with_provider
):
    rows_ = [(square(X0 - 1000, Y0, 100), "CB-1"), (SMALL_LOOP, "CB-2"), (TOUCHING, "CB-3")]
    parcels = memory_layer("Polygon", GK39, rows_, {"DKBH": str}, "CBDK")
    result = run("overlap_check", {"INPUT": parcels, "PERMANENT_FARMLAND": farmland})
    assert rows(result) == [("CBDK", 2, "repair_area", "warning"), ("CBDK", 3, "repaired", "fixed")]
    warnings = {f.id(): plain(f["data_warnings"]) for f in result["OUTPUT"].getFeatures()}
    assert "9,899.1" in warnings[2] and "9,903.0" in warnings[2]  # 3.92 m² more: within 0.1 % of the parcel
    assert warnings[1] is None and warnings[3] is None


def test_the_refusal_is_in_chinese_in_a_chinese_qgis(farmland, processing_with_provider):
    translator = install_translator("zh_CN")
    try:
        message = refusal("overlap_check", {"INPUT": bowtie_parcels(), "PERMANENT_FARMLAND": farmland})
    finally:
        remove_translator(translator)
    first = message.splitlines()[0]
    assert first.startswith("图层“CBDK”，要素 2：") and "自相交" in first and "7.50 亩" in first and "平方米" in first
