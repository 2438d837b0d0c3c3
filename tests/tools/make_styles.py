"""Maintenance tool: write resources/styles/*.qml from code (run after changing a style here).

python3 -m tests.tools.make_styles
"""

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from liaocheng_plugin.core.compat import LABEL_AROUND_POINT
from liaocheng_plugin.core.definitions import PARCEL_OVERLAP_KEY
from liaocheng_plugin.core.styles import legend_labels

STYLES = Path(__file__).resolve().parents[2] / "resources" / "styles"
CJK_FONT = "Noto Sans CJK SC"
LATIN_FONT = "Arial"  # every Windows has it; fontconfig substitutes a metric twin (Liberation Sans, DejaVu Sans)
LAND_CLASS_COLOURS = {
    "01": "#f6e58d",
    "02": "#f0a14a",
    "03": "#5aa85a",
    "04": "#b5d98a",
    "05": "#e88d8d",
    "06": "#c97b7b",
    "07": "#f0b6b6",
    "08": "#e8a0c8",
    "09": "#b38fb3",
    "10": "#b0b0b0",
    "11": "#7ec8e3",
    "12": "#d9c8a9",
    "00": "#8fd3c7",
}


def fill(
    color: str, outline: str, width: float = 0.3, style: str = "solid", outline_style: str = "solid"
) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple(
        {
            "color": color,
            "outline_color": outline,
            "outline_width": str(width),
            "style": style,
            "outline_style": outline_style,
        }
    )


def code_font() -> QFont:
    """The font of labels that are codes (chainage K12+300, parcel codes CB2023-017): a Latin one. Qt's PDF writer
    loses the text of the digits and signs of Latin text set in a CJK font (shaped through OpenType): pdftotext
    read a chainage label as "K +". Layout labels avoid it by drawing unshaped (core/layout_items.py), which a
    layer's style cannot keep (QGIS's style XML does not carry the font's style strategy). Qt falls back to a CJK
    font for any Chinese character."""
    return QFont(LATIN_FONT)


def labeled(
    layer: QgsVectorLayer, field: str, size: float, color: str, max_scale_denominator: float, font: str = CJK_FONT
) -> None:
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    if max_scale_denominator:
        # Labels only when zoomed in beyond 1:max_scale_denominator, or a county view drowns in names.
        settings.scaleVisibility = True
        settings.minimumScale = max_scale_denominator
        settings.maximumScale = 0
    text = QgsTextFormat()
    text.setFont(QFont(font))
    text.setSize(size)
    text.setColor(QColor(color))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def polygon_layer() -> QgsVectorLayer:
    return QgsVectorLayer(
        "Polygon?crs=EPSG:4527&field=DLBM:string&field=CZMC:string&field=XZQMC:string&field=WGMC:string",
        "style",
        "memory",
    )


def farmland_symbol() -> QgsFillSymbol:
    # No outline per feature: thousands of patches would merge into solid red at county scale.
    symbol = fill("255,225,140,90", "#d01010", 0.0, "solid", "no")
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45)
    hatch.setDistance(2.2)
    hatch.setSubSymbol(QgsLineSymbol.createSimple({"color": "200,16,16,200", "width": "0.2"}))
    symbol.appendSymbolLayer(hatch)
    return symbol


