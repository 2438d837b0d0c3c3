"""Template items found by id, and their text searchable in the PDF, on every QGIS version.

QGIS 3.32+ turns a label in HTML mode that it reads from a template (one saved by an older QGIS, a bureau's own)
into an HTML item whose frame has no id, and QGIS builds without QtWebKit (Debian's 3.40+, QGIS 4) draw HTML
items empty. Templates are therefore read with their HTML labels as plain labels, which keep their ids.

Qt's PDF writer loses the text of glyphs it reached by OpenType shaping: with Noto Sans CJK, digits that follow
Latin letters ("CB2023-017", "CGCS2000", "EPSG:4527") were drawn but missing from the PDF's text layer. Labels
are therefore drawn without shaping, which CJK and Latin text never need, and left-aligned where a template asks
for QGIS's default "justify", which spreads a line of CJK text character by character ("2 2 7 1 . 6 7 亩").
"""

from typing import List

from qgis.core import QgsLayout, QgsLayoutItemLabel, QgsLayoutItemRegistry, QgsReadWriteContext
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtXml import QDomDocument

from liaocheng_plugin.core.compat import label_font, set_label_font

LABEL_TYPE = str(int(QgsLayoutItemRegistry.ItemType.LayoutLabel))
HTML_LABEL_STATE = "htmlState"


def html_labels_to_plain(document: QDomDocument) -> List[str]:
    """Switch the template's HTML-mode labels with an id to plain labels (in ``document``); returns their ids."""
    ids = []
    items = document.elementsByTagName("LayoutItem")
    for index in range(items.count()):
        element = items.item(index).toElement()
        if element.attribute("type") == LABEL_TYPE and element.attribute(HTML_LABEL_STATE) == "1":
            if element.attribute("id"):
                element.setAttribute(HTML_LABEL_STATE, "0")
                ids.append(element.attribute("id"))
    return ids


def load_template_document(layout: QgsLayout, document: QDomDocument) -> bool:
    """Load a .qpt document into ``layout``, every label keeping its id on every QGIS version (HTML-mode labels
    come in as plain labels); False when QGIS cannot read it."""
    html_labels_to_plain(document)
    loaded = layout.loadFromTemplate(document, QgsReadWriteContext())[1]
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            draw_without_shaping(item)
            if item.hAlign() & Qt.AlignmentFlag.AlignJustify:  # QGIS's default: spreads CJK text and its figures
                item.setHAlign(Qt.AlignmentFlag.AlignLeft)
    return loaded


def draw_without_shaping(label: QgsLayoutItemLabel) -> None:
    """Draw a label's text glyph by glyph from the font's character map, so the PDF keeps every character."""
    font = label_font(label)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    set_label_font(label, font)
