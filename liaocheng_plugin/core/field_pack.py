"""Field packs (外业核查包): what a field team takes offline to the subjects before site visits."""

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from liaocheng_plugin.core.compat import GEOMETRY_POLYGON
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.export import copy_style, write_layers_gpkg
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.progress import StepFeedback
from liaocheng_plugin.core.roles import role_labels
from liaocheng_plugin.core.sheet_map import profile_roles
from liaocheng_plugin.core.sheet_subjects import check_kind
from liaocheng_plugin.core.sheets import default_title, export_sheets, overview_layers
from liaocheng_plugin.core.staging import staged_folder

DEFAULT_MARGIN_M = 200.0
GPKG_NAME = "field_pack.gpkg"
PROJECT_NAME = "field_pack.qgz"
ATLAS_NAME = "field_pack_atlas.pdf"


@dataclass
class FieldPack:
    """The files of a field pack."""

    gpkg: Path
    project: Path
    atlas: Path
    pages: int


def copy_of(layer: QgsVectorLayer, features: Sequence[QgsFeature], name: str) -> QgsVectorLayer:
    """A memory layer with ``layer``'s schema, CRS and style holding ``features``."""
    geometry_type = QgsWkbTypes.displayString(QgsWkbTypes.multiType(layer.wkbType()))
    copy = QgsVectorLayer(f"{geometry_type}?crs={layer.crs().authid()}", name, "memory")
    copy.dataProvider().addAttributes(list(layer.fields()))
    copy.updateFields()
    rows = []
    for feature in features:
        row = QgsFeature(copy.fields())
        geometry = QgsGeometry(feature.geometry())
        geometry.convertToMultiType()
        row.setGeometry(geometry)
        row.setAttributes(feature.attributes())
        rows.append(row)
    copy.dataProvider().addFeatures(rows)
    copy_style(layer, copy)
    return copy


def polygonal_part(geometry: QgsGeometry) -> QgsGeometry:
    """The polygon parts of a clipped geometry (a cut along an edge may leave stray lines or points)."""
    if geometry.type() == GEOMETRY_POLYGON:
        return geometry
    parts = [part for part in geometry.asGeometryCollection() if part.type() == GEOMETRY_POLYGON]
    return QgsGeometry.collectGeometry(parts) if parts else QgsGeometry()


def clipped(
    layer: QgsVectorLayer, area: QgsGeometry, area_crs, name: str, feedback: Optional[QgsFeedback] = None
) -> QgsVectorLayer:
    """The features of ``layer`` within ``area`` (a margin around the subjects), cut to it."""
    transform = QgsCoordinateTransform(area_crs, layer.crs(), QgsProject.instance())
    local = QgsGeometry(area)
    local.transform(transform)
    polygons = QgsWkbTypes.geometryType(layer.wkbType()) == GEOMETRY_POLYGON
    features = []
    for feature in layer.getFeatures(QgsFeatureRequest().setFilterRect(local.boundingBox())):
        if feedback is not None and feedback.isCanceled():
            raise CheckCanceledError()
        geometry = feature.geometry()
        if geometry.isNull() or not geometry.intersects(local):
            continue
        if polygons:
            cut = polygonal_part(geometry.makeValid().intersection(local))
            if cut.isEmpty():
                continue
            feature.setGeometry(cut)
        features.append(feature)
    return copy_of(layer, features, name)


