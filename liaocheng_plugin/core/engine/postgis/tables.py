"""Which role layers are PostGIS tables the database can overlay itself, and what of them a statement reads.

A role layer qualifies when it is a whole saved PostGIS layer (no selection, no unsaved edits, no
curves), in the working CRS, whose QGIS feature ids are its key's values (a single int2/int4 key
column: QGIS numbers the features of other keys itself, per session), and whose fields the check reads
are columns of the table (not joins or expressions). Its subset string (QGIS filter) is kept.
"""

from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsDataSourceUri, QgsVectorLayer, QgsWkbTypes

from liaocheng_plugin.core.compat import FIELD_INT, FIELD_ORIGIN_PROVIDER
from liaocheng_plugin.core.engine.spec import RoleSpec
from liaocheng_plugin.core.i18n import tr

POSTGRES = "postgres"


@dataclass(frozen=True)
class Database:
    """One database as QGIS connects to it: ``identity`` (the connection without credentials) tells two apart,
    ``connection_info`` (with the layer's credentials, auth configs expanded) connects."""

    identity: str
    connection_info: str = field(repr=False, compare=False)
    label: str = field(compare=False, default="")


@dataclass
class PostgisTable:
    """A role layer as a table of its database: quoted names are made from these, never pasted.

    ``schema`` is "" when the layer names none (the database's search path finds the table). ``columns``
    maps a column meaning (``COLUMN_*``) to the table's column; ``subset`` is the layer's subset string
    (SQL of the user's own layer, kept as QGIS keeps it); ``z`` is True when the geometries carry Z or M
    (the overlay drops them: areas are planar in the working CRS either way). ``srid`` is the geometry
    column's, found when the database is asked (``choice.table_unfit``).
    """

    key: str
    name: str
    database: Database
    schema: str
    table: str
    geometry: str
    key_column: str
    subset: str = ""
    columns: Dict[str, str] = field(default_factory=dict)
    z: bool = False
    srid: int = 0


def database_of(layer: QgsVectorLayer) -> Database:
    """The database of a PostGIS layer."""
    uri = QgsDataSourceUri(layer.source())
    host = uri.service() or f"{uri.host() or 'localhost'}:{uri.port() or '5432'}"
    return Database(uri.connectionInfo(False), uri.connectionInfo(True), f"{uri.database()}@{host}")


def whole_layer(spec: RoleSpec) -> Optional[QgsVectorLayer]:
    """The saved layer a role reads as a whole, or None (a selection, a filter expression, a temporary copy)."""
    if spec.layer is not None:
        return spec.layer
    return spec.source if isinstance(spec.source, QgsVectorLayer) else None


def postgis_table(
    spec: RoleSpec, working_crs: QgsCoordinateReferenceSystem
) -> Tuple[Optional[PostgisTable], Optional[str]]:
    """The role's layer as a PostGIS table, or (None, why it must be read into QGIS), translated."""
    name = spec.display_name()
    layer = whole_layer(spec)
    if layer is None:
        return None, tr("layer “{}” is read in part (selected features or a filter expression)").format(name)
    if layer.providerType() != POSTGRES:
        return None, tr("layer “{}” is not a PostGIS layer").format(name)
    if layer.isModified():
        return None, tr("layer “{}” has unsaved edits").format(name)
    if QgsWkbTypes.isCurvedType(layer.wkbType()):
        return None, tr("layer “{}” holds curves").format(name)
    if layer.crs() != working_crs:
        return None, tr("layer “{}” is stored in {}, not in the working CRS {}").format(
            name, layer.crs().authid(), working_crs.authid()
        )
    uri = layer.dataProvider().uri()
    if uri.table().startswith("(") or not uri.geometryColumn():
        return None, tr("layer “{}” is a SQL query, not a table or view").format(name)
    fields = layer.fields()
    keys = layer.dataProvider().pkAttributeIndexes()
    if len(keys) != 1 or fields.at(keys[0]).type() != FIELD_INT:
        return None, tr("layer “{}” has no single integer key column (QGIS numbers its features itself)").format(name)
    columns = {}
    for meaning, field_name in spec.fields().items():
        index = fields.lookupField(field_name)
        if index < 0 or fields.fieldOrigin(index) != FIELD_ORIGIN_PROVIDER:
            return None, tr("field “{}” of layer “{}” is not a column of its table").format(field_name, name)
        columns[meaning] = fields.at(index).name()
    z = QgsWkbTypes.hasZ(layer.wkbType()) or QgsWkbTypes.hasM(layer.wkbType())
    table = PostgisTable(
        spec.key,
        name,
        database_of(layer),
        uri.schema(),
        uri.table(),
        uri.geometryColumn(),
        fields.at(keys[0]).name(),
        layer.subsetString(),
        columns,
        z,
    )
    return table, None
