"""The overlay inside PostGIS (issue 15): known answers, the input check, SQL-unsafe names, subset strings, a
read-only role, cancel, timeout and a lost connection, and the fall-back to QGIS where the database cannot."""

import math
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg2
import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsAuthMethodConfig,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeedback,
    QgsProject,
    QgsVectorLayer,
)

from liaocheng_plugin.core.datacheck.figures import format_area
from liaocheng_plugin.core.datacheck.findings import DataCheckError, DataKind
from liaocheng_plugin.core.datacheck.inspector import ArrayInspector, DataRules
from liaocheng_plugin.core.definitions import AreaMode, IssueKind
from liaocheng_plugin.core.engine import AreaMeasurer, RoleSpec, run_overlay
from liaocheng_plugin.core.engine import overlay as overlay_module
from liaocheng_plugin.core.engine.postgis import choice as choice_module
from liaocheng_plugin.core.engine.postgis import engine as postgis_engine_module
from liaocheng_plugin.core.engine.postgis.driver import sql
from liaocheng_plugin.core.engine.postgis.session import RefusedError, Session
from liaocheng_plugin.core.engine.postgis.tables import database_of
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.settings import STATEMENT_TIMEOUT_S
from tests.conftest import memory_layer, square
from tests.core.conftest import both_engines, postgis_layer

GK39 = "EPSG:4527"
X0, Y0 = 39500000.0, 4050000.0
ROOT = Path(__file__).resolve().parents[2]


def box(x, y, size, srid=4527):
    return f"ST_MakeEnvelope({X0 + x}, {Y0 + y}, {X0 + x + size}, {Y0 + y + size}, {srid})"


KNOWN = f"""
CREATE SCHEMA known;
CREATE TABLE known.subjects (id serial PRIMARY KEY, name text, geom geometry(Polygon, 4527));
INSERT INTO known.subjects (name, geom) VALUES ('S1', {box(0, 0, 100)}), ('S2', {box(1000, 0, 10)});
CREATE TABLE known.farmland (id serial PRIMARY KEY, "MC" text, geom geometry(Polygon, 4527));
INSERT INTO known.farmland ("MC", geom) VALUES
  ('F1', {box(50, 0, 100)}),
  ('F2', ST_MakeEnvelope({X0 + 25}, {Y0 + 50}, {X0 + 75}, {Y0 + 100}, 4527)),
  ('F3', ST_GeomFromText('POLYGON(({X0 + 10} {Y0 + 10}, {X0 + 30} {Y0 + 30}, {X0 + 30} {Y0 + 10},
        {X0 + 10} {Y0 + 30}, {X0 + 10} {Y0 + 10}))', 4527)),
  ('F4', {box(100, 100, 50)}),
  ('F5', NULL),
  ('F6', {box(200, 200, 10)});
CREATE TABLE known.survey (id serial PRIMARY KEY, "DLBM" text, "KCXS" numeric(6, 4), geom geometry(Polygon, 4527));
INSERT INTO known.survey ("DLBM", "KCXS", geom) VALUES
  ('0101', 0.1, ST_MakeEnvelope({X0}, {Y0}, {X0 + 50}, {Y0 + 100}, 4527)),
  ('103', 0.05, {box(50, 0, 50)}),
  ('0702', 0, {box(50, 50, 50)}),
  ('0102', NULL, {box(990, -10, 50)});
CREATE TABLE known.villages (id serial PRIMARY KEY, "CZMC" text, geom geometry(Point, 4527));
INSERT INTO known.villages ("CZMC", geom) VALUES
  ('张庄', ST_Point({X0 + 10}, {Y0 + 90}, 4527)), ('李庄', ST_Point({X0 + 250}, {Y0 + 50}, 4527));
CREATE INDEX ON known.farmland USING gist (geom);
CREATE INDEX ON known.survey USING gist (geom);
CREATE INDEX ON known.villages USING gist (geom);
ANALYZE;
"""


@pytest.fixture(scope="module")
def known(postgis_cluster):
    """Known-answer layers (schema "known"); ``known(table)`` opens one."""
    postgis_cluster.psql(KNOWN)
    return lambda table, **options: postgis_layer(postgis_cluster, "known", table, **options)


