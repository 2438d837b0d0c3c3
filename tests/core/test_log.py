"""The plugin's own log lines read in the UI language, under a tab named after the plugin in that language."""

from qgis.core import QgsApplication, QgsVectorLayer

from liaocheng_plugin.core.log import setup_logging, teardown_logging
from liaocheng_plugin.core.styles import apply_style
from liaocheng_plugin.core.translation import install_translator, remove_translator


def test_log_lines_and_their_tab_are_chinese_in_a_chinese_qgis(qgis_app):
    """The log panel had a tab "Liaocheng" with English lines ("Style %s not applied …")."""
    received = []

    def collect(message, tag, level):
        received.append((tag, message))

    translator = install_translator("zh-Hans")
    handler = setup_logging()
    QgsApplication.messageLog().messageReceived.connect(collect)
    try:
        layer = QgsVectorLayer("Polygon?crs=EPSG:4527", "图层", "memory")
        assert not apply_style(layer, "no_such_style")
        QgsApplication.processEvents()
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(collect)
        teardown_logging(handler)
        remove_translator(translator)
    ours = [(tag, message) for tag, message in received if tag == "聊城国土空间核查"]
    assert ours and ours[0][1].startswith("样式 no_such_style 未能应用于图层“图层”")
