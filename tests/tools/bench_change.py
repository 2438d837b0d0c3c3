"""`make bench`, change detection: liaocheng:change_detection against native:intersection of the same two surveys.

    python3 -m tests.tools.bench_change --output bench_output [--runs 3]

Uses the bench's county-scale survey (DLTB, about 200,000 patches; see bench.py) as the base year and makes
the current year from it once (tests/tools/sample/survey_change.py): DLTB_2024 with a realistic year of
changes (about 3 % of the patches, one district re-digitised), and DLTB_2024_ALL with the same changes and
every boundary of the county moved (the hardest case: no patch outline is kept). Every contender runs in its
own process (its peak memory is its own); medians and ratios are printed:

- ``liaocheng:change_detection`` end to end (reading, input check, patches and summary in memory);
- ``native:intersection`` of the same two layers, what a technician runs by hand before any filtering;
- agreement: the change detection without sliver and minimum-area filtering, planar, against the pieces of
  native's intersection classified by the same rules (areas per direction, m²).
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsProcessingContext,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from liaocheng_plugin.core.compat import GEOMETRY_NO_CHECK
from tests.tools.bench import layer, peak_memory_mib, prepare
from tests.tools.qgis_session import qgis_session

CURRENT = {"realistic": ("DLTB_2024", 0.12), "every_boundary_moved": ("DLTB_2024_ALL", 1.0)}
SEED = 2024


def write_next_year(gpkg: Path, table: str, redigitised_share: float) -> None:
    """The current year made from DLTB and written to ``table`` of the bench GeoPackage."""
    from liaocheng_plugin.core.engine import AreaMeasurer
    from tests.tools.sample.landscape import WORKING_CRS, land_code_names
    from tests.tools.sample.survey_change import next_survey_year, qgis_rows, rows_of_layer

    base = layer(gpkg, "DLTB")
    geometries, rows = rows_of_layer(base)
    measure = AreaMeasurer(WORKING_CRS, QgsProject.instance().transformContext()).areas
    year = next_survey_year(geometries, rows, 2024, land_code_names(), measure, SEED, redigitised_share)
    memory = QgsVectorLayer(f"MultiPolygon?crs={WORKING_CRS.authid()}", table, "memory")
    memory.dataProvider().addAttributes([field for field in base.fields() if field.name() != "fid"])
    memory.updateFields()
    names = memory.fields().names()
    features = []
    for geometry, row in qgis_rows(year):
        feature = QgsFeature(memory.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([row.get(name) for name in names])
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(gpkg), QgsProject.instance().transformContext(), options)
    print(f"generated {table}: {year.changes}")


def prepare_years(output: Path) -> Path:
    """The bench's simple county data (``bench.py --data simple``, shared with it) with the current years added."""
    gpkg = prepare(output / "simple", detail=False)
    for table, share in CURRENT.values():
        if not QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr").isValid():
            write_next_year(gpkg, table, share)
    return gpkg


def run_ours(gpkg: Path, table: str, raw: bool) -> dict:
    """liaocheng:change_detection; ``raw``: planar, no sliver width, no minimum area (for the agreement)."""
    import processing

    parameters = {
        "BASE_SURVEY": layer(gpkg, "DLTB"),
        "CURRENT_SURVEY": layer(gpkg, table),
        "OUTPUT": "memory:",
        "SUMMARY": "memory:",
    }
    if raw:
        parameters.update(AREA_MODE=1, SLIVER_WIDTH_M=0.0, MIN_AREA_M2=0.0)
    started = time.perf_counter()
    result = processing.run("liaocheng:change_detection", parameters)
    seconds = time.perf_counter() - started
    by_direction = {}
    for feature in result["OUTPUT"].getFeatures():
        by_direction[feature["direction"]] = by_direction.get(feature["direction"], 0.0) + feature["area_m2"]
    numbers = {key: result[key] for key in ("PATCHES", "OUTFLOW_MU", "INFLOW_MU", "OCCUPATION_MU", "SLIVERS", "SMALL")}
    return {"seconds": seconds, "m2_by_direction": by_direction, **numbers}


