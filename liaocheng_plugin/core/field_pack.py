"""Field packs (外业核查包): what a field team takes offline to the subjects before site visits."""

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtXml import QDomDocument

from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.export import write_layers_gpkg
from liaocheng_plugin.core.geometry_repair import polygonal_part
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.sheets import export_sheets

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


def copy_style(source: QgsVectorLayer, target: QgsVectorLayer) -> None:
    document = QDomDocument()
    source.exportNamedStyle(document)
    target.importNamedStyle(document)


def clipped(layer: QgsVectorLayer, area: QgsGeometry, area_crs, name: str) -> QgsVectorLayer:
    """The features of ``layer`` within ``area`` (a margin around the subjects), cut to it."""
    transform = QgsCoordinateTransform(area_crs, layer.crs(), QgsProject.instance())
    local = QgsGeometry(area)
    local.transform(transform)
    polygons = QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.PolygonGeometry
    features = []
    for feature in layer.getFeatures(QgsFeatureRequest().setFilterRect(local.boundingBox())):
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
    title: str,
    feature_ids: Optional[Sequence[int]] = None,
    conflicts: Optional[QgsVectorLayer] = None,
    margin_m: float = DEFAULT_MARGIN_M,
    template: str = "a4_portrait",
) -> FieldPack:
    """Write a GeoPackage (subjects, conflicts, protected layers clipped to ``margin_m``, styles embedded),
    a project that opens it offline (QGIS or QField) and an atlas with coordinates and a notes form."""
    request = QgsFeatureRequest()
    if feature_ids is not None:
        request.setFilterFids(list(feature_ids))
    chosen = list(subjects.getFeatures(request))
    if not chosen:
        raise LiaochengError(tr("Choose at least one subject of “{}” for the field pack.").format(subjects.name()))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    area = QgsGeometry.unaryUnion([f.geometry().buffer(margin_m, 8) for f in chosen])
    tables: Dict[str, QgsVectorLayer] = {"subjects": copy_of(subjects, chosen, "subjects")}
    if conflicts is not None:
        tables["conflicts"] = clipped(conflicts, area, subjects.crs(), "conflicts")
    for position, layer in enumerate(protected):
        tables[f"protected_{position + 1}"] = clipped(layer, area, subjects.crs(), layer.name())
    gpkg = write_layers_gpkg(folder / GPKG_NAME, tables)
    project = QgsProject()
    project.setCrs(subjects.crs())
    project.setTitle(title)
    packed: List[QgsVectorLayer] = []
    for table, source in reversed(list(tables.items())):
        name = source.name() if table.startswith("protected") else table
        layer = QgsVectorLayer(f"{gpkg}|layername={table}", name, "ogr")
        copy_style(source, layer)
        layer.saveStyleToDatabase(table, title, True, "")  # embedded: the style travels with the GeoPackage
        project.addMapLayer(layer)
        packed.append(layer)
    project_path = folder / PROJECT_NAME
    project.write(str(project_path))
    subjects_layer = packed[-1]
    atlas = folder / ATLAS_NAME
    pages = export_sheets(subjects_layer, packed[:-1][::-1], [], title, atlas, template, field_notes=True)
    return FieldPack(gpkg, project_path, atlas, pages)
