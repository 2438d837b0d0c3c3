"""The check docks follow the project under them: a protected layer or a chosen layer removed, the result layers
removed, another project opened, exports that cannot be written. Each case once gave a wrong figure or a Python
error dialog in QGIS desktop (tester report 1: A4, A8 c/d, A11)."""

import pytest
from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QFileDialog

from liaocheng_plugin.gui.balance_dock import BalanceDock
from liaocheng_plugin.gui.reserve_dock import ReserveDock
from liaocheng_plugin.gui.results_model import FEATURE_ID_ROLE
from tests.gui.conftest import wait_for


@pytest.fixture
def dock(qgis_iface, sample_project, frozen_canvas):
    qgis_iface.messageBar().clear_messages()
    widget = ReserveDock(qgis_iface)
    yield widget
    widget.cleanup()
    widget.deleteLater()


def layer_named(ending: str) -> QgsVectorLayer:
    return next(layer for layer in QgsProject.instance().mapLayers().values() if layer.name().endswith(ending))


def messages(iface, level=Qgis.MessageLevel.Warning):
    return iface.messageBar().get_messages(level)


def run(dock):
    dock.run_check()
    succeeded, layers, message = wait_for(dock.runner.finished)
    assert succeeded, message
    return layers


def test_a_protected_layer_removed_from_the_project_refuses_the_check_naming_role_and_layer(dock, qgis_iface):
    """The check ran without the removed farmland layer: CB2023-015/016 went from 不通过 to 预警 in silence."""
    farmland = layer_named("YJJBNTTB")
    name, source = farmland.name(), farmland.source()
    assert "farmland" in dock.form.profileSummaryLabel.text() and "#b00000" not in dock.form.profileSummaryLabel.text()
    QgsProject.instance().removeMapLayer(farmland.id())
    summary = dock.form.profileSummaryLabel.text()
    assert "farmland" not in summary.split("<br/>")[0], "the summary follows the project at once"
    assert "#b00000" in summary and name in summary and "Permanent basic farmland" in summary
    dock.run_check()
    assert not dock.runner.is_running()
    refusal = messages(qgis_iface)[-1]
    assert name in refusal and "Permanent basic farmland" in refusal and "no longer in the project" in refusal

    QgsProject.instance().addMapLayer(QgsVectorLayer(source, name, "ogr"))  # found again by its source
    assert "#b00000" not in dock.form.profileSummaryLabel.text()
    assert "farmland" in dock.form.profileSummaryLabel.text()
    run(dock)


def test_removing_the_result_layers_empties_the_table_and_no_button_touches_them(dock, qgis_iface, monkeypatch):
    layers = run(dock)
    assert dock.model.rowCount() == 21
    QgsProject.instance().removeMapLayer(layers["OUTPUT"].id())
    assert dock.model.rowCount() == 0 and dock.rows == {} and dock.layers == {}
    assert not dock.form.exportXlsxButton.isEnabled() and not dock.sheetButton.isEnabled()
    assert dock.highlight.bands == [] and ">—<" in dock.form.failCard.text()
    assert any("removed from the project" in text for text in messages(qgis_iface, Qgis.MessageLevel.Info))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("/tmp/never.xlsx", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: "/tmp/never")
    dock.show_row(dock.proxy.index(0, 0))  # a click on a stale row (the view had it a moment ago)
    for export in (dock.export_xlsx, dock.export_gpkg, dock.export_atlas, dock.export_pack):
        export()  # the buttons are off; a call that slips through does nothing (it raised RuntimeError)
    assert messages(qgis_iface, Qgis.MessageLevel.Critical) == []