def run_native(gpkg: Path, table: str) -> dict:
    """native:intersection of the two surveys (all fields, as by hand); its pieces classified afterwards, untimed."""
    import processing

    from liaocheng_plugin.core.change import ChangeRules
    from liaocheng_plugin.core.change.rules import DIRECTION_TABLE, direction_of
    from liaocheng_plugin.core.values import as_text

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setInvalidGeometryCheck(GEOMETRY_NO_CHECK)
    started = time.perf_counter()
    output = processing.run(
        "native:intersection",
        {"INPUT": layer(gpkg, "DLTB"), "OVERLAY": layer(gpkg, table), "OUTPUT": "memory:"},
        context=context,
    )["OUTPUT"]
    seconds = time.perf_counter() - started
    rules = ChangeRules()
    by_direction = {}
    for feature in output.getFeatures():
        number = DIRECTION_TABLE[
            rules.code_class(as_text(feature["DLBM"])), rules.code_class(as_text(feature["DLBM_2"]))
        ]
        if number:
            direction = direction_of(int(number)).value
            by_direction[direction] = by_direction.get(direction, 0.0) + feature.geometry().area()
    return {"seconds": seconds, "pieces": output.featureCount(), "m2_by_direction": by_direction}


def run_contender(contender: str, gpkg: Path, target: Path) -> None:
    name, table = contender.split(":")
    if name == "native":
        result = run_native(gpkg, table)
    else:
        result = run_ours(gpkg, table, name == "raw")
    result["peak_mib"] = peak_memory_mib()
    target.write_text(json.dumps(result, ensure_ascii=False))


def spawn(contender: str, output: Path) -> dict:
    target = output / f"change_{contender.replace(':', '_')}.json"
    command = [sys.executable, "-m", "tests.tools.bench_change", "--output", str(output), "--contender", contender]
    subprocess.run(command, check=True)
    return json.loads(target.read_text())


def medians(contender: str, output: Path, runs: int) -> dict:
    results = [spawn(contender, output) for _ in range(runs)]
    summary = dict(results[-1])
    summary["seconds"] = statistics.median(r["seconds"] for r in results)
    summary["peak_mib"] = statistics.median(r["peak_mib"] for r in results)
    summary["all_seconds"] = [round(r["seconds"], 2) for r in results]
    return summary


def agreement(raw: dict, native: dict) -> dict:
    """Worst relative difference of the areas per direction (no filtering, planar) between the two."""
    worst = 0.0
    for direction, expected in native["m2_by_direction"].items():
        got = raw["m2_by_direction"].get(direction, 0.0)
        worst = max(worst, abs(got - expected) / expected)
    return {
        "native_m2": {d: round(a, 1) for d, a in native["m2_by_direction"].items()},
        "ours_unfiltered_m2": {d: round(a, 1) for d, a in raw["m2_by_direction"].items()},
        "worst_relative_difference": worst,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=Path("bench_output"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--native-runs", type=int, default=1, help="native:intersection takes minutes a run")
    parser.add_argument("--contender")
    arguments = parser.parse_args()
    output = arguments.output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    with qgis_session():
        gpkg = prepare_years(output)
        if arguments.contender:
            run_contender(arguments.contender, gpkg, output / f"change_{arguments.contender.replace(':', '_')}.json")
            return
        counts = {name: layer(gpkg, name).featureCount() for name in ("DLTB", *(t for t, _ in CURRENT.values()))}
    summary = {"data": counts}
    for case, (table, _share) in CURRENT.items():
        ours = medians(f"ours:{table}", output, arguments.runs)
        native = medians(f"native:{table}", output, arguments.native_runs)
        raw = spawn(f"raw:{table}", output)
        summary[case] = {
            "change_detection_s": round(ours["seconds"], 2),
            "change_detection_runs_s": ours["all_seconds"],
            "native_intersection_s": round(native["seconds"], 2),
            "native_intersection_runs_s": native["all_seconds"],
            "speed_vs_native": round(native["seconds"] / ours["seconds"], 1),
            "change_detection_peak_mib": round(ours["peak_mib"]),
            "native_intersection_peak_mib": round(native["peak_mib"]),
            "native_pieces": native["pieces"],
            "patches": ours["PATCHES"],
            "outflow_inflow_occupation_mu": [ours["OUTFLOW_MU"], ours["INFLOW_MU"], ours["OCCUPATION_MU"]],
            "slivers_left_out": ours["SLIVERS"],
            "below_mapping_unit_left_out": ours["SMALL"],
            "agreement_with_native_unfiltered": agreement(raw, native),
        }
        result = summary[case]
        print(
            f"{case}: change_detection {result['change_detection_s']} s (peak {result['change_detection_peak_mib']} "
            f"MiB), native:intersection {result['native_intersection_s']} s (peak "
            f"{result['native_intersection_peak_mib']} MiB): {result['speed_vs_native']}× faster",
            flush=True,
        )
    (output / "change_summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
