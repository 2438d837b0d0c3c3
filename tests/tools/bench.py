"""`make bench`: the overlay engine against QGIS's native:calculatevectoroverlaps and the GEOS floor.

    python3 -m tests.tools.bench --output bench_output [--runs 3]

Builds (once, then reuses) two counties of generated survey data at 110 m cell spacing — about
200,000 survey patches and 130,000 farmland patches — plus 10,000 and 100,000 subjects. Every
contender runs in its own process (so each peak memory is its own), ``--runs`` times; medians are
printed with their ratios:

- batch: ``liaocheng:overlap_check`` and ``native:calculatevectoroverlaps`` on farmland, red line and
  survey, planar and ellipsoidal (native given the CGCS2000 ellipsoid);
- the GEOS floor: intersection + area of only the truly overlapping pairs, nothing else;
- scale: 10,000 → 100,000 subjects, time and peak memory;
- equal results: per-subject areas of the engine against an independent exact reference (pairwise
  QGIS/GEOS intersections, unioned, measured with QgsDistanceArea) on a sample, and against native;
- interactive: a 50 ha site and a 40 km × 60 m route against indexes built once;
- the input check (数据体检): ``overlap_check`` with and without it (its cost, target ≤ 10 %).
"""

import argparse
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProject,
    QgsRectangle,
    QgsSpatialIndex,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from liaocheng_plugin.core.compat import FIELD_INT, GEOMETRY_NO_CHECK
from tests.tools.qgis_session import qgis_session
from tests.tools.sample.subjects import rectangle

SPACING_M = 110.0
SUBJECT_LAYERS = {10000: "BENCH_SUBJECTS", 100000: "BENCH_SUBJECTS_100K"}
ROLE_LAYERS = (("pbf", "YJJBNTTB"), ("erl", "STBHHX"), ("survey", "DLTB"))
REFERENCE_SAMPLE = 300
SEED = 11
GK39 = QgsCoordinateReferenceSystem("EPSG:4527")
MODES = {"planar": 1, "ellipsoidal": 0}
DATA_SETS = {  # name: what it is (printed with every figure)
    "realistic": "survey and farmland patches of about 23 vertices (as real 三调 patches), a valid coverage",
    "simple": "survey and farmland patches of about 6 vertices (straight-edged Voronoi cells)",
}


def layer(gpkg: Path, name: str) -> QgsVectorLayer:
    result = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    if not result.isValid():
        raise RuntimeError(f"{gpkg}:{name} is not readable")
    return result


def write_subjects(gpkg: Path, counties: QgsVectorLayer, count: int, name: str) -> None:
    """``count`` rotated rectangles of 30–250 m inside the generated counties."""
    rng = random.Random(SEED)
    shapes = [f.geometry() for f in counties.getFeatures() if f["XZQDM"] in ("371502", "371503")]
    union = QgsGeometry.unaryUnion(shapes)
    box = union.boundingBox()
    memory = QgsVectorLayer("Polygon?crs=EPSG:4527", name, "memory")
    memory.dataProvider().addAttributes([QgsField("NO", FIELD_INT)])
    memory.updateFields()
    engine = QgsGeometry.createGeometryEngine(union.constGet())
    engine.prepareGeometry()
    features = []
    while len(features) < count:
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
    options.layerName = name
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(gpkg), QgsProject.instance().transformContext(), options)


def prepare(output: Path, detail: bool) -> Path:
    """The benchmark GeoPackage, generated on the first run only."""
    from tests.tools.sample.build import generate

    gpkg = output / "liaocheng_sample.gpkg"
    started = time.perf_counter()
    if not QgsVectorLayer(f"{gpkg}|layername=DLTB", "DLTB", "ogr").isValid():
        generate(output, spacing=SPACING_M, detail=detail)
    for count, name in SUBJECT_LAYERS.items():
        if not QgsVectorLayer(f"{gpkg}|layername={name}", "subjects", "ogr").isValid():
            write_subjects(gpkg, layer(gpkg, "XZQ"), count, name)
            print(f"generated {name} in {time.perf_counter() - started:.0f} s")
    return gpkg


