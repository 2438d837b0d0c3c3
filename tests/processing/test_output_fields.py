"""Every check's outputs read in the UI language in QGIS: aliases on the check's fields, coded values in words,
field names unchanged; the GeoPackage exports keep them."""

import pytest
from qgis.core import QgsLayerTreeModel, QgsProcessingContext, QgsProject, QgsVectorLayer
from qgis.gui import QgsLayerTreeView

from liaocheng_plugin.core.export import write_layers_gpkg
from liaocheng_plugin.core.translation import install_translator, remove_translator
from tests.conftest import memory_layer, square

X0, Y0 = 39500000.0, 4050000.0


@pytest.fixture
def chinese():
    translator = install_translator("zh_CN")
    yield
    remove_translator(translator)


def shown(layer: QgsVectorLayer, name: str, value) -> str:
    """What the attribute table shows for ``value`` in field ``name`` (its value map, else the value)."""
    from qgis.core import QgsApplication

    index = layer.fields().indexOf(name)
    setup = layer.editorWidgetSetup(index)
    formatter = QgsApplication.fieldFormatterRegistry().fieldFormatter(setup.type())
    return formatter.representValue(layer, index, setup.config(), None, value)


def unnamed(layer: QgsVectorLayer, own) -> list:
    """The check's fields without an alias (the input's own fields ``own`` may have none)."""
    return [f.name() for f in layer.fields() if f.name() not in own and not f.alias()]


def test_every_checks_fields_have_aliases_and_words_for_codes(processing_with_provider, chinese):
    import processing

    parcels = memory_layer("Polygon", "EPSG:4527", [(square(X0, Y0, 100), "CB-1")], {"DKBH": str})
    farmland = memory_layer("Polygon", "EPSG:4527", [(square(X0 + 50, Y0, 100),)], name="YJJBNT")
    route = memory_layer("LineString", "EPSG:4527", [(f"LINESTRING({X0} {Y0}, {X0 + 300} {Y0})", "A")], {"FAMC": str})
    everything = {"OUTPUT": "memory:", "OVERLAPS": "memory:", "DATA_CHECK": "memory:"}
    reserve = processing.run(
        "liaocheng:reserve_check",
        {"INPUT": parcels, "PERMANENT_FARMLAND": farmland, "SUMMARY": "memory:", **everything},
    )
    balance = processing.run(
        "liaocheng:balance_check",
        {"OUTFLOW": parcels, "PERMANENT_FARMLAND": farmland, "SUMMARY": "memory:", **everything},
    )
    site = processing.run(
        "liaocheng:site_check",
        {"INPUT": route, "PERMANENT_FARMLAND": farmland, "CROSSINGS": "memory:", "CLEAR": "memory:", **everything},
    )
    overlap = processing.run(
        "liaocheng:overlap_check", {"INPUT": parcels, "PERMANENT_FARMLAND": farmland, **everything}
    )
    outputs = [*reserve.values(), *balance.values(), *site.values(), *overlap.values()]
    layers = [layer for layer in outputs if isinstance(layer, QgsVectorLayer)]
    assert len(layers) == 16
    for layer in layers:
        assert unnamed(layer, ("DKBH", "FAMC", "fid")) == [], layer.name()
    checked = reserve["OUTPUT"]
    assert checked.fields().field("area_mu").alias() == "图上面积（亩）"
    assert checked.fields().field("status").name() == "status"  # the code stays for scripts and models
    assert shown(checked, "status", "fail") == "不通过"
    assert shown(reserve["SUMMARY"], "group", "total") == "合计"
    assert shown(balance["SUMMARY"], "level", "county") == "县（区）"
    assert shown(balance["OUTPUT"], "direction", "out") == "流出"
    assert shown(site["CROSSINGS"], "role", "pbf") == "永久基本农田"
    assert overlap["OUTPUT"].fields().field("pbf_mu").alias() == "永久基本农田（亩）"
    summary_names = {f["name"] for f in reserve["SUMMARY"].getFeatures() if f["group"] == "status"}
    assert summary_names == {"不通过", "预警", "通过"}


