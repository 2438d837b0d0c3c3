"""Install the plugin's Qt translator for the locale QGIS runs in.

QGIS 3.22+ stores the language chosen in Settings › Options › General as a script tag: Simplified
Chinese (简体中文) is ``zh-Hans``, Traditional (繁體中文) ``zh-Hant``; without the override it stores the
system locale (``zh_CN``). Older settings, ``--lang`` and other platforms give ``zh_CN``, ``zh-CN``,
``zh_Hans_CN`` or ``zh``. All of them must find ``liaocheng_zh_CN.qm``.
"""

from pathlib import Path
from typing import List, Optional

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from liaocheng_plugin.core.compat import qt_translations_folder
from liaocheng_plugin.core.paths import plugin_file

# The translation every Chinese locale falls back to. Traditional Chinese (zh-Hant, zh_TW, zh_HK) gets it
# too while no Traditional one ships: the plugin's words are mainland legal terms (永久基本农田, 城镇开发边界)
# and its ledgers and sheets go to a bureau that writes Simplified, which a Traditional reader reads far
# better than English.
CHINESE_FALLBACK = "zh_CN"


def ui_locale() -> str:
    """The locale QGIS runs in, as QGIS stores it ("zh-Hans", "zh_CN", "en_US" …)."""
    return QgsSettings().value("locale/userLocale", "", type=str) or QLocale().name()


def translation_names(locale: str) -> List[str]:
    """Suffixes of liaocheng_<suffix>.qm to try for ``locale``, best first.

    "zh-Hans" → ["zh_Hans", "zh_CN", "zh"]; "zh-Hant" → ["zh_Hant", "zh_TW", "zh", "zh_CN"];
    "de" → ["de", "de_DE"]. The exact name comes first, then Qt's language_TERRITORY for it, then the language.
    """
    exact = locale.strip().replace("-", "_")
    parsed = QLocale(exact)
    names = [exact, parsed.name(), parsed.name().split("_")[0]]
    if parsed.language() == QLocale.Language.Chinese:
        names.append(CHINESE_FALLBACK)
    return [name for position, name in enumerate(names) if name and name != "C" and name not in names[:position]]


def install_translator(locale: Optional[str] = None) -> Optional[QTranslator]:
    """Load and install the best liaocheng_<name>.qm for ``locale`` (QGIS's by default); None when none fits."""
    for name in translation_names(locale or ui_locale()):
        path = plugin_file("i18n", f"liaocheng_{name}.qm")
        translator = QTranslator()
        if path.exists() and translator.load(str(path)):
            QgsApplication.installTranslator(translator)
            return translator
    return None


QT_CANCEL = ("QPlatformTheme", "Cancel")  # Qt's own text (a constant: pylupdate must not take it into ours)


def qt_texts_translated() -> bool:
    """Whether Qt's own texts (the OK and Cancel of standard buttons) are translated already."""
    return QCoreApplication.translate(*QT_CANCEL) != QT_CANCEL[1]


def install_qt_translator(locale: Optional[str] = None) -> Optional[QTranslator]:
    """Load Qt's own translation for the UI language when QGIS did not, so that OK, Cancel and the file dialogs'
    texts follow it; None when they are translated already, the language is English, or no file fits.

    QGIS looks for ``qt_<its locale>.qm``: for 简体中文 that is qt_zh-Hans.qm, which no Qt ships, so every
    standard button stayed English. Qt's files are in its translations folder (Debian:
    /usr/share/qt5/translations) or, in Windows installers, in QGIS's i18n folder.
    """
    locale = locale or ui_locale()
    if qt_texts_translated() or QLocale(locale.replace("-", "_")).language() == QLocale.Language.English:
        return None
    for name in translation_names(locale):
        for folder in (qt_translations_folder(), QgsApplication.i18nPath()):
            for catalogue in ("qtbase", "qt"):
                path = Path(folder) / f"{catalogue}_{name}.qm"
                translator = QTranslator()
                if path.is_file() and translator.load(str(path)):
                    QgsApplication.installTranslator(translator)
                    return translator
    return None


def remove_translator(translator: Optional[QTranslator]) -> None:
    """Undo ``install_translator``."""
    if translator is not None:
        QgsApplication.removeTranslator(translator)