def test_another_project_empties_the_table_and_a_project_read_again_is_followed(dock, sample_data, qgis_iface):
    run(dock)
    project = QgsProject.instance()
    project.clear()  # 新建工程
    assert dock.model.rowCount() == 0 and dock.layers == {}
    assert dock.form.parcelsCombo.currentLayer() is None
    assert "none" in dock.form.profileSummaryLabel.text()
    assert messages(qgis_iface) == [], "a new project is not a layer lost one by one"
    assert project.read(str(sample_data.project))
    assert dock.form.parcelsCombo.currentLayer().name().endswith("CBDK"), "guessed again in the project opened"
    assert "farmland" in dock.form.profileSummaryLabel.text()
    run(dock)
    assert dock.model.rowCount() == 21


def test_a_removed_subject_layer_is_not_replaced_by_the_next_layer(dock, qgis_iface):
    """QGIS's layer combo moved to 储备网格 WG and the check ran on 26 grid cells as parcels."""
    parcels = layer_named("CBDK")
    assert dock.form.parcelsCombo.currentLayer() is parcels
    name = parcels.name()
    QgsProject.instance().removeMapLayer(parcels.id())
    assert dock.form.parcelsCombo.currentLayer() is None
    assert dock.form.gridCombo.currentLayer().name().endswith("WG"), "the other choices stay"
    assert any(name in text and "reserve parcels" in text for text in messages(qgis_iface))
    dock.run_check()
    assert not dock.runner.is_running()
    assert messages(qgis_iface)[-1].endswith("Choose a layer of reserve parcels.")


def test_a_removed_input_layer_drops_the_running_check(dock, qgis_iface):
    dock.run_check()
    QgsProject.instance().removeMapLayer(layer_named("XZQ_XZ").id())  # the townships, while the check runs
    wait_for(dock.runner.finished)
    assert dock.layers == {} and dock.model.rowCount() == 0
    assert any("while it ran" in text for text in messages(qgis_iface))


def test_exports_that_cannot_be_written_say_so_in_the_message_bar(dock, qgis_iface, monkeypatch, tmp_path):
    """GeoPackage…, 核查图…, 外业核查包… into a folder that cannot be written raised PermissionError in a Python
    error dialog; XLSX said it clearly. Every export now says it the same way. A folder below a file cannot be
    written on any system (tests run as root here, which ignores read-only permissions)."""
    run(dock)
    blocker = tmp_path / "blocker.txt"
    blocker.write_text("a file where the folder should be")
    target = blocker / "out"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target / "x.file"), ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(target))
    dock.form.resultsView.selectRow(0)
    for export in (dock.export_xlsx, dock.export_gpkg, dock.export_sheet, dock.export_atlas, dock.export_pack):
        qgis_iface.messageBar().clear_messages()
        export()
        critical = messages(qgis_iface, Qgis.MessageLevel.Critical)
        assert len(critical) == 1 and str(target) in critical[0] and "write" in critical[0], export.__name__
        assert "Errno" not in critical[0], "the reason in the UI language, not the system's English"
    assert blocker.read_text() == "a file where the folder should be"


def test_balance_dock_keeps_its_outflow_choice_empty_when_the_layer_goes(qgis_iface, sample_project, frozen_canvas):
    widget = BalanceDock(qgis_iface)
    try:
        outflow = widget.form.outflowCombo.currentLayer()
        inflow = widget.form.inflowCombo.currentLayer()
        QgsProject.instance().removeMapLayer(outflow.id())
        assert widget.form.outflowCombo.currentLayer() is None
        assert widget.form.inflowCombo.currentLayer() is inflow
    finally:
        widget.cleanup()
        widget.deleteLater()


def test_show_row_zooms_only_to_rows_of_live_layers(dock):
    layers = run(dock)
    index = dock.proxy.index(0, 0)
    assert layers["OUTPUT"].getFeature(index.data(FEATURE_ID_ROLE)).isValid()
    dock.show_row(index)
    assert dock.highlight.bands
    QgsProject.instance().removeMapLayer(layers["OVERLAPS"].id())  # one of the result layers is enough
    assert dock.highlight.bands == [] and dock.layers == {}
