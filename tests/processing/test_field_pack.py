"""Field packs: a GeoPackage with embedded styles, a project that reopens offline, an atlas with coordinates."""

import shutil
import subprocess

import pytest
from qgis.core import QgsFeedback, QgsProject, QgsVectorLayer

from liaocheng_plugin.core.exceptions import CheckCanceledError
from liaocheng_plugin.core.field_pack import export_field_pack
from liaocheng_plugin.core.styles import apply_style
from tests.tools.sample.subjects import SAMPLE_DATE


def sample_layer(sample, name):
    layer = QgsVectorLayer(f"{sample.gpkg}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


def test_field_pack_reopens_with_every_layer_valid(sample_data, processing_with_provider, tmp_path):
    import processing

    farmland, boundary = sample_layer(sample_data, "YJJBNTTB"), sample_layer(sample_data, "CZKFBJ")
    apply_style(farmland, "pbf")
    result = processing.run(
        "liaocheng:reserve_check",
        {
            "INPUT": sample_layer(sample_data, "CBDK"),
            "PERMANENT_FARMLAND": farmland,
            "DEVELOPMENT_BOUNDARY": boundary,
            "AREA_MODE": 1,
            "REFERENCE_DATE": SAMPLE_DATE.isoformat(),
            "OUTPUT": "memory:",
            "SUMMARY": "memory:",
            "OVERLAPS": "memory:",
        },
    )
    parcels = result["OUTPUT"]
    apply_style(parcels, "check_status")
    chosen = [f.id() for f in parcels.getFeatures() if f["pbf_mu"] > 0][:3]  # parcels on farmland
    assert len(chosen) >= 1
    pack = export_field_pack(
        parcels, [farmland, boundary], tmp_path / "pack", "储备土地外业核查", chosen, conflicts=result["OVERLAPS"]
    )
    assert pack.pages == len(chosen)
    reopened = QgsProject()
    assert reopened.read(str(pack.project))
    layers = list(reopened.mapLayers().values())
    assert len(layers) == 4 and all(layer.isValid() for layer in layers)
    subjects = next(layer for layer in layers if layer.name() == "Checked subjects")
    assert subjects.featureCount() == len(chosen)
    count, ids, names, descriptions, error = subjects.listStylesInDatabase()
    assert count >= 1, error
    # Protected layers are clipped to a margin around the three subjects, not copied whole.
    packed_farmland = next(layer for layer in layers if layer.name() == farmland.name())
    assert packed_farmland.source().endswith("layername=layer_1")  # not in a profile: no role, its own name
    assert 0 < packed_farmland.featureCount() < farmland.featureCount()
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pack.atlas)], capture_output=True, text=True, check=True).stdout
        assert f"Pages:           {len(chosen)}" in info


def test_processing_field_pack_takes_the_selected_subjects_when_asked(processing_with_provider, tmp_path):
    """ "Selected features only" packs the selection; without it every subject; a layer no check wrote is refused."""
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeatureSourceDefinition

    from tests.conftest import memory_layer, square

    parcels = memory_layer(
        "Polygon", "EPSG:4527", [(square(39500000 + 400 * i, 4050000, 100), f"S{i}") for i in range(4)], {"DKBH": str}
    )
    farmland = memory_layer("Polygon", "EPSG:4527", [(square(39500050, 4050000, 100),)], name="永久基本农田")
    checked = processing.run(
        "liaocheng:reserve_check", {"INPUT": parcels, "PERMANENT_FARMLAND": farmland, "OUTPUT": "memory:"}
    )["OUTPUT"]
    project = QgsProject.instance()
    project.addMapLayers([checked, parcels])
    try:
        checked.selectByIds([2, 3])

        def packed(folder, selected_only):
            source = QgsProcessingFeatureSourceDefinition(checked.id(), selected_only)
            processing.run("liaocheng:export_field_pack", {"INPUT": source, "OUTPUT": str(tmp_path / folder)})
            table = QgsVectorLayer(f"{tmp_path / folder / 'field_pack.gpkg'}|layername=subjects", "s", "ogr")
            return sorted(f["DKBH"] for f in table.getFeatures())

        assert packed("selected", True) == ["S1", "S2"]
        assert packed("all", False) == ["S0", "S1", "S2", "S3"]
        checked.removeSelection()
        with pytest.raises(QgsProcessingException, match="no feature"):
            packed("none", True)
        with pytest.raises(QgsProcessingException, match="not the result of a check"):
            processing.run("liaocheng:export_field_pack", {"INPUT": parcels, "OUTPUT": str(tmp_path / "raw")})
    finally:
        project.removeMapLayers([checked.id(), parcels.id()])


