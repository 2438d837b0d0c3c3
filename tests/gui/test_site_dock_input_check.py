"""The 项目选址 dock's input check: the web-map frame of sketches, the source rules of a chosen layer, sketches
with nothing to check, and every finding in the dock's list, its layers and its ledger."""

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from liaocheng_plugin.core.datacheck.web_frames import CoordinateFrame, wgs84_to_gcj02
from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.gui.site_dock import SiteDock
from tests.conftest import memory_layer
from tests.gui.test_site_dock import layer_named

SIDE_M = 60.0


@pytest.fixture
def dock(qgis_iface, sample_project, frozen_canvas):
    qgis_iface.mapCanvas().setDestinationCrs(QgsProject.instance().crs())
    widget = SiteDock(qgis_iface)
    yield widget
    widget.cleanup()
    widget.deleteLater()


def list_texts(dock):
    return [dock.dataPanel.list.item(row).text() for row in range(dock.dataPanel.list.count())]


def inside_farmland():
    """Lower-left corner (project CRS) of a 60 m square lying wholly on one permanent-farmland patch."""
    farmland = layer_named("YJJBNTTB")
    for feature in farmland.getFeatures():
        geometry = feature.geometry()
        if not geometry.isGeosValid():
            continue
        point = geometry.pointOnSurface().asPoint()
        for dx, dy in ((0, 0), (-SIDE_M, 0), (0, -SIDE_M), (-SIDE_M, -SIDE_M), (-SIDE_M / 2, -SIDE_M / 2)):
            x, y = point.x() + dx, point.y() + dy
            if geometry.contains(QgsGeometry.fromRect(QgsRectangle(x, y, x + SIDE_M, y + SIDE_M))):
                return x, y
    raise AssertionError("no farmland patch holds a 60 m square")


def as_on_a_gcj02_map(x, y):
    """The square at (x, y) as sketched on a GCJ-02 web map shown in a longitude/latitude canvas."""
    to_lonlat = QgsCoordinateTransform(
        QgsProject.instance().crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
    )
    corners = [to_lonlat.transform(x + dx, y + dy) for dx, dy in ((0, 0), (SIDE_M, 0), (SIDE_M, SIDE_M), (0, SIDE_M))]
    lon, lat = wgs84_to_gcj02(np.array([p.x() for p in corners]), np.array([p.y() for p in corners]))
    return QgsGeometry.fromPolygonXY([[QgsPointXY(a, b) for a, b in zip([*lon, lon[0]], [*lat, lat[0]])]])


