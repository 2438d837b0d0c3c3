"""The 储备土地 dock driven like a user: run on the sample, read the table, click a row, run again."""

import pytest
from qgis.PyQt.QtCore import QDate, Qt

from liaocheng_plugin.gui.reserve_dock import ReserveDock, result_group_name
from liaocheng_plugin.gui.results_model import FEATURE_ID_ROLE
from tests.gui.conftest import wait_for, wait_until
from tests.tools.sample.subjects import SAMPLE_DATE


@pytest.fixture
def dock(qgis_iface, sample_project, frozen_canvas):
    widget = ReserveDock(qgis_iface)
    widget.form.checkDateEdit.setDate(QDate(SAMPLE_DATE.year, SAMPLE_DATE.month, SAMPLE_DATE.day))
    yield widget
    widget.cleanup()
    widget.deleteLater()


def group_layer_names(project):
    group = project.layerTreeRoot().findGroup(result_group_name())
    return sorted(node.layer().name() for node in group.findLayers())


def test_dock_runs_the_check_fills_table_and_cards(dock, sample_project):
    assert dock.form.parcelsCombo.currentLayer().name().endswith("CBDK")  # guessed from the layer name
    assert dock.form.gridCombo.currentLayer().name().endswith("WG")
    assert ">—<" in dock.form.failCard.text() and ">0<" not in dock.form.failCard.text()  # no result yet, not "0"
    dock.run_check()
    succeeded, layers, message = wait_for(dock.runner.finished)
    assert succeeded, message
    parcels = layers["OUTPUT"]
    assert dock.model.rowCount() == parcels.featureCount() == 21
    fails = sum(1 for f in parcels.getFeatures() if f["status"] == "fail")
    assert f">{fails}<" in dock.form.failCard.text()
    assert len(group_layer_names(sample_project)) == 3

    dock.form.statusFilter.setCurrentIndex(dock.form.statusFilter.findData("fail"))
    assert dock.proxy.rowCount() == fails
    dock.form.findingFilter.setText("CB2023-017")
    assert 1 <= dock.proxy.rowCount() < fails or fails == 1


def test_row_click_zooms_to_the_parcel_and_draws_its_conflicts(dock, qgis_canvas):
    dock.run_check()
    succeeded, layers, message = wait_for(dock.runner.finished)
    assert succeeded, message
    qgis_canvas.setExtent(qgis_canvas.fullExtent())
    before = qgis_canvas.extent()
    dock.form.statusFilter.setCurrentIndex(dock.form.statusFilter.findData("fail"))
    index = dock.proxy.index(0, 0)
    dock.show_row(index)
    after = qgis_canvas.extent()
    assert after.width() < before.width() / 5
    parcel = layers["OUTPUT"].getFeature(index.data(FEATURE_ID_ROLE))
    assert after.contains(parcel.geometry().boundingBox())
    assert len(dock.highlight.bands) >= 2, "the parcel outline and at least one conflict piece are drawn"


def test_running_again_replaces_the_result_layers(dock, sample_project, caplog):
    for _ in range(2):
        dock.run_check()
        succeeded, _, message = wait_for(dock.runner.finished)
        assert succeeded, message
    # The summary table has no style: asking for one ("") logged "Style not applied" on every run.
    assert not [r for r in caplog.records if r.name == "liaocheng_plugin" and r.levelname == "WARNING"]
    assert len(group_layer_names(sample_project)) == 3
    assert len(sample_project.layerTreeRoot().findGroups()) == len(
        {g.name() for g in sample_project.layerTreeRoot().findGroups()}
    )


def test_no_layer_chosen_gives_a_message_not_a_traceback(dock, qgis_iface):
    dock.form.parcelsCombo.setLayer(None)
    dock.run_check()
    assert not dock.runner.is_running()


def test_map_sheet_and_atlas_from_the_panel_stay_in_the_layout_manager(dock, sample_project, tmp_path):
    dock.run_check()
    succeeded, layers, message = wait_for(dock.runner.finished)
    assert succeeded, message
    assert dock.sheetButton.isEnabled() and dock.atlasButton.isEnabled()
    dock.form.statusFilter.setCurrentIndex(dock.form.statusFilter.findData("fail"))
    first = dock.proxy.index(0, 0).data(FEATURE_ID_ROLE)
    assert dock.export_sheets_to(str(tmp_path / "sheet.pdf"), [first]) == 1
    ids = [dock.proxy.index(row, 0).data(FEATURE_ID_ROLE) for row in range(dock.proxy.rowCount())]
    assert dock.export_sheets_to(str(tmp_path / "atlas.pdf"), ids) == len(ids) >= 1
    assert (tmp_path / "atlas.pdf").stat().st_size > 10000
    # Both exports have the check's title: the second replaced the first instead of adding "… (2)".
    assert [layout.name() for layout in sample_project.layoutManager().printLayouts()] == ["Land-reserve check map"]
    pack = dock.export_pack_to(str(tmp_path / "pack"), ids)
    assert pack.pages == len(ids) and pack.project.exists()


