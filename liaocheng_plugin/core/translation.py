"""Install the plugin's Qt translator for the QGIS UI locale (zh_CN, then zh)."""

from typing import Optional

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QLocale, QTranslator

from liaocheng_plugin.core.paths import plugin_file


def ui_locale() -> str:
    """The QGIS UI locale, e.g. "zh_CN"."""
    return QgsSettings().value("locale/userLocale", QLocale().name(), type=str) or QLocale().name()


def install_translator(locale: Optional[str] = None) -> Optional[QTranslator]:
    """Load liaocheng_<locale>.qm (trying "zh_CN" then "zh") and install it; None when there is none."""
    locale = locale or ui_locale()
    for candidate in (locale, locale[:2]):
        path = plugin_file("i18n", f"liaocheng_{candidate}.qm")
        translator = QTranslator()
        if path.exists() and translator.load(str(path)):
            QgsApplication.installTranslator(translator)
            return translator
    return None


def remove_translator(translator: Optional[QTranslator]) -> None:
    """Undo ``install_translator``."""
    if translator is not None:
        QgsApplication.removeTranslator(translator)