def test_the_toolbox_describes_and_styles_the_outputs_it_loads(
    processing_with_provider, chinese, tmp_path, qgis_iface, monkeypatch
):
    """Loaded by the dialog, a result reads 状态 · 不通过 and is drawn in status colours."""
    import processing
    from qgis.core import QgsCategorizedSymbolRenderer, QgsProcessingFeedback

    # pytest-qgis's interface has no layer tree view; QGIS 3.44's result loading needs a real one
    view = QgsLayerTreeView()
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
    monkeypatch.setattr(qgis_iface, "layerTreeView", lambda: view, raising=False)

    parcels = memory_layer("Polygon", "EPSG:4527", [(square(X0, Y0, 100), "CB-1")], {"DKBH": str})
    farmland = memory_layer("Polygon", "EPSG:4527", [(square(X0 + 50, Y0, 100),)], name="YJJBNT")
    project = QgsProject.instance()
    context = QgsProcessingContext()
    context.setProject(project)
    output = str(tmp_path / "checked.gpkg")
    processing.runAndLoadResults(
        "liaocheng:reserve_check",
        {"INPUT": parcels, "PERMANENT_FARMLAND": farmland, "OUTPUT": output},
        feedback=QgsProcessingFeedback(),
        context=context,
    )
    try:
        loaded = next(layer for layer in project.mapLayers().values() if layer.source().startswith(output))
        assert loaded.fields().field("status").alias() == "状态" and shown(loaded, "status", "fail") == "不通过"
        assert isinstance(loaded.renderer(), QgsCategorizedSymbolRenderer)
    finally:
        project.removeAllMapLayers()


def test_geopackage_exports_keep_aliases_and_value_maps(processing_with_provider, chinese, tmp_path):
    import processing

    parcels = memory_layer("Polygon", "EPSG:4527", [(square(X0, Y0, 100), "CB-1")], {"DKBH": str})
    farmland = memory_layer("Polygon", "EPSG:4527", [(square(X0 + 50, Y0, 100),)], name="YJJBNT")
    result = processing.run(
        "liaocheng:reserve_check",
        {"INPUT": parcels, "PERMANENT_FARMLAND": farmland, "OUTPUT": "memory:", "SUMMARY": "memory:"},
    )
    path = write_layers_gpkg(tmp_path / "ledger.gpkg", {"parcels": result["OUTPUT"], "summary": result["SUMMARY"]})
    reopened = QgsVectorLayer(f"{path}|layername=parcels", "parcels", "ogr")
    assert reopened.fields().field("pbf_mu").alias() == "占永久基本农田（亩）"
    assert shown(reopened, "status", "fail") == "不通过"
    summary = QgsVectorLayer(f"{path}|layername=summary", "summary", "ogr")
    assert shown(summary, "group", "grid") == "网格"


def test_a_plugin_style_applies_over_a_style_embedded_in_the_geopackage(processing_with_provider, tmp_path):
    """QGIS's loadNamedStyle prefers a GeoPackage's default style to the .qml asked for: after the exports embedded
    their styles, the demo's sheets lost every colour."""
    from qgis.core import QgsCategorizedSymbolRenderer

    from liaocheng_plugin.core.styles import apply_style

    plain = memory_layer("Polygon", "EPSG:4527", [(square(X0, Y0, 100), "pbf")], {"role": str})
    path = write_layers_gpkg(tmp_path / "plain.gpkg", {"pieces": plain})
    reopened = QgsVectorLayer(f"{path}|layername=pieces", "pieces", "ogr")
    assert apply_style(reopened, "conflict_pieces")
    assert isinstance(reopened.renderer(), QgsCategorizedSymbolRenderer)
