"""Install the plugin's Qt translator for the locale QGIS runs in.

QGIS 3.22+ stores the language chosen in Settings › Options › General as a script tag: Simplified
Chinese (简体中文) is ``zh-Hans``, Traditional (繁體中文) ``zh-Hant``; without the override it stores the
system locale (``zh_CN``). Older settings, ``--lang`` and other platforms give ``zh_CN``, ``zh-CN``,
``zh_Hans_CN`` or ``zh``. All of them must find ``liaocheng_zh_CN.qm``.
"""

from typing import List, Optional

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QLocale, QTranslator

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


def remove_translator(translator: Optional[QTranslator]) -> None:
    """Undo ``install_translator``."""
    if translator is not None:
        QgsApplication.removeTranslator(translator)