def test_a_sketch_on_a_gcj02_web_map_gives_its_true_farmland_once_the_frame_is_stated(dock, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    x, y = inside_farmland()
    sketch = as_on_a_gcj02_map(x, y)
    as_drawn = dock.add_sketch(sketch, is_route=False)
    texts = list_texts(dock)
    assert any("GCJ-02" in text and "m east" in text for text in texts)  # the frame was not stated: a warning
    dock.frameCombo.setCurrentIndex(dock.frameCombo.findData(CoordinateFrame.GCJ02.value))
    converted = dock.add_sketch(sketch, is_route=False)
    pbf = Role.PERMANENT_FARMLAND.value
    assert converted.overlap.area_m2_of(pbf) == pytest.approx(converted.overlap.area_m2, rel=1e-6)
    assert converted.overlap.area_m2 == pytest.approx(SIDE_M * SIDE_M, rel=1e-3)
    assert as_drawn.overlap.area_m2_of(pbf) < 0.9 * as_drawn.overlap.area_m2  # ≈ 500 m beside its true place
    assert any("Sketch 2 was converted from GCJ-02" in text for text in list_texts(dock))
    layer = dock.alternatives_layer()
    warnings = {f["name"]: f["data_warnings"] for f in layer.getFeatures()}
    assert "GCJ-02" in warnings[as_drawn.name]
    assert [sheet.title for sheet in dock.ledger_sheets()][-1] == "Data check"


def test_a_route_sketched_with_one_point_twice_is_refused_and_the_list_says_why(dock, qgis_iface):
    x, y = inside_farmland()
    route = QgsGeometry.fromPolylineXY([QgsPointXY(x, y), QgsPointXY(x, y)])
    assert dock.add_sketch(route, is_route=True) is None
    assert dock.alternatives == []
    texts = list_texts(dock)
    assert any("feature 1" in text and "no length" in text for text in texts), texts
    assert dock.dataPanel.title().endswith(": 1 errors")
    site = QgsGeometry.fromRect(QgsRectangle(x, y, x + SIDE_M, y + SIDE_M))
    assert dock.add_sketch(site, is_route=False) is not None  # the next sketch is checked; the old error is gone
    assert not any("no length" in text for text in list_texts(dock))


def test_selected_features_of_a_layer_with_a_wrong_crs_are_refused_naming_it(dock, qgis_iface, tmp_path):
    sites = layer_named("XMXZ")
    wrong = QgsVectorLayer("Polygon?crs=EPSG:4548", "XMXZ_4548", "memory")  # the sample's eastings carry zone 39
    wrong.dataProvider().addAttributes(sites.fields().toList())
    wrong.updateFields()
    wrong.dataProvider().addFeatures(list(sites.getFeatures()))
    wrong.updateExtents()
    QgsProject.instance().addMapLayer(wrong)
    wrong.selectAll()
    qgis_iface.setActiveLayer(wrong)
    dock.use_selected()
    assert dock.alternatives == []
    texts = list_texts(dock)
    assert texts and "“XMXZ_4548”" in texts[0] and "EPSG:4527" in texts[0]


def lonlat_copy(sites, name: str, gcj02: bool) -> QgsVectorLayer:
    """A longitude/latitude copy of ``sites`` in the project (as drawn on a GCJ-02 web map when ``gcj02``)."""
    to_lonlat = QgsCoordinateTransform(sites.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    web = QgsVectorLayer("Polygon?crs=EPSG:4326", name, "memory")
    web.dataProvider().addAttributes(sites.fields().toList())
    web.updateFields()
    copies = []
    for feature in sites.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(to_lonlat)
        vertices = np.array([(p.x(), p.y()) for p in geometry.vertices()])
        lon, lat = wgs84_to_gcj02(vertices[:, 0], vertices[:, 1]) if gcj02 else (vertices[:, 0], vertices[:, 1])
        feature.setGeometry(QgsGeometry.fromPolygonXY([[QgsPointXY(a, b) for a, b in zip(lon, lat)]]))
        copies.append(feature)
    web.dataProvider().addFeatures(copies)
    web.updateExtents()
    QgsProject.instance().addMapLayer(web)
    return web


def test_selected_features_of_a_gcj02_layer_are_moved_to_their_true_place_when_the_frame_is_stated(dock, qgis_iface):
    sites = layer_named("XMXZ")
    sites.selectAll()
    qgis_iface.setActiveLayer(sites)
    dock.use_selected()
    true_areas = sorted(round(site.overlap.area_m2_of(Role.PERMANENT_FARMLAND.value)) for site in dock.alternatives)
    web = lonlat_copy(sites, "方案_高德", gcj02=True)
    web.selectAll()
    qgis_iface.setActiveLayer(web)
    dock.frameCombo.setCurrentIndex(dock.frameCombo.findData(CoordinateFrame.GCJ02.value))
    dock.use_selected()
    converted = dock.alternatives[len(true_areas) :]
    assert sorted(round(site.overlap.area_m2_of(Role.PERMANENT_FARMLAND.value)) for site in converted) == true_areas
    assert any("“方案_高德”" in text and "WGS 84" in text for text in list_texts(dock))


def test_a_selected_route_of_one_vertex_is_refused_naming_it_not_a_geos_error(dock, qgis_iface):
    """Tester report 1, A8 b: 使用选中要素 on a LineString of one vertex raised GEOSException "point array must contain
    0 or >1 elements" in a Python error dialog. It is refused as data_check refuses it; the good route is added."""
    x, y = inside_farmland()
    rows = [(f"LINESTRING({x} {y})", "一个节点"), (f"LINESTRING({x} {y},{x + 300} {y + 300})", "正常线路")]
    routes = memory_layer("LineString", QgsProject.instance().crs().authid(), rows, {"FAMC": str}, "XMXL_bad")
    assert [f.geometry().constGet().numPoints() for f in routes.getFeatures()] == [1, 2]
    QgsProject.instance().addMapLayer(routes)
    routes.selectAll()
    qgis_iface.setActiveLayer(routes)
    dock.use_selected()
    assert [site.name for site in dock.alternatives] == ["正常线路"]
    texts = list_texts(dock)
    assert texts[0].startswith("error: Layer “XMXL_bad”, feature 1: it has no geometry, or one that cannot be used")
    assert dock.dataPanel.title().endswith(": 1 errors")


def test_a_sketched_bowtie_is_refused_as_the_checks_refuse_it(dock, qgis_iface):
    """A site drawn crossing itself: its repaired area is a guess (tester report 1, A9), as in every check."""
    x, y = inside_farmland()
    corners = [(0, 0), (SIDE_M, SIDE_M), (SIDE_M, 0), (0, SIDE_M), (0, 0)]
    bowtie = QgsGeometry.fromPolygonXY([[QgsPointXY(x + dx, y + dy) for dx, dy in corners]])
    assert dock.add_sketch(bowtie, is_route=False) is None and dock.alternatives == []
    texts = list_texts(dock)
    assert texts[0].startswith("error: Layer “Sketches”, feature 1: its boundary is invalid (self-intersection")
    assert "from 0.00 m² (0 mu) as drawn to 1,799.66 m² (2.70 mu)" in texts[0]  # 60 m × 60 m ÷ 2, ellipsoidal


def choose(dock, iface, layer, frame: CoordinateFrame) -> None:
    layer.selectByIds([min(layer.allFeatureIds())])
    iface.setActiveLayer(layer)
    dock.frameCombo.setCurrentIndex(dock.frameCombo.findData(frame.value))
    dock.use_selected()


def details_of(dock, index: int) -> str:
    dock.show_details(index)
    return dock.form.detailsBrowser.toPlainText()


def test_the_details_show_only_the_alternatives_own_layer_and_frame_warnings(dock, qgis_iface):
    """Tester report 2, B8: a converted alternative kept the warning asking for the frame, and the details listed
    the warnings of every other layer chosen in the session."""
    web = lonlat_copy(layer_named("XMXZ"), "方案_高德", gcj02=True)
    other = lonlat_copy(layer_named("XMXZ"), "方案_另一图层", gcj02=False)
    choose(dock, qgis_iface, web, CoordinateFrame.UNSTATED)
    choose(dock, qgis_iface, web, CoordinateFrame.GCJ02)
    choose(dock, qgis_iface, other, CoordinateFrame.UNSTATED)
    assert len(dock.alternatives) == 3

    def frame_warning(layer_name):
        return next(
            f.message
            for f in dock.inputs.findings
            if f.layer == layer_name and f.kind == "web_frame" and f.severity == "warning"
        )

    web_warning, other_warning = frame_warning("方案_高德"), frame_warning("方案_另一图层")
    as_drawn, converted, other_details = (details_of(dock, index) for index in range(3))  # in the order added
    assert web_warning in as_drawn and other_warning not in as_drawn
    assert web_warning not in converted and other_warning not in converted
    assert other_warning in other_details
