"""`make bench` (PostGIS part): a city's survey in PostGIS, the overlay in the database against the one in QGIS.

    python3 -m tests.tools.bench_postgis --output bench_output/postgis [--cache DIR] [--runs 1]

Builds once (cached in ``--cache``, default ``~/.cache/liaocheng-bench``, outside the repository) the whole
city of Liaocheng — 8 counties at 90 m cells: about 1.07 million survey patches (DLTB) and 0.7 million
farmland patches (YJJBNTTB), the red line, the development boundary — and 20,000 subjects of 30–250 m
spread over the city. Each run starts a throwaway PostgreSQL cluster, loads the layers with ogr2ogr (GiST
indexes, ANALYZE; the load time printed on its own), then runs the same check (``run_overlay``, ellipsoidal,
farmland, red line, boundary and survey with DLBM/KCXS) in fresh processes, once with the overlay in the
database and once in QGIS (setting ``postgis/overlay_in_database`` off), each reading the same PostGIS
layers. It prints both times, each process's peak memory (VmHWM), the ratio, and how far the two engines'
figures are apart (every subject, role, area, cultivated and net figure).
"""

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from liaocheng_plugin.core.compat import FIELD_INT
from tests.tools.bench import peak_memory_mib
from tests.tools.qgis_session import qgis_session
from tests.tools.sample.subjects import rectangle

CITY_SPACING_M = 90.0
SUBJECTS = 20000
SUBJECTS_LAYER = "BENCH_SUBJECTS_20K"
ROLE_TABLES = {"pbf": "YJJBNTTB", "erl": "STBHHX", "udb": "CZKFBJ", "survey": "DLTB"}
SEED = 15
DEFAULT_CACHE = Path.home() / ".cache" / "liaocheng-bench"
SERVER_SETTINGS = {"shared_buffers": "1GB", "work_mem": "64MB", "max_parallel_workers_per_gather": "0"}


def city_gpkg(cache: Path) -> Path:
    """The city GeoPackage, generated on the first run only (≈ 15 minutes)."""
    from tests.tools.sample.build import GPKG_NAME, generate
    from tests.tools.sample.landscape import read_counties

    folder = cache / f"city_{int(CITY_SPACING_M)}m"
    gpkg = folder / GPKG_NAME
    if not QgsVectorLayer(f"{gpkg}|layername=DLTB", "DLTB", "ogr").isValid():
        started = time.perf_counter()
        generate(folder, spacing=CITY_SPACING_M, counties=tuple(sorted(read_counties())))
        print(f"generated the city in {time.perf_counter() - started:.0f} s", flush=True)
    if not QgsVectorLayer(f"{gpkg}|layername={SUBJECTS_LAYER}", SUBJECTS_LAYER, "ogr").isValid():
        write_subjects(gpkg)
    return gpkg


def write_subjects(gpkg: Path) -> None:
    """SUBJECTS rotated rectangles of 30–250 m inside the city's counties."""
    rng = random.Random(SEED)
    counties = QgsVectorLayer(f"{gpkg}|layername=XZQ", "XZQ", "ogr")
    union = QgsGeometry.unaryUnion([feature.geometry() for feature in counties.getFeatures()])
    box = union.boundingBox()
    engine = QgsGeometry.createGeometryEngine(union.constGet())
    engine.prepareGeometry()
    memory = QgsVectorLayer("Polygon?crs=EPSG:4527", SUBJECTS_LAYER, "memory")
    memory.dataProvider().addAttributes([QgsField("NO", FIELD_INT)])
    memory.updateFields()
    features = []
    while len(features) < SUBJECTS:
        centre = QgsPointXY(rng.uniform(box.xMinimum(), box.xMaximum()), rng.uniform(box.yMinimum(), box.yMaximum()))
        point = QgsGeometry.fromPointXY(centre)
        if not engine.contains(point.constGet()):
            continue
        feature = QgsFeature(memory.fields())
        feature.setGeometry(rectangle(centre, rng.uniform(30, 250), rng.uniform(30, 250), rng.uniform(0, 90)))
        feature.setAttributes([len(features) + 1])
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = SUBJECTS_LAYER
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(gpkg), QgsProject.instance().transformContext(), options)


def load(cluster, gpkg: Path) -> dict:
    """Every bench layer into the cluster with ogr2ogr (fids kept, GiST index), then ANALYZE; seconds and counts."""
    from tests.core.conftest import load_with_ogr2ogr

    started = time.perf_counter()
    cluster.psql("CREATE SCHEMA city")
    for table in [*ROLE_TABLES.values(), SUBJECTS_LAYER]:
        load_with_ogr2ogr(cluster, str(gpkg), table, "city", table)
    cluster.psql("VACUUM ANALYZE")
    seconds = time.perf_counter() - started
    counts = {table: int(cluster.psql(f'SELECT count(*) FROM city."{table}"')) for table in ROLE_TABLES.values()}
    counts[SUBJECTS_LAYER] = int(cluster.psql(f'SELECT count(*) FROM city."{SUBJECTS_LAYER}"'))
    return {"load_s": round(seconds, 1), "counts": counts}


