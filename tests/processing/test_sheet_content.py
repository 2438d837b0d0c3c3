"""What a sheet draws and prints for each check: the overlapping parcel a finding names, chainage labels and codes
in the PDF's text, figures not spread apart, a 亩 figure in every row of the results box."""

import shutil
import subprocess
import unicodedata

import pytest
from qgis.core import QgsLayoutItemLabel, QgsProject
from qgis.PyQt.QtCore import Qt

from liaocheng_plugin.core.sheets import TEMPLATES, build_sheet_layout, export_sheets, load_template
from liaocheng_plugin.core.styles import apply_style
from tests.conftest import memory_layer, square

X0, Y0 = 39500000.0, 4050000.0
GK39 = "EPSG:4527"
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def pdf_text(path) -> str:
    output = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", output.stdout)


def rect(x, y, width, height):
    return f"POLYGON(({x} {y},{x + width} {y},{x + width} {y + height},{x} {y + height},{x} {y}))"


@pytest.fixture
def overlapping_parcels(processing_with_provider):
    """CB-1 and CB-2 share a 50 m × 100 m strip; CB-1 lies half outside the development boundary."""
    import processing

    parcels = memory_layer(
        "Polygon", GK39, [(square(X0, Y0, 100), "CB-1"), (square(X0 + 50, Y0, 100), "CB-2")], {"DKBH": str}, "储备地块"
    )
    boundary = memory_layer("Polygon", GK39, [(rect(X0 - 500, Y0 - 500, 550, 1000),)], name="城镇开发边界")
    result = processing.run(
        "liaocheng:reserve_check",
        {
            "INPUT": parcels,
            "DEVELOPMENT_BOUNDARY": boundary,
            "AREA_MODE": 1,
            "OUTPUT": "memory:",
            "OVERLAPS": "memory:",
        },
    )
    checked, pieces = result["OUTPUT"], result["OVERLAPS"]
    apply_style(checked, "check_status")
    apply_style(pieces, "conflict_pieces")
    pieces.setName("冲突图斑")
    return checked, pieces


def test_the_parcel_a_finding_names_is_a_conflict_piece_labelled_with_its_code(overlapping_parcels):
    """ "与储备地块 CB-2 重叠" was a finding the sheet did not draw: the shared part is now a piece of each parcel."""
    checked, pieces = overlapping_parcels
    cb1 = next(f for f in checked.getFeatures() if f["DKBH"] == "CB-1")
    shared = [f for f in pieces.getFeatures() if f["role"] == "parcel_overlap" and f["subject_id"] == cb1["subject_id"]]
    assert [f["label"] for f in shared] == ["CB-2"] and "CB-2" in cb1["findings"]
    assert shared[0]["area_m2"] == pytest.approx(5000.0) and shared[0].geometry().area() == pytest.approx(5000.0)


@needs_pdftotext
def test_map_labels_keep_their_codes_in_the_pdf_text(overlapping_parcels, tmp_path):
    """Map labels lost every digit after a Latin letter in the PDF's text layer ("CB-2" read "CB-")."""
    checked, pieces = overlapping_parcels
    cb1 = next(f for f in checked.getFeatures() if f["DKBH"] == "CB-1")
    sheet = tmp_path / "sheet.pdf"
    assert export_sheets(checked, [pieces], [], "", sheet, "a4_landscape", [cb1.id()]) == 1
    text = pdf_text(sheet)
    legend_and_map = text.split("Results")[0]
    assert "Overlapping another parcel" in legend_and_map  # the legend lists the drawn piece
    assert "CB-2" in legend_and_map.replace("Land-reserve check map — CB-1", "")  # its label on the map


@needs_pdftotext
def test_route_chainage_labels_are_text_in_the_pdf(processing_with_provider, tmp_path):
    """pdftotext gave "K + ‒K +" for every chainage label of a route sheet."""
    import processing

    route = memory_layer("LineString", GK39, [(f"LINESTRING({X0} {Y0}, {X0 + 2000} {Y0})", "路线A")], {"FAMC": str})
    band = memory_layer("Polygon", GK39, [(rect(X0 + 1200, Y0 - 500, 180, 1000),)], name="生态保护红线")
    result = processing.run(
        "liaocheng:site_check",
        {"INPUT": route, "ECOLOGICAL_REDLINE": band, "AREA_MODE": 1, "OUTPUT": "memory:", "CROSSINGS": "memory:"},
    )
    routes, crossings = result["OUTPUT"], result["CROSSINGS"]
    apply_style(routes, "route")
    apply_style(crossings, "crossings")
    sheet = tmp_path / "route.pdf"
    assert export_sheets(routes, [crossings, band], [], "", sheet) == 1
    text = pdf_text(sheet)
    assert "K1+200" in text and "K1+380" in text
    assert text.lstrip().startswith("Route selection check map — 路线A")
    assert "Crossing of the ecological red line" in text and "Route alternative" in text


@pytest.mark.parametrize("template", TEMPLATES)
def test_no_text_of_a_sheet_is_justified(template):
    """QGIS's default alignment "justify" spread a wrapped line of Chinese figures: "2 2 7 1 . 6 7 亩"."""
    layout = load_template(QgsProject.instance(), template)
    labels = [item for item in layout.items() if isinstance(item, QgsLayoutItemLabel)]
    assert labels and not [item.id() for item in labels if item.hAlign() & Qt.AlignmentFlag.AlignJustify]


def test_every_row_of_the_results_box_has_its_mu(overlapping_parcels):
    """The 城镇开发边界外 row had a % and an empty 亩 cell."""
    checked, pieces = overlapping_parcels
    cb1 = next(f for f in checked.getFeatures() if f["DKBH"] == "CB-1")
    assert cb1["outside_udb_mu"] == pytest.approx(7.5) and cb1["outside_udb_pct"] == pytest.approx(50.0)
    layout = build_sheet_layout(QgsProject.instance(), checked, [pieces], [])
    atlas = layout.atlas()
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression(f"$id = {cb1.id()}")
    atlas.beginRender()
    atlas.first()
    rows = layout.itemById("table_rows").currentText().split("\n")
    mu = layout.itemById("table_mu").currentText().split("\n")
    pct = layout.itemById("table_pct").currentText().split("\n")
    outside = rows.index("Outside development boundary")
    assert (mu[outside], pct[outside]) == ("7.50", "50.0")
    assert all(mu[row] for row in range(1, len(rows)))


def test_only_the_pieces_two_parcels_share_are_labelled_on_a_page():
    """A page's own pieces keep the style's own label rule: the farmland piece of a balance sheet was labelled
    with its farmland feature's code."""
    from qgis.core import QgsMapLayerStyle

    from liaocheng_plugin.core.sheet_map import sheet_style

    pieces = memory_layer(
        "Polygon", GK39, [(square(X0, Y0, 10), 1, "pbf", "JB-1")], {"subject_id": int, "role": str, "label": str}
    )
    apply_style(pieces, "conflict_pieces")
    scratch = memory_layer("Polygon", GK39, [], {"subject_id": int, "role": str, "label": str})
    QgsMapLayerStyle(sheet_style(pieces, "subject_id = 1")).writeToLayer(scratch)
    settings = scratch.labeling().settings()
    properties = settings.dataDefinedProperties()
    shown = properties.property(settings.Property.Show).asExpression()
    assert "parcel_overlap" in shown and "subject_id" in shown
