"""`make demo`: build the Liaocheng sample data and run every check headless on it.

python3 -m tests.tools.demo --output demo_output
"""

import argparse
import time
from dataclasses import replace
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


SEVERITIES = ("error", "warning", "fixed")


def run_data_checks(project: QgsProject, output: Path) -> None:
    """数据体检 (liaocheng:data_check) on the sample data (clean) and on a generated messy delivery; one XLSX."""
    import processing

    from liaocheng_plugin.core.datacheck.report import data_check_sheet, findings_from_layer
    from liaocheng_plugin.core.export import write_ledger
    from liaocheng_plugin.core.profile import ProtectedProfile
    from tests.tools.messy import generate_messy

    protected = ProtectedProfile.load(project).processing_parameters(project)
    sample_findings = []
    for name in ("CBDK", "GDLC", "GDLR", "XMXZ", "XMXL"):
        started = time.perf_counter()
        result = processing.run(
            "liaocheng:data_check",
            dict(protected, INPUT=sample_layer(project, name), OUTPUT="memory:"),
            feedback=QgsProcessingFeedback(),
        )
        findings = findings_from_layer(result["OUTPUT"])
        sample_findings += findings
        counts = {severity: sum(1 for f in findings if f.severity.value == severity) for severity in SEVERITIES}
        kinds = ", ".join(sorted({finding.kind for finding in findings}))
        seconds = time.perf_counter() - started
        print(
            f"  data_check sample {name}: {counts['error']} errors, {counts['warning']} warnings, "
            f"{counts['fixed']} fixed ({kinds or 'nothing'}) ({seconds:.1f} s)"
        )
    messy_findings = []
    for case in generate_messy(output / "messy_delivery"):
        result = processing.run(
            "liaocheng:data_check", dict(case.parameters(), OUTPUT="memory:"), feedback=QgsProcessingFeedback()
        )
        findings = findings_from_layer(result["OUTPUT"])
        messy_findings += findings
        kinds = ", ".join(sorted({f"{finding.kind} ({finding.severity.value})" for finding in findings}))
        print(f"  data_check messy delivery, {case.title}: {kinds}")
    sample_sheet, messy_sheet = data_check_sheet(sample_findings), data_check_sheet(messy_findings)
    sheets = [replace(sample_sheet, title="样例数据" + sample_sheet.title)]
    sheets.append(replace(messy_sheet, title="问题数据" + messy_sheet.title))
    write_ledger(output / "data_check.xlsx", sheets)
    print(f"  data_check report: data_check.xlsx ({len(sample_findings)} + {len(messy_findings)} findings)")


def run_reserve_check(project: QgsProject, output: Path) -> None:
    """储备土地核查 on the sample parcels; writes the ledger as GeoPackage and XLSX."""
    import processing

    from liaocheng_plugin.core.datacheck.report import data_check_sheet, findings_from_layer
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
        DATA_CHECK="memory:",
    )
    started = time.perf_counter()
    result = processing.run("liaocheng:reserve_check", parameters, feedback=QgsProcessingFeedback())
    parcels, summary = result["OUTPUT"], result["SUMMARY"]
    write_layers_gpkg(
        output / "reserve_ledger.gpkg",
        {"reserve_parcels": parcels, "summary": summary, "conflict_pieces": result["OVERLAPS"]},
    )
    data_check = data_check_sheet(findings_from_layer(result["DATA_CHECK"]))
    write_ledger(output / "reserve_ledger.xlsx", reserve_ledger_sheets(parcels, summary) + [data_check])
    counts = {s: sum(1 for f in parcels.getFeatures() if f["status"] == s) for s in ("fail", "warn", "pass")}
    print(
        f"  reserve_check 储备土地: {parcels.featureCount()} parcels — {counts['fail']} fail, {counts['warn']} warn, "
        f"{counts['pass']} pass ({time.perf_counter() - started:.1f} s)"
    )


