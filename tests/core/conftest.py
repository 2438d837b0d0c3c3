"""PostGIS for the core tests: one throwaway cluster per session, layers loaded into it, both engines run."""

import subprocess
from typing import Callable, Tuple

import pytest
from qgis.core import QgsVectorLayer

from liaocheng_plugin.core.settings import OVERLAY_IN_DATABASE
from tests.tools.postgis_cluster import Cluster, postgis_missing, throwaway_cluster

SAMPLE_SCHEMA = "样例 数据"  # a schema name that needs quoting
SAMPLE_TABLES = (
    "DLTB",
    "YJJBNTTB",
    "STBHHX",
    "CZKFBJ",
    "CZCDYD",
    "XZQ_XZ",
    "WG",
    "CBDK",
    "GDLC",
    "GDLR",
    "XMXZ",
    "XMXL",
)


@pytest.fixture(scope="session")
def postgis_cluster(qgis_app) -> Cluster:
    """A PostgreSQL cluster with PostGIS on a free local port, for the whole session."""
    missing = postgis_missing()
    if missing:
        pytest.skip(missing)
    with throwaway_cluster() as cluster:
        yield cluster


def postgis_layer(cluster: Cluster, schema: str, table: str, name: str = "", **options) -> QgsVectorLayer:
    """A QGIS layer of a table of the cluster (``options``: key, user, sql — see Cluster.uri)."""
    layer = QgsVectorLayer(cluster.uri(schema, table, **options).uri(False), name or table, "postgres")
    assert layer.isValid(), f"{schema}.{table} does not open as a PostGIS layer"
    return layer


def load_with_ogr2ogr(cluster: Cluster, source: str, layer_name: str, schema: str, table: str) -> None:
    """One layer of an OGR dataset into the cluster, keeping its fids (the key ``fid``) and field names."""
    subprocess.run(
        [
            "ogr2ogr",
            "-f",
            "PostgreSQL",
            f"PG:{cluster.connection_info()}",
            source,
            layer_name,
            "-nln",
            f"{schema}.{table}",
            "-lco",
            "GEOMETRY_NAME=geom",
            "-lco",
            "FID=fid",
            "-lco",
            "LAUNDER=NO",
            "-preserve_fid",
            "-overwrite",
        ],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="session")
def sample_in_postgis(postgis_cluster, sample_data) -> Callable[[str], QgsVectorLayer]:
    """The sample's layers loaded into the schema "样例 数据" (fids kept); ``layer(name)`` opens one."""
    postgis_cluster.psql(f'CREATE SCHEMA "{SAMPLE_SCHEMA}"')
    for name in SAMPLE_TABLES:
        load_with_ogr2ogr(postgis_cluster, str(sample_data.gpkg), name, SAMPLE_SCHEMA, name)
    postgis_cluster.psql(f'ANALYZE; GRANT USAGE ON SCHEMA "{SAMPLE_SCHEMA}" TO PUBLIC')
    return lambda name: postgis_layer(postgis_cluster, SAMPLE_SCHEMA, name)


def both_engines(check: Callable[[], object]) -> Tuple[object, object]:
    """(result in the database, result in QGIS) of the same check (the setting switches the engine)."""
    try:
        OVERLAY_IN_DATABASE.set_value(True)
        in_database = check()
        OVERLAY_IN_DATABASE.set_value(False)
        local = check()
    finally:
        OVERLAY_IN_DATABASE.reset()
    return in_database, local
