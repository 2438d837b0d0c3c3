"""Qt's standard buttons in the UI language (tester report 1: B5): QGIS 3.22+ loads no Qt translation for
简体中文 (it looks for qt_zh-Hans.qm), so OK and Cancel stayed English in every dialog the plugin opened."""

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox, QPushButton

from liaocheng_plugin.core.translation import install_qt_translator, install_translator, remove_translator
from liaocheng_plugin.gui.dialogs import ask_text, warn


def standard_texts():
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    return [button.text() for button in box.buttons()]


def test_qt_translation_is_loaded_for_simplified_chinese_and_removed_again():
    assert standard_texts() == ["OK", "Cancel"]
    translator = install_qt_translator("zh-Hans")
    try:
        assert translator is not None, "qtbase_zh_CN.qm: Debian's qttranslations5-l10n, QGIS's i18n on Windows"
        assert standard_texts() == ["确定", "取消"]
        assert install_qt_translator("zh-Hans") is None, "not twice (nor over a translation QGIS loaded itself)"
    finally:
        remove_translator(translator)
    assert standard_texts() == ["OK", "Cancel"]
    assert install_qt_translator("en_US") is None


def answer_later(kind, answer):
    """Read the buttons of the next dialog of ``kind`` that opens, then close it with ``answer``."""
    seen = {}

    def close():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())
        seen["buttons"] = sorted(button.text() for button in dialog.findChildren(QPushButton))
        answer(dialog)

    QTimer.singleShot(0, close)
    return seen


def test_the_plugins_own_dialogs_name_their_buttons_even_without_qts_translation():
    translator = install_translator("zh-Hans")  # the plugin's translation only, as on a QGIS without Qt's
    try:
        seen = answer_later(QInputDialog, lambda dialog: (dialog.setTextValue("方案甲"), dialog.accept()))
        assert ask_text(None, "重命名方案", "名称：", "方案1") == ("方案甲", True)
        assert seen["buttons"] == sorted(["确定", "取消"])
        seen = answer_later(QMessageBox, lambda dialog: dialog.accept())
        warn(None, "导出配置", "无法写入")
        assert seen["buttons"] == ["确定"]
    finally:
        remove_translator(translator)