def roles(known, **options):
    return [
        RoleSpec("pbf", known("farmland", **options), label_field="MC"),
        RoleSpec("survey", known("survey", **options), code_field="DLBM", deduction_field="KCXS", coverage=True),
        RoleSpec("village", known("villages", **options), label_field="CZMC"),
    ]


def context():
    return QgsProject.instance().transformContext()


def overlay(subjects, specs, inspect=None, feedback=None, mode=AreaMode.PLANAR):
    return run_overlay(subjects, specs, context(), mode, feedback=feedback, inspect=inspect)


def inspector():
    """The input check's array rules, as datacheck wires them into the checks."""
    return ArrayInspector(DataRules(), area=AreaMeasurer(QgsCoordinateReferenceSystem(GK39), context()).areas)


def figures(report):
    """Every figure of a report, unrounded, by subject and role: area, cultivated, net, by code, pieces."""
    return {
        result.subject_id: {
            key: (
                role.area_m2,
                role.cultivated_m2,
                role.cultivated_net_m2,
                dict(role.area_by_code_m2),
                [
                    (piece.protected_fid, piece.label, piece.code, piece.area_m2, piece.is_polygon)
                    for piece in role.pieces
                ],
            )
            for key, role in result.roles.items()
        }
        for result in report.subjects
    }


def assert_same_figures(first, second, relative=1e-9):
    """Equal figures: the same subjects, roles, codes and pieces, every area within ``relative``."""
    assert first.keys() == second.keys()
    for subject, roles_one in first.items():
        assert roles_one.keys() == second[subject].keys()
        for key, (area, cultivated, net, codes, pieces) in roles_one.items():
            other = second[subject][key]
            for mine, theirs in ((area, other[0]), (cultivated, other[1]), (net, other[2])):
                assert mine == pytest.approx(theirs, rel=relative, abs=1e-9), (subject, key)
            assert codes.keys() == other[3].keys(), (subject, key)
            for code, value in codes.items():
                assert value == pytest.approx(other[3][code], rel=relative, abs=1e-9), (subject, key, code)
            assert [piece[:3] + piece[4:] for piece in pieces] == [piece[:3] + piece[4:] for piece in other[4]]
            for piece, theirs in zip(pieces, other[4]):
                assert piece[3] == pytest.approx(theirs[3], rel=relative, abs=1e-9), (subject, key, piece)


def issue_keys(report, kinds=(IssueKind.REPAIRED, IssueKind.EMPTY, IssueKind.UNREPAIRABLE)):
    return sorted((issue.kind.value, issue.layer, issue.feature_id) for issue in report.issues if issue.kind in kinds)


def self_overlaps(report):
    """(layer, feature, features concerned, text) of the self_overlap findings of a report, in order."""
    return [(f.layer, f.feature_id, f.feature_ids, f.message) for f in report.issues if f.kind == DataKind.SELF_OVERLAP]


def data_findings(report):
    """(kind, severity, feature) of the input check's findings of a report."""
    return sorted((f.kind.value, f.severity.value, f.feature_id) for f in report.issues if isinstance(f.kind, DataKind))


def test_known_answers_are_computed_in_the_database(known):
    report, local = both_engines(lambda: overlay(known("subjects"), roles(known)))
    assert report.engine == "postgis" and "postgis" in report.engine_note and local.engine == "local"
    s1, s2 = (result.roles for result in report.subjects)
    # F1 and F2 overlap each other: counted once (F1, read first, keeps the shared part); the bowtie F3 repaired
    assert s1["pbf"].area_m2 == pytest.approx(5000 + 1250 + 200)
    assert [(p.label, round(p.area_m2, 6)) for p in s1["pbf"].pieces] == [("F1", 5000), ("F2", 1250), ("F3", 200)]
    assert s1["survey"].area_by_code_m2 == pytest.approx({"0101": 5000, "103": 2500, "0702": 2500})
    assert (s1["survey"].cultivated_m2, s1["survey"].cultivated_net_m2) == pytest.approx((5000, 4500))
    assert s1["village"].labels == ["张庄"] and not s1["village"].pieces[0].is_polygon
    assert s2["survey"].area_m2 == pytest.approx(100) and s2["survey"].cultivated_net_m2 == pytest.approx(100)
    assert issue_keys(report) == [("empty", "farmland", 5), ("repaired", "farmland", 3)]
    repaired = next(i.message for i in report.issues if i.kind == IssueKind.REPAIRED)
    assert "self-intersection (at 39500020.0, 4050020.0)" in repaired  # GEOS's reason, in the UI's words
    assert_same_figures(figures(report), figures(local))
    assert issue_keys(report) == issue_keys(local)


