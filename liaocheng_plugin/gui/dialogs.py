"""The small dialogs the panels open, with their buttons in the UI language.

Qt's standard OK and Cancel come from Qt's own translation, which QGIS 3.22+ does not load for 简体中文
(``zh-Hans``); the plugin loads it (``install_qt_translator``) and, where a QGIS ships none, these dialogs
still name their buttons through the plugin's own translation.
"""

from typing import Tuple

from qgis.PyQt.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from liaocheng_plugin.core.i18n import tr


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> Tuple[str, bool]:
    """Ask for a line of text; (text, True) when the user confirms."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setOkButtonText(tr("OK"))
    dialog.setCancelButtonText(tr("Cancel"))
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    value = dialog.textValue()
    dialog.deleteLater()
    return value, accepted


def warn(parent: QWidget, title: str, text: str) -> None:
    """A warning with one OK button."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.addButton(tr("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    box.deleteLater()
