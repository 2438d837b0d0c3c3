"""Every check on the Liaocheng sample loaded into PostGIS: computed in the database, equal to QGIS's figures (1e-9)."""

from datetime import date

import pytest
from qgis.core import QgsProcessingFeedback, QgsProject

from liaocheng_plugin.core.balance import IN, OUT, BalanceRules, PatchSet, check_balance
from liaocheng_plugin.core.balance_fields import PatchFields
from liaocheng_plugin.core.definitions import AreaMode
from liaocheng_plugin.core.engine import RoleSpec, run_overlay
from liaocheng_plugin.core.engine.arrays import COLUMN_NET_AREA, COLUMN_RECORDED_AREA
from liaocheng_plugin.core.ledger_fields import LedgerFields
from liaocheng_plugin.core.reserve import ReserveRules, check_reserve_parcels
from liaocheng_plugin.core.siting import check_sites
from tests.core.conftest import both_engines
from tests.core.test_postgis import assert_same_figures, figures, inspector, issue_keys, self_overlaps

RELATIVE = 1e-9


def context():
    return QgsProject.instance().transformContext()


def protected(layer):
    return [
        RoleSpec("pbf", layer("YJJBNTTB"), label_field="BSM"),
        RoleSpec("erl", layer("STBHHX"), label_field="HXMC"),
        RoleSpec("udb", layer("CZKFBJ")),
        RoleSpec(
            "survey",
            layer("DLTB"),
            code_field="DLBM",
            deduction_field="KCXS",
            coverage=True,
            columns={COLUMN_RECORDED_AREA: "TBMJ", COLUMN_NET_AREA: "TBDLMJ"},
        ),
        RoleSpec("village", layer("CZCDYD"), label_field="CZMC"),
    ]


@pytest.mark.parametrize("mode", [AreaMode.ELLIPSOIDAL, AreaMode.PLANAR])
@pytest.mark.parametrize("subjects", ["GDLC", "CBDK"])
def test_overlap_check_is_computed_in_the_database_with_the_same_figures(sample_in_postgis, subjects, mode):
    layer = sample_in_postgis
    database, local = both_engines(lambda: run_overlay(layer(subjects), protected(layer), context(), mode))
    assert database.engine == "postgis" and local.engine == "local"
    assert_same_figures(figures(database), figures(local), RELATIVE)
    assert issue_keys(database) == issue_keys(local)
    assert self_overlaps(database) == self_overlaps(local)
    assert sum(len(role.pieces) for result in database.subjects for role in result.roles.values()) > 50


MESSY = """
CREATE TABLE "样例 数据"."DLTB_messy" AS SELECT * FROM "样例 数据"."DLTB";
ALTER TABLE "样例 数据"."DLTB_messy" ADD PRIMARY KEY (fid);
UPDATE "样例 数据"."DLTB_messy" SET "DLBM" = substr("DLBM", 2) WHERE fid % 7 = 0 AND "DLBM" LIKE '0%';
UPDATE "样例 数据"."DLTB_messy" SET "DLBM" = 'XYZ1' WHERE fid % 501 = 0;
UPDATE "样例 数据"."DLTB_messy" SET "TBMJ" = "TBMJ" * 1.05 WHERE fid % 11 = 0;
CREATE INDEX ON "样例 数据"."DLTB_messy" USING gist (geom);
ANALYZE "样例 数据"."DLTB_messy";
"""


def test_the_input_check_finds_the_same_in_the_database(sample_in_postgis, postgis_cluster):
    """The array rules on a survey with lost leading zeros, unknown codes and wrong TBMJ: the rules on codes and
    KCXS see every feature QGIS would read and say the same; recorded areas are looked at where subjects meet."""
    postgis_cluster.psql(MESSY)
    layer = sample_in_postgis

    def specs():
        roles = protected(layer)
        roles[3] = RoleSpec(
            "survey",
            layer("DLTB_messy"),
            code_field="DLBM",
            deduction_field="KCXS",
            coverage=True,
            columns={COLUMN_RECORDED_AREA: "TBMJ", COLUMN_NET_AREA: "TBDLMJ"},
        )
        return roles

    database, local = both_engines(lambda: run_overlay(layer("GDLC"), specs(), context(), inspect=inspector()))
    assert database.engine == "postgis"
    assert_same_figures(figures(database), figures(local), RELATIVE)
    column_rules = ("code_padded", "code_unknown", "deduction_percent", "deduction_range")

    def column_findings(report):
        return sorted(
            (f.kind.value, f.severity.value, f.feature_id, f.message) for f in report.issues if f.kind in column_rules
        )

    assert column_findings(database) == column_findings(local)
    assert {kind for kind, *_ in column_findings(database)} == {"code_padded", "code_unknown"}
    met = {piece.protected_fid for result in database.subjects for piece in result.roles["survey"].pieces}
    flagged = {f.feature_id for f in database.issues if f.kind == "recorded_area" and f.feature_id is not None}
    assert flagged == {fid for fid in met if fid % 11 == 0} and flagged