def test_features_without_geometry_are_reported_as_qgis_would_read_them(known, postgis_cluster):
    """QGIS reads only around the subjects when they cover a small part of the layer: then a feature without
    geometry is not read, and not reported, on either engine."""
    postgis_cluster.psql(
        "CREATE TABLE known.farmland_far AS SELECT * FROM known.farmland;"
        "ALTER TABLE known.farmland_far ADD PRIMARY KEY (id);"
        f"INSERT INTO known.farmland_far VALUES (99, 'far', {box(50000, 50000, 10)});"
        "CREATE INDEX ON known.farmland_far USING gist (geom);"
    )
    for table, reported in (("farmland", [("empty", "farmland", 5)]), ("farmland_far", [])):
        specs = [RoleSpec("pbf", known(table), label_field="MC")]
        report, local = both_engines(lambda specs=specs: overlay(known("subjects"), specs))
        assert report.engine == "postgis"
        assert [key for key in issue_keys(report) if key[0] == "empty"] == [
            key for key in issue_keys(local) if key[0] == "empty"
        ]
        assert [key[0] for key in issue_keys(report) if key[0] == "empty"] == [key[0] for key in reported]


def test_the_input_check_finds_features_without_geometry_in_the_database(known):
    """The source rule naming protected features without geometry asks the database, not every feature."""
    from liaocheng_plugin.core.datacheck.layer_rules import missing_geometry_ids
    from liaocheng_plugin.core.engine.postgis.inspection import missing_geometry_ids as in_database

    layer = known("farmland")
    assert in_database(layer) == missing_geometry_ids(layer) == [5]
    request = QgsFeatureRequest().setFilterExpression("$geometry IS NULL OR is_empty($geometry)").setNoAttributes()
    assert [feature.id() for feature in layer.getFeatures(request)] == [5]
    assert in_database(memory_layer("Polygon", GK39, [(square(X0, Y0, 1),)])) is None


def test_subjects_may_come_from_any_layer_and_ellipsoidal_areas_agree(known):
    subjects = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "S1"), (square(X0 + 1000, Y0, 10), "S2")])
    report, local = both_engines(lambda: overlay(subjects, roles(known), mode=AreaMode.ELLIPSOIDAL))
    assert report.engine == "postgis"
    assert report.subjects[0].roles["pbf"].area_m2 == pytest.approx(6450 / 0.99999**2, rel=1e-3)
    assert_same_figures(figures(report), figures(local))


def test_overlapping_survey_patches_count_for_the_lower_feature_id_whatever_the_storage_order(known, postgis_cluster):
    """Two survey patches overlap with different codes; the first is rewritten, so the database stores it last:
    the shared part counts for feature 1 on both engines (QGIS reads a table in its storage order)."""
    postgis_cluster.psql(
        'CREATE TABLE known.overlapping (id int PRIMARY KEY, "DLBM" text, geom geometry(Polygon, 4527));'
        f"INSERT INTO known.overlapping VALUES (1, '0101', {box(0, 0, 60)}), (2, '0702', {box(40, 0, 60)});"
        "UPDATE known.overlapping SET \"DLBM\" = '0101' WHERE id = 1;"
        "CREATE INDEX ON known.overlapping USING gist (geom);"
    )
    assert postgis_cluster.psql("SELECT string_agg(id::text, ',') FROM known.overlapping") == "2,1"
    specs = [RoleSpec("survey", known("overlapping"), code_field="DLBM", coverage=True)]
    report, local = both_engines(lambda: overlay(known("subjects"), specs))
    assert report.engine == "postgis"
    assert report.subjects[0].roles["survey"].area_by_code_m2 == pytest.approx({"0101": 3600, "0702": 2400})
    assert_same_figures(figures(report), figures(local))