def run_balance_check(project: QgsProject, output: Path) -> None:
    """耕地进出平衡 on the sample outflow and inflow patches; writes the balance ledger as GeoPackage and XLSX."""
    import processing

    from liaocheng_plugin.core.balance_table import balance_ledger_sheets
    from liaocheng_plugin.core.datacheck.report import data_check_sheet, findings_from_layer
    from liaocheng_plugin.core.export import write_layers_gpkg, write_ledger
    from liaocheng_plugin.core.profile import ProtectedProfile

    parameters = ProtectedProfile.load(project).processing_parameters(project)
    parameters.update(
        OUTFLOW=sample_layer(project, "GDLC"),
        INFLOW=sample_layer(project, "GDLR"),
        OUTPUT="memory:",
        SUMMARY="memory:",
        OVERLAPS="memory:",
        DATA_CHECK="memory:",
    )
    started = time.perf_counter()
    result = processing.run("liaocheng:balance_check", parameters, feedback=QgsProcessingFeedback())
    patches, summary = result["OUTPUT"], result["SUMMARY"]
    write_layers_gpkg(
        output / "balance_ledger.gpkg", {"patches": patches, "balance": summary, "conflict_pieces": result["OVERLAPS"]}
    )
    data_check = data_check_sheet(findings_from_layer(result["DATA_CHECK"]))
    write_ledger(output / "balance_ledger.xlsx", balance_ledger_sheets(patches, summary) + [data_check])
    for row in summary.getFeatures():
        if row["level"] == "county":
            print(
                f"  balance_check {row['county']} {row['year']}: outflow {row['outflow_mu']:.2f} mu, to balance "
                f"{row['to_balance_mu']:.2f}, valid inflow {row['inflow_mu']:.2f}, "
                f"balance {row['balance_mu']:+.2f} mu, "
                f"progress {row['progress_pct']:.2f} % ({time.perf_counter() - started:.1f} s)"
            )


def run_change_detection(project: QgsProject, output: Path) -> None:
    """耕地流出/流入 from the sample's two survey years (DLTB → DLTB_2024), then the balance of those patches;
    the patches, the summary and the balance ledger as GeoPackage and XLSX."""
    import processing

    from liaocheng_plugin.core.balance_table import balance_ledger_sheets
    from liaocheng_plugin.core.cards import number_text
    from liaocheng_plugin.core.change.table import change_ledger_sheets
    from liaocheng_plugin.core.datacheck.report import data_check_sheet, findings_from_layer
    from liaocheng_plugin.core.export import write_layers_gpkg, write_ledger
    from liaocheng_plugin.core.profile import ProtectedProfile

    base, current = sample_layer(project, "DLTB"), sample_layer(project, "DLTB_2024")
    started = time.perf_counter()
    change = processing.run(
        "liaocheng:change_detection",
        {
            "BASE_SURVEY": base,
            "CURRENT_SURVEY": current,
            "OUTPUT": "memory:",
            "SUMMARY": "memory:",
            "DATA_CHECK": "memory:",
        },
        feedback=QgsProcessingFeedback(),
    )
    patches = change["OUTPUT"]
    counts = {d: sum(1 for f in patches.getFeatures() if f["direction"] == d) for d in ("流出", "流入", "建设占用")}
    net = {d: sum(f["net_mu"] for f in patches.getFeatures() if f["direction"] == d) for d in counts}
    print(
        f"  change_detection {base.name()} → {current.name()}: 流出 outflow {counts['流出']} patches "
        f"{change['OUTFLOW_MU']:,.2f} mu (net of KCXS {net['流出']:,.2f}), 流入 inflow {counts['流入']} patches "
        f"{change['INFLOW_MU']:,.2f} mu (net {net['流入']:,.2f}), 建设占用 occupation {counts['建设占用']} patches "
        f"{change['OCCUPATION_MU']:,.2f} mu ({time.perf_counter() - started:.1f} s)"
    )
    print(
        f"    left out: {change['SLIVERS']:,} slivers under 1 m wide ({change['SLIVERS_M2']:,.0f} m²), "
        f"{change['SMALL']} patches below the minimum mapping unit ({change['SMALL_M2']:,.0f} m²)"
    )
    parameters = ProtectedProfile.load(project).processing_parameters(project)
    parameters.update(INPUT=patches, OUTPUT="memory:", SUMMARY="memory:", OVERLAPS="memory:")
    balance = processing.run("liaocheng:balance_check", parameters, feedback=QgsProcessingFeedback())
    for row in balance["SUMMARY"].getFeatures():
        if row["level"] == "county":
            print(
                f"    balance_check of the extracted patches, {row['county']} {row['year']}: outflow "
                f"{row['outflow_mu']:,.2f} mu, valid inflow {row['inflow_mu']:,.2f} mu, balance "
                f"{row['balance_mu']:+,.2f} mu, quality {number_text(row['quality_out'])} → "
                f"{number_text(row['quality_in'])}, "
                f"progress {row['progress_pct']:.2f} %"
            )
    write_layers_gpkg(
        output / "change_patches.gpkg",
        {
            "change_patches": patches,
            "change_summary": change["SUMMARY"],
            "balance_patches": balance["OUTPUT"],
            "balance": balance["SUMMARY"],
        },
    )
    sheets = change_ledger_sheets(patches, change["SUMMARY"]) + balance_ledger_sheets(
        balance["OUTPUT"], balance["SUMMARY"]
    )
    write_ledger(output / "change_ledger.xlsx", sheets + [data_check_sheet(findings_from_layer(change["DATA_CHECK"]))])


