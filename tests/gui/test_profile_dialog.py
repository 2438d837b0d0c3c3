"""The profile dialog proposes roles, shows problems next to them and saves into the project."""

from qgis.core import QgsProject

from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.gui.profile_dialog import ProfileDialog
from tests.conftest import memory_layer, square

GK39 = "EPSG:4527"
SQUARE = square(39500000, 4050000, 100)


def test_dialog_shows_guesses_flags_a_point_layer_and_saves(qgis_new_project):
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
    dialog.save()
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
