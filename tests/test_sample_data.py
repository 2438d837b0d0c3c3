"""The Liaocheng sample data: real boundaries, realistic survey layers, a filled-in profile."""

from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer

from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.profile import ProtectedProfile
from tests.tools.sample.build import INVALID_FARMLAND_EVERY, generate
from tests.tools.sample.gcj02 import gcj02_to_wgs84, wgs84_to_gcj02


def layer(sample, name):
    result = QgsVectorLayer(f"{sample.gpkg}|layername={name}", name, "ogr")
    assert result.isValid(), name
    return result


def test_gcj02_conversion_round_trips_and_moves_about_500_m_east():
    lon, lat = gcj02_to_wgs84(115.980023, 36.45606)
    assert wgs84_to_gcj02(lon, lat) == (pytest_approx(115.980023), pytest_approx(36.45606))
    assert 0.0050 < 115.980023 - lon < 0.0062


def pytest_approx(value):
    import pytest

    return pytest.approx(value, abs=1e-8)


def test_project_opens_with_valid_layers_and_the_profile_filled_in(sample_data):
    project = QgsProject()
    assert project.read(str(sample_data.project))
    assert all(lyr.isValid() for lyr in project.mapLayers().values())
    assert project.crs().authid() == "EPSG:4527"
    profile = ProtectedProfile.load(project)
    names = {role: a.find_layer(project).name() for role, a in profile.roles.items()}
    assert names[Role.PERMANENT_FARMLAND].endswith("YJJBNTTB")
    assert names[Role.ECOLOGICAL_REDLINE].endswith("STBHHX")
    assert names[Role.DEVELOPMENT_BOUNDARY].endswith("CZKFBJ")
    assert names[Role.LAND_SURVEY].endswith("DLTB")
    assert names[Role.VILLAGES].endswith("CZCDYD")
    assert profile.roles[Role.LAND_SURVEY].deduction_field == "KCXS"
    assert profile.validate(project) == []


def test_counties_are_real_and_survey_codes_and_areas_are_consistent(sample_data):
    counties = {f["XZQDM"]: f["XZQMC"] for f in layer(sample_data, "XZQ").getFeatures()}
    assert counties["371502"] == "东昌府区" and counties["371503"] == "茌平区" and len(counties) == 8
    survey = layer(sample_data, "DLTB")
    codes = {}
    for feature in survey.getFeatures():
        codes[feature["DLBM"]] = codes.get(feature["DLBM"], 0) + feature["TBDLMJ"]
        assert abs(feature["TBMJ"] - feature["KCMJ"] - feature["TBDLMJ"]) < 0.011
        assert feature["ZLDWDM"][:6] in ("371502", "371503") and len(feature["ZLDWDM"]) == 19
    total = sum(codes.values())
    cultivated = sum(codes.get(code, 0) for code in ("0101", "0102", "0103"))
    # North China Plain: cultivated land is about two thirds of the land, mostly 0102 水浇地.
    assert 0.55 < cultivated / total < 0.85
    assert codes["0102"] > 5 * codes.get("0103", 0)


def test_farmland_carries_a_few_invalid_geometries_like_real_data(sample_data):
    farmland = layer(sample_data, "YJJBNTTB")
    invalid = [
        f.id() for f in farmland.getFeatures(QgsFeatureRequest().setNoAttributes()) if not f.geometry().isGeosValid()
    ]
    expected = -(-farmland.featureCount() // INVALID_FARMLAND_EVERY)
    assert 1 < len(invalid) == expected


def test_generation_is_deterministic(tmp_path):
    first = generate(tmp_path / "a", spacing=1500.0, counties=("371503",))
    second = generate(tmp_path / "b", spacing=1500.0, counties=("371503",))
    assert first.counts == second.counts
    a, b = layer(first, "DLTB"), layer(second, "DLTB")
    assert [f["DLBM"] for f in a.getFeatures()] == [f["DLBM"] for f in b.getFeatures()]
    assert [f.geometry().asWkt(3) for f in a.getFeatures()][:50] == [f.geometry().asWkt(3) for f in b.getFeatures()][
        :50
    ]


def test_the_second_survey_year_is_the_first_with_a_few_percent_changed(sample_data):
    """DLTB_2024 is DLTB with a year's changes: the same fields, SJNF 2024, a few percent of the patches recoded
    or cut, every other patch of the unchanged districts kept vertex for vertex, and still a clean coverage."""
    import shapely

    base, current = layer(sample_data, "DLTB"), layer(sample_data, "DLTB_2024")
    assert base.fields().names() == current.fields().names()
    before = {f["BSM"]: (f["DLBM"], f.geometry().asWkb()) for f in base.getFeatures()}
    after = {f["BSM"]: (f["DLBM"], f.geometry().asWkb()) for f in current.getFeatures()}
    assert {f["SJNF"] for f in current.getFeatures()} == {2024}
    recoded = sum(1 for bsm, (code, _) in after.items() if bsm in before and before[bsm][0] != code)
    added = len(set(after) - set(before))
    assert 0.01 < (recoded + added) / len(before) < 0.06
    kept = sum(1 for bsm, (_, wkb) in after.items() if bsm in before and before[bsm][1] == wkb)
    assert 0.7 < kept / len(before) < 0.95  # one district re-digitised, the rest as it was
    shapes = shapely.from_wkb([bytes(wkb) for _, wkb in after.values()])
    assert shapely.is_valid(shapes).all()
    total = sum(f["TBMJ"] for f in current.getFeatures())
    assert total == pytest_approx_relative(sum(f["TBMJ"] for f in base.getFeatures()), 1e-4)


def pytest_approx_relative(value, relative):
    import pytest

    return pytest.approx(value, rel=relative)
