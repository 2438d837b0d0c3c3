"""Conventions of the Processing ecosystem every check follows: the dialog starts from the project's profile,
a run against no protected layer is refused, secondary outputs are optional, OUTPUT keeps the input's fields."""

import pytest
from qgis.core import QgsProcessingException, QgsProject

from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.profile import ProtectedProfile, RoleAssignment
from tests.conftest import memory_layer, square

X0, Y0 = 39500000.0, 4050000.0
SQM_PER_MU = 10000.0 / 15.0


def farmland():
    return memory_layer("Polygon", "EPSG:4527", [(square(X0 + 50, Y0, 100),)], name="永久基本农田")


def parcels():
    """Two reserve parcels with ledger fields, a field of their own and an AREA_MU of the delivery."""
    return memory_layer(
        "Polygon",
        "EPSG:4527",
        [
            (square(X0, Y0, 100), "CB-1", "东昌府区", 99.0, "备注一"),
            (square(X0 + 400, Y0, 100), "CB-2", "茌平区", 1.0, ""),
        ],
        {"DKBH": str, "ZL": str, "AREA_MU": float, "自定义": str},
        "储备地块",
    )


def outflow():
    return memory_layer(
        "Polygon",
        "EPSG:4527",
        [(square(X0, Y0, 100), "LC-1", "371502", "2023", "进出平衡", "甲")],
        {"TBBH": str, "XZQDM": str, "NF": str, "ZGFS": str, "备注": str},
        "流出",
    )


def inflow():
    return memory_layer(
        "Polygon",
        "EPSG:4527",
        [(square(X0 + 1000, Y0, 100), "LR-1", "371502", 2023, 5, "复垦")],
        {"TBBH": str, "XZQDM": str, "NF": int, "GDDB": int, "来源说明": str},
        "流入",
    )


def route():
    """A straight route of 10 km eastwards; farmland from 3,000 to 3,500 m along it."""
    return memory_layer(
        "LineString", "EPSG:4527", [(f"LINESTRING({X0} {Y0}, {X0 + 10000} {Y0})", "路线A")], {"FAMC": str}, "路线"
    )


CHECKS = {  # algorithm: (subject parameters, secondary outputs)
    "reserve_check": (lambda: {"INPUT": parcels()}, ("SUMMARY", "OVERLAPS")),
    "balance_check": (lambda: {"OUTFLOW": outflow(), "INFLOW": inflow()}, ("SUMMARY", "OVERLAPS")),
    "site_check": (lambda: {"INPUT": route()}, ("CROSSINGS", "CLEAR", "OVERLAPS")),
    "overlap_check": (lambda: {"INPUT": parcels()}, ("OVERLAPS",)),
}


def run(name, parameters):
    import processing

    return processing.run(f"liaocheng:{name}", parameters)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_a_check_runs_with_only_its_subjects_one_protected_layer_and_output(name, processing_with_provider):
    """processing.run("liaocheng:reserve_check", {"INPUT": …, "PERMANENT_FARMLAND": …, "OUTPUT": "memory:"})
    works: the secondary outputs are optional, created only when asked for."""
    subjects, secondary = CHECKS[name]
    result = run(name, dict(subjects(), PERMANENT_FARMLAND=farmland(), OUTPUT="memory:"))
    assert set(result) == {"OUTPUT"} and result["OUTPUT"].featureCount() >= 1
    asked = run(
        name, dict(subjects(), PERMANENT_FARMLAND=farmland(), OUTPUT="memory:", **{s: "memory:" for s in secondary})
    )
    assert set(asked) == {"OUTPUT", *secondary}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_a_check_against_no_protected_layer_is_refused(name, processing_with_provider):
    """Run against nothing, a parcel 87 % on farmland came out "warn" instead of "fail": refused instead."""
    subjects, _ = CHECKS[name]
    with pytest.raises(QgsProcessingException, match="No protected layer is given"):
        run(name, dict(subjects(), OUTPUT="memory:"))


@pytest.mark.parametrize("name", ["reserve_check", "site_check", "overlap_check"])
def test_output_keeps_every_field_of_the_input_and_appends_its_own(name, processing_with_provider):
    subjects, _ = CHECKS[name]
    given = subjects()
    source = given["INPUT"]
    output = run(name, dict(given, PERMANENT_FARMLAND=farmland(), OUTPUT="memory:"))["OUTPUT"]
    own = [field.name() for field in source.fields()]
    names = output.fields().names()
    for field in own:
        kept = f"{field}_1" if field == "AREA_MU" else field  # the check writes its own area_mu
        assert names.index(kept) == own.index(field)  # first, in the input's order
    rows = {f.id(): f.attributes()[: len(own)] for f in source.getFeatures()}
    assert sorted(f.attributes()[: len(own)] for f in output.getFeatures()) == sorted(rows.values())


