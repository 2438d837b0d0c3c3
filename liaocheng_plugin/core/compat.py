"""What differs between QGIS 3.22 and 3.4x/4.x, in one place: scoped enums and field types.

Everything else in the plugin uses the modern API. Names follow the modern (3.30+/3.36+) enums;
on older QGIS they resolve to the unscoped values those versions have.
"""

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsFields,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLegendStyle,
    QgsMapLayerProxyModel,
    QgsPalLayerSettings,
    QgsProcessing,
    QgsProcessingFeatureSource,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
    QgsScaleBarSettings,
    QgsSymbolLayer,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QLibraryInfo, QMetaType, QVariant
from qgis.PyQt.QtGui import QFont

QGIS_VERSION_INT = Qgis.QGIS_VERSION_INT


def _modern(owner, enum_name: str):
    """The scoped ``Qgis.<enum_name>`` when this QGIS has it, else None."""
    return getattr(owner, enum_name, None)


# Geometry types (Qgis.GeometryType from 3.30; QgsWkbTypes.GeometryType before).
_geometry_type = _modern(Qgis, "GeometryType")
if _geometry_type is not None:
    GEOMETRY_POINT = _geometry_type.Point
    GEOMETRY_LINE = _geometry_type.Line
    GEOMETRY_POLYGON = _geometry_type.Polygon
    GEOMETRY_NULL = _geometry_type.Null
else:
    GEOMETRY_POINT = QgsWkbTypes.GeometryType.PointGeometry
    GEOMETRY_LINE = QgsWkbTypes.GeometryType.LineGeometry
    GEOMETRY_POLYGON = QgsWkbTypes.GeometryType.PolygonGeometry
    GEOMETRY_NULL = QgsWkbTypes.GeometryType.NullGeometry

# WKB types (Qgis.WkbType from 3.30; QgsWkbTypes.Type before).
WkbType = _modern(Qgis, "WkbType") or QgsWkbTypes.Type
WKB_NO_GEOMETRY = WkbType.NoGeometry
WKB_POINT = WkbType.Point
WKB_LINESTRING = WkbType.LineString
WKB_POLYGON = WkbType.Polygon
WKB_MULTIPOLYGON = WkbType.MultiPolygon

# Processing source types (Qgis.ProcessingSourceType from 3.36; QgsProcessing.SourceType before).
_source_type = _modern(Qgis, "ProcessingSourceType")
if _source_type is not None:
    SOURCE_VECTOR_ANY = _source_type.VectorAnyGeometry
    SOURCE_VECTOR_POINT = _source_type.VectorPoint
    SOURCE_VECTOR_LINE = _source_type.VectorLine
    SOURCE_VECTOR_POLYGON = _source_type.VectorPolygon
    SOURCE_VECTOR = _source_type.Vector
else:
    SOURCE_VECTOR_ANY = QgsProcessing.SourceType.TypeVectorAnyGeometry
    SOURCE_VECTOR_POINT = QgsProcessing.SourceType.TypeVectorPoint
    SOURCE_VECTOR_LINE = QgsProcessing.SourceType.TypeVectorLine
    SOURCE_VECTOR_POLYGON = QgsProcessing.SourceType.TypeVectorPolygon
    SOURCE_VECTOR = QgsProcessing.SourceType.TypeVector

# Processing number parameters and parameter flags (Qgis.* from 3.36).
_number_type = _modern(Qgis, "ProcessingNumberParameterType")
NUMBER_DOUBLE = _number_type.Double if _number_type else QgsProcessingParameterNumber.Type.Double
NUMBER_INTEGER = _number_type.Integer if _number_type else QgsProcessingParameterNumber.Type.Integer
_parameter_flag = _modern(Qgis, "ProcessingParameterFlag")
PARAMETER_ADVANCED = _parameter_flag.Advanced if _parameter_flag else QgsProcessingParameterDefinition.Flag.FlagAdvanced
PARAMETER_OPTIONAL = _parameter_flag.Optional if _parameter_flag else QgsProcessingParameterDefinition.Flag.FlagOptional

# Feature requests and Processing feature sources (Qgis.* from 3.36).
_request_flag = _modern(Qgis, "FeatureRequestFlag")
REQUEST_NO_GEOMETRY = _request_flag.NoGeometry if _request_flag else QgsFeatureRequest.Flag.NoGeometry
_geometry_check = _modern(Qgis, "InvalidGeometryCheck")
GEOMETRY_NO_CHECK = (
    _geometry_check.NoCheck if _geometry_check else QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck
)
_source_flag = _modern(Qgis, "ProcessingFeatureSourceFlag")
SOURCE_SKIP_GEOMETRY_CHECKS = (
    _source_flag.SkipGeometryValidityChecks
    if _source_flag
    else QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks
)

# Where a field comes from (Qgis.FieldOrigin from 3.38; QgsFields.FieldOrigin before).
_field_origin = _modern(Qgis, "FieldOrigin")
FIELD_ORIGIN_PROVIDER = _field_origin.Provider if _field_origin else QgsFields.FieldOrigin.OriginProvider

# Units (Qgis.DistanceUnit / Qgis.LayoutUnit from 3.30).
_distance_unit = _modern(Qgis, "DistanceUnit")
DISTANCE_METERS = _distance_unit.Meters if _distance_unit else QgsUnitTypes.DistanceUnit.DistanceMeters
_layout_unit = _modern(Qgis, "LayoutUnit")
LAYOUT_MILLIMETERS = _layout_unit.Millimeters if _layout_unit else QgsUnitTypes.LayoutUnit.LayoutMillimeters