def run_check(port: int, engine: str, output: Path) -> None:
    """One engine in this process: run_overlay on the PostGIS layers; time, peak memory and figures as JSON."""
    from liaocheng_plugin.core.engine import RoleSpec, run_overlay
    from liaocheng_plugin.core.settings import OVERLAY_IN_DATABASE
    from tests.tools.postgis_cluster import Cluster

    cluster = Cluster(Path("."), Path("."), port)

    def layer(table):
        result = QgsVectorLayer(cluster.uri("city", table).uri(False), table, "postgres")
        assert result.isValid(), table
        return result

    specs = [
        RoleSpec(key, layer(table), code_field="DLBM", deduction_field="KCXS", coverage=True)
        if key == "survey"
        else RoleSpec(key, layer(table))
        for key, table in ROLE_TABLES.items()
    ]
    subjects = layer(SUBJECTS_LAYER)
    OVERLAY_IN_DATABASE.set_value(engine == "postgis")
    try:
        started = time.perf_counter()
        report = run_overlay(subjects, specs, QgsProject.instance().transformContext())
        seconds = time.perf_counter() - started
    finally:
        OVERLAY_IN_DATABASE.reset()
    figures = {
        str(result.subject_id): {
            key: [role.area_m2, role.cultivated_m2, role.cultivated_net_m2] for key, role in result.roles.items()
        }
        for result in report.subjects
    }
    pieces = sum(len(role.pieces) for result in report.subjects for role in result.roles.values())
    output.write_text(
        json.dumps(
            {
                "engine": report.engine,
                "note": report.engine_note,
                "seconds": seconds,
                "peak_mib": peak_memory_mib(),
                "pieces": pieces,
                "figures": figures,
            }
        )
    )


def spawn(port: int, engine: str, output: Path) -> dict:
    target = output / f"check_{engine}.json"
    arguments = ["--output", str(output), "--port", str(port), "--engine", engine]
    subprocess.run([sys.executable, "-m", "tests.tools.bench_postgis", *arguments], check=True)
    return json.loads(target.read_text())


def apart(first: dict, second: dict) -> dict:
    """The largest relative difference between two runs' figures, and how many figures were compared."""
    worst, compared = 0.0, 0
    for subject, roles in first.items():
        for key, values in roles.items():
            for mine, theirs in zip(values, second[subject][key]):
                compared += 1
                if mine != theirs:
                    worst = max(worst, abs(mine - theirs) / max(abs(theirs), 1e-12))
    return {"figures_compared": compared, "worst_relative_difference": worst}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=Path("bench_output") / "postgis")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int)
    parser.add_argument("--engine")
    arguments = parser.parse_args()
    output = arguments.output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    if arguments.engine:
        with qgis_session():
            run_check(arguments.port, arguments.engine, output / f"check_{arguments.engine}.json")
        return
    with qgis_session():
        gpkg = city_gpkg(arguments.cache.expanduser())
    from tests.tools.postgis_cluster import throwaway_cluster

    with throwaway_cluster(settings=SERVER_SETTINGS) as cluster:
        loaded = load(cluster, gpkg)
        print(f"loaded into PostGIS in {loaded['load_s']} s: {loaded['counts']}", flush=True)
        runs = {"postgis": [], "local": []}
        for _ in range(arguments.runs):
            for engine in runs:
                runs[engine].append(spawn(cluster.port, engine, output))
    database, local = runs["postgis"][-1], runs["local"][-1]
    database_s = statistics.median(run["seconds"] for run in runs["postgis"])
    local_s = statistics.median(run["seconds"] for run in runs["local"])
    summary = {
        "data": loaded["counts"],
        "load_into_postgis_s": loaded["load_s"],
        "subjects": len(database["figures"]),
        "pieces": database["pieces"],
        "postgis": {
            "engine": database["engine"],
            "seconds": round(database_s, 2),
            "runs_s": [round(run["seconds"], 2) for run in runs["postgis"]],
            "peak_mib": round(max(run["peak_mib"] for run in runs["postgis"])),
        },
        "local": {
            "engine": local["engine"],
            "seconds": round(local_s, 2),
            "runs_s": [round(run["seconds"], 2) for run in runs["local"]],
            "peak_mib": round(max(run["peak_mib"] for run in runs["local"])),
        },
        "speed_ratio_local_over_postgis": round(local_s / database_s, 2),
        "equal": apart(database["figures"], local["figures"]),
        "server": SERVER_SETTINGS,
    }
    (output / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