def test_cancel_during_an_atlas_export_writes_nothing(dock, qgis_iface, monkeypatch, tmp_path):
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import Qt, QTimer
    from qgis.PyQt.QtWidgets import QFileDialog, QPushButton

    dock.run_check()
    succeeded, _, message = wait_for(dock.runner.finished)
    assert succeeded, message
    path = tmp_path / "atlas.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), "PDF (*.pdf)"))
    seen, ended = {}, []

    def click_cancel():  # what the user does while the first page renders
        dialog = dock.exports.dialog
        seen["dialog"] = (dialog.isVisible(), dialog.isModal() or dialog.windowModality(), dialog.labelText())
        tasks = QgsApplication.taskManager().activeTasks()
        seen["tasks"] = [task.description() for task in tasks]
        tasks[0].taskTerminated.connect(lambda: ended.append("terminated"))
        tasks[0].taskCompleted.connect(lambda: ended.append("completed"))
        dialog.findChild(QPushButton).click()  # the dialog's Cancel button

    QTimer.singleShot(0, click_cancel)
    messages = []
    monkeypatch.setattr(qgis_iface.messageBar(), "pushInfo", lambda title, text: messages.append(text))
    dock.export_atlas()
    assert seen == {
        "dialog": (True, Qt.WindowModality.WindowModal, "Exporting map sheets"),
        "tasks": ["Exporting map sheets"],
    }
    assert list(tmp_path.iterdir()) == []
    assert messages == ["The export was canceled; nothing was written."]
    assert dock.exports.dialog is None
    # One progress display per job: the dialog showed the export; the panel's bar still tells about the check.
    assert (dock.form.progressBar.value(), dock.form.progressBar.text()) == (100, "Check done")
    wait_until(lambda: ended)
    assert ended == ["terminated"]  # the task manager shows it as cancelled, not as done


def test_sheet_button_takes_every_selected_row(dock, monkeypatch, tmp_path):
    from qgis.PyQt.QtCore import QItemSelectionModel
    from qgis.PyQt.QtWidgets import QFileDialog

    dock.run_check()
    succeeded, _, message = wait_for(dock.runner.finished)
    assert succeeded, message
    selection = dock.form.resultsView.selectionModel()
    for row in (0, 2, 5):
        selection.select(
            dock.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    expected = [dock.proxy.index(row, 0).data(FEATURE_ID_ROLE) for row in (0, 2, 5)]
    assert dock.selected_ids() == expected
    exported = []
    monkeypatch.setattr(dock, "export_sheets_to", lambda path, ids: exported.append(ids) or len(ids))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "s.pdf"), ""))
    dock.export_sheet()
    dock.export_atlas()
    assert exported == [expected, dock.shown_ids()] and len(dock.shown_ids()) == 21


def test_row_click_draws_farmland_over_cultivated_land_and_shows_the_details(dock):
    """A parcel failing on farmland must look like farmland: its cultivated-land piece (the survey patch of
    the same shape) goes under the farmland piece, and the details area says why it failed."""
    dock.run_check()
    succeeded, layers, message = wait_for(dock.runner.finished)
    assert succeeded, message
    roles = {}
    for piece in layers["OVERLAPS"].getFeatures():
        roles.setdefault(piece["subject_id"], set()).add(piece["role"])
    both = next(
        row
        for row in range(dock.proxy.rowCount())
        if {"pbf", "survey"} <= roles.get(dock.rows[dock.feature_id_at(dock.proxy.index(row, 0))]["subject_id"], set())
    )
    index = dock.proxy.index(both, 0)
    dock.form.resultsView.setCurrentIndex(index)
    dock.show_row(index)
    z = {role: band.zValue() for role, band in zip(dock.highlight.roles, dock.highlight.bands)}
    assert z["pbf"] > z["survey"] and z[""] > z["pbf"], "farmland above cultivated land, the outline above all"
    assert dock.highlight.roles.index("pbf") > dock.highlight.roles.index("survey")
    details = dock.form.detailsBrowser.toPlainText()
    row = dock.rows[dock.feature_id_at(index)]
    assert row["findings"].split("；")[0] in details
    assert "Permanent basic farmland #" in details  # a conflicting feature with its id
    assert f"{row['pbf_mu']:.2f}" in details and "m²" in details


def test_findings_come_after_the_area_with_their_full_text_as_tooltip(dock):
    dock.run_check()
    succeeded, _, message = wait_for(dock.runner.finished)
    assert succeeded, message
    headers = [dock.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Status", "Code", "Area\n(mu)", "Findings"]
    failing = dock.proxy.index(0, 3)
    assert failing.data(Qt.ItemDataRole.ToolTipRole) == failing.data() != ""
    assert dock.form.resultsView.columnWidth(3) <= 220