def mean_vertices(source: QgsVectorLayer) -> float:
    """Mean number of distinct vertices per feature (a ring's closing vertex not counted)."""
    import shapely

    from liaocheng_plugin.core.engine import read_layer

    arrays, _ = read_layer(source, "x", "x", {}, GK39, QgsProject.instance().transformContext())
    rings = shapely.get_num_interior_rings(arrays.geometries) + shapely.get_num_geometries(arrays.geometries)
    return round(float((shapely.get_num_coordinates(arrays.geometries) - rings).mean()), 1)


def peak_memory_mib() -> float:
    """This process's peak resident memory. ru_maxrss would carry the parent's peak across exec on Linux;
    VmHWM belongs to this process's own address space."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def without_input_check() -> None:
    """Switch the input check (数据体检) off in this process, to measure what it costs: no source rules, no array
    rules, no recorded-area columns read from the survey. For `make bench` only."""
    from liaocheng_plugin.core.datacheck.sources import SourceCheck
    from liaocheng_plugin.processing import data_inputs, protected_parameters

    data_inputs.check_sources = lambda layers, context, frame=None: SourceCheck()
    data_inputs.InspectedInputs.inspector = lambda self, specs, codes, context: None
    protected_parameters.recorded_area_columns = lambda fields: {}


def run_ours(gpkg: Path, mode: str, subjects_name: str, pieces: bool, checked: bool = True) -> dict:
    """liaocheng:overlap_check; with ``pieces`` also the OVERLAPS output (one row per subject × feature); without
    ``checked`` the input check is switched off."""
    import processing

    if not checked:
        without_input_check()

    roles = {key: layer(gpkg, name) for key, name in ROLE_LAYERS}
    subjects = layer(gpkg, subjects_name)
    parameters = {
        "INPUT": subjects,
        "PERMANENT_FARMLAND": roles["pbf"],
        "ECOLOGICAL_REDLINE": roles["erl"],
        "LAND_SURVEY": roles["survey"],
        "AREA_MODE": MODES[mode],
        "OUTPUT": "memory:",
    }
    if pieces:
        parameters["OVERLAPS"] = "memory:"
    started, cpu = time.perf_counter(), time.process_time()
    output = processing.run("liaocheng:overlap_check", parameters)["OUTPUT"]
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    areas = {str(f["NO"]): [f["pbf_m2"] or 0.0, f["erl_m2"] or 0.0] for f in output.getFeatures()}
    return {"seconds": seconds, "cpu_s": cpu, "areas": areas}


def run_native(gpkg: Path, mode: str) -> dict:
    import processing

    subjects = layer(gpkg, SUBJECT_LAYERS[10000])
    overlays = [layer(gpkg, name) for _, name in ROLE_LAYERS]
    # Native stops at the first invalid geometry by default; let it run over the bowties unchecked.
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setInvalidGeometryCheck(GEOMETRY_NO_CHECK)
    if mode == "ellipsoidal":
        context.setEllipsoid("EPSG:1024")
    started, cpu = time.perf_counter(), time.process_time()
    output = processing.run(
        "native:calculatevectoroverlaps",
        {"INPUT": subjects, "LAYERS": overlays, "OUTPUT": "memory:"},
        context=context,
    )["OUTPUT"]
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    fields = ("YJJBNTTB_area", "STBHHX_area")
    areas = {str(f["NO"]): [f[fields[0]] or 0.0, f[fields[1]] or 0.0] for f in output.getFeatures()}
    touching = subjects_touching_invalid(subjects, overlays[0])
    return {"seconds": seconds, "cpu_s": cpu, "areas": areas, "touch_invalid": touching}


def subjects_touching_invalid(subjects: QgsVectorLayer, protected: QgsVectorLayer) -> list:
    """Subjects meeting an invalid protected feature: there native measures the raw geometry, we the repaired one."""
    request = QgsFeatureRequest().setNoAttributes()
    invalid = [f.geometry() for f in protected.getFeatures(request) if not f.geometry().isGeosValid()]
    return [str(f["NO"]) for f in subjects.getFeatures() if any(f.geometry().intersects(g) for g in invalid)]


def run_floor(gpkg: Path) -> dict:
    """The GEOS floor: intersection + area of only the truly overlapping pairs (found beforehand, untimed)."""
    import numpy as np
    import shapely

    from liaocheng_plugin.core.engine import read_layer
    from liaocheng_plugin.core.engine.repair import repair_geometries

    context = QgsProject.instance().transformContext()

    def shapes(name):
        arrays, _ = read_layer(layer(gpkg, name), name, name, {}, GK39, context)
        repair_geometries(arrays)
        return arrays.geometries

    subjects = shapes(SUBJECT_LAYERS[10000])
    pairs = []
    for _, name in ROLE_LAYERS:
        features = shapes(name)
        at, feature_at = shapely.STRtree(features).query(subjects, predicate="intersects")
        overlapping = shapely.area(shapely.intersection(subjects[at], features[feature_at])) > 0
        pairs.append((subjects[at[overlapping]], features[feature_at[overlapping]]))
    started, cpu = time.perf_counter(), time.process_time()
    for first, second in pairs:
        shapely.area(shapely.intersection(first, second))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu_s": cpu,
        "pairs": int(sum(len(first) for first, _ in pairs)),
        "numpy": np.__version__,
    }


def geodesic_area(shape) -> float:
    """Area of a shapely polygon (EPSG:4527) on the CGCS2000 ellipsoid by GeographicLib (pyproj), edges 2 m apart."""
    import pyproj
    import shapely

    to_geographic = pyproj.Transformer.from_crs("EPSG:4527", "EPSG:4490", always_xy=True)
    ellipsoid = pyproj.Geod(a=6378137.0, rf=298.257222101)

    def ring_area(ring) -> float:
        xs, ys = zip(*shapely.segmentize(ring, 2.0).coords)
        return abs(ellipsoid.polygon_area_perimeter(*to_geographic.transform(xs, ys))[0])

    return sum(
        ring_area(part.exterior) - sum(ring_area(hole) for hole in part.interiors) for part in shapely.get_parts(shape)
    )


def run_reference(gpkg: Path) -> dict:
    """Engine areas (unrounded) against exact pairwise QGIS/GEOS intersections on a sample of subjects.

    The reference unions each subject's intersections with the (repaired) features and measures the
    union planar or with QgsDistanceArea. Where the ellipsoidal figures differ by more than 1e-7, both
    are also compared with GeographicLib's geodesic area (pyproj), when it is installed.
    """
    from liaocheng_plugin.core.definitions import AreaMode
    from liaocheng_plugin.core.engine import RoleSpec, run_overlay

    context = QgsProject.instance().transformContext()
    subjects = layer(gpkg, SUBJECT_LAYERS[10000])
    roles = {key: layer(gpkg, name) for key, name in ROLE_LAYERS if key != "survey"}
    rng = random.Random(SEED)
    every = sorted(f.id() for f in subjects.getFeatures(QgsFeatureRequest().setNoAttributes()))
    sample = set(rng.sample(every, REFERENCE_SAMPLE))
    geometries = {f.id(): f.geometry() for f in subjects.getFeatures(QgsFeatureRequest().setFilterFids(list(sample)))}
    measure = QgsDistanceArea()
    measure.setSourceCrs(GK39, context)
    measure.setEllipsoid("EPSG:1024")
    summary = {"sample": len(sample)}
    apart = []
    for mode in (AreaMode.PLANAR, AreaMode.ELLIPSOIDAL):
        report = run_overlay(subjects, [RoleSpec(key, source) for key, source in roles.items()], context, mode)
        ours = {result.subject_id: result for result in report.subjects if result.subject_id in sample}
        for key, source in roles.items():
            index = QgsSpatialIndex(source.getFeatures(), None, QgsSpatialIndex.Flag.FlagStoreFeatureGeometries)
            worst_relative, worst_absolute = 0.0, 0.0
            for fid, subject in geometries.items():
                pieces = []
                for candidate in index.intersects(subject.boundingBox()):
                    protected = index.geometry(candidate)
                    protected = protected if protected.isGeosValid() else protected.makeValid()
                    piece = subject.intersection(protected)
                    if not piece.isEmpty():
                        pieces.append(piece)
                union = QgsGeometry.unaryUnion(pieces) if pieces else QgsGeometry()
                planar = mode == AreaMode.PLANAR
                expected = 0.0 if union.isEmpty() else union.area() if planar else measure.measureArea(union)
                overlap = ours[fid].roles[key]
                difference = abs(overlap.area_m2 - expected)
                worst_absolute = max(worst_absolute, difference)
                if expected > 0:
                    worst_relative = max(worst_relative, difference / expected)
                    if difference > 1e-7 * expected:
                        apart.append((overlap, expected))
            summary[f"{mode.basis}_{key}_worst_relative"] = worst_relative
            summary[f"{mode.basis}_{key}_worst_absolute_m2"] = worst_absolute
    summary["ellipsoidal_beyond_1e-7_of_qgsdistancearea"] = len(apart)
    try:
        truths = [(overlap.area_m2, expected, geodesic_area(overlap.shape)) for overlap, expected in apart]
    except ImportError:
        return summary
    summary["there_ours_vs_geodesic_worst_absolute_m2"] = max((abs(a - t) for a, _, t in truths), default=0.0)
    summary["there_qgsdistancearea_vs_geodesic_worst_absolute_m2"] = max(
        (abs(e - t) for _, e, t in truths), default=0.0
    )
    summary["there_ours_vs_geodesic_worst_relative"] = max((abs(a - t) / t for a, _, t in truths), default=0.0)
    summary["there_qgsdistancearea_vs_geodesic_worst_relative"] = max(
        (abs(e - t) / t for _, e, t in truths), default=0.0
    )
    return summary


def interactive_cases(gpkg: Path) -> dict:
    """Index build time, then a 50-hectare site and a 40 km × 60 m route against all roles: the overlay alone
    and the whole site check the dock runs (villages nearby, clear part, chainage of crossings)."""
    from liaocheng_plugin.core.engine import OverlayEngine, RoleSpec
    from liaocheng_plugin.core.siting import check_site

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
    site_ms, site_check_ms = [], []
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
        started = time.perf_counter()
        check_site(engine, site, 1, "site", None, 200.0)
        site_check_ms.append(1000 * (time.perf_counter() - started))
    seat = county.centroid().asPoint()
    route = QgsGeometry.fromPolylineXY(
        [QgsPointXY(seat.x() - 20000 + 1000 * i, seat.y() + 3000 * math.sin(i / 6.0)) for i in range(41)]
    )
    route_ms, route_check_ms = [], []
    for _ in range(5):
        started = time.perf_counter()
        engine.overlay(route.buffer(30.0, 8))
        route_ms.append(1000 * (time.perf_counter() - started))
        started = time.perf_counter()
        check_site(engine, route.buffer(30.0, 8), 1, "route", route, 200.0)
        route_check_ms.append(1000 * (time.perf_counter() - started))
    return {
        "index_build_s": build_seconds,
        "site_50ha_median_ms": statistics.median(site_ms),
        "site_50ha_max_ms": max(site_ms),
        "site_check_50ha_median_ms": statistics.median(site_check_ms),
        "route_40km_median_ms": statistics.median(route_ms),
        "route_check_40km_median_ms": statistics.median(route_check_ms),
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


def run_contender(contender: str, gpkg: Path, output: Path) -> None:
    """One contender in this process; its result, timing and peak memory as JSON in ``output``.

    ``ours:MODE`` (10,000 subjects, results layer), ``pieces:MODE`` (also the OVERLAPS pieces output),
    ``large:MODE`` (100,000 subjects), ``unchecked:MODE`` (10,000 subjects, the input check off),
    ``native:MODE``, ``floor``, ``reference``, ``interactive``.
    """
    name, _, option = contender.partition(":")
    if name in ("ours", "pieces", "large", "unchecked"):
        subjects = SUBJECT_LAYERS[100000 if name == "large" else 10000]
        result = run_ours(gpkg, option, subjects, name == "pieces", name != "unchecked")
    elif name == "native":
        result = run_native(gpkg, option)
    elif name == "floor":
        result = run_floor(gpkg)
    elif name == "reference":
        result = run_reference(gpkg)
    else:
        result = interactive_cases(gpkg)
    result["peak_mib"] = peak_memory_mib()
    output.write_text(json.dumps(result))


def spawn(contender: str, output: Path, data: str) -> dict:
    target = output / f"{contender.replace(':', '_')}.json"
    command = [sys.executable, "-m", "tests.tools.bench", "--output", str(output.parent), "--data", data]
    subprocess.run(command + ["--contender", contender], check=True)
    return json.loads(target.read_text())


def interleaved(contenders: list, output: Path, data: str, runs: int) -> dict:
    """Every contender ``runs`` times, round after round (so a busy moment hits all alike), each in a fresh
    process: per contender the median seconds and peak memory, and the last run's other results."""
    results = {contender: [] for contender in contenders}
    for _ in range(runs):
        for contender in contenders:
            results[contender].append(spawn(contender, output, data))
    summaries = {}
    for contender, runs_of_one in results.items():
        summary = dict(runs_of_one[-1])
        summary["seconds"] = statistics.median(r["seconds"] for r in runs_of_one)
        summary["peak_mib"] = statistics.median(r["peak_mib"] for r in runs_of_one)
        summary["all_seconds"] = [round(r["seconds"], 2) for r in runs_of_one]
        if "cpu_s" in runs_of_one[-1]:
            summary["cpu_s"] = statistics.median(r["cpu_s"] for r in runs_of_one)
        summaries[contender] = summary
    return summaries