def test_protected_features_overlapping_each_other_are_reported_as_in_qgis(known, monkeypatch):
    """Farmland F1 and F2 overlap (1,250 m² in all); two subjects in two chunks meet that overlap: on both engines
    the pair is reported once, with the whole shared area, concerning both features."""
    monkeypatch.setattr(postgis_engine_module, "CHUNK_SIZE", 1)
    monkeypatch.setattr(overlay_module, "CHUNK_SIZE", 1)
    subjects = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "S1"), (square(X0 + 40, Y0 + 40, 30), "S2")])
    report, local = both_engines(lambda: overlay(subjects, roles(known)))
    assert report.engine == "postgis"
    assert self_overlaps(report) == self_overlaps(local)
    assert [found[:3] for found in self_overlaps(report)] == [("farmland", None, (1, 2)), ("farmland", 1, (1, 2))]
    text = self_overlaps(report)[1][3]
    assert f"features 1 and 2 overlap by {format_area(1250.0)}." in text  # not the 400 m² S2 meets
    assert_same_figures(figures(report), figures(local))


def test_a_working_crs_other_than_gauss_krueger_measures_the_same(known, postgis_cluster):
    """Layers in Web Mercator: ellipsoidal areas through QgsDistanceArea, on the fetching threads too."""
    postgis_cluster.psql(
        "CREATE TABLE known.subjects_3857 AS SELECT id, ST_Transform(geom, 3857) AS geom FROM known.subjects;"
        'CREATE TABLE known.farmland_3857 AS SELECT id, "MC", ST_Transform(geom, 3857) AS geom FROM known.farmland;'
        "ALTER TABLE known.subjects_3857 ADD PRIMARY KEY (id); ALTER TABLE known.farmland_3857 ADD PRIMARY KEY (id);"
        "CREATE INDEX ON known.farmland_3857 USING gist (geom);"
    )
    specs = [RoleSpec("pbf", known("farmland_3857"), label_field="MC")]
    report, local = both_engines(lambda: overlay(known("subjects_3857"), specs, mode=AreaMode.ELLIPSOIDAL))
    assert report.engine == "postgis" and report.working_crs.authid() == "EPSG:3857"
    assert report.subjects[0].roles["pbf"].area_m2 == pytest.approx(6450, rel=1e-3)
    assert_same_figures(figures(report), figures(local))


def test_the_input_check_reads_codes_and_kcxs_as_in_qgis(known, postgis_cluster):
    """Codes padded and KCXS read as percentages (a layer-wide decision) from the values of the whole layer."""
    postgis_cluster.psql(
        'CREATE TABLE known.percent AS SELECT id, "DLBM", "KCXS" * 100 AS "KCXS", geom FROM known.survey;'
        "ALTER TABLE known.percent ADD PRIMARY KEY (id); CREATE INDEX ON known.percent USING gist (geom);"
    )
    for table in ("survey", "percent"):
        specs = [RoleSpec("survey", known(table), code_field="DLBM", deduction_field="KCXS", coverage=True)]
        report, local = both_engines(lambda specs=specs: overlay(known("subjects"), specs, inspector()))
        assert report.engine == "postgis"
        survey = report.subjects[0].roles["survey"]
        assert survey.area_by_code_m2 == pytest.approx({"0101": 5000, "0103": 2500, "0702": 2500})
        assert survey.cultivated_net_m2 == pytest.approx(5000 * 0.9 + 2500 * 0.95)
        assert_same_figures(figures(report), figures(local))
        kinds = data_findings(report)
        assert kinds == data_findings(local)
        assert ("code_padded", "fixed", 2) in kinds
        assert (table == "percent") == any(kind == "deduction_percent" for kind, _, _ in kinds)
    # A KCXS of 1.5 on a feature no subject meets stops the check on both engines, as it is read in QGIS.
    far = box(200, 200, 10)
    postgis_cluster.psql(f'INSERT INTO known.survey ("DLBM", "KCXS", geom) VALUES (\'0101\', 1.5, {far})')
    try:
        specs = [RoleSpec("survey", known("survey"), code_field="DLBM", deduction_field="KCXS", coverage=True)]
        for run in both_engines(lambda: pytest.raises(DataCheckError, overlay, known("subjects"), specs, inspector())):
            assert "KCXS" in str(run.value) and "1.5" in str(run.value)
    finally:
        postgis_cluster.psql('DELETE FROM known.survey WHERE "KCXS" = 1.5')