# Field types: QgsField takes QMetaType.Type from 3.38, QVariant.Type before (same numbers, different sip types).
if QGIS_VERSION_INT >= 33800:
    FIELD_STRING = QMetaType.Type.QString
    FIELD_DOUBLE = QMetaType.Type.Double
    FIELD_INT = QMetaType.Type.Int
    FIELD_LONGLONG = QMetaType.Type.LongLong
    FIELD_BOOL = QMetaType.Type.Bool
    FIELD_DATE = QMetaType.Type.QDate
else:
    FIELD_STRING = QVariant.Type.String
    FIELD_DOUBLE = QVariant.Type.Double
    FIELD_INT = QVariant.Type.Int
    FIELD_LONGLONG = QVariant.Type.LongLong
    FIELD_BOOL = QVariant.Type.Bool
    FIELD_DATE = QVariant.Type.Date

# Layer filters of layer combo boxes (Qgis.LayerFilter from 3.34).
_layer_filter = _modern(Qgis, "LayerFilter")
LAYER_FILTER_POLYGON = _layer_filter.PolygonLayer if _layer_filter else QgsMapLayerProxyModel.Filter.PolygonLayer
LAYER_FILTER_HAS_GEOMETRY = _layer_filter.HasGeometry if _layer_filter else QgsMapLayerProxyModel.Filter.HasGeometry

# Legend text styles (Qgis.LegendComponent from 3.32).
_legend_component = _modern(Qgis, "LegendComponent")
LEGEND_TITLE = _legend_component.Title if _legend_component else QgsLegendStyle.Style.Title
LEGEND_GROUP = _legend_component.Group if _legend_component else QgsLegendStyle.Style.Group
LEGEND_SUBGROUP = _legend_component.Subgroup if _legend_component else QgsLegendStyle.Style.Subgroup
LEGEND_SYMBOL_LABEL = _legend_component.SymbolLabel if _legend_component else QgsLegendStyle.Style.SymbolLabel

# Scale-bar segment sizing (Qgis.ScaleBarSegmentSizeMode from 3.30).
_segment_mode = _modern(Qgis, "ScaleBarSegmentSizeMode")
SCALEBAR_SEGMENTS_FIT_WIDTH = (
    _segment_mode.FitWidth if _segment_mode else QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth
)

# Label placement (Qgis.LabelPlacement from 3.26).
_label_placement = _modern(Qgis, "LabelPlacement")
LABEL_AROUND_POINT = _label_placement.AroundPoint if _label_placement else QgsPalLayerSettings.Placement.AroundPoint

# Data-defined symbol layer properties (QgsSymbolLayer.Property became scoped, with new names, in 3.36).
_symbol_property = QgsSymbolLayer.Property
SYMBOL_LAYER_ENABLED = getattr(_symbol_property, "LayerEnabled", None) or _symbol_property.PropertyLayerEnabled


def save_style_to_database(layer, name: str, description: str, use_as_default: bool) -> str:
    """Save ``layer``'s style into its data source (a GeoPackage's layer_styles table); returns QGIS's error message,
    "" when saved. saveStyleToDatabaseV2 from 3.44, saveStyleToDatabase (deprecated there) before."""
    if hasattr(layer, "saveStyleToDatabaseV2"):
        return layer.saveStyleToDatabaseV2(name, description, use_as_default, "")[1]
    return layer.saveStyleToDatabase(name, description, use_as_default, "")


def label_font(label: QgsLayoutItemLabel) -> QFont:
    """A layout label's font (its text format's from QGIS 3.24; ``font()`` is deprecated there)."""
    return label.textFormat().font() if hasattr(label, "textFormat") else label.font()


def set_label_font(label: QgsLayoutItemLabel, font: QFont) -> None:
    """Give a layout label this font, keeping its size, colour and other text-format settings."""
    if hasattr(label, "setTextFormat"):
        text_format = label.textFormat()
        text_format.setFont(font)
        label.setTextFormat(text_format)
    else:
        label.setFont(font)


def qt_translations_folder() -> str:
    """The folder of Qt's own translations (qtbase_zh_CN.qm …): QLibraryInfo.location in Qt 5, path in Qt 6."""
    if hasattr(QLibraryInfo, "path"):
        return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return QLibraryInfo.location(QLibraryInfo.LibraryLocation.TranslationsPath)


def legend_text_size(legend: QgsLayoutItemLegend, style) -> float:
    """The text size (points) of a legend style (its text format's from QGIS 3.30; ``styleFont`` is deprecated)."""
    if hasattr(QgsLegendStyle, "textFormat"):
        return legend.style(style).textFormat().size()
    return legend.styleFont(style).pointSizeF()


def set_legend_text_size(legend: QgsLayoutItemLegend, style, size: float) -> None:
    """Set the text size (points) of a legend style, keeping its font and other text-format settings."""
    if hasattr(QgsLegendStyle, "textFormat"):
        legend_style = legend.style(style)
        text_format = legend_style.textFormat()
        text_format.setSize(size)
        legend_style.setTextFormat(text_format)
        legend.setStyle(style, legend_style)
    else:
        font = legend.styleFont(style)
        font.setPointSizeF(size)
        legend.setStyleFont(style, font)