def test_reserve_check_is_the_same_in_the_database(sample_in_postgis):
    layer = sample_in_postgis
    parcels = layer("CBDK")
    grid, township = RoleSpec("grid", layer("WG"), "WGMC"), RoleSpec("township", layer("XZQ_XZ"), "XZQMC")
    rules = ReserveRules(reference_date=date(2024, 6, 30))

    def check():
        ledger = LedgerFields.detect(parcels.fields())
        return check_reserve_parcels(parcels, protected(layer), context(), ledger, rules, grid, township)

    database, local = both_engines(check)
    assert database.overlay.engine == "postgis"
    assert_same_figures(figures(database.overlay), figures(local.overlay), RELATIVE)
    for mine, theirs in zip(database.parcels, local.parcels):
        assert (mine.subject_id, mine.grid, mine.township, mine.overlapping_parcels) == (
            theirs.subject_id,
            theirs.grid,
            theirs.township,
            theirs.overlapping_parcels,
        )
        assert [(f.kind, f.severity, f.text) for f in mine.findings] == [
            (f.kind, f.severity, f.text) for f in theirs.findings
        ]
        if theirs.outside_piece is not None:
            assert mine.outside_piece.area_m2 == pytest.approx(theirs.outside_piece.area_m2, rel=RELATIVE)
    assert any(parcel.findings for parcel in database.parcels)


def test_balance_check_is_the_same_in_the_database(sample_in_postgis):
    layer = sample_in_postgis
    outflow, inflow = layer("GDLC"), layer("GDLR")
    sets = [
        PatchSet(outflow, PatchFields.detect(outflow.fields()), OUT),
        PatchSet(inflow, PatchFields.detect(inflow.fields()), IN),
    ]
    database, local = both_engines(lambda: check_balance(sets, protected(layer), context(), BalanceRules()))
    assert [overlay.engine for overlay in database.overlays] == ["postgis", "postgis"]
    for mine, theirs in zip(database.overlays, local.overlays):
        assert_same_figures(figures(mine), figures(theirs), RELATIVE)
    assert [(p.key, [(f.kind, f.severity, f.text) for f in p.findings]) for p in database.patches] == [
        (p.key, [(f.kind, f.severity, f.text) for f in p.findings]) for p in local.patches
    ]
    for mine, theirs in zip(database.rows, local.rows):
        assert (mine.county, mine.township, mine.year) == (theirs.county, theirs.township, theirs.year)
        for name in ("outflow_m2", "restored_m2", "exempt_m2", "inflow_m2"):
            assert getattr(mine, name) == pytest.approx(getattr(theirs, name), rel=RELATIVE)


@pytest.mark.parametrize("subjects", ["XMXZ", "XMXL"])
def test_site_batch_is_the_same_in_the_database(sample_in_postgis, subjects):
    layer = sample_in_postgis
    database, local = both_engines(lambda: check_sites(layer(subjects), protected(layer), context(), "FAMC"))
    assert database.engine == "postgis" and "postgis" in database.engine_note
    for mine, theirs in zip(database.sites, local.sites):
        assert (mine.name, mine.rank, mine.villages_inside, mine.villages_near) == (
            theirs.name,
            theirs.rank,
            theirs.villages_inside,
            theirs.villages_near,
        )
        assert mine.clear_m2 == pytest.approx(theirs.clear_m2, rel=RELATIVE)
        assert [(c.role, round(c.from_m, 6), round(c.to_m, 6)) for c in mine.crossings] == [
            (c.role, round(c.from_m, 6), round(c.to_m, 6)) for c in theirs.crossings
        ]
        for crossing, other in zip(mine.crossings, theirs.crossings):
            assert crossing.area_m2 == pytest.approx(other.area_m2, rel=RELATIVE)
        assert_same_figures(figures_of([mine.overlap]), figures_of([theirs.overlap]), RELATIVE)


def figures_of(overlaps):
    class Report:
        subjects = overlaps

    return figures(Report)


class LogFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802 - QGIS API
        self.lines.append(info)
        super().pushInfo(info)


def test_the_processing_log_says_the_database_computed_it(sample_in_postgis, processing_with_provider):
    import processing

    layer = sample_in_postgis
    parameters = {
        "INPUT": layer("CBDK"),
        "PERMANENT_FARMLAND": layer("YJJBNTTB"),
        "LAND_SURVEY": layer("DLTB"),
        "OUTPUT": "memory:",
    }
    feedback = LogFeedback()
    database = processing.run("liaocheng:overlap_check", parameters, feedback=feedback)["OUTPUT"]
    assert any("Overlay engine: postgis" in line for line in feedback.lines), feedback.lines
    _, local = both_engines(lambda: processing.run("liaocheng:overlap_check", parameters)["OUTPUT"])
    rows = {f.id(): f.attributes() for f in local.getFeatures()}
    assert {f.id(): f.attributes() for f in database.getFeatures()} == rows