def test_a_delivery_field_named_like_a_check_field_never_passes_for_the_checks_figure(processing_with_provider):
    """A delivery's own AREA_MU (99 亩 recorded) read as the check's area_mu would put a wrong 亩 on every sheet."""
    output = run("reserve_check", {"INPUT": parcels(), "PERMANENT_FARMLAND": farmland(), "OUTPUT": "memory:"})["OUTPUT"]
    first = next(f for f in output.getFeatures() if f["DKBH"] == "CB-1")
    assert first["AREA_MU_1"] == 99.0
    assert first["area_mu"] == pytest.approx(10000 / SQM_PER_MU, abs=0.01)  # the 100 m square: 15.00 亩


def test_balance_output_keeps_the_fields_of_both_patch_layers(processing_with_provider):
    result = run(
        "balance_check",
        {
            "OUTFLOW": outflow(),
            "INFLOW": inflow(),
            "PERMANENT_FARMLAND": farmland(),
            "OUTPUT": "memory:",
            "OVERLAPS": "memory:",
        },
    )
    patches = {f["TBBH"]: f for f in result["OUTPUT"].getFeatures()}
    names = result["OUTPUT"].fields().names()
    assert names[:7] == ["TBBH", "XZQDM", "NF", "ZGFS", "备注", "GDDB", "来源说明"]  # the union, outflow's first
    assert (patches["LC-1"]["备注"], patches["LC-1"]["来源说明"]) == ("甲", None)
    assert (patches["LR-1"]["GDDB"], patches["LR-1"]["来源说明"]) == (5, "复垦")
    assert (patches["LC-1"]["NF"], patches["LR-1"]["NF"]) == (
        "2023",
        "2023",
    )  # text in one layer, a number in the other
    assert patches["LC-1"]["direction"] == "out" and patches["LR-1"]["direction"] == "in"
    # Conflict pieces point at their patch by subject_id, unique across the two layers (feature ids are not).
    pieces = list(result["OVERLAPS"].getFeatures())
    assert pieces and {p["subject_id"] for p in pieces} == {patches["LC-1"]["subject_id"]}


def test_the_dialog_starts_from_the_projects_profile_and_a_script_from_what_it_gives(processing_with_provider):
    """Opened from the Toolbox, the protected layers are those of the saved profile; the GUI default does not
    leak into processing.run, which still refuses to check against nothing."""
    from qgis.core import QgsApplication

    project = QgsProject.instance()
    layer = farmland()
    project.addMapLayer(layer)
    profile = ProtectedProfile({Role.PERMANENT_FARMLAND: RoleAssignment.for_layer(layer, Role.PERMANENT_FARMLAND)})
    profile.save(project)
    try:
        for name in CHECKS:
            algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"liaocheng:{name}")
            assert algorithm.parameterDefinition("PERMANENT_FARMLAND").defaultValueForGui() == layer.id(), name
            assert algorithm.parameterDefinition("ECOLOGICAL_REDLINE").defaultValueForGui() is None, name
        with pytest.raises(QgsProcessingException, match="No protected layer is given"):
            run("reserve_check", {"INPUT": parcels(), "OUTPUT": "memory:"})
    finally:
        project.removeEntry("liaocheng_plugin", "protected_profile")
        project.removeMapLayer(layer.id())


