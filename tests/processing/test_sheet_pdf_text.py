"""What a reader gets from an exported sheet's PDF, on every QGIS version: the title and the results table's
figures as text (not outlines, not an empty box)."""

import shutil
import subprocess
import unicodedata

import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsLayoutItemLabel,
    QgsProject,
    QgsReadWriteContext,
    QgsRendererCategory,
    QgsSymbol,
)
from qgis.PyQt.QtXml import QDomDocument

from liaocheng_plugin.core.sheet_legend import fits
from liaocheng_plugin.core.sheets import (
    PDF_TEXT_FORMAT,
    TEMPLATES,
    build_sheet_layout,
    export_atlas,
    export_sheets,
    load_template,
)
from liaocheng_plugin.core.styles import apply_style
from liaocheng_plugin.core.values import is_null
from tests.conftest import item_text, memory_layer, square

X0, Y0 = 39500000.0, 4050000.0
LABELS = ("title", "table", "table_rows", "table_mu", "table_pct", "findings", "crs", "signoff")

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def pdf_text(path) -> str:
    """The PDF's text layer, NFKC-normalised: Qt writes some CJK glyphs' text as their Kangxi radicals (⼟ for 土)."""
    output = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", output.stdout)


@pytest.fixture
def checked_parcels(processing_with_provider):
    """Reserve parcels CB-1 (half on farmland: 7.5 of 15 亩), CB-2 and CB-3 (clear), checked planar."""
    import processing

    parcels = memory_layer(
        "Polygon",
        "EPSG:4527",
        [(square(X0 + 300 * i, Y0, 100), f"CB-{i}") for i in range(1, 4)],
        {"DKBH": str},
        "储备地块",
    )
    farmland = memory_layer("Polygon", "EPSG:4527", [(square(X0 + 250, Y0, 100),)], name="永久基本农田")
    result = processing.run(
        "liaocheng:reserve_check",
        {
            "INPUT": parcels,
            "PERMANENT_FARMLAND": farmland,
            "AREA_MODE": 1,
            "REFERENCE_DATE": "2024-01-01",
            "OUTPUT": "memory:",
            "SUMMARY": "memory:",
            "OVERLAPS": "memory:",
        },
    )
    layer = result["OUTPUT"]
    apply_style(layer, "check_status")
    return layer, farmland


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_filled_item_is_found_in_every_template(template):
    layout = load_template(QgsProject.instance(), template)
    assert all(isinstance(layout.itemById(item_id), QgsLayoutItemLabel) for item_id in LABELS)
    assert all(layout.itemById(item_id) is not None for item_id in ("map", "overview", "legend"))


def test_an_own_template_with_an_html_label_keeps_its_table(checked_parcels, tmp_path):
    """A bureau's template whose results box is one HTML-mode "table" label (as older QGIS saves it) is filled on
    every version: QGIS 3.32+ would read it as an HTML item without the id."""
    layer, farmland = checked_parcels
    layout = load_template(QgsProject.instance(), "a4_portrait")
    for item_id in ("table_rows", "table_mu", "table_pct", "findings"):
        layout.removeLayoutItem(layout.itemById(item_id))
    layout.itemById("table").setMode(QgsLayoutItemLabel.Mode.ModeHtml)
    document = QDomDocument()
    document.appendChild(layout.writeXml(document, QgsReadWriteContext()))
    text = document.toString()
    assert 'htmlState="1"' in text
    own = tmp_path / "own.qpt"
    own.write_text(text, encoding="utf-8")
    sheet = build_sheet_layout(QgsProject.instance(), layer, [farmland], [], "储备土地核查图", str(own))
    sheet.atlas().beginRender()
    sheet.atlas().first()
    cb1 = next(layer.getFeatures())
    assert f"{cb1['pbf_mu']:.2f}" in item_text(sheet, "table")