SCHEMA = '规划 "数据"; --'
TABLE = "永久 基本\"农田'); DROP TABLE known.survey; --"
LABEL, GEOMETRY = '名称 "MC"', "地 理"


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def test_sql_unsafe_names_work(known, postgis_cluster):
    name = f"{quoted(SCHEMA)}.{quoted(TABLE)}"
    postgis_cluster.psql(
        f"CREATE SCHEMA {quoted(SCHEMA)}; CREATE TABLE {name} "
        f"({quoted('编 号')} serial PRIMARY KEY, {quoted(LABEL)} text, {quoted(GEOMETRY)} geometry(Polygon, 4527));"
        f'INSERT INTO {name} ({quoted(LABEL)}, {quoted(GEOMETRY)}) SELECT "MC", geom FROM known.farmland;'
        f"CREATE INDEX ON {name} USING gist ({quoted(GEOMETRY)});"
    )
    specs = [RoleSpec("pbf", postgis_layer(postgis_cluster, SCHEMA, TABLE, geometry=GEOMETRY), label_field=LABEL)]
    report, local = both_engines(lambda: overlay(known("subjects"), specs))
    assert report.engine == "postgis"
    assert report.subjects[0].roles["pbf"].area_m2 == pytest.approx(6450)
    assert_same_figures(figures(report), figures(local))
    assert postgis_cluster.psql("SELECT count(*) FROM known.survey") == "4"


def test_the_layer_subset_string_is_kept(known):
    """QGIS's filter of a layer (SQL, here with LIKE '%…%') limits the features the database overlays."""
    specs = roles(known)
    specs[0].source.setSubsetString("\"MC\" NOT LIKE '%2%'")
    report, local = both_engines(lambda: overlay(known("subjects"), specs))
    assert report.engine == "postgis"
    assert [p.label for p in report.subjects[0].roles["pbf"].pieces] == ["F1", "F3"]
    assert report.subjects[0].roles["pbf"].area_m2 == pytest.approx(5200)
    assert_same_figures(figures(report), figures(local))


def test_a_survey_partitioned_by_county_code_runs_the_same_statements(known, postgis_cluster):
    """The survey split by county (ZLDWDM[:6]) into partitions, each with its own GiST index, behind a view."""
    postgis_cluster.psql(
        'CREATE TABLE known.by_county (id int, "ZLDWDM" text, "DLBM" text, "KCXS" numeric,'
        ' geom geometry(Polygon, 4527)) PARTITION BY LIST (substr("ZLDWDM", 1, 6));'
        "CREATE TABLE known.county_371502 PARTITION OF known.by_county FOR VALUES IN ('371502');"
        "CREATE TABLE known.county_371503 PARTITION OF known.by_county FOR VALUES IN ('371503');"
        "INSERT INTO known.by_county SELECT id, CASE WHEN id % 2 = 0 THEN '371502001' ELSE '371503002' END,"
        ' "DLBM", "KCXS", geom FROM known.survey;'
        "CREATE INDEX ON known.by_county USING gist (geom);"
        "CREATE VIEW known.survey_view AS SELECT * FROM known.by_county; ANALYZE known.by_county;"
    )
    view = known("survey_view", key="id")
    specs = [RoleSpec("survey", view, code_field="DLBM", deduction_field="KCXS", coverage=True)]
    report, local = both_engines(lambda: overlay(known("subjects"), specs))
    assert report.engine == "postgis"
    assert report.subjects[0].roles["survey"].area_m2 == pytest.approx(10000)
    assert_same_figures(figures(report), figures(local))


def test_a_read_only_role_is_enough_and_nothing_is_created(known, postgis_cluster):
    postgis_cluster.psql(
        "CREATE ROLE reader LOGIN; GRANT USAGE ON SCHEMA known TO reader;"
        "GRANT SELECT ON ALL TABLES IN SCHEMA known TO reader;"
        "REVOKE TEMPORARY ON DATABASE postgres FROM PUBLIC; REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
    )
    relations = "SELECT count(*) FROM pg_class"
    before = postgis_cluster.psql(relations)
    subjects, specs = known("subjects", user="reader"), roles(known, user="reader")
    report, local = both_engines(lambda: overlay(subjects, specs, inspector()))
    assert report.engine == "postgis"
    assert_same_figures(figures(report), figures(local))
    assert postgis_cluster.psql(relations) == before
    with Session(database_of(specs[0].source)) as session, pytest.raises(RefusedError, match="read-only"):
        session.rows(sql.SQL("CREATE TABLE known.written (id int)"), {}, "farmland")


