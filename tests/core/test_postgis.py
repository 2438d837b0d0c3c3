"""The engine on PostGIS layers, in a throwaway cluster started for this module only."""

import glob
import os
import shutil
import subprocess
import tempfile

import pytest
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerExporter,
)

from liaocheng_plugin.core.definitions import AreaMode
from liaocheng_plugin.core.engine import RoleSpec, run_overlay
from tests.conftest import memory_layer, square

GK39 = "EPSG:4527"
X0, Y0 = 39500000.0, 4050000.0
PORT = "54329"
INITDB = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
POSTGIS = glob.glob("/usr/share/postgresql/*/extension/postgis.control")


def as_cluster_owner(command):
    """initdb refuses to run as root: run the server as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="module")
def postgis():
    if not INITDB or not POSTGIS:
        pytest.skip("PostgreSQL with PostGIS is not installed (postgresql-15-postgis-3)")
    bin_dir = os.path.dirname(INITDB[-1])
    folder = tempfile.mkdtemp(prefix="liaocheng_pg_")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    cluster = os.path.join(folder, "cluster")
    run = lambda command: subprocess.run(as_cluster_owner(command), check=True, capture_output=True)  # noqa: E731
    run([f"{bin_dir}/initdb", "-D", cluster, "-A", "trust", "-U", "postgres", "-E", "UTF8"])
    # -l: the server must not inherit our pipes, or waiting for pg_ctl would never end.
    log = os.path.join(folder, "server.log")
    options = f"-p {PORT} -k {folder} -c listen_addresses=''"
    run([f"{bin_dir}/pg_ctl", "-D", cluster, "-l", log, "-w", "-o", options, "start"])
    try:
        run([f"{bin_dir}/psql", "-h", folder, "-p", PORT, "-U", "postgres", "-c", "CREATE EXTENSION postgis"])
        yield folder
    finally:
        run([f"{bin_dir}/pg_ctl", "-D", cluster, "-m", "fast", "stop"])
        shutil.rmtree(folder, ignore_errors=True)


def test_postgis_layer_overlaps_like_any_other(postgis):
    farmland = memory_layer("Polygon", GK39, [(square(X0 + 50, Y0, 100), "永久基本农田一号")], {"MC": str}, "YJJBNT")
    uri = QgsDataSourceUri()
    uri.setConnection(postgis, PORT, "postgres", "postgres", "")
    uri.setDataSource("public", "yjjbnt", "geom")
    error, message = QgsVectorLayerExporter.exportLayer(
        farmland, uri.uri(False), "postgres", QgsCoordinateReferenceSystem(GK39)
    )
    assert error == Qgis.VectorExportResult.Success, message
    layer = QgsVectorLayer(uri.uri(False), "YJJBNT", "postgres")
    assert layer.isValid() and layer.featureCount() == 1
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100),)])
    report = run_overlay(
        subject, [RoleSpec("pbf", layer, label_field="MC")], QgsProject.instance().transformContext(), AreaMode.PLANAR
    )
    overlap = report.subjects[0].roles["pbf"]
    assert overlap.area_m2 == pytest.approx(5000.0)
    assert overlap.labels == ["永久基本农田一号"]
