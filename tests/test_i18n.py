"""Translations: the committed .ts covers every string and the plugin speaks Chinese in a zh_CN QGIS."""

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from qgis.core import QgsSettings

from liaocheng_plugin import classFactory
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.translation import install_translator, remove_translator

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "i18n" / "liaocheng_zh_CN.ts"


def messages(ts_path: Path):
    tree = ElementTree.parse(ts_path)
    for context in tree.iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            translation = message.find("translation")
            yield name, message.find("source").text, translation.text, translation.get("type")


def test_translator_turns_a_known_string_into_chinese():
    translator = install_translator("zh_CN")
    try:
        assert translator is not None
        assert tr("Liaocheng Land Check") == "聊城国土空间核查"
        assert tr("Permanent basic farmland") == "永久基本农田"
    finally:
        remove_translator(translator)
    assert tr("Liaocheng Land Check") == "Liaocheng Land Check"


def test_plugin_menu_title_is_chinese_when_qgis_runs_in_zh_cn(qgis_iface):
    from qgis.PyQt.QtWidgets import QMenu

    help_menu = QMenu("Help", qgis_iface.mainWindow())
    qgis_iface.mainWindow().menuBar().addMenu(help_menu)
    qgis_iface.firstRightStandardMenu = lambda: help_menu
    settings = QgsSettings()
    previous = settings.value("locale/userLocale", "", type=str)
    settings.setValue("locale/userLocale", "zh_CN")
    try:
        plugin = classFactory(qgis_iface)
        plugin.initGui()
        assert plugin.menu.title() == "聊城国土空间核查"
        assert [a.text() for a in plugin.actions][:1] == ["保护图层配置…"]
        plugin.unload()
    finally:
        settings.setValue("locale/userLocale", previous)
        qgis_iface.mainWindow().menuBar().removeAction(help_menu.menuAction())


@pytest.mark.skipif(shutil.which("pylupdate5") is None, reason="pylupdate5 (pyqt5-dev-tools) is not installed")
def test_every_user_visible_string_is_in_the_ts_file_and_translated(tmp_path):
    """Fails when code adds a tr() string without running `make transup` and translating it."""
    sources = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "liaocheng_plugin").rglob("*") if p.suffix in (".py", ".ui")
    )
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        ["pylupdate5", "-noobsolete", *sources, "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True
    )
    committed = {(context, source): (text, kind) for context, source, text, kind in messages(TS_FILE)}
    missing = [(c, s) for c, s, _, _ in messages(fresh) if (c, s) not in committed]
    untranslated = [(c, s) for (c, s), (text, kind) in committed.items() if kind == "unfinished" or not text]
    assert missing == [], "run `make transup` and translate these"
    assert untranslated == []
