"""The protected-layer profile: guessing, validation, project storage and JSON."""

from qgis.core import QgsProject

from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.profile import ProtectedProfile, RoleAssignment
from tests.conftest import memory_layer, square

GK39 = "EPSG:4527"
SQUARE = square(39500000, 4050000, 100)


def add_layers(project, *layers):
    for layer in layers:
        project.addMapLayer(layer)
    return layers


def test_roles_are_guessed_from_layer_and_field_names_with_reasons():
    project = QgsProject()
    farmland, redline, boundary, survey, villages, other = add_layers(
        project,
        memory_layer("Polygon", GK39, [(SQUARE, "1")], {"BSM": str}, "YJJBNTTB"),
        memory_layer("Polygon", GK39, [(SQUARE,)], None, "陆域生态保护红线"),
        memory_layer("Polygon", GK39, [(SQUARE,)], None, "CZKFBJ_2023"),
        memory_layer("Polygon", GK39, [(SQUARE, "0102", 0.1)], {"DLBM": str, "KCXS": float}, "年度变更调查图斑"),
        memory_layer("Point", GK39, [("POINT(39500000 4050000)", "张庄")], {"CZMC": str}, "村庄点"),
        memory_layer("Polygon", GK39, [(SQUARE,)], None, "储备地块"),
    )
    profile = ProtectedProfile.guessed(project)
    assert {role: a.layer_id for role, a in profile.roles.items()} == {
        Role.PERMANENT_FARMLAND: farmland.id(),
        Role.ECOLOGICAL_REDLINE: redline.id(),
        Role.DEVELOPMENT_BOUNDARY: boundary.id(),
        Role.LAND_SURVEY: survey.id(),
        Role.VILLAGES: villages.id(),
    }
    survey_role = profile.roles[Role.LAND_SURVEY]
    assert (survey_role.code_field, survey_role.deduction_field) == ("DLBM", "KCXS")
    assert "DLBM" in survey_role.reason  # found by its field, its name says nothing
    assert "YJJBNT" in profile.roles[Role.PERMANENT_FARMLAND].reason
    assert profile.roles[Role.PERMANENT_FARMLAND].label_field == "BSM"
    assert profile.roles[Role.VILLAGES].label_field == "CZMC"
    assert other.id() not in [a.layer_id for a in profile.roles.values()]


def test_validation_names_wrong_type_missing_crs_empty_layer_and_missing_field():
    project = QgsProject()
    points, no_crs, empty, survey = add_layers(
        project,
        memory_layer("Point", GK39, [("POINT(0 0)",)], None, "点图层"),
        memory_layer("Polygon", "", [(SQUARE,)], None, "无坐标系"),
        memory_layer("Polygon", GK39, [], None, "空图层"),
        memory_layer("Polygon", GK39, [(SQUARE, "0102")], {"DM": str}, "DLTB"),
    )
    profile = ProtectedProfile()
    profile.roles[Role.PERMANENT_FARMLAND] = RoleAssignment.for_layer(points, Role.PERMANENT_FARMLAND)
    profile.roles[Role.ECOLOGICAL_REDLINE] = RoleAssignment.for_layer(no_crs, Role.ECOLOGICAL_REDLINE)
    profile.roles[Role.DEVELOPMENT_BOUNDARY] = RoleAssignment.for_layer(empty, Role.DEVELOPMENT_BOUNDARY)
    profile.roles[Role.LAND_SURVEY] = RoleAssignment(survey.id(), survey.name(), code_field="DLBM")
    problems = {(p.role_key, p.layer_name): p.message for p in profile.validate(project)}
    assert "holds point geometries; polygons are needed" in problems[("pbf", "点图层")]
    assert "coordinate reference system" in problems[("erl", "无坐标系")]
    assert "empty" in problems[("udb", "空图层")]
    assert "DLBM" in problems[("survey", "DLTB")]


def test_profile_survives_saving_and_reopening_the_project(tmp_path):
    project = QgsProject()
    farmland, survey = add_layers(
        project,
        memory_layer("Polygon", GK39, [(SQUARE,)], None, "永久基本农田"),
        memory_layer("Polygon", GK39, [(SQUARE, "0102")], {"DLBM": str}, "DLTB"),
    )
    profile = ProtectedProfile.guessed(project)
    profile.roles[Role.LAND_SURVEY].cultivated_codes = ["0101", "0102"]
    profile.save(project)
    path = tmp_path / "p.qgs"
    assert project.write(str(path))
    reopened = QgsProject()
    assert reopened.read(str(path))
    loaded = ProtectedProfile.load(reopened)
    assert loaded.to_dict() == profile.to_dict()
    assert [spec.key for spec in loaded.role_specs(reopened)] == ["pbf", "survey"]


def test_json_export_and_import_match_layers_by_name_in_another_project():
    source_project = QgsProject()
    add_layers(source_project, memory_layer("Polygon", GK39, [(SQUARE,)], None, "YJJBNT"))
    text = ProtectedProfile.guessed(source_project).to_json()
    other_project = QgsProject()
    (farmland,) = add_layers(other_project, memory_layer("Polygon", GK39, [(SQUARE,)], None, "YJJBNT"))
    imported = ProtectedProfile.from_json(text)
    assert imported.roles[Role.PERMANENT_FARMLAND].find_layer(other_project) is farmland
    assert imported.processing_parameters(other_project) == {"PERMANENT_FARMLAND": farmland}
