"""The profile dialog proposes roles, shows problems next to them and saves into the project."""

from qgis.core import QgsProject

from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.gui.profile_dialog import ProfileDialog
from tests.conftest import memory_layer, square

GK39 = "EPSG:4527"
SQUARE = square(39500000, 4050000, 100)


def test_dialog_shows_guesses_flags_a_point_layer_and_saves(qgis_new_project, monkeypatch):
    project = QgsProject.instance()
    farmland = memory_layer("Polygon", GK39, [(SQUARE, "1")], {"BSM": str}, "YJJBNTBHTB")
    survey = memory_layer("Polygon", GK39, [(SQUARE, "0102", 0.1)], {"DLBM": str, "KCXS": float}, "DLTB")
    points = memory_layer("Point", GK39, [("POINT(39500000 4050000)",)], None, "监测点")
    project.addMapLayers([farmland, survey, points])
    dialog = ProfileDialog(project=project)
    dialog.reload()
    farmland_row = dialog.rows[Role.PERMANENT_FARMLAND]
    assert farmland_row.layer_combo.currentLayer() is farmland
    assert "YJJBNT" in farmland_row.reason_label.text()
    assert dialog.rows[Role.LAND_SURVEY].deduction_combo.currentField() == "KCXS"
    assert dialog.rows[Role.ECOLOGICAL_REDLINE].problem_label.text() != ""  # required and unassigned

    dialog.rows[Role.ECOLOGICAL_REDLINE].layer_combo.setLayer(points)
    assert "polygons" in dialog.rows[Role.ECOLOGICAL_REDLINE].problem_label.text()

    dialog.rows[Role.ECOLOGICAL_REDLINE].layer_combo.setLayer(None)
    dialog.rows[Role.LAND_SURVEY].codes_edit.setText("0101，0102")
    asked = []
    monkeypatch.setattr(dialog, "confirm_problems", lambda problems: asked.append(problems) or True)
    dialog.save()
    assert asked == [["Ecological red line: No layer assigned.", "Urban development boundary: No layer assigned."]]
    saved = ProtectedProfile.load(project)
    assert saved.roles[Role.PERMANENT_FARMLAND].layer_id == farmland.id()
    assert saved.roles[Role.LAND_SURVEY].cultivated_codes == ["0101", "0102"]
    assert Role.ECOLOGICAL_REDLINE not in saved.roles


def test_further_overlay_layers_are_kept_with_their_names(qgis_new_project):
    project = QgsProject.instance()
    mineral = memory_layer("Polygon", GK39, [(SQUARE,)], None, "地质灾害易发区")
    project.addMapLayer(mineral)
    dialog = ProfileDialog(project=project)
    dialog.reload()
    dialog.addOtherButton.click()
    dialog.othersTable.item(0, 0).setText("地灾易发区")
    dialog.othersTable.cellWidget(0, 1).setLayer(mineral)
    profile = dialog.profile()
    assert [(a.name, a.layer_id) for a in profile.others] == [("地灾易发区", mineral.id())]


def test_a_profile_showing_a_problem_is_saved_only_when_the_user_agrees(qgis_new_project, monkeypatch):
    """A red problem next to a role (here a point layer as red line) must not be saved without a word."""
    project = QgsProject.instance()
    farmland = memory_layer("Polygon", GK39, [(SQUARE, "1")], {"BSM": str}, "YJJBNTBHTB")
    points = memory_layer("Point", GK39, [("POINT(39500000 4050000)",)], None, "监测点")
    project.addMapLayers([farmland, points])
    dialog = ProfileDialog(project=project)
    dialog.reload()
    dialog.rows[Role.ECOLOGICAL_REDLINE].layer_combo.setLayer(points)
    answers = [False, True]
    asked = []
    monkeypatch.setattr(dialog, "confirm_problems", lambda problems: asked.append(problems) or answers.pop(0))
    dialog.save()
    assert Role.ECOLOGICAL_REDLINE not in ProtectedProfile.load(project).roles and dialog.result() == 0
    assert any(line.startswith("Ecological red line: holds point geometries") for line in asked[0])
    dialog.save()
    assert ProtectedProfile.load(project).roles[Role.ECOLOGICAL_REDLINE].layer_id == points.id()


def test_save_and_cancel_are_the_plugin_s_own_words():
    """Qt's standard button texts stay English in a zh-Hans QGIS (no Qt translation for that name ships)."""
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    from liaocheng_plugin.core.translation import install_translator, remove_translator

    translator = install_translator("zh-Hans")
    try:
        dialog = ProfileDialog(project=QgsProject.instance())
        buttons = dialog.buttonBox
        assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "保存"
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    finally:
        remove_translator(translator)


def test_dialog_fits_a_1366_by_768_laptop(desktop_font, sample_project):
    """Its minimum width was 1,167 px: the survey's deduction and codes sat on the layer's line."""
    dialog = ProfileDialog(project=sample_project)
    dialog.reload()
    size = dialog.minimumSizeHint()
    assert size.width() <= 900 and size.height() <= 700, size
    assert dialog.rows[Role.LAND_SURVEY].deduction_combo.currentField() == "KCXS"


def test_saving_tells_the_panels_and_an_unwritable_export_says_why(qgis_new_project, monkeypatch, tmp_path):
    from qgis.PyQt.QtWidgets import QFileDialog

    from liaocheng_plugin.gui import profile_dialog
    from liaocheng_plugin.gui.project_watch import profile_events

    project = QgsProject.instance()
    project.addMapLayer(memory_layer("Polygon", GK39, [(SQUARE, "1")], {"BSM": str}, "YJJBNTBHTB"))
    dialog = ProfileDialog(project=project)
    dialog.reload()
    saved = []
    listen = lambda: saved.append(True)  # noqa: E731
    profile_events().saved.connect(listen)
    monkeypatch.setattr(dialog, "confirm_problems", lambda problems: True)
    try:
        dialog.save()
    finally:
        profile_events().saved.disconnect(listen)
    assert saved == [True], "the docks' profile summaries and the site dock's indexes follow"
    blocker = tmp_path / "file.txt"
    blocker.write_text("")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(blocker / "p.json"), ""))
    warned = []
    monkeypatch.setattr(profile_dialog, "warn", lambda parent, title, text: warned.append(text))
    dialog.export_json()  # raised NotADirectoryError / PermissionError in a Python error dialog
    assert len(warned) == 1 and "Could not write" in warned[0]
