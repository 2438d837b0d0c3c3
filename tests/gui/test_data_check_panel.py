"""The 数据体检 part of the check docks: the coordinate-frame choice and the list of findings, driven like a user."""

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

from liaocheng_plugin.core.datacheck.web_frames import CoordinateFrame
from liaocheng_plugin.gui.reserve_dock import ReserveDock
from tests.gui.conftest import wait_for


@pytest.fixture
def dock(qgis_iface, sample_project, frozen_canvas):
    widget = ReserveDock(qgis_iface)
    yield widget
    widget.cleanup()
    widget.deleteLater()


def parcels(project) -> QgsVectorLayer:
    return next(layer for layer in project.mapLayers().values() if layer.name().endswith("CBDK"))


def list_texts(dock):
    return [dock.dataPanel.list.item(row).text() for row in range(dock.dataPanel.list.count())]


def test_a_parcel_layer_with_a_wrong_crs_stops_the_check_and_the_list_says_why(dock, sample_project):
    """The sample parcels (zone 39 with prefix) declared EPSG:4548: the check must refuse, naming the layer."""
    layer = parcels(sample_project)
    original = layer.crs()
    layer.setCrs(QgsCoordinateReferenceSystem("EPSG:4548"))
    try:
        dock.form.parcelsCombo.setLayer(layer)
        dock.run_check()
        succeeded, _, message = wait_for(dock.runner.finished)
    finally:
        layer.setCrs(original)
    assert not succeeded and layer.name() in message and "EPSG:4527" in message
    texts = list_texts(dock)
    assert texts and layer.name() in texts[0] and not dock.dataPanel.isCollapsed()
    assert dock.dataPanel.title().endswith(": 1 errors")


def test_a_clean_run_says_the_check_found_nothing_and_the_frame_choice_is_passed(dock, sample_project):
    dock.frameCombo.setCurrentIndex(dock.frameCombo.findData(CoordinateFrame.TRUE.value))
    parameters = dock.parameters()
    dock.run_check()
    succeeded, layers, message = wait_for(dock.runner.finished)
    assert succeeded, message
    assert list_texts(dock) == ["The input check found nothing to report."]
    assert "DATA_CHECK" in layers and "data_warnings" in layers["OUTPUT"].fields().names()
    assert "COORDINATE_FRAME" not in parameters  # the base class adds it when it runs
    assert dock.frameCombo.count() == len(CoordinateFrame)


def lonlat_copy(layer: QgsVectorLayer) -> QgsVectorLayer:
    """The sample parcels saved as longitude/latitude, as a layer exported for a web map would be."""
    import processing

    result = processing.run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": "EPSG:4326", "OUTPUT": "memory:"})[
        "OUTPUT"
    ]
    result.setName("储备地块_经纬度")
    return result


def test_a_run_with_warnings_lists_them_in_the_dock(dock, sample_project):
    layer = lonlat_copy(parcels(sample_project))
    sample_project.addMapLayer(layer)
    dock.form.parcelsCombo.setLayer(layer)
    dock.run_check()
    succeeded, layers, message = wait_for(dock.runner.finished)
    assert succeeded, message
    texts = list_texts(dock)
    assert len(texts) == 1 and "储备地块_经纬度" in texts[0] and "GCJ-02" in texts[0]
    assert dock.dataPanel.title().endswith(": 1 warnings")
    rows = list(layers["OUTPUT"].getFeatures())
    assert rows and all("GCJ-02" in row["data_warnings"] for row in rows)


def test_a_stated_web_map_frame_is_converted_in_the_background_run(dock, sample_project):
    """The conversion runs in the task's thread: its copy must reach the check (and the user's layer stay)."""
    layer = lonlat_copy(parcels(sample_project))
    sample_project.addMapLayer(layer)
    before = next(layer.getFeatures()).geometry().asWkt()
    dock.form.parcelsCombo.setLayer(layer)
    dock.frameCombo.setCurrentIndex(dock.frameCombo.findData(CoordinateFrame.GCJ02.value))
    dock.run_check()
    succeeded, layers, message = wait_for(dock.runner.finished)
    assert succeeded, message
    texts = list_texts(dock)
    assert len(texts) == 1 and "GCJ-02" in texts[0] and "WGS 84" in texts[0]
    assert dock.dataPanel.title().endswith(": 1 fixed")
    assert layers["OUTPUT"].featureCount() == layer.featureCount()
    assert next(layer.getFeatures()).geometry().asWkt() == before
