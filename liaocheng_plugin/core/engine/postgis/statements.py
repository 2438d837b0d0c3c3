"""The SQL the PostGIS engine runs: names quoted by psycopg2.sql, every value a bound parameter.

Subjects travel as a parameter (an array of WKB, read in a CTE), so nothing is written, not even a
temporary table. A role's table is read through ``scope``: the table filtered by the layer's subset
string in a subquery of its own (the subset sees the table's columns only; ``%`` in it is escaped for
the driver's parameter syntax). Each candidate feature met through the GiST index (``&&``) is checked
for validity once, repaired (``ST_MakeValid``, polygon parts) only when invalid, and classified, as the
in-process engine does (see ``core/engine/pieces.py``):

- ``i`` the feature lies inside the subject (``ST_Contains``): the piece is the feature;
- ``c`` the subject lies inside the feature: the piece is the subject (not sent back);
- ``x`` the rest: the piece is the polygon part of ``ST_Intersection`` (dropped when only edges touch);
- ``p`` a point or line feature met (a village point): the piece is the feature, without area;
- ``u`` an invalid feature whose repair left no polygon: reported, no piece.
"""

from typing import Dict, List, Optional, Sequence

from qgis.core import QgsRectangle

from liaocheng_plugin.core.engine.postgis.driver import sql
from liaocheng_plugin.core.engine.postgis.tables import PostgisTable

INSIDE, COVERING, CUT, POINT, UNREPAIRABLE = "i", "c", "x", "p", "u"


def relation(table: PostgisTable) -> "sql.Composable":
    """The table's quoted name: "schema"."table"."""
    if table.schema:
        return sql.Identifier(table.schema, table.table)
    return sql.Identifier(table.table)


def scope(table: PostgisTable) -> "sql.Composable":
    """The layer's features as QGIS reads them: the table under its subset string."""
    if not table.subset:
        return relation(table)
    condition = sql.SQL(table.subset.replace("%", "%%"))
    return sql.SQL("(SELECT * FROM {} WHERE ({}))").format(relation(table), condition)


def envelope(rect: Optional[QgsRectangle], table: PostgisTable, parameters: Dict[str, object]) -> "sql.Composable":
    """``AND geometry && rect`` (the rect's corners as parameters) when a rect is given, else nothing."""
    if rect is None:
        return sql.SQL("")
    parameters.update(
        {"xmin": rect.xMinimum(), "ymin": rect.yMinimum(), "xmax": rect.xMaximum(), "ymax": rect.yMaximum()}
    )
    return sql.SQL(" AND layer.{} && ST_MakeEnvelope(%(xmin)s, %(ymin)s, %(xmax)s, %(ymax)s, %(srid)s)").format(
        sql.Identifier(table.geometry)
    )


def _columns(table: PostgisTable, meanings: Sequence[str]) -> "sql.Composable":
    """``, layer."column" AS c0, …`` for the meanings the table has (NULL for those it has not)."""
    parts = [
        sql.SQL(", layer.{} AS {}").format(sql.Identifier(table.columns[meaning]), sql.Identifier(f"c{position}"))
        if meaning in table.columns
        else sql.SQL(", NULL AS {}").format(sql.Identifier(f"c{position}"))
        for position, meaning in enumerate(meanings)
    ]
    return sql.Composed(parts)


def _repaired(table: PostgisTable) -> "sql.Composable":
    """The candidate feature fit to overlay: as stored when valid, else its repaired polygon parts."""
    raw = sql.SQL("ST_Force2D(layer.{})" if table.z else "layer.{}").format(sql.Identifier(table.geometry))
    return sql.SQL("CASE WHEN checked.valid THEN {raw} ELSE ST_CollectionExtract(ST_MakeValid({raw}), 3) END").format(
        raw=raw
    )


def _candidates(table: PostgisTable, shapes: str) -> "sql.Composable":
    """Rows (at, shape, layer.*, valid, part) of every feature whose box meets a given shape; OFFSET 0 keeps each
    check evaluated once per candidate (a pulled-up subquery would repeat it wherever it is used)."""
    geometry = sql.Identifier(table.geometry)
    return sql.SQL(
        "FROM {shapes} AS given "
        "JOIN {scope} AS layer ON layer.{geometry} && given.shape "
        "CROSS JOIN LATERAL (SELECT ST_IsValid(layer.{geometry}) AS valid OFFSET 0) AS checked "
        "CROSS JOIN LATERAL (SELECT {repaired} AS part OFFSET 0) AS feature "
    ).format(shapes=sql.Identifier(shapes), scope=scope(table), geometry=geometry, repaired=_repaired(table))