def test_the_layer_credentials_are_used_auth_configs_included(known, postgis_cluster):
    """A layer whose user comes from a QGIS auth config: the statements run as that user."""
    postgis_cluster.psql(
        "CREATE ROLE carol LOGIN; GRANT USAGE ON SCHEMA known TO carol; "
        "CREATE VIEW known.farmland_seen AS SELECT id, current_user::text AS who, geom FROM known.farmland;"
        "GRANT SELECT ON ALL TABLES IN SCHEMA known TO carol;"
    )
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword("liaocheng-tests", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("carol")
    config.setConfig("username", "carol")
    config.setConfig("password", "")
    assert manager.storeAuthenticationConfig(config)[0]
    uri = postgis_cluster.uri("known", "farmland_seen", key="id", user="")
    uri.setAuthConfigId(config.id())
    layer = QgsVectorLayer(uri.uri(False), "farmland_seen", "postgres")
    assert layer.isValid() and "carol" not in layer.source()
    report = overlay(known("subjects"), [RoleSpec("pbf", layer, label_field="who")])
    assert report.engine == "postgis"
    assert report.subjects[0].roles["pbf"].labels == ["carol"]


def test_layers_the_database_cannot_overlay_run_in_qgis(known, postgis_cluster):
    square_sql = box(0, 0, 50)
    postgis_cluster.psql(
        "CREATE DATABASE other; CREATE TABLE known.big_key (id bigint PRIMARY KEY, geom geometry(Polygon, 4527));"
        "CREATE TABLE known.no_index (id int PRIMARY KEY, geom geometry(Polygon, 4527));"
        f"INSERT INTO known.no_index VALUES (1, {square_sql}); INSERT INTO known.big_key VALUES (7, {square_sql});"
    )
    postgis_cluster.psql(
        "CREATE EXTENSION postgis; CREATE TABLE f (id int PRIMARY KEY, geom geometry(Polygon, 4527));"
        f"INSERT INTO f VALUES (1, {square_sql}); CREATE INDEX ON f USING gist (geom);",
        database="other",
    )
    other = postgis_cluster.uri("public", "f")
    other.setDatabase("other")
    elsewhere = QgsVectorLayer(other.uri(False), "f", "postgres")
    geopackage_like = memory_layer("Polygon", GK39, [(square(X0 + 50, Y0, 100), "F1")], {"MC": str}, "YJJBNT")
    cases = {
        "is not a PostGIS layer": [RoleSpec("pbf", geopackage_like, label_field="MC"), *roles(known)[1:]],
        "2 different databases": [RoleSpec("pbf", elsewhere), *roles(known)[1:]],
        "no single integer key": [RoleSpec("pbf", known("big_key"))],
        "no spatial index": [RoleSpec("pbf", known("no_index"))],
    }
    for why, specs in cases.items():
        report = overlay(known("subjects"), specs)
        assert report.engine == "local" and why in report.engine_note, report.engine_note
        assert report.subjects[0].roles["pbf"].area_m2 > 0


def locked(postgis_cluster, table):
    """A second session holding an exclusive lock on ``table``: every statement reading it waits."""
    connection = psycopg2.connect(postgis_cluster.connection_info())
    connection.cursor().execute(  # released after 30 s whatever happens, so a failing test cannot hang the suite
        f"SET idle_in_transaction_session_timeout = '30s'; BEGIN; LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"
    )
    return connection


def ours_running(postgis_cluster) -> str:
    return postgis_cluster.psql(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'Liaocheng Land Check' AND state = 'active'"
    )


def test_cancel_stops_the_running_statement(known, postgis_cluster):
    subjects, specs = known("subjects"), roles(known)  # opened before the lock: QGIS reads a row on opening
    lock = locked(postgis_cluster, "known.survey")
    feedback = QgsFeedback()
    threading.Timer(1.0, feedback.cancel).start()
    started = time.perf_counter()
    try:
        with pytest.raises(CheckCanceledError):
            overlay(subjects, specs, feedback=feedback)
    finally:
        lock.rollback()
        lock.close()
    assert time.perf_counter() - started < 5.0
    time.sleep(0.2)
    assert ours_running(postgis_cluster) == "0"


@pytest.fixture(scope="module")
def huge(known, postgis_cluster):
    """2,025 subjects on the boundary of a protected feature of 400,000 vertices: each must be cut (no containment
    shortcut, however fast the server's GEOS), so a statement runs for half a minute."""
    postgis_cluster.psql(
        "CREATE TABLE known.huge (id int PRIMARY KEY, geom geometry(Polygon, 4527));"
        f"INSERT INTO known.huge VALUES (1, ST_Buffer(ST_Point({X0}, {Y0}, 4527), 3000, 100000));"
        "CREATE INDEX ON known.huge USING gist (geom);"
    )
    angles = [2 * math.pi * k / 2025 for k in range(2025)]
    grid = [(square(X0 + 3000 * math.cos(a), Y0 + 3000 * math.sin(a), 20),) for a in angles]
    return memory_layer("Polygon", GK39, grid), known("huge")


def cancel_in(seconds: float, feedback: QgsFeedback) -> list:
    """Cancel ``feedback`` from another thread after ``seconds``; the list gets the moment it did."""
    when = []
    threading.Timer(seconds, lambda: (when.append(time.perf_counter()), feedback.cancel())).start()
    return when


@pytest.mark.xfail(
    Qgis.QGIS_VERSION_INT >= 34000,
    reason="on Debian 13 the overlay sometimes ends before the cancel in the full suite: under study",
    strict=False,
)
def test_cancel_stops_an_overlay_statement_on_the_server(huge, postgis_cluster):
    subjects, table = huge
    feedback = QgsFeedback()
    canceled_at = cancel_in(3.0, feedback)
    with pytest.raises(CheckCanceledError):
        overlay(subjects, [RoleSpec("pbf", table)], feedback=feedback)
    assert time.perf_counter() - canceled_at[0] < 2.0
    time.sleep(0.2)
    assert ours_running(postgis_cluster) == "0"


def test_a_timeout_during_geos_work_says_so(huge):
    """PostGIS reports an interrupt inside GEOS as a GEOS error; the check still says it was the timeout."""
    subjects, table = huge
    try:
        STATEMENT_TIMEOUT_S.set_value(2)
        with pytest.raises(LiaochengError, match="statement_timeout_s"):
            overlay(subjects, [RoleSpec("pbf", table)])
    finally:
        STATEMENT_TIMEOUT_S.reset()


@pytest.mark.xfail(
    Qgis.QGIS_VERSION_INT >= 34000,
    reason="on Debian 13 the overlay sometimes ends before the cancel in the full suite: under study",
    strict=False,
)
def test_a_cancelled_check_writes_nothing(huge, processing_with_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingFeedback

    subjects, table = huge
    feedback = QgsProcessingFeedback()
    cancel_in(3.0, feedback)
    output = tmp_path / "overlaps.gpkg"
    parameters = {"INPUT": subjects, "PERMANENT_FARMLAND": table, "OUTPUT": str(output)}
    processing.run("liaocheng:overlap_check", parameters, feedback=feedback)
    assert feedback.isCanceled() and not output.exists()


def test_a_timeout_or_a_lost_connection_stops_the_check_clearly(known, postgis_cluster):
    subjects, specs = known("subjects"), roles(known)
    lock = locked(postgis_cluster, "known.survey")
    try:
        STATEMENT_TIMEOUT_S.set_value(1)
        with pytest.raises(LiaochengError, match="statement_timeout_s"):
            overlay(subjects, specs)
        STATEMENT_TIMEOUT_S.reset()
        killer = threading.Timer(
            1.0,
            postgis_cluster.psql,
            ["SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'Liaocheng Land Check'"],
        )
        killer.start()
        with pytest.raises(LiaochengError, match="was lost"):
            overlay(subjects, specs)
        killer.join()
    finally:
        STATEMENT_TIMEOUT_S.reset()
        lock.rollback()
        lock.close()


def test_without_psycopg2_the_plugin_loads_and_checks_run_in_qgis():
    code = (
        "import sys; sys.modules['psycopg2'] = None\n"
        "from qgis.core import QgsApplication; app = QgsApplication([], False); app.initQgis()\n"
        "from liaocheng_plugin.core.engine.postgis.driver import missing_driver\n"
        "import liaocheng_plugin.processing\n"
        "print(missing_driver())\n"
    )
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "python3-psycopg2" in done.stdout


def test_without_psycopg2_a_check_runs_in_qgis_and_says_why(known, monkeypatch):
    monkeypatch.setattr(choice_module, "missing_driver", lambda: "psycopg2 is missing")
    report = overlay(known("subjects"), roles(known))
    assert report.engine == "local" and "psycopg2 is missing" in report.engine_note
