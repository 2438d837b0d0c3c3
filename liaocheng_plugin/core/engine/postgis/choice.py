"""Which engine runs a check: the database the protected layers live in, or QGIS.

The database runs the overlay when every role layer is a PostGIS table it can overlay itself
(``tables.postgis_table``), all of one database (same connection), psycopg2 is there, the setting
``postgis/overlay_in_database`` is on, and the database answers: PostgreSQL ≥ 12, PostGIS ≥ 3.1 on
GEOS ≥ 3.9 (the overlay that does not fail on robustness), each table found with an integer key, a geometry column and a
spatial index the planner uses. Anything else runs in QGIS, as before; ``EngineChoice`` says which
engine ran and why, for the run's log. The subjects may come from anywhere: they are read in QGIS.
"""

from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeedback

from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES, AreaMode
from liaocheng_plugin.core.engine.postgis.driver import missing_driver, sql
from liaocheng_plugin.core.engine.postgis.engine import PostgisEngine
from liaocheng_plugin.core.engine.postgis.session import ConnectError, RefusedError, Session
from liaocheng_plugin.core.engine.postgis.statements import relation, scope
from liaocheng_plugin.core.engine.postgis.tables import Database, PostgisTable, postgis_table
from liaocheng_plugin.core.engine.spec import RoleSpec
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.log import logger
from liaocheng_plugin.core.settings import OVERLAY_IN_DATABASE

LOCAL, POSTGIS = "local", "postgis"
MIN_SERVER = 120000  # PostgreSQL 12: CTEs AS MATERIALIZED
MIN_POSTGIS = (3, 1)
MIN_GEOS = (3, 9)
KEY_TYPES = ("smallint", "integer")


@dataclass(frozen=True)
class EngineChoice:
    """Which engine computed a check's figures (``POSTGIS`` or ``LOCAL``) and why, for the run's log."""

    engine: str
    reason: str

    def describe(self) -> str:
        """One line for the log, translated."""
        if self.engine == POSTGIS:
            return tr("Overlay engine: postgis — computed in the database {}.").format(self.reason)
        return tr("Overlay engine: local — computed in QGIS: {}.").format(self.reason)


def choose_engine(
    specs: Sequence[RoleSpec],
    working_crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
    area_mode: AreaMode = AreaMode.ELLIPSOIDAL,
    cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES,
    threads: Optional[int] = None,
    feedback: Optional[QgsFeedback] = None,
):
    """(engine, EngineChoice): a PostgisEngine when the database can run the check, else an OverlayEngine.

    Asking the database is cancellable (CheckCanceledError); a timeout or a lost connection meanwhile stops the
    check (LiaochengError), as they would in the overlay.
    """
    from liaocheng_plugin.core.engine.overlay import OverlayEngine  # the overlay module uses this one

    database, tables, reason = database_tables(specs, working_crs, feedback)
    if database is not None:
        engine = PostgisEngine(database, tables, working_crs, context, area_mode, cultivated_codes, threads)
        choice = EngineChoice(POSTGIS, database.label)
    else:
        engine = OverlayEngine(working_crs, context, area_mode, cultivated_codes, threads)
        choice = EngineChoice(LOCAL, reason)
    logger.info(choice.describe())
    return engine, choice


def database_tables(
    specs: Sequence[RoleSpec], working_crs: QgsCoordinateReferenceSystem, feedback: Optional[QgsFeedback] = None
) -> Tuple[Optional[Database], Dict[str, PostgisTable], str]:
    """(database, tables by role key, "") when the database can overlay every role, else (None, {}, why)."""
    if not specs:
        return None, {}, tr("no protected layer")
    if not OVERLAY_IN_DATABASE.value():
        return None, {}, tr("the overlay in the database is switched off (setting {})").format(OVERLAY_IN_DATABASE.path)
    tables: Dict[str, PostgisTable] = {}
    for spec in specs:
        table, why = postgis_table(spec, working_crs)
        if table is None:
            return None, {}, why
        tables[spec.key] = table
    databases = {table.database for table in tables.values()}
    if len(databases) > 1:
        return None, {}, tr("the protected layers live in {} different databases").format(len(databases))
    missing = missing_driver()
    if missing:
        return None, {}, missing
    database = databases.pop()
    try:
        session = Session(database, feedback)
    except ConnectError as error:
        return None, {}, error.message
    with session:
        why = database_unfit(session) or next(filter(None, (table_unfit(session, t) for t in tables.values())), "")
    return (None, {}, why) if why else (database, tables, "")


def _version(text: str) -> Tuple[int, ...]:
    parts = []
    for part in text.split("-")[0].split(".")[:2]:
        digits = "".join(character for character in part if character.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def database_unfit(session: Session) -> str:
    """Why the database cannot overlay ("" when it can): PostGIS and GEOS versions."""
    try:
        server, postgis, geos = session.rows(
            sql.SQL("SELECT current_setting('server_version_num')::int, postgis_lib_version(), postgis_geos_version()"),
            {},
            "",
        )[0]
    except RefusedError:
        return tr("the database {} has no PostGIS").format(session.database.label)
    if server < MIN_SERVER or _version(postgis) < MIN_POSTGIS or _version(geos or "0") < MIN_GEOS:
        return tr(
            "the database {} has PostgreSQL {}, PostGIS {} on GEOS {} (needed: PostgreSQL 12, PostGIS 3.1, GEOS 3.9 "
            "or newer)"
        ).format(session.database.label, server // 10000, postgis, geos)
    return ""


def table_unfit(session: Session, table: PostgisTable) -> str:
    """Why the database cannot overlay ``table`` ("" when it can); finds its SRID on the way."""
    name = relation(table).as_string(session.connection)
    rows = session.rows(
        sql.SQL(
            "SELECT a.attname, format_type(a.atttypid, NULL), postgis_typmod_srid(a.atttypmod) FROM pg_attribute AS a "
            "WHERE a.attrelid = to_regclass(%(name)s) AND a.attname = ANY(%(columns)s) AND NOT a.attisdropped"
        ),
        {"name": name, "columns": [table.key_column, table.geometry]},
        table.name,
    )
    types = {column: (kind, srid) for column, kind, srid in rows}
    if table.geometry not in types:
        return tr("table {} of layer “{}” is not found in the database").format(name, table.name)
    if types.get(table.key_column, ("", 0))[0] not in KEY_TYPES or types[table.geometry][0] != "geometry":
        return tr("layer “{}” has no integer key or no geometry column (a geography?)").format(table.name)
    geometry = sql.Identifier(table.geometry)
    table.srid = types[table.geometry][1] or 0
    if not table.srid:
        found = session.rows(
            sql.SQL("SELECT ST_SRID(layer.{g}) FROM {scope} AS layer WHERE layer.{g} IS NOT NULL LIMIT 1").format(
                g=geometry, scope=scope(table)
            ),
            {},
            table.name,
        )
        table.srid = found[0][0] if found else 0
    plan = session.rows(
        sql.SQL(
            "SET enable_seqscan = off; EXPLAIN SELECT 1 FROM {scope} AS layer "
            "WHERE layer.{g} && ST_MakeEnvelope(0, 0, 1, 1, %(srid)s)"
        ).format(g=geometry, scope=scope(table)),
        {"srid": table.srid},
        table.name,
    )
    session.rows(sql.SQL("RESET enable_seqscan"), {}, table.name)
    if not any("Index" in line for (line,) in plan):
        return tr("layer “{}” has no spatial index (CREATE INDEX ON {} USING GIST ({}))").format(
            table.name, name, geometry.as_string(session.connection)
        )
    return ""
