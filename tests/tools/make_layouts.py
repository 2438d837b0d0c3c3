"""Maintenance tool: write resources/layouts/*.qpt, the map-sheet templates (A4/A3, landscape/portrait).

    python3 -m tests.tools.make_layouts

Items carry fixed ids (title, map, overview, legend, scalebar, north, crs, table, table_rows, table_mu,
table_pct, findings, signoff) that core/sheets.py fills at export time. Every text is a plain-text label
(QGIS 3.32+ turns HTML labels of templates into HTML frames without an id); the results box is the framed
label "table" (heading) with the row names, 亩 and % as three labels of the same font side by side, so
their lines stay aligned, figures right-aligned.
"""

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from liaocheng_plugin.core.compat import (
    DISTANCE_METERS,
    LAYOUT_MILLIMETERS,
    LEGEND_GROUP,
    LEGEND_SUBGROUP,
    LEGEND_SYMBOL_LABEL,
    LEGEND_TITLE,
    SCALEBAR_SEGMENTS_FIT_WIDTH,
)
from liaocheng_plugin.core.sheet_map import fit_extent

LAYOUTS = Path(__file__).resolve().parents[2] / "resources" / "layouts"
CJK_FONT = "Noto Sans CJK SC"
PAGES = {
    "a4_landscape": (297.0, 210.0),
    "a4_portrait": (210.0, 297.0),
    "a3_landscape": (420.0, 297.0),
    "a3_portrait": (297.0, 420.0),
}
MARGIN = 10.0


def text_format(size: float, bold: bool = False) -> QgsTextFormat:
    font = QFont(CJK_FONT)
    font.setBold(bold)
    text = QgsTextFormat()
    text.setFont(font)
    text.setSize(size)
    return text


def place(item, x: float, y: float, width: float, height: float) -> None:
    item.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MILLIMETERS))
    item.attemptResize(QgsLayoutSize(width, height, LAYOUT_MILLIMETERS))


def label(layout, item_id: str, size: float, bold: bool = False) -> QgsLayoutItemLabel:
    item = QgsLayoutItemLabel(layout)
    item.setId(item_id)
    font = QFont(CJK_FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    # Left, not QGIS's default "justify": justified CJK text spreads its figures ("2 2 7 1 . 6 7 亩").
    item.setHAlign(Qt.AlignmentFlag.AlignLeft)
    layout.addLayoutItem(item)
    return item


def results_box(layout, x: float, y: float, width: float, height: float, scale: float) -> None:
    """The framed results box: heading (two lines), a table of up to seven rows in three aligned columns
    (row name, 亩, %), then the findings, wrapped."""
    size = 7.5 * scale
    line = size * 0.3528 * 1.45  # a line of the label font in mm (points → mm, with Qt's line spacing)
    pad = 1.5 * scale
    table = label(layout, "table", size, bold=True)
    framed(table)
    table.setMarginX(pad)
    table.setMarginY(pad)
    place(table, x, y, width, height)
    rows_y = y + pad + 2 * line + pad
    rows_h = 7 * line
    columns = (
        ("table_rows", x + pad, width * 0.52, Qt.AlignmentFlag.AlignLeft),
        ("table_mu", x + width * 0.52, width * 0.26, Qt.AlignmentFlag.AlignRight),
        ("table_pct", x + width * 0.78, width * 0.22 - pad, Qt.AlignmentFlag.AlignRight),
    )
    for item_id, column_x, column_w, alignment in columns:
        column = label(layout, item_id, size)
        column.setHAlign(alignment)
        place(column, column_x, rows_y, column_w, rows_h)
    findings = label(layout, "findings", size)
    findings_y = rows_y + rows_h + pad
    place(findings, x + pad, findings_y, width - 2 * pad, y + height - findings_y - pad)


def set_liaocheng_view(item: QgsLayoutItemMap) -> None:
    """Save maps with a real extent (Liaocheng, CGCS2000 zone 39): a map saved without one keeps a NaN extent
    that later zoomToExtent calls cannot fix."""
    item.setCrs(QgsCoordinateReferenceSystem("EPSG:4527"))
    fit_extent(item, QgsRectangle(39380000, 3960000, 39500000, 4100000))


def framed(item) -> None:
    item.setFrameEnabled(True)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, LAYOUT_MILLIMETERS))


