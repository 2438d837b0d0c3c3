"""Map sheets from the Processing Toolbox (liaocheng:export_sheets with its defaults) on the sample county: a check's
result only, the selection when asked, status colours, an overview of county boundaries, PDFs of a sensible size."""

import shutil
import subprocess

import pytest
from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.sheets import build_sheet_layout, layer_sets
from tests.tools.sample.subjects import SAMPLE_DATE

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


@pytest.fixture(scope="module")
def county(qgis_app, sample_data, processing_with_provider, tmp_path_factory):
    """The sample project open, its reserve parcels checked from the Toolbox into a GeoPackage and loaded as the
    Toolbox loads a result (QGIS's single random colour)."""
    import processing

    project = QgsProject.instance()
    assert project.read(str(sample_data.project))
    parameters = ProtectedProfile.load(project).processing_parameters(project)
    parcels = next(layer for layer in project.mapLayers().values() if layer.name().endswith("CBDK"))
    output = tmp_path_factory.mktemp("toolbox") / "checked.gpkg"
    processing.run(
        "liaocheng:reserve_check",
        dict(parameters, INPUT=parcels, REFERENCE_DATE=SAMPLE_DATE.isoformat(), OUTPUT=str(output)),
    )
    checked = QgsVectorLayer(str(output), "储备地块核查结果", "ogr")
    checked.setRenderer(QgsSingleSymbolRenderer.defaultRenderer(checked.geometryType()))
    project.addMapLayer(checked)
    yield project, parcels, checked
    project.clear()


@needs_poppler
def test_toolbox_sheets_with_defaults_are_small_and_honour_the_selection(county, tmp_path):
    """From the Toolbox with defaults the overview drew the whole survey and farmland: 18 MB a page (374 MB for
    21 pages); and the map selection was ignored."""
    import processing

    _, _, checked = county
    failed = sorted(f.id() for f in checked.getFeatures() if f["status"] == "fail")[:2]
    checked.selectByIds(failed)
    path = tmp_path / "sheets.pdf"
    processing.run(
        "liaocheng:export_sheets",
        {"INPUT": QgsProcessingFeatureSourceDefinition(checked.id(), True), "OUTPUT": str(path)},
    )
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           2" in info
    assert path.stat().st_size < 2 * 1.5 * 1024 * 1024  # under 1.5 MB a page
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    codes = [f["DKBH"] for f in checked.getFeatures() if f.id() in failed]
    assert all(f"Land-reserve check map — {code}" in text for code in codes)  # titled by the layer's check


def test_toolbox_refuses_a_layer_no_check_wrote(county, tmp_path):
    import processing

    _, parcels, _ = county
    with pytest.raises(QgsProcessingException, match="not the result of a check"):
        processing.run("liaocheng:export_sheets", {"INPUT": parcels, "OUTPUT": str(tmp_path / "raw.pdf")})


def test_overview_shows_county_boundaries_and_the_subject_never_the_protected_layers(county):
    from liaocheng_plugin.core.sheets import overview_layers

    project, _, checked = county
    protected = layer_sets(project)
    layout = build_sheet_layout(project, checked, protected, overview_layers(project))
    overview = layout.itemById("overview")
    names = [layer.name() for layer in overview.layers()]
    assert names == [checked.name(), overview_layers(project)[0].name()]
    assert not set(overview.layers()) & set(protected)
    # The page's subject is marked (a rule on the atlas feature) where the county scale would hide its outline.
    assert "@atlas_featureid" in overview.layerStyleOverrides()[checked.id()]


def test_an_uncoloured_result_is_drawn_and_listed_in_its_checks_status_colours(county):
    """A Toolbox result has QGIS's single random colour: the sheet draws it by status, and the legend lists the
    statuses of the page."""
    from qgis.core import QgsLayoutExporter
    from qgis.PyQt.QtCore import QSize

    from tests.processing.test_sheets import legend_entries

    project, _, checked = county
    layout = build_sheet_layout(project, checked, [], [])
    assert 'type="categorizedSymbol"' in layout.itemById("map").layerStyleOverrides()[checked.id()]
    failed = next(f for f in checked.getFeatures() if f["status"] == "fail")
    atlas = layout.atlas()
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression(f"$id = {failed.id()}")
    atlas.beginRender()
    atlas.first()
    QgsLayoutExporter(layout).renderPageToImage(0, QSize(600, 420))
    assert "fail" in legend_entries(layout.itemById("legend"))
    assert isinstance(checked.renderer(), QgsSingleSymbolRenderer)  # the layer itself is left as it was
