"""`make bench`: the overlay engine against QGIS's native:calculatevectoroverlaps on county-scale data.

    python3 -m tests.tools.bench --output bench_output

Builds (once, then reuses) two counties of generated survey data at 110 m cell spacing — about
200,000 survey patches and 130,000 farmland patches — plus 10,000 subjects, runs both algorithms
in separate processes (so each peak memory is its own), compares the per-subject areas, and times
the interactive cases: a 50-hectare site and a 40 km × 60 m route against indexes built once.
"""

import argparse
import json
import math
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from liaocheng_plugin.core.compat import FIELD_INT, GEOMETRY_NO_CHECK
from tests.tools.qgis_session import qgis_session
from tests.tools.sample.subjects import rectangle

SPACING_M = 110.0
SUBJECTS = 10000
SEED = 11
GK39 = QgsCoordinateReferenceSystem("EPSG:4527")


def layer(gpkg: Path, name: str) -> QgsVectorLayer:
    result = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    if not result.isValid():
        raise RuntimeError(f"{gpkg}:{name} is not readable")
    return result


def write_subjects(gpkg: Path, counties: QgsVectorLayer) -> None:
    """10,000 rotated rectangles of 30–250 m inside the generated counties."""
    rng = random.Random(SEED)
    shapes = [f.geometry() for f in counties.getFeatures() if f["XZQDM"] in ("371502", "371503")]
    union = QgsGeometry.unaryUnion(shapes)
    box = union.boundingBox()
    memory = QgsVectorLayer("Polygon?crs=EPSG:4527", "BENCH_SUBJECTS", "memory")
    memory.dataProvider().addAttributes([QgsField("NO", FIELD_INT)])
    memory.updateFields()
    engine = QgsGeometry.createGeometryEngine(union.constGet())
    engine.prepareGeometry()
    features = []
    while len(features) < SUBJECTS:
        centre = QgsPointXY(rng.uniform(box.xMinimum(), box.xMaximum()), rng.uniform(box.yMinimum(), box.yMaximum()))
        point = QgsGeometry.fromPointXY(centre)  # keep it alive: constGet() borrows its geometry
        if not engine.contains(point.constGet()):
            continue
        shape = rectangle(centre, rng.uniform(30, 250), rng.uniform(30, 250), rng.uniform(0, 90))
        feature = QgsFeature(memory.fields())
        feature.setGeometry(shape)
        feature.setAttributes([len(features) + 1])
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "BENCH_SUBJECTS"
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(gpkg), QgsProject.instance().transformContext(), options)


def prepare(output: Path) -> Path:
    """The benchmark GeoPackage, generated on the first run only."""
    from tests.tools.sample.build import generate

    gpkg = output / "liaocheng_sample.gpkg"
    started = time.perf_counter()
    if not QgsVectorLayer(f"{gpkg}|layername=DLTB", "DLTB", "ogr").isValid():
        generate(output, spacing=SPACING_M)
    if not QgsVectorLayer(f"{gpkg}|layername=BENCH_SUBJECTS", "subjects", "ogr").isValid():
        write_subjects(gpkg, layer(gpkg, "XZQ"))
        print(f"generated benchmark data in {time.perf_counter() - started:.0f} s")
    return gpkg


