"""Write result layers to a GeoPackage and result tables to XLSX ledgers with readable headers."""

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from qgis.core import QgsField, QgsFields, QgsProject, QgsVectorFileWriter, QgsVectorLayer
from qgis.PyQt.QtXml import QDomDocument

from liaocheng_plugin.core.compat import save_style_to_database
from liaocheng_plugin.core.datacheck.report import DATA_WARNINGS_FIELD, data_warnings_header
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.field_names import field_code_names, source_field_header
from liaocheng_plugin.core.findings import status_labels
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.staging import staged_folder
from liaocheng_plugin.core.values import is_null
from liaocheng_plugin.core.xlsx import Sheet, write_workbook


def write_layers_gpkg(path: Path, layers: Mapping[str, QgsVectorLayer]) -> Path:
    """Write each layer as a table of one GeoPackage with its style embedded as the table's default (symbols,
    legend, field aliases, value maps: QGIS shows them when it opens the file); the file at ``path`` is replaced
    only once all are written."""
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
        embed_styles(staged, layers)
    return path


def copy_style(source: QgsVectorLayer, target: QgsVectorLayer) -> None:
    """Give ``target`` the whole style of ``source``: symbols, labels, field aliases and widgets."""
    document = QDomDocument()
    source.exportNamedStyle(document)
    target.importNamedStyle(document)


def embed_styles(gpkg: Path, layers: Mapping[str, QgsVectorLayer]) -> None:
    """Store each layer's style in the GeoPackage (table layer_styles) as the default style of its table.

    QGIS opens a GeoPackage it writes a style into in SQLite's WAL mode and that mode stays in the file: every
    later reader then leaves -wal/-shm files beside it, a reader that had it open before fails with "unable to
    open database file", and read-only media cannot open it. So each table is opened only to save its style and
    released at once, and the file goes back to a rollback journal before anything else opens it.
    """
    for table, source in layers.items():
        layer = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
        copy_style(source, layer)
        error = save_style_to_database(layer, table, "", True)
        del layer  # releases the GeoPackage (QGIS shares one connection per file among its layers)
        if error:
            raise LiaochengError(tr("Could not store the style of “{}” in “{}”.").format(table, gpkg.name), error)
    with closing(sqlite3.connect(str(gpkg))) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")


# Number formats of the check's figures by the field name's ending: 亩 and m² with 2 decimals, 公顷 with 4, % with 1.
NUMBER_FORMATS = (("_mu", "#,##0.00"), ("_m2", "#,##0.00"), ("_ha", "#,##0.0000"), ("_pct", "0.0"), ("_m", "#,##0.0"))
LEADING_COLUMNS = ("status", "findings")


def number_format(field_name: str) -> str:
    """The XLSX number format of one of the check's columns ("" = general)."""
    return next((fmt for ending, fmt in NUMBER_FORMATS if field_name.endswith(ending)), "")


def columns_of(headers: Dict[str, str], columns: Sequence[Tuple[str, int]]) -> Dict[str, str]:
    """The headers of a check's ``columns`` only (layer_sheet takes every other field for the subject's own)."""
    return {name: headers[name] for name, _ in columns if name in headers}


def layer_sheet(
    title: str,
    layer: QgsVectorLayer,
    headers: Dict[str, str],
    value_labels: Optional[Dict[str, Dict[object, str]]] = None,
    skip: Sequence[str] = (),
) -> Sheet:
    """A ledger sheet of a result layer: status and findings first, then the subject's own fields headed
    "坐落（ZL）", then the check's other columns headed from ``headers``; coded values made readable.

    A field is the check's own when ``headers`` names it. ``skip`` drops columns (e.g. a check's copy of an own
    field); a GeoPackage ``fid`` is always left out.
    """
    value_labels = value_labels or {}
    headers = {DATA_WARNINGS_FIELD: data_warnings_header(), **headers}  # a column of every check's results
    fields = layer.fields()
    names = [name for name in fields.names() if name not in skip and name.lower() != "fid"]
    own = [name for name in names if name not in headers]
    checked = [name for name in names if name in headers]
    order = [name for name in LEADING_COLUMNS if name in checked]
    order += own + [name for name in checked if name not in LEADING_COLUMNS]
    code_names = field_code_names()
    titles = [headers.get(name) or source_field_header(fields.field(name), code_names) for name in order]
    positions = [fields.indexOf(name) for name in order]
    rows: List[Sequence[object]] = []
    for feature in layer.getFeatures():
        values = feature.attributes()
        row = []
        for name, position in zip(order, positions):
            value = values[position]
            labels = value_labels.get(name)
            row.append(labels.get(value, value) if labels and not is_null(value) else value)
        rows.append(row)
    formats = [number_format(name) if name in headers else "" for name in order]
    return Sheet(title, titles, rows, formats)


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
