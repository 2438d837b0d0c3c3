"""`make demo`: build the Liaocheng sample data and run every check headless on it.

python3 -m tests.tools.demo --output demo_output
"""

import argparse
import time
from pathlib import Path

from qgis.core import QgsFeatureRequest, QgsProcessingFeedback, QgsProject, QgsVectorLayer

from liaocheng_plugin.core.translation import install_translator, remove_translator
from tests.tools.qgis_session import qgis_session
from tests.tools.sample.build import generate
from tests.tools.sample.subjects import SAMPLE_DATE

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
        layer = sample_layer(project, name)
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


def sample_layer(project: QgsProject, table: str) -> QgsVectorLayer:
    """The demo project's layer of a sample table (layer names end with the table name)."""
    return next(lyr for lyr in project.mapLayers().values() if lyr.name().endswith(table))


def run_reserve_check(project: QgsProject, output: Path) -> None:
    """储备土地核查 on the sample parcels; writes the ledger as GeoPackage and XLSX."""
    import processing

    from liaocheng_plugin.core.export import write_layers_gpkg, write_ledger
    from liaocheng_plugin.core.profile import ProtectedProfile
    from liaocheng_plugin.core.reserve_table import reserve_ledger_sheets

    parameters = ProtectedProfile.load(project).processing_parameters(project)
    parameters.update(
        INPUT=sample_layer(project, "CBDK"),
        GRID=sample_layer(project, "WG"),
        TOWNSHIP=sample_layer(project, "XZQ_XZ"),
        REFERENCE_DATE=SAMPLE_DATE.isoformat(),
        OUTPUT="memory:",
        SUMMARY="memory:",
        OVERLAPS="memory:",
    )
    started = time.perf_counter()
    result = processing.run("liaocheng:reserve_check", parameters, feedback=QgsProcessingFeedback())
    parcels, summary = result["OUTPUT"], result["SUMMARY"]
    write_layers_gpkg(
        output / "reserve_ledger.gpkg",
        {"reserve_parcels": parcels, "summary": summary, "conflict_pieces": result["OVERLAPS"]},
    )
    write_ledger(output / "reserve_ledger.xlsx", reserve_ledger_sheets(parcels, summary))
    counts = {s: sum(1 for f in parcels.getFeatures() if f["status"] == s) for s in ("fail", "warn", "pass")}
    print(
        f"  reserve_check 储备土地: {parcels.featureCount()} parcels — {counts['fail']} fail, {counts['warn']} warn, "
        f"{counts['pass']} pass ({time.perf_counter() - started:.1f} s)"
    )


def run_balance_check(project: QgsProject, output: Path) -> None:
    """耕地进出平衡 on the sample outflow and inflow patches; writes the balance ledger as GeoPackage and XLSX."""
    import processing

    from liaocheng_plugin.core.balance_table import balance_ledger_sheets
    from liaocheng_plugin.core.export import write_layers_gpkg, write_ledger
    from liaocheng_plugin.core.profile import ProtectedProfile

    parameters = ProtectedProfile.load(project).processing_parameters(project)
    parameters.update(
        OUTFLOW=sample_layer(project, "GDLC"),
        INFLOW=sample_layer(project, "GDLR"),
        OUTPUT="memory:",
        SUMMARY="memory:",
        OVERLAPS="memory:",
    )
    started = time.perf_counter()
    result = processing.run("liaocheng:balance_check", parameters, feedback=QgsProcessingFeedback())
    patches, summary = result["OUTPUT"], result["SUMMARY"]
    write_layers_gpkg(
        output / "balance_ledger.gpkg", {"patches": patches, "balance": summary, "conflict_pieces": result["OVERLAPS"]}
    )
    write_ledger(output / "balance_ledger.xlsx", balance_ledger_sheets(patches, summary))
    for row in summary.getFeatures():
        if row["level"] == "county":
            print(
                f"  balance_check {row['county']} {row['year']}: outflow {row['outflow_mu']:.2f} mu, to balance "
                f"{row['to_balance_mu']:.2f}, valid inflow {row['inflow_mu']:.2f}, "
                f"balance {row['balance_mu']:+.2f} mu, "
                f"progress {row['progress_pct']:.2f} % ({time.perf_counter() - started:.1f} s)"
            )


