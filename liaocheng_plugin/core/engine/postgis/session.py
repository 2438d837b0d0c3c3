"""One read-only connection to the database of a check: every statement cancellable, errors made readable.

The session is read only (``SET SESSION CHARACTERISTICS … READ ONLY``: the database refuses any write),
creates nothing (no temporary table: statements carry their inputs as parameters and use CTEs), has a
statement timeout (setting ``postgis/statement_timeout_s``) and TCP keepalives, so a server that went
away is noticed. While a statement runs, a watchdog thread polls the check's feedback and cancels the
statement on the server when the user cancels (libpq's cancel request, as ``pg_cancel_backend``):
the check then raises CheckCanceledError and writes nothing. A lost connection or a refused statement
raises LiaochengError naming the layer and the database.
"""

import threading
import time
from typing import List, Optional

from qgis.core import QgsFeedback

from liaocheng_plugin.core.engine.postgis.driver import NUMERIC_AS_FLOAT, extensions, psycopg2
from liaocheng_plugin.core.engine.postgis.tables import Database
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.settings import STATEMENT_TIMEOUT_S

APPLICATION_NAME = "Liaocheng Land Check"
POLL_S = 0.05  # how often the watchdog looks at the feedback while a statement runs
CONNECT_TIMEOUT_S = 15
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}


class ConnectError(LiaochengError):
    """The database cannot be reached (the check then runs in QGIS)."""


class RefusedError(LiaochengError):
    """The database refused a statement (an SQL error: a function or table it lacks, a broken subset string)."""


class Session:
    """A read-only connection with a cancel watchdog; use as a context manager (closed on exit).

    Raises ConnectError when the database cannot be reached.
    """

    def __init__(self, database: Database, feedback: Optional[QgsFeedback] = None):
        self.database = database
        self.feedback = feedback
        try:
            self.connection = psycopg2.connect(
                database.connection_info,
                application_name=APPLICATION_NAME,
                connect_timeout=CONNECT_TIMEOUT_S,
                **KEEPALIVES,
            )
        except psycopg2.Error as error:
            raise ConnectError(
                tr("cannot connect to the database {}: {}").format(database.label, _first_line(error))
            ) from error
        extensions.register_type(NUMERIC_AS_FLOAT, self.connection)
        self.connection.set_session(readonly=True, autocommit=True)
        timeout_ms = max(int(STATEMENT_TIMEOUT_S.value()), 0) * 1000
        with self.connection.cursor() as cursor:  # JIT compiling costs more than it saves on these statements
            cursor.execute("SET statement_timeout = %(ms)s; SET jit = off", {"ms": timeout_ms})
        self._done = threading.Event()
        self.canceled = False
        if feedback is not None:
            threading.Thread(target=self._watch, name="liaocheng-postgis-cancel", daemon=True).start()

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the watchdog and close the connection (idempotent)."""
        self._done.set()
        if not self.connection.closed:
            self.connection.close()

    def cancel(self) -> None:
        """Cancel the running statement on the server (from any thread); the statement raises CheckCanceledError."""
        self.canceled = True
        if not self.connection.closed:
            try:
                self.connection.cancel()
            except psycopg2.Error:
                pass  # the connection is gone already: the running statement fails on its own

    def _watch(self) -> None:
        while not self._done.wait(POLL_S):
            if self.feedback.isCanceled():
                self.cancel()
                return

    def rows(self, statement, parameters: dict, layer_name: str) -> List[tuple]:
        """Every row of ``statement`` (a psycopg2.sql object) run with ``parameters`` (never pasted into it).

        Raises CheckCanceledError on cancel, LiaochengError on a lost connection or a timeout, RefusedError on an
        SQL error.
        """
        if self.canceled or (self.feedback is not None and self.feedback.isCanceled()):
            raise CheckCanceledError()
        started = time.monotonic()
        try:
            with self.connection.cursor() as cursor:
                cursor.execute(statement, parameters)
                return cursor.fetchall() if cursor.description is not None else []
        except psycopg2.Error as error:
            # PostGIS turns an interrupt during GEOS work into an error of its own ("GEOS … threw an error"):
            # what stopped the statement is known here, not from the error.
            if self.canceled:
                raise CheckCanceledError() from error
            timeout_s = STATEMENT_TIMEOUT_S.value()
            if isinstance(error, extensions.QueryCanceledError) or 0 < timeout_s <= time.monotonic() - started:
                raise LiaochengError(
                    tr(
                        "The database {} stopped the query on layer “{}” after {} s (setting "
                        "liaocheng_plugin/postgis/statement_timeout_s). Nothing was written."
                    ).format(self.database.label, layer_name, timeout_s),
                    _first_line(error),
                ) from error
            if isinstance(error, (psycopg2.OperationalError, psycopg2.InterfaceError)):
                raise LiaochengError(
                    tr(
                        "The connection to the database {} was lost while checking layer “{}”. Nothing was written."
                    ).format(self.database.label, layer_name),
                    _first_line(error),
                ) from error
            raise RefusedError(
                tr("The database {} refused the query on layer “{}”: {}").format(
                    self.database.label, layer_name, _first_line(error)
                )
            ) from error


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