def crossings_layer(labels) -> QgsVectorLayer:
    """Route crossings (穿越) of farmland and red line, labelled with their chainage interval. The labelling
    engine never lets labels overlap: where a long route has more crossings than room, the longest keep
    theirs (priority by length); the ledger's 穿越桩号 sheet lists them all."""
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:4527&field=role:string&field=from_chainage:string&field=to_chainage:string"
        "&field=length_m:double",
        "crossings",
        "memory",
    )
    categories = [
        # A thick outline: a 60 m corridor is a quarter of a millimetre on a 40 km route's sheet.
        QgsRendererCategory("pbf", fill("230,0,0,220", "#d00000", 0.9), labels["pbf"]),
        QgsRendererCategory("erl", fill("20,130,60,220", "#0b8a3a", 0.9), labels["erl"]),
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("role", categories))
    settings = QgsPalLayerSettings()
    settings.fieldName = '"from_chainage" || \'–\' || "to_chainage"'
    settings.isExpression = True
    settings.placement = LABEL_AROUND_POINT
    settings.dist = 1.0
    settings.priority = 5
    priority = QgsProperty.fromExpression('min(10, 2 + "length_m" / 250)')
    settings.dataDefinedProperties().setProperty(QgsPalLayerSettings.Property.Priority, priority)
    text = QgsTextFormat()
    text.setFont(code_font())
    text.setSize(6.5)
    text.setColor(QColor("#5a0000"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def write(name: str, layer: QgsVectorLayer) -> None:
    path = STYLES / f"{name}.qml"
    message, ok = layer.saveNamedStyle(str(path))
    if not ok:
        raise RuntimeError(message)


def main() -> None:
    STYLES.mkdir(parents=True, exist_ok=True)
    singles = {
        "pbf": farmland_symbol(),
        "erl": fill("58,154,58,110", "#1e6b1e", 0.5),
        "udb": fill("0,0,0,0", "#8e44ad", 0.8, "no", "dash"),
        "county": fill("0,0,0,0", "#333333", 0.7, "no", "dash dot"),
        "township": fill("0,0,0,0", "#888888", 0.3, "no", "dot"),
        "subject": fill("31,78,140,60", "#1f4e8c", 0.7),
        "grid": fill("0,0,0,0", "#e67e22", 0.5, "no", "dash"),
        "outflow": fill("243,156,18,170", "#b9770e", 0.4),
        "inflow": fill("39,174,96,170", "#1e8449", 0.4),
        "village": fill("244,194,194,150", "#c0392b", 0.3),
    }
    labels = {
        "village": ("CZMC", 7.5, "#7b241c", 60000),
        "county": ("XZQMC", 12.0, "#222222", 0),
        "grid": ("WGMC", 8.0, "#a04000", 120000),
    }
    for name, symbol in singles.items():
        layer = polygon_layer()
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        if name in labels:
            labeled(layer, *labels[name])
        write(name, layer)
    # Legend labels in English (no translator here); apply_style shows them in the UI language.
    labels = legend_labels()
    survey = polygon_layer()
    categories = [
        QgsRendererCategory(code, fill(colour, "#9a9a9a", 0.05), labels["survey"][code])
        for code, colour in LAND_CLASS_COLOURS.items()
    ]
    survey.setRenderer(QgsCategorizedSymbolRenderer('left("DLBM", 2)', categories))
    write("survey", survey)
    status_layer = QgsVectorLayer("Polygon?crs=EPSG:4527&field=status:string", "status", "memory")
    statuses = [
        QgsRendererCategory(value, fill(*colours), labels["check_status"][value])
        for value, colours in (
            ("fail", ("220,40,40,120", "#b00000", 0.8)),
            ("warn", ("245,166,35,110", "#c06000", 0.7)),
            ("pass", ("60,170,90,90", "#1e7b3a", 0.6)),
        )
    ]
    status_layer.setRenderer(QgsCategorizedSymbolRenderer("status", statuses))
    write("check_status", status_layer)
    pieces = QgsVectorLayer("Polygon?crs=EPSG:4527&field=role:string&field=label:string", "pieces", "memory")
    outside = fill("0,0,0,0", "#7a4fa0", 0.5, "no", "dash")
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(135)
    hatch.setDistance(1.6)
    hatch.setSubSymbol(QgsLineSymbol.createSimple({"color": "#7a4fa0", "width": "0.3"}))
    outside.appendSymbolLayer(hatch)
    shared = fill("0,0,0,0", "#c2185b", 0.6, "no", "dash")
    cross = QgsLinePatternFillSymbolLayer()
    cross.setLineAngle(45)
    cross.setDistance(1.2)
    cross.setSubSymbol(QgsLineSymbol.createSimple({"color": "#c2185b", "width": "0.3"}))
    shared.appendSymbolLayer(cross)
    roles = [
        QgsRendererCategory(value, symbol, labels["conflict_pieces"][value])
        for value, symbol in (
            ("pbf", fill("230,0,0,170", "#a00000", 0.4)),
            ("erl", fill("200,0,60,170", "#7a0020", 0.4)),
            ("survey", fill("255,140,0,150", "#b35900", 0.3)),
            ("outside_udb", outside),
            (PARCEL_OVERLAP_KEY, shared),
        )
    ]
    pieces.setRenderer(QgsCategorizedSymbolRenderer("role", roles))
    # The piece two reserve parcels share is labelled with the other parcel's code (CB2023-017), as the finding.
    labeled(pieces, "label", 7.5, "#880e4f", 0, LATIN_FONT)
    settings = pieces.labeling().settings()
    shown = QgsProperty.fromExpression(f"\"role\" = '{PARCEL_OVERLAP_KEY}'")
    settings.dataDefinedProperties().setProperty(QgsPalLayerSettings.Property.Show, shown)
    pieces.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    write("conflict_pieces", pieces)
    write("crossings", crossings_layer(labels["crossings"]))
    patches = QgsVectorLayer("Polygon?crs=EPSG:4527&field=status:string&field=direction:string", "patches", "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    # Exclusive expressions: a failing patch is drawn red only, not also orange or green. The description is
    # the key apply_style finds the rule's label by.
    for key, expression, symbol in (
        ("fail", """"status" = 'fail'""", fill("220,30,30,170", "#a00000", 0.6)),
        ("out", """"direction" = 'out' AND "status" <> 'fail'""", fill("243,156,18,170", "#b9770e", 0.4)),
        ("in", """"direction" = 'in' AND "status" <> 'fail'""", fill("39,174,96,170", "#1e8449", 0.4)),
    ):
        label = labels["balance_patches"][key]
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label, key))
    patches.setRenderer(QgsRuleBasedRenderer(root))
    write("balance_patches", patches)
    changes = QgsVectorLayer("Polygon?crs=EPSG:4527&field=direction:string", "changes", "memory")
    directions = [  # the values change_detection writes (流出/流入/建设占用), legend labels in English here
        QgsRendererCategory(value, symbol, labels["change_patches"][value])
        for value, symbol in (
            # Thick dark outlines: the survey drawn below has orchards orange and forest green too.
            ("流出", fill("235,120,20,210", "#6e2c00", 1.0)),
            ("流入", fill("30,160,80,210", "#0b3d1e", 1.0)),
            ("建设占用", fill("142,68,173,200", "#3b1650", 1.0)),
        )
    ]
    changes.setRenderer(QgsCategorizedSymbolRenderer("direction", directions))
    write("change_patches", changes)
    route = QgsVectorLayer("LineString?crs=EPSG:4527", "route", "memory")
    route.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#1f4e8c", "width": "1.2"})))
    write("route", route)


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    main()
    app.exitQgis()
