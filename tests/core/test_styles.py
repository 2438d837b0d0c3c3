"""The plugin's styles show their legend in the UI language only: no "不通过 fail" on a sheet or in the tree."""

import re

import pytest
from qgis.core import QgsCategorizedSymbolRenderer, QgsRuleBasedRenderer, QgsVectorLayer

from liaocheng_plugin.core.paths import resource_path
from liaocheng_plugin.core.styles import apply_style
from liaocheng_plugin.core.translation import install_translator, remove_translator

LAYERS = {  # style: a layer it fits
    "check_status": "Polygon?crs=EPSG:4527&field=status:string",
    "conflict_pieces": "Polygon?crs=EPSG:4527&field=role:string",
    "crossings": "Polygon?crs=EPSG:4527&field=role:string&field=from_chainage:string&field=to_chainage:string",
    "balance_patches": "Polygon?crs=EPSG:4527&field=status:string&field=direction:string",
    "change_patches": "Polygon?crs=EPSG:4527&field=direction:string",
    "survey": "Polygon?crs=EPSG:4527&field=DLBM:string",
}


def legend_labels(layer: QgsVectorLayer):
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        return [category.label() for category in renderer.categories()]
    assert isinstance(renderer, QgsRuleBasedRenderer)
    return [rule.label() for rule in renderer.rootRule().descendants()]


@pytest.mark.parametrize("style", sorted(LAYERS))
def test_legend_labels_follow_the_ui_language(style):
    translator = install_translator("zh_CN")
    try:
        chinese = QgsVectorLayer(LAYERS[style], style, "memory")
        assert apply_style(chinese, style)
    finally:
        remove_translator(translator)
    english = QgsVectorLayer(LAYERS[style], style, "memory")
    assert apply_style(english, style)
    labels = legend_labels(chinese)
    assert labels and all(re.fullmatch(r"[0-9 ]*[\u4e00-\u9fff（）]+", label) for label in labels), labels
    assert all(re.fullmatch(r"[0-9A-Za-z ,-]+", label) for label in legend_labels(english))


def test_the_status_legend_reads_fail_warning_pass_in_chinese():
    translator = install_translator("zh_CN")
    try:
        layer = QgsVectorLayer(LAYERS["check_status"], "status", "memory")
        apply_style(layer, "check_status")
    finally:
        remove_translator(translator)
    assert legend_labels(layer) == ["不通过", "预警", "通过"]


def test_an_empty_style_name_leaves_the_layer_alone_without_a_warning(caplog):
    layer = QgsVectorLayer("None?field=a:string", "summary", "memory")
    assert not apply_style(layer, "")
    assert "not applied" not in caplog.text


def test_the_qml_files_carry_no_chinese_label():
    """One source language in the files (English), translated when applied: no bilingual "不通过 fail"."""
    for path in resource_path("styles", "x").parent.glob("*.qml"):
        labels = re.findall(r'label="([^"]*)"', path.read_text(encoding="utf-8"))
        assert not [label for label in labels if re.search(r"[\u4e00-\u9fff]", label)], path.name