def test_the_toolbox_dialog_opens_prefilled_from_the_profile(processing_with_provider, qgis_iface, monkeypatch):
    """The real Processing dialog, as the Toolbox opens it: the farmland combo shows the profile's layer."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsApplication
    from qgis.gui import QgsBrowserGuiModel

    browser = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)  # the test iface has none

    project = QgsProject.instance()
    layer = farmland()
    project.addMapLayer(layer)
    ProtectedProfile({Role.PERMANENT_FARMLAND: RoleAssignment.for_layer(layer, Role.PERMANENT_FARMLAND)}).save(project)
    try:
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("liaocheng:reserve_check")
        dialog = AlgorithmDialog(algorithm, parent=qgis_iface.mainWindow())
        values = dialog.mainWidget().createProcessingParameters()
        assert values["PERMANENT_FARMLAND"] == layer.id()
        assert values.get("ECOLOGICAL_REDLINE") is None
        dialog.deleteLater()
    finally:
        project.removeEntry("liaocheng_plugin", "protected_profile")
        project.removeMapLayer(layer.id())


def test_route_crossings_are_exported_with_their_chainage(processing_with_provider, tmp_path):
    """The design team receives each crossing as K3+000–K3+500 with length and area, in XLSX and GeoPackage."""
    openpyxl = pytest.importorskip("openpyxl")
    from qgis.core import QgsVectorLayer

    from liaocheng_plugin.core.export import write_layers_gpkg, write_ledger
    from liaocheng_plugin.core.siting_table import site_ledger_sheets
    from liaocheng_plugin.core.translation import install_translator, remove_translator

    field = memory_layer("Polygon", "EPSG:4527", [(square(X0 + 3000, Y0 - 250, 500),)], name="永久基本农田")
    result = run(
        "site_check",
        {
            "INPUT": route(),
            "PERMANENT_FARMLAND": field,
            "WIDTH": 60.0,
            "AREA_MODE": 1,
            "OUTPUT": "memory:",
            "CROSSINGS": "memory:",
        },
    )
    crossing = next(result["CROSSINGS"].getFeatures())
    assert (crossing["from_chainage"], crossing["to_chainage"]) == ("K3+000", "K3+500")
    assert crossing["length_m"] == pytest.approx(500.0) and crossing["area_m2"] == pytest.approx(500 * 60, rel=1e-6)
    assert crossing["area_mu"] == pytest.approx(500 * 60 / SQM_PER_MU, abs=0.005)
    gpkg = write_layers_gpkg(tmp_path / "site.gpkg", {"crossings": result["CROSSINGS"]})
    packed = next(QgsVectorLayer(f"{gpkg}|layername=crossings", "c", "ogr").getFeatures())
    assert (packed["from_chainage"], packed["to_chainage"], packed["role"]) == ("K3+000", "K3+500", "pbf")
    translator = install_translator("zh_CN")
    try:
        path = write_ledger(
            tmp_path / "site.xlsx", site_ledger_sheets(result["OUTPUT"], result["CROSSINGS"], "线路方案")
        )
    finally:
        remove_translator(translator)
    sheet = openpyxl.load_workbook(path)["穿越桩号"]
    row = dict(zip([c.value for c in sheet[1]], [c.value for c in sheet[2]]))
    assert (row["起点桩号"], row["终点桩号"], row["穿越类型"]) == ("K3+000", "K3+500", "永久基本农田")
    assert row["长度（米）"] == 500.0 and row["面积（平方米）"] == pytest.approx(30000.0)


def test_a_dialog_run_from_a_profile_naming_a_removed_layer_is_refused_naming_it(
    processing_with_provider, qgis_iface, monkeypatch
):
    """The profile gives farmland and red line; the red line left the project. The dialog opens with the farmland
    only and its run would report no red-line conflict: refused, naming the role and the layer. Choosing a red
    line in the dialog runs; a script that leaves the red line out runs (it uses what it gives)."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsApplication, QgsProcessingContext
    from qgis.gui import QgsBrowserGuiModel

    browser = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)
    project = QgsProject.instance()
    layer, redline, subjects = farmland(), farmland(), parcels()
    redline.setName("生态保护红线 STBHHX")
    project.addMapLayers([subjects, layer, redline])
    ProtectedProfile(
        {
            Role.PERMANENT_FARMLAND: RoleAssignment.for_layer(layer, Role.PERMANENT_FARMLAND),
            Role.ECOLOGICAL_REDLINE: RoleAssignment.for_layer(redline, Role.ECOLOGICAL_REDLINE),
        }
    ).save(project)
    project.removeMapLayer(redline.id())
    try:
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("liaocheng:reserve_check")
        dialog = AlgorithmDialog(algorithm, parent=qgis_iface.mainWindow())
        values = dialog.mainWidget().createProcessingParameters()
        values["INPUT"] = subjects.id()
        context = QgsProcessingContext()
        context.setProject(project)
        ok, message = algorithm.checkParameterValues(values, context)
        assert not ok and "生态保护红线 STBHHX" in message and "Ecological red line" in message
        assert "no longer in the project" in message
        chosen = dict(values, ECOLOGICAL_REDLINE=farmland())
        assert algorithm.checkParameterValues(chosen, context) == (True, "")
        result = run("reserve_check", {"INPUT": subjects, "PERMANENT_FARMLAND": layer, "OUTPUT": "memory:"})
        assert result["OUTPUT"].featureCount() == 2
        dialog.deleteLater()
    finally:
        project.removeEntry("liaocheng_plugin", "protected_profile")
        project.removeMapLayers([subjects.id(), layer.id()])