def peak_memory_mib() -> float:
    """This process's peak resident memory. ru_maxrss would carry the parent's peak across exec on Linux;
    VmHWM belongs to this process's own address space."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_contender(which: str, gpkg: Path, result_path: Path) -> None:
    """Run one algorithm in this process and write its timing, peak memory and areas as JSON."""
    import processing

    subjects = layer(gpkg, "BENCH_SUBJECTS")
    farmland, redline, survey = layer(gpkg, "YJJBNTTB"), layer(gpkg, "STBHHX"), layer(gpkg, "DLTB")
    started = time.perf_counter()
    if which == "ours":
        output = processing.run(
            "liaocheng:overlap_check",
            {
                "INPUT": subjects,
                "PERMANENT_FARMLAND": farmland,
                "ECOLOGICAL_REDLINE": redline,
                "LAND_SURVEY": survey,
                "AREA_MODE": 1,
                "OUTPUT": "memory:",
                "OVERLAPS": "memory:",
            },
        )["OUTPUT"]
        fields = ("pbf_m2", "erl_m2")
    else:
        # Native stops at the first invalid geometry by default; let it run over the bowties unchecked.
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        context.setInvalidGeometryCheck(GEOMETRY_NO_CHECK)
        output = processing.run(
            "native:calculatevectoroverlaps",
            {"INPUT": subjects, "LAYERS": [farmland, redline, survey], "OUTPUT": "memory:"},
            context=context,
        )["OUTPUT"]
        fields = ("YJJBNTTB_area", "STBHHX_area")
    seconds = time.perf_counter() - started
    areas = {str(f["NO"]): [f[fields[0]] or 0.0, f[fields[1]] or 0.0] for f in output.getFeatures()}
    peak_mib = peak_memory_mib()
    result = {"seconds": seconds, "peak_mib": peak_mib, "areas": areas}
    if which == "native":
        result["touch_invalid"] = subjects_touching_invalid(subjects, farmland)
    result_path.write_text(json.dumps(result))


def subjects_touching_invalid(subjects: QgsVectorLayer, protected: QgsVectorLayer) -> list:
    """Subjects meeting an invalid protected feature: there native measures the raw geometry, we the repaired one."""
    request = QgsFeatureRequest().setNoAttributes()
    invalid = [f.geometry() for f in protected.getFeatures(request) if not f.geometry().isGeosValid()]
    return [str(f["NO"]) for f in subjects.getFeatures() if any(f.geometry().intersects(g) for g in invalid)]


def interactive_cases(gpkg: Path) -> dict:
    """Index build time, then a 50-hectare site and a 40 km × 60 m route against all roles."""
    from liaocheng_plugin.core.overlay import OverlayEngine
    from liaocheng_plugin.core.protected_index import RoleSpec

    engine = OverlayEngine(GK39, QgsProject.instance().transformContext())
    specs = [
        RoleSpec("pbf", layer(gpkg, "YJJBNTTB")),
        RoleSpec("erl", layer(gpkg, "STBHHX")),
        RoleSpec("udb", layer(gpkg, "CZKFBJ")),
        RoleSpec("survey", layer(gpkg, "DLTB"), code_field="DLBM", deduction_field="KCXS", coverage=True),
        RoleSpec("village", layer(gpkg, "CZCDYD"), label_field="CZMC"),
    ]
    started = time.perf_counter()
    engine.build_indexes(specs)
    build_seconds = time.perf_counter() - started
    county = next(f.geometry() for f in layer(gpkg, "XZQ").getFeatures() if f["XZQDM"] == "371502")
    rng = random.Random(SEED)
    site_ms = []
    box = county.boundingBox()
    side = math.sqrt(500000.0)  # 50 ha
    while len(site_ms) < 30:
        x, y = rng.uniform(box.xMinimum(), box.xMaximum()), rng.uniform(box.yMinimum(), box.yMaximum())
        site = QgsGeometry.fromRect(QgsRectangle(x, y, x + side, y + side))
        if not county.contains(site):
            continue
        started = time.perf_counter()
        engine.overlay(site)
        site_ms.append(1000 * (time.perf_counter() - started))
    seat = county.centroid().asPoint()
    route = QgsGeometry.fromPolylineXY(
        [QgsPointXY(seat.x() - 20000 + 1000 * i, seat.y() + 3000 * math.sin(i / 6.0)) for i in range(41)]
    )
    route_ms = []
    for _ in range(5):
        started = time.perf_counter()
        engine.overlay(route.buffer(30.0, 8))
        route_ms.append(1000 * (time.perf_counter() - started))
    return {
        "index_build_s": build_seconds,
        "site_50ha_median_ms": statistics.median(site_ms),
        "site_50ha_max_ms": max(site_ms),
        "route_40km_median_ms": statistics.median(route_ms),
        "route_length_km": route.length() / 1000.0,
    }


def compare(ours: dict, native: dict) -> dict:
    """Per-subject farmland and red-line areas; differences where native met invalid input are counted apart."""
    touch_invalid = set(native["touch_invalid"])
    worst, mismatches, explained, compared = 0.0, 0, 0, 0
    for key, (pbf, erl) in native["areas"].items():
        mine = ours["areas"][key]
        for expected, got in ((pbf, mine[0]), (erl, mine[1])):
            compared += 1
            difference = abs(got - expected)
            if difference <= max(1e-6 * expected, 0.2):  # native snaps areas to ~1/64 m² on prefixed GK coordinates
                continue
            if key in touch_invalid:
                explained += 1
                continue
            mismatches += 1
            worst = max(worst, difference / expected if expected else difference)
    return {
        "compared": compared,
        "mismatches": mismatches,
        "differ_where_input_invalid": explained,
        "worst_relative_difference_elsewhere": worst,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=Path("bench_output"))
    parser.add_argument("--contender", choices=("ours", "native", "interactive"))
    arguments = parser.parse_args()
    output = arguments.output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    with qgis_session():
        gpkg = prepare(output)
        if arguments.contender == "interactive":
            (output / "interactive.json").write_text(json.dumps(interactive_cases(gpkg)))
            return
        if arguments.contender:
            run_contender(arguments.contender, gpkg, output / f"{arguments.contender}.json")
            return
        counts = {name: layer(gpkg, name).featureCount() for name in ("DLTB", "YJJBNTTB", "STBHHX", "BENCH_SUBJECTS")}
    results = {}
    for contender in ("native", "ours", "interactive"):
        subprocess.run(
            [sys.executable, "-m", "tests.tools.bench", "--output", str(output), "--contender", contender], check=True
        )
        results[contender] = json.loads((output / f"{contender}.json").read_text())
    interactive = results["interactive"]
    summary = {
        "data": counts,
        "native_seconds": round(results["native"]["seconds"], 2),
        "ours_seconds": round(results["ours"]["seconds"], 2),
        "speed_ratio": round(results["native"]["seconds"] / results["ours"]["seconds"], 2),
        "native_peak_mib": round(results["native"]["peak_mib"]),
        "ours_peak_mib": round(results["ours"]["peak_mib"]),
        "comparison": compare(results["ours"], results["native"]),
        "interactive": {k: round(v, 2) for k, v in interactive.items()},
    }
    (output / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