@needs_pdftotext
@pytest.mark.parametrize("template", TEMPLATES)
def test_pdf_text_carries_the_title_and_the_results_figures(checked_parcels, tmp_path, template):
    layer, farmland = checked_parcels
    cb1 = next(feature for feature in layer.getFeatures() if feature["DKBH"] == "CB-1")
    assert cb1["pbf_mu"] > 0
    sheet = tmp_path / "sheet.pdf"
    assert export_sheets(layer, [farmland], [], "储备土地核查图", sheet, template, [cb1.id()]) == 1
    text = pdf_text(sheet)
    # The title is text, Chinese and the digits after Latin letters included (Qt's PDF writer dropped those when
    # labels were shaped).
    assert "储备土地核查图 — CB-1" in text
    for value in (cb1["area_mu"], cb1["pbf_mu"]):
        assert f"{value:.2f}" in text  # the results table is filled, its figures searchable
    assert "Results" in text  # the table's heading
    # A row name that wraps in a narrow column ("Permanent basic / farmland" on portrait) keeps the rows under it
    # level with their figures: the last row still has its own.
    farmland_line = next(line for line in text.splitlines() if "Permanent basic" in line)
    assert f"{cb1['pbf_mu']:.2f}" in farmland_line
    cultivated_line = next(line for line in text.splitlines() if "Cultivated land" in line)
    assert is_null(cb1["cult_mu"]) and "—" in cultivated_line  # no survey given: not checked, never 0.00
    assert "Coordinate system:" in text and "EPSG:4527" in text  # the CRS note


def test_kept_layout_re_exports_text_as_text(checked_parcels):
    layer, farmland = checked_parcels
    layout = build_sheet_layout(QgsProject.instance(), layer, [farmland], [], "储备土地核查图")
    assert int(layout.customProperty("pdfTextFormat")) == int(PDF_TEXT_FORMAT)


def test_the_data_check_line_holds_every_warning_of_the_subject_on_one_line(checked_parcels):
    """``data_warnings`` holds one warning a line (Chinese messages contain "；" themselves): the map sheet joins
    them into its one 数据体检 line."""
    layer, farmland = checked_parcels
    cb1 = next(feature for feature in layer.getFeatures() if feature["DKBH"] == "CB-1")
    layer.dataProvider().changeAttributeValues(
        {cb1.id(): {layer.fields().lookupField("data_warnings"): "first warning\nsecond warning"}}
    )
    sheet = build_sheet_layout(QgsProject.instance(), layer, [farmland], [], "储备土地核查图")
    sheet.atlas().beginRender()
    sheet.atlas().first()
    assert "Data check: first warning；second warning" in item_text(sheet, "findings")


@needs_pdftotext
def test_the_legend_lists_every_class_the_map_shows_inside_its_frame(checked_parcels, tmp_path):
    """A land-use survey of twelve classes under one parcel: the page's legend keeps every class inside its
    frame (more columns, smaller text), and the PDF's text holds each of them."""
    layer, farmland = checked_parcels
    classes = [f"类{index:02d}用地" for index in range(1, 13)]
    strips = [(square(X0 + 300 + 9 * index, Y0, 8), name) for index, name in enumerate(classes)]
    survey = memory_layer("Polygon", "EPSG:4527", strips, {"DLMC": str}, "国土调查地类图斑")
    categories = [QgsRendererCategory(name, QgsSymbol.defaultSymbol(survey.geometryType()), name) for name in classes]
    survey.setRenderer(QgsCategorizedSymbolRenderer("DLMC", categories))
    layout = build_sheet_layout(QgsProject.instance(), layer, [farmland, survey], [], "储备土地核查图", "a4_landscape")
    legend = layout.itemById("legend")
    path = tmp_path / "sheet.pdf"
    atlas = layout.atlas()
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression("\"DKBH\" = 'CB-1'")
    atlas.updateFeatures()
    export_atlas(atlas, path, "$id", None)
    assert fits(legend)
    text = pdf_text(path)
    assert all(name in text for name in classes)