def test_cancelled_field_pack_writes_nothing(processing_with_provider, tmp_path):
    from tests.conftest import memory_layer, square

    subjects = memory_layer(
        "Polygon", "EPSG:4527", [(square(39500000 + 400 * i, 4050000, 100), f"S{i}") for i in range(3)], {"name": str}
    )
    farmland = memory_layer("Polygon", "EPSG:4527", [(square(39500050, 4050000, 100),)], name="永久基本农田")
    folder = tmp_path / "pack"
    feedback = QgsFeedback()
    feedback.progressChanged.connect(lambda progress: progress >= 50 and feedback.cancel())  # in the atlas
    with pytest.raises(CheckCanceledError):
        export_field_pack(subjects, [farmland], folder, "外业核查", feedback=feedback)
    assert list(folder.iterdir()) == []
    assert export_field_pack(subjects, [farmland], folder, "外业核查").pages == 3  # and it still works after
    assert sorted(p.name for p in folder.iterdir()) == ["field_pack.gpkg", "field_pack.qgz", "field_pack_atlas.pdf"]


def test_field_pack_layers_are_named_in_the_ui_language_with_safe_table_names(processing_with_provider, tmp_path):
    """核查对象, 冲突图斑, 永久基本农田 in the pack's project; subjects, conflicts, permanent_farmland in the file."""
    from liaocheng_plugin.core.definitions import Role
    from liaocheng_plugin.core.profile import ProtectedProfile, RoleAssignment
    from liaocheng_plugin.core.translation import install_translator, remove_translator
    from tests.conftest import memory_layer, square

    subjects = memory_layer("Polygon", "EPSG:4527", [(square(39500000, 4050000, 100), "S1")], {"name": str})
    conflicts = memory_layer("Polygon", "EPSG:4527", [(square(39500050, 4050000, 50), 1)], {"subject_id": int})
    farmland = memory_layer("Polygon", "EPSG:4527", [(square(39500050, 4050000, 100),)], name="YJJBNTTB")
    project = QgsProject.instance()
    project.addMapLayer(farmland)
    ProtectedProfile({Role.PERMANENT_FARMLAND: RoleAssignment.for_layer(farmland, Role.PERMANENT_FARMLAND)}).save(
        project
    )
    translator = install_translator("zh_CN")
    try:
        pack = export_field_pack(subjects, [farmland], tmp_path / "pack", "外业核查", conflicts=conflicts)
    finally:
        remove_translator(translator)
        project.removeEntry("liaocheng_plugin", "protected_profile")
        project.removeMapLayer(farmland.id())
    reopened = QgsProject()
    assert reopened.read(str(pack.project))
    tables = {layer.name(): layer.source().split("layername=")[-1] for layer in reopened.mapLayers().values()}
    assert tables == {"核查对象": "subjects", "冲突图斑": "conflicts", "永久基本农田": "permanent_farmland"}


def test_field_pack_geopackage_is_closed_and_in_rollback_journal_mode(processing_with_provider, tmp_path):
    """Saving the embedded styles switched the GeoPackage to WAL while the pack's project had it open: GDAL
    printed "unable to open database file", the atlas lost its extent (the map stretched over the results box)
    and field_pack.gpkg-wal/-shm were left in the folder (on Windows the still-open file cannot even move)."""
    import sqlite3

    from qgis.core import QgsApplication

    from tests.conftest import memory_layer, square

    subjects = memory_layer(
        "Polygon", "EPSG:4527", [(square(39500000 + 400 * i, 4050000, 100), f"S{i}") for i in range(3)], {"name": str}
    )
    farmland = memory_layer("Polygon", "EPSG:4527", [(square(39500050, 4050000, 100),)], name="永久基本农田")
    messages = []
    log = QgsApplication.messageLog()
    log.messageReceived.connect(lambda message, tag, level: messages.append(message))
    pack = export_field_pack(subjects, [farmland], tmp_path / "pack", "外业核查")
    QgsApplication.processEvents()
    assert sorted(p.name for p in (tmp_path / "pack").iterdir()) == [
        "field_pack.gpkg",
        "field_pack.qgz",
        "field_pack_atlas.pdf",
    ]
    assert not [message for message in messages if "unable to open database file" in message]
    connection = sqlite3.connect(str(pack.gpkg))
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        styled = {row[0] for row in connection.execute("SELECT f_table_name FROM layer_styles WHERE useAsDefault")}
    finally:
        connection.close()
    assert styled == {"subjects", "layer_1"}


def test_a_map_keeps_its_size_when_its_extent_is_empty():
    """An empty or failed layer gave the map item an empty extent, and QgsLayoutItemMap.setExtent then resized
    the item: the field pack's map ran over its results box."""
    from qgis.core import QgsRectangle

    from liaocheng_plugin.core.sheet_map import fit_extent
    from liaocheng_plugin.core.sheets import load_template

    layout = load_template(QgsProject.instance(), "a4_portrait")
    main = layout.itemById("map")
    before = main.sizeWithUnits().height(), main.sizeWithUnits().width()
    fit_extent(main, QgsRectangle())
    fit_extent(main, QgsRectangle(39500000, 4050000, 39500000, 4050000))  # one point
    assert (main.sizeWithUnits().height(), main.sizeWithUnits().width()) == pytest.approx(before)
    table = layout.itemById("table")
    assert main.positionWithUnits().y() + main.sizeWithUnits().height() < table.positionWithUnits().y()
