"""The 项目选址 dock: sketch a site and a route with synthetic canvas clicks; compare, rename, remove."""

import shutil
import subprocess
import unicodedata

import pytest
from qgis.core import QgsPointXY, QgsProject, QgsRectangle
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt

from liaocheng_plugin.gui.site_dock import SiteDock


@pytest.fixture
def dock(qgis_iface, sample_project, frozen_canvas):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsProject.instance().crs())
    widget = SiteDock(qgis_iface)
    yield widget
    widget.cleanup()
    widget.deleteLater()


def click(canvas, tool, point: QgsPointXY, button=Qt.MouseButton.LeftButton):
    """A mouse release on the canvas at ``point`` (map coordinates), as the map tool receives it."""
    pixel = canvas.getCoordinateTransform().transform(point)
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(int(pixel.x()), int(pixel.y())), button)
    event.setMapPoint(point)  # the test canvas is never shown, so pixels do not map back exactly
    tool.canvasReleaseEvent(event)


def layer_named(table):
    return next(layer for layer in QgsProject.instance().mapLayers().values() if layer.name().endswith(table))


def sketch(canvas, tool, points):
    for point in points:
        click(canvas, tool, point)
    click(canvas, tool, points[-1], Qt.MouseButton.RightButton)


def test_sketched_site_and_route_are_checked_and_compared(dock, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    boundary = layer_named("CZKFBJ")
    centre = next(boundary.getFeatures()).geometry().centroid().asPoint()
    canvas.resize(800, 600)
    canvas.setExtent(QgsRectangle(centre.x() - 15000, centre.y() - 15000, centre.x() + 15000, centre.y() + 15000))
    dock.form.drawSiteButton.setChecked(True)
    assert canvas.mapTool() is dock.site_tool
    x, y = centre.x(), centre.y()
    sketch(
        canvas,
        dock.site_tool,
        [QgsPointXY(x, y), QgsPointXY(x + 600, y), QgsPointXY(x + 600, y + 600), QgsPointXY(x, y + 600)],
    )
    assert len(dock.alternatives) == 1
    site = dock.alternatives[0]
    assert site.overlap.area_m2 == pytest.approx(360000.0, rel=1e-3)  # 600 m × 600 m (ellipsoidal)
    dock.form.drawRouteButton.setChecked(True)
    assert canvas.mapTool() is dock.route_tool and not dock.form.drawSiteButton.isChecked()
    sketch(canvas, dock.route_tool, [QgsPointXY(x - 12000, y - 3000), QgsPointXY(x + 12000, y + 4000)])
    assert len(dock.alternatives) == 2
    route = dock.alternatives[1]
    assert len(dock.highlight.labels) == len(route.crossings), "one chainage label per crossing"
    shown = [item.sceneBoundingRect() for item in dock.highlight.labels if item.isVisible()]
    assert shown and not any(a.intersects(b) for i, a in enumerate(shown) for b in shown[i + 1 :]), "no overlap"
    assert route.centerline is not None and route.length_m == pytest.approx((24000**2 + 7000**2) ** 0.5)
    assert dock.form.comparisonTable.columnCount() == 2
    assert sorted(s.rank for s in dock.alternatives) == [1, 2]
    best = dock.alternatives[dock.comparison.site_at(0)]
    assert best.rank == 1 and dock.form.comparisonTable.horizontalHeaderItem(0).text() == "★ " + best.name
    assert "K" in dock.form.detailsBrowser.toPlainText()  # the route just drawn: its crossings by chainage
    worse = dock.alternatives[dock.comparison.site_at(1)]
    dock.form.comparisonTable.setCurrentCell(0, 1)
    dock.remove_selected()
    assert dock.alternatives == [best] and best.rank == 1 and worse not in dock.alternatives


def test_selected_features_become_alternatives(dock, qgis_iface):
    sites = layer_named("XMXZ")
    sites.selectAll()
    qgis_iface.setActiveLayer(sites)
    dock.use_selected()
    assert sorted(s.name for s in dock.alternatives) == ["方案一", "方案二"]
    layer = dock.alternatives_layer()
    assert layer.featureCount() == 2 and {f["rank"] for f in layer.getFeatures()} == {1, 2}


def test_alternatives_export_one_sheet_each(dock, qgis_iface, tmp_path):
    sites = layer_named("XMXZ")
    sites.selectAll()
    qgis_iface.setActiveLayer(sites)
    dock.use_selected()
    assert dock.export_sheets_to(str(tmp_path / "sites.pdf")) == 2
    second = dock.alternatives[1].name
    assert dock.export_sheets_to(str(tmp_path / "second.pdf"), [1]) == 1
    if shutil.which("pdftotext"):
        output = subprocess.run(["pdftotext", str(tmp_path / "second.pdf"), "-"], capture_output=True, text=True)
        title = unicodedata.normalize("NFKC", output.stdout).split("\n")[0]  # the font maps some CJK to radicals
        assert title.endswith(second) and dock.alternatives[0].name not in title
    assert (tmp_path / "sites.pdf").stat().st_size > 10000
    pack = dock.export_pack_to(str(tmp_path / "pack"))
    assert pack.pages == 2 and pack.project.exists() and pack.gpkg.exists()
    assert dock.exports.dialog is None and dock.exports.task is None


def test_a_selected_route_hands_over_its_crossings_with_chainage(dock, qgis_iface):
    """The panel's XLSX carries the 穿越桩号 sheet, its GeoPackage the crossings, each with from/to chainage."""
    route = layer_named("XMXL")
    route.selectAll()
    qgis_iface.setActiveLayer(route)
    dock.use_selected()
    crossings = dock.gpkg_tables()["crossings"]
    assert crossings.featureCount() == len(dock.alternatives[0].crossings) > 0
    first = min(crossings.getFeatures(), key=lambda f: f["from_m"])
    assert first["from_chainage"].startswith("K") and first["subject_id"] == 1
    assert [sheet.title for sheet in dock.ledger_sheets()] == ["Comparison", "Crossing chainage", "Data check"]


def test_three_alternatives_are_readable_in_a_dock_of_300_to_400_px(desktop_font, dock, qgis_iface):
    """At the default dock width only one alternative showed and the best was off screen. Now every column
    fits beside the criteria, the best (★) first, and the details area tells the selected one's findings."""
    sites = layer_named("XMXZ")
    sites.selectAll()
    qgis_iface.setActiveLayer(sites)
    dock.use_selected()
    route = layer_named("XMXL")
    route.selectAll()
    qgis_iface.setActiveLayer(route)
    dock.use_selected()
    assert len(dock.alternatives) == 3
    table = dock.form.comparisonTable
    for width in (300, 340, 400):
        dock.resize(width, 760)
        dock.show()
        QCoreApplication.processEvents()
        assert dock.width() == width, "the dock's own minimum width must not exceed 300 px"
        viewport = table.viewport().width()
        for column in range(3):
            right = table.columnViewportPosition(column) + table.columnWidth(column)
            assert table.columnViewportPosition(column) >= 0 and right <= viewport, (width, column)
            assert table.columnWidth(column) >= 60
        assert table.horizontalHeaderItem(0).text().startswith("★")
        assert table.horizontalScrollBar().maximum() == 0
    table.setCurrentCell(0, 2)
    details = dock.form.detailsBrowser.toPlainText()
    chosen = dock.alternatives[dock.comparison.site_at(2)]
    assert chosen.name in details and "m²" in details
    for line in chosen.findings():
        assert line in details
    dock.hide()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_site_sheets_draw_their_conflicts_and_survey_patches_beside_a_route(dock, qgis_iface, tmp_path):
    """The panel's sheets drew no conflict pieces at all, and no survey patch on any page once a long route was
    among the alternatives (the survey was dropped for the whole layer)."""
    for table in ("XMXZ", "XMXL"):
        layer = layer_named(table)
        layer.selectAll()
        qgis_iface.setActiveLayer(layer)
        dock.use_selected()
    site = next(index for index, s in enumerate(dock.alternatives) if s.centerline is None and s.cultivated_m2 > 0)
    route = next(index for index, s in enumerate(dock.alternatives) if s.centerline is not None)
    manager = QgsProject.instance().layoutManager()
    try:
        assert dock.export_sheets_to(str(tmp_path / "site.pdf"), [site]) == 1
        assert dock.export_sheets_to(str(tmp_path / "route.pdf"), [route]) == 1
        layout = manager.printLayouts()[0]
        assert layout.name() == "Project site check map"
        names = [layer.name() for layer in layout.itemById("map").layers()]
        assert "Conflict pieces" in names and layer_named("DLTB").name() in names
    finally:
        manager.clear()

    def text(name):
        output = subprocess.run(["pdftotext", "-layout", str(tmp_path / name), "-"], capture_output=True, text=True)
        return unicodedata.normalize("NFKC", output.stdout)

    site_page, route_page = text("site.pdf"), text("route.pdf")
    assert site_page.lstrip().startswith("Project site check map")
    assert route_page.lstrip().startswith("Route selection check map")
    assert "Conflict pieces" in site_page and "On cultivated land" in site_page  # its cultivated pieces, drawn
    assert "Land-use survey" in site_page and "Land-use survey" not in route_page  # patches under the site only
    assert "Crossing of permanent basic farmland" in route_page  # the route's own legend entries, not duplicates
