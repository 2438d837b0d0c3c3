"""Fit a sheet's legend into its frame on every atlas page: more columns first, then smaller text.

The legend lists only what the page's map shows (filter by map), and that list changes from page to page: a
frame sized for one page cut the land-use classes of another at the frame's edge (a reviewer signs the sheet).
"""

from qgis.core import QgsLayoutItemLegend, QgsLayoutUtils, QgsLegendRenderer, QgsLegendStyle, QgsPrintLayout
from qgis.PyQt.QtGui import QImage, QPainter
from qgis.PyQt.QtWidgets import QStyleOptionGraphicsItem

from liaocheng_plugin.core.compat import (
    LEGEND_GROUP,
    LEGEND_SUBGROUP,
    LEGEND_SYMBOL_LABEL,
    LEGEND_TITLE,
    legend_text_size,
    set_legend_text_size,
)

MAX_COLUMNS = 3
SMALLEST_SCALE = 0.6  # text is shrunk in steps down to this share of the template's sizes, no further
SCALE_STEP = 0.9
STYLES = (LEGEND_TITLE, LEGEND_GROUP, LEGEND_SUBGROUP, LEGEND_SYMBOL_LABEL)


def legend_size(legend: QgsLayoutItemLegend):
    """The size (mm) the legend's content takes with its current columns and fonts."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    context = QgsLayoutUtils.createRenderContextForLayout(legend.layout(), painter)
    painter.scale(context.scaleFactor(), context.scaleFactor())  # the legend draws in millimetres
    context.setScaleFactor(1.0)
    try:
        return QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)
    finally:
        painter.end()


def fits(legend: QgsLayoutItemLegend) -> bool:
    """Whether the legend's content fits its frame."""
    size, frame = legend_size(legend), legend.rect()
    return size.width() <= frame.width() + 0.01 and size.height() <= frame.height() + 0.01


def refresh_filter(legend: QgsLayoutItemLegend) -> None:
    """Apply the legend's filter by the map's current extent now (QGIS filters while drawing the legend); from
    QGIS 3.30 only asks for it, and the fit measures the list of the legend's last draw."""
    legend.updateFilterByMap(False)
    if hasattr(QgsLegendStyle, "textFormat"):
        return  # QGIS 3.30+: a paint outside the export drops the page's filter; the list of the last draw is used
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    legend.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()


def fit_legend(legend: QgsLayoutItemLegend, sizes: dict, symbol: tuple) -> None:
    """Fit the legend in its frame: one column, else up to MAX_COLUMNS, else smaller text and symbols
    (``sizes``: the template's text size of each legend style, ``symbol``: its symbol width and height in mm), with
    the template's look back whenever it fits."""
    scale = 1.0
    shrink(legend, sizes, symbol, scale)
    while True:
        for columns in range(1, MAX_COLUMNS + 1):
            legend.setColumnCount(columns)
            if fits(legend):
                legend.update()
                return
        if scale * SCALE_STEP < SMALLEST_SCALE:
            legend.update()
            return
        scale *= SCALE_STEP
        shrink(legend, sizes, symbol, scale)


def shrink(legend: QgsLayoutItemLegend, sizes: dict, symbol: tuple, scale: float) -> None:
    """Set the legend's text and symbols to ``scale`` times the template's sizes."""
    for style, size in sizes.items():
        set_legend_text_size(legend, style, size * scale)
    legend.setSymbolWidth(symbol[0] * scale)
    legend.setSymbolHeight(symbol[1] * scale)


def keep_legend_fitted(layout: QgsPrintLayout) -> None:
    """Fit the layout's legend (item id ``legend``) to each atlas page as the atlas moves to it."""
    legend = layout.itemById("legend")
    if not isinstance(legend, QgsLayoutItemLegend):
        return
    legend.setResizeToContents(False)
    legend.setSplitLayer(True)
    sizes = {style: legend_text_size(legend, style) for style in STYLES}
    symbol = (legend.symbolWidth(), legend.symbolHeight())

    def fit_page(*_args) -> None:
        refresh_filter(legend)
        fit_legend(legend, sizes, symbol)

    layout.atlas().featureChanged.connect(fit_page)
    layout.refreshed.connect(fit_page)
    if legend.linkedMap() is not None:  # the map's atlas extent is set after the atlas announces its feature
        legend.linkedMap().extentChanged.connect(fit_page)
