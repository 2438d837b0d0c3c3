"""Translation helper for code outside QObject classes."""

from qgis.PyQt.QtCore import QCoreApplication

# pylupdate5 files plain tr() calls under the "@default" context, so translate with it.
TRANSLATION_CONTEXT = "@default"


def tr(text: str) -> str:
    """Translate a user-visible source string (English) into the UI language."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)