def input_check_cost(checked: dict, unchecked: dict) -> dict:
    """``overlap_check`` (ellipsoidal, 10,000 subjects) with and without the input check, timed in the same
    rounds so both meet the same moments of a busy machine; the cost is the ratio of the medians, of wall time
    and of the process's CPU time (less disturbed by other processes on the machine)."""
    return {
        "with_s": round(checked["seconds"], 2),
        "without_s": round(unchecked["seconds"], 2),
        "cost_pct": round(100.0 * (checked["seconds"] / unchecked["seconds"] - 1.0), 1),
        "with_cpu_s": round(checked["cpu_s"], 2),
        "without_cpu_s": round(unchecked["cpu_s"], 2),
        "cpu_cost_pct": round(100.0 * (checked["cpu_s"] / unchecked["cpu_s"] - 1.0), 1),
        "with_runs_s": checked["all_seconds"],
        "without_runs_s": unchecked["all_seconds"],
        "peak_mib": [round(checked["peak_mib"]), round(unchecked["peak_mib"])],
    }


def bench_data(output: Path, data: str, runs: int) -> dict:
    """Every figure of one data set (``output`` holds its GeoPackage)."""
    with qgis_session():
        gpkg = prepare(output, data == "realistic")
        counts = {name: layer(gpkg, name).featureCount() for name in ("DLTB", "YJJBNTTB", "STBHHX")}
        counts.update({name: layer(gpkg, name).featureCount() for name in SUBJECT_LAYERS.values()})
        counts["DLTB_mean_vertices"] = mean_vertices(layer(gpkg, "DLTB"))
    contenders = ["floor"] + [f"{who}:{mode}" for mode in MODES for who in ("native", "ours")]
    contenders.append("unchecked:ellipsoidal")  # the input check's cost: beside "ours:ellipsoidal", round by round
    timed = interleaved(contenders, output, data, runs)
    timed.update(interleaved([f"pieces:{mode}" for mode in MODES], output, data, max(1, runs - 1)))
    timed.update(interleaved(["large:planar"], output, data, max(1, runs - 1)))
    floor = timed["floor"]
    batch = {}
    for mode in MODES:
        native, ours, with_pieces = timed[f"native:{mode}"], timed[f"ours:{mode}"], timed[f"pieces:{mode}"]
        batch[mode] = {
            "native_s": round(native["seconds"], 2),
            "ours_s": round(ours["seconds"], 2),
            "ours_with_pieces_output_s": round(with_pieces["seconds"], 2),
            "native_runs_s": native["all_seconds"],
            "ours_runs_s": ours["all_seconds"],
            "speed_vs_native": round(native["seconds"] / ours["seconds"], 2),
            "cpu_s_native_ours": [round(native["cpu_s"], 2), round(ours["cpu_s"], 2)],
            "speed_vs_native_with_pieces_output": round(native["seconds"] / with_pieces["seconds"], 2),
            "ours_vs_geos_floor": round(ours["seconds"] / floor["seconds"], 2),
            "native_peak_mib": round(native["peak_mib"]),
            "ours_peak_mib": round(ours["peak_mib"]),
            "equal_to_native": compare(ours, native),
        }
    large, small = timed["large:planar"], batch["planar"]
    reference = spawn("reference", output, data)
    interactive = {k: round(v, 2) for k, v in spawn("interactive", output, data).items()}
    return {
        "targets_met": targets(batch, floor["seconds"], large, small, reference, interactive),
        "data": counts,
        "geos_floor_s": round(floor["seconds"], 2),
        "geos_floor_runs_s": floor["all_seconds"],
        "geos_floor_cpu_s": round(floor["cpu_s"], 2),
        "geos_floor_pairs": floor["pairs"],
        "batch": batch,
        "scale_10k_to_100k": {
            "seconds": [small["ours_s"], round(large["seconds"], 2)],
            "time_ratio": round(large["seconds"] / small["ours_s"], 2),
            "peak_mib": [small["ours_peak_mib"], round(large["peak_mib"])],
            "memory_ratio": round(large["peak_mib"] / small["ours_peak_mib"], 2),
        },
        "input_check": input_check_cost(timed["ours:ellipsoidal"], timed["unchecked:ellipsoidal"]),
        "equal_to_reference": reference,
        "interactive": interactive,
    }


