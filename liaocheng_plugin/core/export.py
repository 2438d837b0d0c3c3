"""Write result layers to a GeoPackage and result tables to XLSX ledgers with readable headers."""

from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from qgis.core import QgsField, QgsFields, QgsProject, QgsVectorFileWriter, QgsVectorLayer

from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.findings import status_labels
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.staging import staged_folder
from liaocheng_plugin.core.xlsx import Sheet, write_workbook


def write_layers_gpkg(path: Path, layers: Mapping[str, QgsVectorLayer]) -> Path:
    """Write each layer as a table of one GeoPackage; the file at ``path`` is replaced only once all are written."""
    path = Path(path)
    with staged_folder(path.parent) as scratch:
        staged = scratch / path.name
        for position, (name, layer) in enumerate(layers.items()):
            options = QgsVectorFileWriter.SaveVectorOptions()
            options.driverName = "GPKG"
            options.layerName = name
            options.fileEncoding = "UTF-8"
            if position:
                options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
            error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
                layer, str(staged), QgsProject.instance().transformContext(), options
            )
            if error != QgsVectorFileWriter.WriterError.NoError:
                raise LiaochengError(tr("Could not write layer “{}” to “{}”.").format(name, path), message)
    return path


def layer_sheet(
    title: str, layer: QgsVectorLayer, headers: Dict[str, str], value_labels: Optional[Dict[str, Dict[str, str]]] = None
) -> Sheet:
    """A sheet of every attribute: headers from ``headers`` (else alias or name), coded values made readable."""
    value_labels = value_labels or {}
    names = [field.name() for field in layer.fields()]
    titles = [headers.get(name) or layer.fields().field(name).displayName() for name in names]
    rows: List[Sequence[object]] = []
    for feature in layer.getFeatures():
        values = list(feature.attributes())
        for position, name in enumerate(names):
            labels = value_labels.get(name)
            if labels:
                values[position] = labels.get(values[position], values[position])
        rows.append(values)
    return title, titles, rows


def write_ledger(path: Path, sheets: Sequence[Sheet]) -> Path:
    """Write an XLSX ledger of sheets made by ``layer_sheet``."""
    return write_workbook(Path(path), sheets)


def area_basis_labels() -> Dict[str, str]:
    """The ``area_basis`` values, readable and translated."""
    return {"ellipsoidal": tr("ellipsoidal (CGCS2000)"), "planar": tr("planar")}


def status_value_labels() -> Dict[str, str]:
    """fail / warn / pass → readable, translated."""
    return {severity.value: text for severity, text in status_labels().items()}


def as_fields(columns: Sequence[Tuple[str, int]]) -> QgsFields:
    """QgsFields for a column list."""
    fields = QgsFields()
    for name, kind in columns:
        fields.append(QgsField(name, kind))
    return fields