SHAPES = (  # MATERIALIZED: each shape parsed once, not wherever it is used
    "WITH shapes AS MATERIALIZED (SELECT given.position - 1 AS at, ST_GeomFromWKB(given.wkb, %(srid)s) AS shape "
    "FROM unnest(%(shapes)s::bytea[]) WITH ORDINALITY AS given(wkb, position)) "
)


def pieces_statement(table: PostgisTable, meanings: Sequence[str]) -> "sql.Composable":
    """Rows (at, fid, kind, raw WKB of an invalid feature, piece WKB, c0 … cn) of one role for shapes given as
    ``%(shapes)s`` (WKB, working CRS) with ``%(srid)s``; ``meanings`` are the columns c0 … cn."""
    return sql.SQL(
        SHAPES + "SELECT at, fid, kind, CASE WHEN valid THEN NULL ELSE ST_AsBinary(raw) END, "
        "CASE kind WHEN 'x' THEN ST_AsBinary(ST_CollectionExtract(ST_Intersection(shape, part), 3)) "
        "WHEN 'i' THEN ST_AsBinary(part) WHEN 'p' THEN ST_AsBinary(part) END AS piece{names} "
        "FROM (SELECT given.at, given.shape, layer.{key} AS fid, layer.{geometry} AS raw, checked.valid, "
        "feature.part, related.kind{columns} "
        "{candidates}"
        "CROSS JOIN LATERAL (SELECT CASE "
        "WHEN ST_IsEmpty(feature.part) THEN 'u' "
        "WHEN ST_Dimension(feature.part) < 2 THEN 'p' "
        "WHEN ST_Contains(given.shape, feature.part) THEN 'i' "
        "WHEN ST_Contains(feature.part, given.shape) THEN 'c' "
        "ELSE 'x' END AS kind OFFSET 0) AS related "
        "WHERE ST_IsEmpty(feature.part) OR ST_Intersects(given.shape, feature.part)) AS met"
    ).format(
        names=sql.Composed([sql.SQL(", {}").format(sql.Identifier(f"c{i}")) for i in range(len(meanings))]),
        key=sql.Identifier(table.key_column),
        geometry=sql.Identifier(table.geometry),
        columns=_columns(table, meanings),
        candidates=_candidates(table, "shapes"),
    )


def near_statement(table: PostgisTable, meanings: Sequence[str]) -> "sql.Composable":
    """Rows (at, fid, c0 … cn) of the features whose repaired geometry meets a given shape (``%(shapes)s``)."""
    return sql.SQL(
        SHAPES + "SELECT given.at, layer.{key}{columns} {candidates}"
        "WHERE NOT ST_IsEmpty(feature.part) AND ST_Intersects(given.shape, feature.part)"
    ).format(
        key=sql.Identifier(table.key_column),
        columns=_columns(table, meanings),
        candidates=_candidates(table, "shapes"),
    )


def empty_statement(table: PostgisTable) -> "sql.Composable":
    """Keys of the layer's features without a geometry (NULL or empty)."""
    geometry = sql.Identifier(table.geometry)
    return sql.SQL(
        "SELECT layer.{key} FROM {scope} AS layer WHERE layer.{geometry} IS NULL OR ST_IsEmpty(layer.{geometry})"
    ).format(key=sql.Identifier(table.key_column), scope=scope(table), geometry=geometry)


def values_statement(
    table: PostgisTable, meanings: List[str], rect: Optional[QgsRectangle], parameters: Dict[str, object]
):
    """Rows (c0 … cn, count, keys as big-endian int8 in one bytea, in key order): every distinct combination of
    the columns ``meanings`` among the features the layer's read covers."""
    key = sql.Identifier(table.key_column)
    groups = sql.SQL(", ").join(sql.SQL(str(position + 1)) for position in range(len(meanings)))
    return sql.SQL(
        "SELECT {columns}, count(*), string_agg(int8send(layer.{key}), ''::bytea ORDER BY layer.{key}) "
        "FROM {scope} AS layer WHERE TRUE{rect} GROUP BY {groups}"
    ).format(
        columns=sql.SQL(", ").join(sql.SQL("layer.{}").format(sql.Identifier(table.columns[m])) for m in meanings),
        key=key,
        scope=scope(table),
        rect=envelope(rect, table, parameters),
        groups=groups,
    )


def features_statement(table: PostgisTable, meanings: Sequence[str]) -> "sql.Composable":
    """Rows (fid, WKB as stored, c0 … cn) of the features whose keys are ``%(keys)s``."""
    raw = sql.SQL("ST_Force2D(layer.{})" if table.z else "layer.{}").format(sql.Identifier(table.geometry))
    return sql.SQL(
        "SELECT layer.{key}, ST_AsBinary({raw}){columns} FROM {scope} AS layer WHERE layer.{key} = ANY(%(keys)s)"
    ).format(key=sql.Identifier(table.key_column), raw=raw, columns=_columns(table, meanings), scope=scope(table))
