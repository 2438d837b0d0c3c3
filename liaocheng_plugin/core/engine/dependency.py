"""shapely ≥ 2, the engine's one outside dependency: found once, and named exactly when it is missing.

Every engine module imports ``shapely`` from here: it is the shapely module when shapely 2 or newer
is importable, else None, so the plugin, its provider, menus and docks load without it. Every entry
point of the engine calls ``require_shapely()`` first, which raises a ``LiaochengError`` saying, in
the UI language, what is missing and how to install it.
"""

from typing import Optional

from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr

try:
    import shapely as _shapely

    FOUND_VERSION: Optional[str] = getattr(_shapely, "__version__", "")
    # By its API, not its version string: Debian sid's python3-shapely 2.2 reports "0+unknown".
    shapely = _shapely if hasattr(_shapely, "from_wkb") and hasattr(_shapely, "STRtree") else None
except ImportError:
    FOUND_VERSION = None
    shapely = None


def missing_dependency() -> str:
    """The translated message naming what is missing and how to install it; "" when shapely 2 is there."""
    if shapely is not None:
        return ""
    found = tr(" (found shapely {})").format(FOUND_VERSION) if FOUND_VERSION else ""
    return tr(
        "The checks need the Python package shapely 2 or newer, which QGIS's Python lacks{}. "
        "Install it, then restart QGIS. Windows: open the OSGeo4W Shell and run "
        'python -m pip install "shapely>=2". '
        "Debian 13 / Ubuntu 24.04 and newer: sudo apt install python3-shapely. "
        "Debian 12: sudo apt install libgeos-dev python3-dev, then python3 -m pip install --user "
        '--break-system-packages --no-binary shapely "shapely>=2,<3" "numpy<2" (built on QGIS\'s own GEOS).'
    ).format(found)


def require_shapely() -> None:
    """Raise LiaochengError with install instructions when shapely 2 is not importable."""
    message = missing_dependency()
    if message:
        raise LiaochengError(message)