def export_field_pack(
    subjects: QgsVectorLayer,
    protected: Sequence[QgsVectorLayer],
    folder: Path,
    title: str = "",
    feature_ids: Optional[Sequence[int]] = None,
    conflicts: Optional[QgsVectorLayer] = None,
    margin_m: float = DEFAULT_MARGIN_M,
    template: str = "a4_portrait",
    feedback: Optional[QgsFeedback] = None,
    overview: Optional[Sequence[QgsVectorLayer]] = None,
) -> FieldPack:
    """Write a GeoPackage (subjects, conflicts, protected layers clipped to ``margin_m``, styles embedded),
    a project that opens it offline (QGIS or QField) and an atlas with coordinates and a notes form. Tables
    have ASCII names (subjects, conflicts, permanent_farmland …), layers names in the UI language; ``title`` ""
    names the pack after the check that wrote ``subjects`` (储备土地外业核查 …). The atlas's overview shows
    ``overview`` (default: the project's county layer, see ``overview_layers``).

    Every file is closed before the folder moves into place (Windows cannot move an open file) and the
    GeoPackage is left in SQLite's rollback-journal mode: no -wal/-shm files beside it, readable from read-only
    media. Cancelling through ``feedback`` raises CheckCanceledError and leaves ``folder`` as it was.
    """
    request = QgsFeatureRequest()
    if feature_ids is not None:
        request.setFilterFids(list(feature_ids))
    chosen = list(subjects.getFeatures(request))
    if not chosen:
        raise LiaochengError(tr("Choose at least one subject of “{}” for the field pack.").format(subjects.name()))
    overview = overview_layers(QgsProject.instance()) if overview is None else list(overview)
    folder = Path(folder)
    steps = StepFeedback(2, feedback)
    with staged_folder(folder) as scratch:
        tables = clipped_tables(subjects, chosen, protected, conflicts, margin_m, steps)
        steps.set_step(1)
        write_layers_gpkg(scratch / GPKG_NAME, tables)
        write_offline_project(scratch, tables, subjects.crs(), title or default_title(check_kind(subjects), True))
        pages = export_sheets(
            tables["subjects"],
            [layer for table, layer in tables.items() if table != "subjects"],
            overview,
            title,
            scratch / ATLAS_NAME,
            template,
            feedback=steps,
            field_notes=True,
        )
    return FieldPack(folder / GPKG_NAME, folder / PROJECT_NAME, folder / ATLAS_NAME, pages)


ROLE_TABLES = {  # GeoPackage table of each protected role: ASCII, lower case, safe in every GIS
    "pbf": "permanent_farmland",
    "erl": "ecological_redline",
    "udb": "development_boundary",
    "survey": "land_survey",
    "village": "villages",
    "mineral": "mineral_resources",
}


def protected_tables(protected: Sequence[QgsVectorLayer]) -> List[Tuple[str, str, QgsVectorLayer]]:
    """(table, display name, layer) of the protected layers: the role's table and name in the UI language for
    the project profile's layers, else layer_<n> and the layer's own name."""
    roles = profile_roles(QgsProject.instance())
    names = role_labels()
    tables = []
    for position, layer in enumerate(protected, start=1):
        role = roles.get(layer.id(), "")
        table = ROLE_TABLES.get(role, f"layer_{position}")
        if any(table == taken for taken, _, _ in tables):
            table = f"layer_{position}"
        tables.append((table, names.get(role, layer.name()), layer))
    return tables


def clipped_tables(
    subjects: QgsVectorLayer,
    chosen: Sequence[QgsFeature],
    protected: Sequence[QgsVectorLayer],
    conflicts: Optional[QgsVectorLayer],
    margin_m: float,
    feedback: StepFeedback,
) -> Dict[str, QgsVectorLayer]:
    """The pack's tables as memory layers named in the UI language (核查对象, 冲突图斑, 永久基本农田 …): the chosen
    subjects, their conflicts and the clipped protected layers."""
    area = QgsGeometry.unaryUnion([f.geometry().buffer(margin_m, 8) for f in chosen])
    tables: Dict[str, QgsVectorLayer] = {"subjects": copy_of(subjects, chosen, tr("Checked subjects"))}
    sources = [("conflicts", tr("Conflict pieces"), conflicts)] if conflicts is not None else []
    sources += protected_tables(protected)
    for done, (table, name, layer) in enumerate(sources):
        feedback.setProgress(100.0 * done / len(sources))
        tables[table] = clipped(layer, area, subjects.crs(), name, feedback)
    return tables


def write_offline_project(folder: Path, tables: Dict[str, QgsVectorLayer], crs, title: str) -> None:
    """The pack's project: every table of the GeoPackage as a layer named in the UI language (its embedded style
    loads with it), subjects on top. The layers are released before the folder moves."""
    gpkg = folder / GPKG_NAME
    project = QgsProject()
    project.setCrs(crs)
    project.setTitle(title)
    for table, source in reversed(list(tables.items())):
        project.addMapLayer(QgsVectorLayer(f"{gpkg}|layername={table}", source.name(), "ogr"))
    try:
        project.write(str(folder / PROJECT_NAME))
    finally:
        project.clear()