def targets(batch: dict, floor_s: float, large: dict, small: dict, reference: dict, interactive: dict) -> dict:
    """Issue 16's targets, each with whether this run met it."""
    relative = {
        basis: max(v for k, v in reference.items() if k.startswith(f"{basis}_") and "relative" in k)
        for basis in ("planar", "ellipsoidal")
    }
    return {
        "batch planar >= 3x native": batch["planar"]["speed_vs_native"] >= 3.0,
        "batch ellipsoidal >= 3x native": batch["ellipsoidal"]["speed_vs_native"] >= 3.0,
        "batch planar <= 1.5x the GEOS floor": small["ours_s"] <= 1.5 * floor_s,
        "100,000 subjects: time <= 10x": large["seconds"] <= 10 * small["ours_s"],
        "100,000 subjects: peak memory < 2x": large["peak_mib"] < 2 * small["ours_peak_mib"],
        "50 ha site < 10 ms": interactive["site_50ha_median_ms"] < 10.0,
        "40 km route < 100 ms": interactive["route_40km_median_ms"] < 100.0,
        "equal to the exact reference, planar 1e-9": relative["planar"] <= 1e-9,
        "equal to the exact reference, ellipsoidal 1e-7 (where not: closer to GeographicLib than QgsDistanceArea)": (
            relative["ellipsoidal"] <= 1e-7
            or reference.get("there_ours_vs_geodesic_worst_absolute_m2", 1.0)
            <= reference.get("there_qgsdistancearea_vs_geodesic_worst_absolute_m2", 0.0)
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=Path("bench_output"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", choices=(*DATA_SETS, "both"), default="both")
    parser.add_argument("--contender")
    arguments = parser.parse_args()
    output = arguments.output.resolve()
    if arguments.contender:
        folder = output / arguments.data
        folder.mkdir(parents=True, exist_ok=True)
        with qgis_session():
            gpkg = prepare(folder, arguments.data == "realistic")
            run_contender(arguments.contender, gpkg, folder / f"{arguments.contender.replace(':', '_')}.json")
        return
    load_before = os.getloadavg()
    summary = {}
    for data in DATA_SETS if arguments.data == "both" else (arguments.data,):
        folder = output / data
        folder.mkdir(parents=True, exist_ok=True)
        summary[f"{data}: {DATA_SETS[data]}"] = bench_data(folder, data, arguments.runs)
    summary["machine"] = {
        "cpus": os.cpu_count(),
        "load_average_1_5_15_before": [round(value, 2) for value in load_before],
        "load_average_1_5_15_after": [round(value, 2) for value in os.getloadavg()],
        "shapely": shapely_versions(),
    }
    (output / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    print(json.dumps(summary, indent=2, ensure_ascii=False))


def shapely_versions() -> str:
    import shapely

    return f"shapely {shapely.__version__}, GEOS {shapely.geos_version_string}"


if __name__ == "__main__":
    main()
