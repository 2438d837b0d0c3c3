"""Messages built from other libraries' texts read in the UI language: CRS names, geometry types, GEOS's validity
reasons, JSON errors."""

import pytest
from qgis.core import QgsCoordinateReferenceSystem

from liaocheng_plugin.core.compat import GEOMETRY_POINT, GEOMETRY_POLYGON
from liaocheng_plugin.core.crs_names import crs_label
from liaocheng_plugin.core.datacheck.layer_rules import geometry_type_findings
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.foreign_texts import validity_reason
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.translation import install_translator, remove_translator
from tests.conftest import memory_layer


@pytest.fixture
def chinese(qgis_app):
    translator = install_translator("zh-Hans")
    yield
    remove_translator(translator)


def test_crs_names_are_chinese(chinese):
    """Refusals named "EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E)"."""
    assert crs_label(QgsCoordinateReferenceSystem("EPSG:4548")) == (
        "EPSG:4548（CGCS2000 3度带高斯-克吕格投影 第39带（中央经线 117°E），横坐标不含带号）"
    )
    assert crs_label(QgsCoordinateReferenceSystem("EPSG:2385")) == (
        "EPSG:2385（西安1980 3度带高斯-克吕格投影 第40带（中央经线 120°E），横坐标不含带号）"
    )
    assert crs_label(QgsCoordinateReferenceSystem("EPSG:4214")) == "EPSG:4214（北京1954 地理坐标）"


def test_geometry_types_are_chinese(chinese):
    """ "几何类型为Point…几何类型为Polygon的图层" mixed English into a Chinese refusal."""
    points = memory_layer("Point", "EPSG:4527", [("POINT(39500000 4050000)",)], name="JBNT")
    message = geometry_type_findings(points, "JBNT", "永久基本农田", [GEOMETRY_POLYGON])[0]
    assert "Point" not in message.message + message.hint and "点" in message.message and "面" in message.hint
    assert not geometry_type_findings(points, "JBNT", "村庄", [GEOMETRY_POLYGON, GEOMETRY_POINT])


def test_geos_reasons_are_chinese(chinese):
    assert validity_reason("Self-intersection[39500050 4050050.5]") == "自相交（位于 39500050.0, 4050050.5）"
    assert validity_reason("Ring Self-intersection[1 2]") == "环自相交（位于 1.0, 2.0）"
    assert validity_reason("Too few points in geometry component[1 2]").startswith("点数过少")
    assert validity_reason("Something new") == "Something new"


def test_a_file_that_is_no_profile_is_named_with_the_reason_in_chinese(chinese, tmp_path):
    """Import errors read "Expecting value: line 1 column 34 (char 33)" and "'list' object has no attribute 'get'"."""
    broken, listed = tmp_path / "broken.json", tmp_path / "list.json"
    broken.write_text('{"roles": {"pbf": {"layer_id": }}}', encoding="utf-8")
    listed.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(LiaochengError) as raised:
        ProtectedProfile.from_file(broken)
    assert raised.value.message == "“broken.json”不是保护图层配置文件。"
    assert raised.value.details == "不是有效的 JSON：第 1 行第 32 列。"
    with pytest.raises(LiaochengError) as raised:
        ProtectedProfile.from_file(listed)
    assert "object has no attribute" not in str(raised.value) and "roles" in raised.value.details
    with pytest.raises(LiaochengError, match="无法读取“missing.json”"):
        ProtectedProfile.from_file(tmp_path / "missing.json")