def run_site_checks(project: QgsProject, output: Path) -> None:
    """项目选址 on the two sample site alternatives and the highway route; comparison and crossing chainage
    (穿越桩号) as XLSX and GeoPackage."""
    import processing

    from liaocheng_plugin.core.datacheck.report import data_check_sheet, findings_from_layer
    from liaocheng_plugin.core.export import write_layers_gpkg, write_ledger
    from liaocheng_plugin.core.profile import ProtectedProfile
    from liaocheng_plugin.core.siting_table import site_ledger_sheets

    protected = ProtectedProfile.load(project).processing_parameters(project)
    tables, sheets, findings = {}, [], []
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
                OVERLAPS="memory:",
                DATA_CHECK="memory:",
            ),
            feedback=QgsProcessingFeedback(),
        )
        findings += findings_from_layer(result["DATA_CHECK"])
        tables.update(
            {
                f"{table}_sites": result["OUTPUT"],
                f"{table}_crossings": result["CROSSINGS"],
                f"{table}_clear": result["CLEAR"],
                f"{table}_conflicts": result["OVERLAPS"],
            }
        )
        sheets += site_ledger_sheets(result["OUTPUT"], result["CROSSINGS"], title)
        for feature in result["OUTPUT"].getFeatures():
            print(
                f"  site_check {feature['name']}: rank {feature['rank']}, farmland {feature['pbf_mu']:.2f} mu, "
                f"red line {feature['erl_mu']:.2f} mu, clear {feature['clear_mu']:.2f} mu "
                f"({time.perf_counter() - started:.1f} s)"
            )
        crossings = list(result["CROSSINGS"].getFeatures())
        if crossings:
            first, last = crossings[0], crossings[-1]
            print(
                f"    {len(crossings)} crossings with chainage, {first['from_chainage']}–{first['to_chainage']} "
                f"… {last['from_chainage']}–{last['to_chainage']}, "
                f"{sum(c['area_mu'] for c in crossings):.2f} mu in all"
            )
    write_layers_gpkg(output / "site_check.gpkg", tables)
    write_ledger(output / "site_comparison.xlsx", sheets + [data_check_sheet(findings)])


def result_layer(project: QgsProject, path: Path, table: str, name: str, style: str) -> QgsVectorLayer:
    """A table of a result GeoPackage as a styled layer of the project (sheets render project layers)."""
    from liaocheng_plugin.core.styles import apply_style

    layer = QgsVectorLayer(f"{path}|layername={table}", name, "ogr")
    apply_style(layer, style)
    project.addMapLayer(layer, False)
    return layer