def run_site_checks(project: QgsProject, output: Path) -> None:
    """项目选址 on the two sample site alternatives and the highway route; comparison as XLSX and GeoPackage."""
    import processing

    from liaocheng_plugin.core.export import layer_sheet, write_layers_gpkg, write_ledger
    from liaocheng_plugin.core.profile import ProtectedProfile
    from liaocheng_plugin.core.siting_table import comparison_sheet

    protected = ProtectedProfile.load(project).processing_parameters(project)
    tables, sheets = {}, []
    for table, title in (("XMXZ", "选址方案比选"), ("XMXL", "线路方案")):
        started = time.perf_counter()
        result = processing.run(
            "liaocheng:site_check",
            dict(
                protected,
                INPUT=sample_layer(project, table),
                WIDTH=60.0,
                VILLAGE_DISTANCE=200.0,
                OUTPUT="memory:",
                CROSSINGS="memory:",
                CLEAR="memory:",
            ),
            feedback=QgsProcessingFeedback(),
        )
        tables.update(
            {
                f"{table}_sites": result["OUTPUT"],
                f"{table}_crossings": result["CROSSINGS"],
                f"{table}_clear": result["CLEAR"],
            }
        )
        sheets.append(comparison_sheet(result["OUTPUT"], title))
        if table == "XMXL":
            sheets.append(layer_sheet("线路穿越桩号", result["CROSSINGS"], {}))
        for feature in result["OUTPUT"].getFeatures():
            print(
                f"  site_check {feature['name']}: rank {feature['rank']}, farmland {feature['pbf_mu']:.2f} mu, "
                f"red line {feature['erl_mu']:.2f} mu, clear {feature['clear_mu']:.2f} mu "
                f"({time.perf_counter() - started:.1f} s)"
            )
        for crossing in result["CROSSINGS"].getFeatures():
            print(
                f"    {crossing['role']}: {crossing['from_chainage']}–{crossing['to_chainage']} "
                f"({crossing['length_m']:.0f} m, {crossing['area_mu']:.2f} mu)"
            )
    write_layers_gpkg(output / "site_check.gpkg", tables)
    write_ledger(output / "site_comparison.xlsx", sheets)


def export_map_sheets(project: QgsProject, output: Path) -> None:
    """One sheet per check and an atlas of the failed reserve parcels (出图)."""
    from liaocheng_plugin.core.field_pack import export_field_pack
    from liaocheng_plugin.core.sheets import export_sheets, layer_sets
    from liaocheng_plugin.core.styles import apply_style

    county = sample_layer(project, "XZQ")
    protected = layer_sets(project)
    sheets = (
        ("reserve_ledger.gpkg", "reserve_parcels", "check_status", "储备土地核查图", "a4_landscape"),
        ("balance_ledger.gpkg", "patches", "balance_patches", "耕地进出平衡核查图", "a4_landscape"),
        ("site_check.gpkg", "XMXZ_sites", "subject", "项目选址核查图", "a4_portrait"),
    )
    for gpkg, table, style, title, template in sheets:
        layer = QgsVectorLayer(f"{output / gpkg}|layername={table}", title, "ogr")
        apply_style(layer, style)
        project.addMapLayer(layer, False)
        fails = [
            f.id() for f in layer.getFeatures() if layer.fields().lookupField("status") < 0 or f["status"] == "fail"
        ]
        name = gpkg.split("_")[0]
        export_sheets(layer, protected, [county], title, output / f"sheet_{name}.pdf", template, fails[:1])
        if name == "reserve":
            pages = export_sheets(layer, protected, [county], title, output / "atlas_reserve_fail.pdf", template, fails)
            print(f"  export_sheets atlas of the failed reserve parcels: {pages} pages")
            pieces = QgsVectorLayer(f"{output / gpkg}|layername=conflict_pieces", "冲突图斑", "ogr")
            apply_style(pieces, "conflict_pieces")
            pack = export_field_pack(layer, protected, output / "field_pack", "储备土地外业核查", fails, pieces)
            print(
                f"  field pack of the failed reserve parcels: {pack.project.name}, {pack.gpkg.name}, "
                f"{pack.atlas.name} ({pack.pages} pages)"
            )
    print("  export_sheets one sheet per check: sheet_reserve.pdf, sheet_balance.pdf, sheet_site.pdf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=Path("demo_output"))
    parser.add_argument("--locale", default="zh_CN", help="language of findings and ledger headers")
    arguments = parser.parse_args()
    output = arguments.output.resolve()
    with qgis_session():
        translator = install_translator(arguments.locale)  # kept: a collected translator translates nothing
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
        run_reserve_check(project, output)
        run_balance_check(project, output)
        run_site_checks(project, output)
        export_map_sheets(project, output)
        remove_translator(translator)
    print("\nWritten:")
    for path in sorted(output.rglob("*")):
        if path.is_file():
            print(f"  {path.relative_to(output.parent)}  ({path.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
