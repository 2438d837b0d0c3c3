"""A throwaway PostgreSQL cluster with PostGIS on a free local port, for the tests and `make bench`.

    with throwaway_cluster() as cluster:
        cluster.sql("CREATE TABLE …")            # psql as the superuser, stops on the first error
        uri = cluster.uri("public", "dltb")       # a QgsDataSourceUri of a table (TCP, the free port)

The cluster lives in a temporary folder (or ``folder``, kept when given) and listens on 127.0.0.1 only,
trust authentication. initdb refuses to run as root: as root the server runs as the ``postgres`` user
(present wherever the Debian packages are). Works on Debian 12, 13 and sid (PostgreSQL 15, 17, 18).
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, Optional

INITDB = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[4]))
POSTGIS = glob.glob("/usr/share/postgresql/*/extension/postgis.control")
SUPERUSER = "postgres"


def postgis_missing() -> str:
    """Why no cluster can be started here ("" when one can)."""
    if not INITDB:
        return "PostgreSQL is not installed (Debian: postgresql)"
    version = INITDB[-1].split("/")[4]
    if not glob.glob(f"/usr/share/postgresql/{version}/extension/postgis.control"):
        return f"PostGIS is not installed for PostgreSQL {version} (Debian: postgresql-{version}-postgis-3)"
    return ""


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_cluster_owner(command: list) -> list:
    return ["runuser", "-u", SUPERUSER, "--", *command] if os.geteuid() == 0 else command


@dataclass
class Cluster:
    """A running cluster: its folder, binaries, port and database."""

    folder: Path
    bin_dir: Path
    port: int
    database: str = "postgres"

    def psql(self, sql: str, user: str = SUPERUSER, database: Optional[str] = None) -> str:
        """Run SQL with psql (stops on the first error); its output, unaligned and without headers."""
        command = [
            str(self.bin_dir / "psql"),
            "-X",
            "-q",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            user,
            "-d",
            database or self.database,
        ]
        done = subprocess.run(command, input=sql, capture_output=True, text=True, check=False)
        if done.returncode:
            raise RuntimeError(f"psql failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def connection_info(self, user: str = SUPERUSER) -> str:
        """A libpq connection string (psycopg2, ogr2ogr's PG:)."""
        return f"host=127.0.0.1 port={self.port} dbname={self.database} user={user}"

    def uri(self, schema: str, table: str, geometry: str = "geom", key: str = "", user: str = SUPERUSER, sql=""):
        """The QgsDataSourceUri of a table of this cluster."""
        from qgis.core import QgsDataSourceUri

        uri = QgsDataSourceUri()
        uri.setConnection("127.0.0.1", str(self.port), self.database, user, "")
        uri.setDataSource(schema, table, geometry, sql, key)
        return uri


def start(folder: Path, settings: Optional[Dict[str, str]] = None) -> Cluster:
    """initdb and start a cluster in ``folder`` (made by the caller), PostGIS created; ``settings`` are server
    settings (``{"shared_buffers": "1GB"}``)."""
    bin_dir = Path(INITDB[-1]).parent
    if os.geteuid() == 0:
        shutil.chown(folder, SUPERUSER)
    data = folder / "data"
    run = lambda command: subprocess.run(as_cluster_owner(command), check=True, capture_output=True)  # noqa: E731
    if not (data / "PG_VERSION").exists():
        run([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--no-sync"])
    port = free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    options += "".join(f" -c {name}={value}" for name, value in (settings or {}).items())
    # -l: the server must not inherit our pipes, or waiting for pg_ctl would never end.
    run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w", "-o", options, "start"])
    cluster = Cluster(folder, bin_dir, port)
    cluster.psql("CREATE EXTENSION IF NOT EXISTS postgis")
    return cluster


def stop(cluster: Cluster) -> None:
    subprocess.run(
        as_cluster_owner([str(cluster.bin_dir / "pg_ctl"), "-D", str(cluster.folder / "data"), "-m", "fast", "stop"]),
        check=False,
        capture_output=True,
    )


@contextmanager
def throwaway_cluster(folder: Optional[Path] = None, settings: Optional[Dict[str, str]] = None) -> Iterator[Cluster]:
    """A cluster for the duration of the block; its folder is deleted afterwards unless ``folder`` was given."""
    missing = postgis_missing()
    if missing:
        raise RuntimeError(missing)
    keep = folder is not None
    path = Path(folder) if keep else Path(tempfile.mkdtemp(prefix="liaocheng_pg_"))
    path.mkdir(parents=True, exist_ok=True)
    cluster = start(path, settings)
    try:
        yield cluster
    finally:
        stop(cluster)
        if not keep:
            shutil.rmtree(path, ignore_errors=True)
