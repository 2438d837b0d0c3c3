"""`make demo`: build the Liaocheng sample data and run every check headless on it.

python3 -m tests.tools.demo --output demo_output
"""

import argparse
import time
from pathlib import Path

from qgis.core import QgsFeatureRequest, QgsProcessingFeedback, QgsProject, QgsVectorLayer

from tests.tools.qgis_session import qgis_session
from tests.tools.sample.build import generate

SUBJECTS = {  # sample layer: (what it is, corridor buffer for lines in metres)
    "CBDK": ("储备地块 reserve parcels", 0.0),
    "GDLC": ("耕地流出 outflow patches", 0.0),
    "GDLR": ("耕地流入 inflow patches", 0.0),
    "XMXZ": ("项目选址 sites", 0.0),
    "XMXL": ("项目路线 route (60 m corridor)", 30.0),
}


def gpkg_output(path: Path, table: str) -> str:
    return f"ogr:dbname='{path}' table=\"{table}\" (geom)"


def run_overlap_checks(project: QgsProject, results: Path) -> None:
    import processing

    from liaocheng_plugin.core.profile import ProtectedProfile

    protected = ProtectedProfile.load(project).processing_parameters(project)
    for name, (title, buffer_m) in SUBJECTS.items():
        layer = next(lyr for lyr in project.mapLayers().values() if lyr.name().endswith(name))
        started = time.perf_counter()
        outputs = processing.run(
            "liaocheng:overlap_check",
            dict(
                protected,
                INPUT=layer,
                BUFFER=buffer_m,
                OUTPUT=gpkg_output(results, f"overlap_{name}"),
                OVERLAPS=gpkg_output(results, f"pieces_{name}"),
            ),
            feedback=QgsProcessingFeedback(),
        )
        output = QgsVectorLayer(outputs["OUTPUT"], name, "ogr")
        conflicted = sum(1 for f in output.getFeatures(QgsFeatureRequest()) if f["conflicts"])
        print(
            f"  overlap_check {title}: {output.featureCount()} checked, {conflicted} with conflicts "
            f"({time.perf_counter() - started:.1f} s)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=Path("demo_output"))
    arguments = parser.parse_args()
    output = arguments.output.resolve()
    with qgis_session():
        started = time.perf_counter()
        sample = generate(output)
        print(
            f"Sample data ({time.perf_counter() - started:.1f} s): "
            + ", ".join(f"{name} {count}" for name, count in sample.counts.items())
        )
        project = QgsProject.instance()
        project.read(str(sample.project))
        results = output / "overlap_results.gpkg"
        if results.exists():
            results.unlink()
        run_overlap_checks(project, results)
    print("\nWritten:")
    for path in sorted(output.rglob("*")):
        if path.is_file():
            print(f"  {path.relative_to(output.parent)}  ({path.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
