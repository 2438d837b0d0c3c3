"""Run by tests/test_without_shapely.py in a child pytest where shapely cannot be imported (as in a QGIS without it).

Not collected by the normal run (no test_ prefix): shapely is hidden before any plugin module loads.
"""

import sys

sys.modules["shapely"] = None  # `import shapely` now raises ImportError

import pytest  # noqa: E402
from qgis.core import QgsApplication, QgsProcessingException  # noqa: E402

from liaocheng_plugin import classFactory  # noqa: E402
from liaocheng_plugin.core.translation import install_translator, remove_translator  # noqa: E402
from tests.conftest import memory_layer, square  # noqa: E402

X0, Y0 = 39500000.0, 4050000.0


def test_plugin_loads_with_menu_provider_and_docks(qgis_iface):
    """No shapely: the menu, the provider with every algorithm and the docks still come up, and unload."""
    from qgis.PyQt.QtWidgets import QMenu

    qgis_iface.firstRightStandardMenu = lambda: QMenu("Help", qgis_iface.mainWindow())
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        registry = QgsApplication.processingRegistry()
        assert registry.algorithmById("liaocheng:overlap_check") is not None
        assert registry.algorithmById("liaocheng:site_check") is not None
        for name in ("reserve", "balance", "site"):
            assert plugin.toggle_dock(name) is not None
    finally:
        plugin.unload()


def test_the_engine_refuses_with_the_install_message():
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    from liaocheng_plugin.core.engine import OverlayEngine, dependency
    from liaocheng_plugin.core.exceptions import LiaochengError

    assert dependency.shapely is None
    with pytest.raises(LiaochengError, match="shapely 2"):
        OverlayEngine(QgsCoordinateReferenceSystem("EPSG:4527"), QgsProject.instance().transformContext())


def test_a_check_says_what_to_install(processing_with_provider):
    import processing

    subject = memory_layer("Polygon", "EPSG:4527", [(square(X0, Y0, 10),)])
    farmland = memory_layer("Polygon", "EPSG:4527", [(square(X0, Y0, 5),)])
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(
            "liaocheng:overlap_check", {"INPUT": subject, "PERMANENT_FARMLAND": farmland, "OUTPUT": "memory:"}
        )
    message = str(raised.value)
    assert "shapely 2" in message and "OSGeo4W Shell" in message and "apt install python3-shapely" in message


def test_the_input_check_says_what_to_install(processing_with_provider):
    import processing

    subject = memory_layer("Polygon", "EPSG:4527", [(square(X0, Y0, 10),)])
    with pytest.raises(QgsProcessingException, match="shapely 2"):
        processing.run("liaocheng:data_check", {"INPUT": subject, "OUTPUT": "memory:"})


def test_the_message_is_in_the_ui_language():
    from liaocheng_plugin.core.engine.dependency import missing_dependency

    translator = install_translator("zh_CN")
    try:
        message = missing_dependency()
        assert "shapely 2" in message and "请安装后重启 QGIS" in message
    finally:
        remove_translator(translator)