def build(name: str, width: float, height: float) -> QgsPrintLayout:
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(width, height, LAYOUT_MILLIMETERS))
    landscape = width > height
    scale = width / (297.0 if landscape else 210.0)
    inner_w, inner_h = width - 2 * MARGIN, height - 2 * MARGIN
    title = label(layout, "title", 16 * scale, bold=True)
    title.setHAlign(Qt.AlignmentFlag.AlignHCenter)
    place(title, MARGIN, MARGIN - 2, inner_w, 12 * scale)
    top = MARGIN + 12 * scale
    if landscape:
        side_w = inner_w * 0.3
        map_w, map_h = inner_w - side_w - 4, inner_h - 12 * scale - 22 * scale
        side_x = MARGIN + map_w + 4
        boxes = {
            "overview": (side_x, top, side_w, map_h * 0.22),
            "legend": (side_x, top + map_h * 0.24, side_w, map_h * 0.33),
            "table": (side_x, top + map_h * 0.59, side_w, map_h * 0.41),
        }
        bottom = top + map_h + 2
        boxes["signoff"] = (side_x, bottom, side_w, 16 * scale)
    else:
        map_w, map_h = inner_w, inner_h * 0.60
        row_y = top + map_h + 4
        box_h = inner_h - (row_y - MARGIN) - 26 * scale
        third = (inner_w - 8) / 3
        boxes = {
            "overview": (MARGIN, row_y, third, box_h),
            "legend": (MARGIN + third + 4, row_y, third, box_h),
            "table": (MARGIN + 2 * third + 8, row_y, third, box_h),
        }
        bottom = row_y + box_h + 2
        boxes["signoff"] = (MARGIN, bottom, inner_w, 10 * scale)
    main = QgsLayoutItemMap(layout)
    main.setId("map")
    framed(main)
    layout.addLayoutItem(main)
    place(main, MARGIN, top, map_w, map_h)
    set_liaocheng_view(main)
    overview = QgsLayoutItemMap(layout)
    overview.setId("overview")
    framed(overview)
    layout.addLayoutItem(overview)
    place(overview, *boxes["overview"])
    set_liaocheng_view(overview)
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("Legend")  # core/sheets.py sets the title of the UI language
    legend.setLinkedMap(main)
    legend.setResizeToContents(False)  # a fixed box: a long legend must not run into the results table
    legend.setColumnCount(2 if landscape else 1)  # one label a line; the wide landscape box takes two columns
    legend.setSplitLayer(True)
    for style, size in (
        (LEGEND_TITLE, 10),
        (LEGEND_GROUP, 8),
        (LEGEND_SUBGROUP, 8),
        (LEGEND_SYMBOL_LABEL, 7),
    ):
        legend.rstyle(style).setFont(QFont(CJK_FONT, int(size * scale)))
    legend.setSymbolHeight(3.5)
    legend.setSymbolWidth(6)
    layout.addLayoutItem(legend)
    place(legend, *boxes["legend"])
    results_box(layout, *boxes["table"], scale)
    signoff = label(layout, "signoff", 9 * scale)
    place(signoff, *boxes["signoff"])
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(main)
    scalebar.setUnits(DISTANCE_METERS)
    scalebar.setUnitLabel("m")  # core/sheets.py sets the unit of the UI language
    scalebar.setTextFormat(text_format(8 * scale))
    scalebar.setNumberOfSegments(4)
    scalebar.setNumberOfSegmentsLeft(0)
    # Segments fit the bar's width at whatever scale the atlas chooses (whole metres).
    scalebar.setSegmentSizeMode(SCALEBAR_SEGMENTS_FIT_WIDTH)
    scalebar.setMinimumBarWidth(30 * scale)
    scalebar.setMaximumBarWidth(70 * scale)
    scalebar.setUnitsPerSegment(100)
    layout.addLayoutItem(scalebar)
    place(scalebar, MARGIN + 2, top + map_h - 14 * scale, 70 * scale, 12 * scale)
    north = QgsLayoutItemPicture(layout)
    north.setId("north")
    north.setPicturePath(str(Path(QgsApplication.pkgDataPath()) / "svg" / "arrows" / "NorthArrow_02.svg"))
    north.setLinkedMap(main)
    north.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    layout.addLayoutItem(north)
    place(north, MARGIN + map_w - 14 * scale, top + 2, 12 * scale, 16 * scale)
    crs = label(layout, "crs", 8 * scale)
    crs.setFontColor(QColor("#333333"))
    # Landscape: left of the sign-off block; portrait: a full-width row under it. Two lines for a field pack's
    # coordinates.
    if landscape:
        place(crs, MARGIN, bottom, boxes["signoff"][0] - MARGIN - 3, 12 * scale)
    else:
        place(crs, MARGIN, bottom + 10 * scale, inner_w, 12 * scale)
    layout.setName(name)
    return layout


def main() -> None:
    LAYOUTS.mkdir(parents=True, exist_ok=True)
    for name, (width, height) in PAGES.items():
        layout = build(name, width, height)
        if not layout.saveAsTemplate(str(LAYOUTS / f"{name}.qpt"), QgsReadWriteContext()):
            raise RuntimeError(name)


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    main()
    app.exitQgis()
