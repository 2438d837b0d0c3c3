"""The overlay inside PostGIS, when the protected layers of a check live in one database (issue 15).

``choose_engine(specs, working_crs, …)`` returns the engine a check runs on — a ``PostgisEngine``
(the database overlays, only results come back) or the in-process ``OverlayEngine`` — with an
``EngineChoice`` saying which and why, for the run's log. Modules: ``tables`` (which layers qualify,
their quoted names), ``session`` (a read-only, cancellable connection), ``statements`` (the SQL),
``engine`` (PostgisEngine, the same result objects), ``features`` (the features met, as the figures read
them), ``inspection`` (the input check on data that stays in the database), ``choice``, ``driver``
(psycopg2, optional).
"""

from liaocheng_plugin.core.engine.postgis.choice import LOCAL, POSTGIS, EngineChoice, choose_engine
from liaocheng_plugin.core.engine.postgis.engine import PostgisEngine

__all__ = ["LOCAL", "POSTGIS", "EngineChoice", "PostgisEngine", "choose_engine"]
