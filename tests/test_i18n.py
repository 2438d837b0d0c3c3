"""Translations: the committed .ts covers every string and the plugin speaks Chinese in every Chinese QGIS."""

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


@pytest.fixture
def qgis_locale():
    """Set QGIS's stored UI locale as QGIS itself does (Settings › Options › General), restored afterwards."""
    settings = QgsSettings()
    previous = settings.value("locale/userLocale", "", type=str)
    yield lambda locale: settings.setValue("locale/userLocale", locale)
    settings.setValue("locale/userLocale", previous)


# zh-Hans is what QGIS 3.22+ stores for 简体中文; the others come from the system locale, --lang or older QGIS.
SIMPLIFIED = ("zh-Hans", "zh_CN", "zh-CN", "zh_Hans_CN", "zh")


@pytest.mark.parametrize("locale", SIMPLIFIED)
def test_every_simplified_chinese_locale_gives_the_chinese_ui(qgis_locale, locale):
    qgis_locale(locale)
    translator = install_translator()
    try:
        assert translator is not None, f"no translation loaded for {locale}"
        assert tr("Land-reserve parcels") == "储备土地核查"
    finally:
        remove_translator(translator)


@pytest.mark.parametrize("locale", ("zh-Hant", "zh_TW", "zh_HK"))
def test_traditional_chinese_falls_back_to_simplified_not_english(qgis_locale, locale):
    """No Traditional translation ships; a reader of 繁體中文 reads the bureau's Simplified terms, not English."""
    qgis_locale(locale)
    translator = install_translator()
    try:
        assert translator is not None
        assert tr("Permanent basic farmland") == "永久基本农田"
    finally:
        remove_translator(translator)


@pytest.mark.parametrize("locale", ("en_US", "de", "fr_FR"))
def test_other_languages_keep_the_english_source(qgis_locale, locale):
    qgis_locale(locale)
    assert install_translator() is None
    assert tr("Permanent basic farmland") == "Permanent basic farmland"


@pytest.mark.parametrize("locale", ("zh-Hans", "zh_CN"))
def test_plugin_menu_title_is_chinese_when_qgis_runs_in_chinese(qgis_iface, qgis_locale, locale):
    from qgis.PyQt.QtWidgets import QMenu

    help_menu = QMenu("Help", qgis_iface.mainWindow())
    qgis_iface.mainWindow().menuBar().addMenu(help_menu)
    qgis_iface.firstRightStandardMenu = lambda: help_menu
    qgis_locale(locale)
    try:
        plugin = classFactory(qgis_iface)
        plugin.initGui()
        assert plugin.menu.title() == "聊城国土空间核查"
        assert [a.text() for a in plugin.actions][:1] == ["保护图层配置…"]
        plugin.unload()
    finally:
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
