"""psycopg2, the PostGIS engine's one outside dependency: found once, optional.

QGIS ships psycopg2 on Windows (OSGeo4W) and macOS; Debian has it as python3-psycopg2 (a dependency of
QGIS's DB Manager). Without it every check runs in QGIS as before and the run's log says why.
"""

from typing import Optional

from liaocheng_plugin.core.i18n import tr

try:
    import psycopg2
    from psycopg2 import extensions, sql
except ImportError:  # the checks then run in QGIS (see missing_driver)
    psycopg2 = extensions = sql = None

# numeric arrives as float, as QGIS reads it (a double), not as Decimal.
NUMERIC_AS_FLOAT = (
    extensions.new_type(
        extensions.DECIMAL.values, "LIAOCHENG_NUMERIC", lambda value, _cursor: None if value is None else float(value)
    )
    if extensions is not None
    else None
)


def missing_driver() -> Optional[str]:
    """Why the overlay cannot run in the database here (psycopg2 missing), translated; None when it can."""
    if psycopg2 is not None:
        return None
    return tr(
        "the Python package psycopg2 is missing (Debian/Ubuntu: sudo apt install python3-psycopg2; "
        "QGIS on Windows ships it)"
    )