def export_map_sheets(project: QgsProject, output: Path) -> None:
    """One sheet per check, an atlas of the failed reserve parcels and their field pack (出图, 外业核查包)."""
    from liaocheng_plugin.core.field_pack import export_field_pack
    from liaocheng_plugin.core.i18n import tr
    from liaocheng_plugin.core.sheet_subjects import check_kind
    from liaocheng_plugin.core.sheets import export_sheets, layer_sets

    county = sample_layer(project, "XZQ")
    protected = layer_sets(project)
    sheets = (  # (pdf, gpkg, subjects, style, template, context table and its style, fails only); titled by check
        (
            "sheet_reserve.pdf",
            "reserve_ledger.gpkg",
            "reserve_parcels",
            "check_status",
            "a4_landscape",
            ("conflict_pieces", "conflict_pieces"),
            True,
        ),
        (
            "sheet_balance.pdf",
            "balance_ledger.gpkg",
            "patches",
            "balance_patches",
            "a4_landscape",
            ("conflict_pieces", "conflict_pieces"),
            True,
        ),
        (
            "sheet_site.pdf",
            "site_check.gpkg",
            "XMXZ_sites",
            "subject",
            "a4_portrait",
            ("XMXZ_conflicts", "conflict_pieces"),
            False,
        ),
        (
            "sheet_route.pdf",
            "site_check.gpkg",
            "XMXL_sites",
            "route",
            "a4_landscape",
            ("XMXL_crossings", "crossings"),
            False,
        ),
    )
    for pdf, gpkg, table, style, template, (context, context_style), fails_only in sheets:
        layer = result_layer(project, output / gpkg, table, tr("Checked subjects"), style)
        name = tr("Route crossings") if context_style == "crossings" else tr("Conflict pieces")
        pieces = result_layer(project, output / gpkg, context, name, context_style)
        fails = [f.id() for f in layer.getFeatures() if fails_only and f["status"] == "fail"]
        context_layers = [pieces, *protected]
        pages = export_sheets(layer, context_layers, [county], "", output / pdf, template, fails[:1] or None)
        print(f"  export_sheets {pdf}: {check_kind(layer).value} sheet, {pages} page(s)")
        if pdf == "sheet_reserve.pdf":
            atlas = output / "atlas_reserve_fail.pdf"
            pages = export_sheets(layer, context_layers, [county], "", atlas, template, fails)
            print(f"  export_sheets {atlas.name}: the failed reserve parcels, {pages} pages")
            pack = export_field_pack(layer, protected, output / "field_pack", "", fails, pieces)
            print(f"  export_field_pack field_pack/: {pack.pages} failed parcels, offline project and atlas")


WRITTEN = {  # what each file of the demo output is, for the closing list
    "liaocheng_sample.gpkg": "sample data: protected layers, two survey years, subjects",
    "liaocheng_demo.qgz": "demo project with the protected-layer profile (make qgis opens it)",
    "overlap_results.gpkg": "liaocheng:overlap_check of every sample subject layer",
    "reserve_ledger.gpkg": "储备土地 checked parcels, summary, conflict pieces",
    "reserve_ledger.xlsx": "储备土地台账 and summary",
    "balance_ledger.gpkg": "耕地进出平衡 checked patches, county ledger, conflict pieces",
    "balance_ledger.xlsx": "进出平衡台账 and checked patches",
    "change_patches.gpkg": "耕地流出/流入 from DLTB → DLTB_2024: change patches, summary, their balance",
    "change_ledger.xlsx": "变化图斑汇总, 变化图斑, their 进出平衡台账 and checked patches, 数据体检",
    "site_check.gpkg": "项目选址 sites and route: checked, crossings with chainage, clear parts, conflicts",
    "site_comparison.xlsx": "选址方案比选, 线路方案 and 穿越桩号 (chainage of every crossing)",
    "sheet_reserve.pdf": "map sheet of a failed reserve parcel",
    "sheet_balance.pdf": "map sheet of a failed outflow/inflow patch",
    "sheet_site.pdf": "map sheets of the site alternatives, one per page",
    "sheet_route.pdf": "map sheet of the route with its crossings' chainage",
    "atlas_reserve_fail.pdf": "atlas of every failed reserve parcel",
    "field_pack/field_pack.gpkg": "field pack data (subjects, conflicts, clipped protected layers)",
    "field_pack/field_pack.qgz": "field pack project, opens offline in QGIS or QField",
    "field_pack/field_pack_atlas.pdf": "field pack atlas with coordinates and a notes form",
    "data_check.xlsx": "数据体检 of the sample data (no finding) and of the messy delivery (every finding)",
}
WRITTEN_FOLDERS = {"messy_delivery/": "a messy delivery, wrong on purpose: the input of 数据体检"}


def description(name: str) -> str:
    """What a written file is, for the closing list."""
    folder = next((text for prefix, text in WRITTEN_FOLDERS.items() if name.startswith(prefix)), "")
    return WRITTEN.get(name, folder)


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
        run_data_checks(project, output)
        run_overlap_checks(project, results)
        run_reserve_check(project, output)
        run_balance_check(project, output)
        run_change_detection(project, output)
        run_site_checks(project, output)
        export_map_sheets(project, output)
        remove_translator(translator)
    print(f"\nWritten to {output}:")
    for path in sorted(output.rglob("*")):
        if path.is_file():
            name = path.relative_to(output).as_posix()
            print(f"  {name:38} {path.stat().st_size / 1024:6.0f} KiB  {description(name)}")


if __name__ == "__main__":
    main()
