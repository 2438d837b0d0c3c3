"""Map sheets: one page per subject, the right title and results read back from the layout, a real PDF."""

import shutil
import subprocess

import pytest
from qgis.core import QgsFeedback, QgsProject, QgsVectorLayer

from liaocheng_plugin.core.exceptions import CheckCanceledError
from liaocheng_plugin.core.sheets import build_sheet_layout, export_sheets
from liaocheng_plugin.core.styles import apply_style
from tests.conftest import memory_layer, square

X0, Y0 = 39500000.0, 4050000.0


def pdf_pages(path) -> int:
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in output.splitlines() if line.startswith("Pages:")))


def check_parcels():
    """Three parcels, the first half on farmland, checked (planar areas); the styled result and the farmland."""
    import processing

    parcels = memory_layer(
        "Polygon",
        "EPSG:4527",
        [(square(X0 + 300 * i, Y0, 100), f"CB-{i}") for i in range(1, 4)],
        {"DKBH": str},
        "储备地块",
    )
    farmland = memory_layer("Polygon", "EPSG:4527", [(square(X0 + 250, Y0, 100),)], name="永久基本农田")
    result = processing.run(
        "liaocheng:reserve_check",
        {
            "INPUT": parcels,
            "PERMANENT_FARMLAND": farmland,
            "AREA_MODE": 1,
            "REFERENCE_DATE": "2024-01-01",
            "OUTPUT": "memory:",
            "SUMMARY": "memory:",
            "OVERLAPS": "memory:",
        },
    )
    layer = result["OUTPUT"]
    apply_style(layer, "check_status")
    return layer, farmland


@pytest.fixture
def checked_parcels(processing_with_provider):
    return check_parcels()


def test_layout_carries_title_and_the_subjects_results(checked_parcels):
    layer, farmland = checked_parcels
    layout = build_sheet_layout(QgsProject.instance(), layer, [farmland], [], "储备土地核查图")
    atlas = layout.atlas()
    atlas.beginRender()
    atlas.first()
    title = layout.itemById("title")
    assert title.currentText().startswith("储备土地核查图 — CB-1")
    # CB-1 lies half on farmland: 7.50 亩, 50.0 %, in the rows of the 亩 and % columns.
    rows = layout.itemById("table_rows").currentText().split("\n")
    mu = layout.itemById("table_mu").currentText().split("\n")
    pct = layout.itemById("table_pct").currentText().split("\n")
    farmland_row = rows.index("Permanent basic farmland")
    assert (mu[farmland_row], pct[farmland_row]) == ("7.50", "50.0")
    assert [lyr.name() for lyr in layout.itemById("map").layers()] == [layer.name(), "永久基本农田"]
    # The check ran planar (AREA_MODE 1): the sheet says so, not the ellipsoidal default.
    assert {f["area_basis"] for f in layer.getFeatures()} == {"planar"}
    assert layout.itemById("crs").currentText().endswith("areas planar in this coordinate system")


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not installed")
def test_a_sheet_has_one_page_and_an_atlas_one_page_per_subject(checked_parcels, tmp_path):
    layer, farmland = checked_parcels
    sheet = tmp_path / "sheet.pdf"
    assert export_sheets(layer, [farmland], [], "储备土地核查图", sheet, "a4_portrait", [1]) == 1
    assert pdf_pages(sheet) == 1 and sheet.stat().st_size > 10000
    atlas = tmp_path / "atlas.pdf"
    assert export_sheets(layer, [farmland], [], "储备土地核查图", atlas, "a3_landscape") == layer.featureCount() == 3
    assert pdf_pages(atlas) == 3


def test_processing_export_sheets_writes_the_pdf(checked_parcels, tmp_path):
    import processing

    layer, _ = checked_parcels
    QgsProject.instance().addMapLayer(layer)
    try:
        path = tmp_path / "sheets.pdf"
        result = processing.run(
            "liaocheng:export_sheets", {"INPUT": layer, "TEMPLATE": 1, "TITLE": "核查图", "OUTPUT": str(path)}
        )
        assert result["OUTPUT"] == str(path) and path.exists()
        if shutil.which("pdfinfo"):
            assert pdf_pages(path) == 3
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_empty_layer_is_a_clear_error(tmp_path):
    from liaocheng_plugin.core.exceptions import LiaochengError

    empty = QgsVectorLayer("Polygon?crs=EPSG:4527", "空图层", "memory")
    with pytest.raises(LiaochengError, match="空图层"):
        export_sheets(empty, [], [], "t", tmp_path / "x.pdf")


def test_png_output_writes_one_image_per_subject(checked_parcels, tmp_path):
    layer, farmland = checked_parcels
    assert export_sheets(layer, [farmland], [], "储备土地核查图", tmp_path / "sheets.png") == 3
    assert sorted(p.name for p in tmp_path.glob("sheets_*.png")) == [
        "sheets_CB-1.png",
        "sheets_CB-2.png",
        "sheets_CB-3.png",
    ]


def cancel_after_first_page() -> QgsFeedback:
    """A feedback the user cancels as soon as the first page is under way."""
    feedback = QgsFeedback()
    feedback.progressChanged.connect(lambda progress: progress > 0 and feedback.cancel())
    return feedback


@pytest.mark.parametrize("name", ["atlas.pdf", "atlas.png"])
def test_cancelled_export_leaves_the_folder_as_it_was(checked_parcels, tmp_path, name):
    layer, farmland = checked_parcels
    (tmp_path / "kept.txt").write_text("not touched")
    feedback = cancel_after_first_page()
    with pytest.raises(CheckCanceledError):
        export_sheets(layer, [farmland], [], "储备土地核查图", tmp_path / name, feedback=feedback)
    assert feedback.isCanceled()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt"]  # no partial PDF/PNG, no scratch folder


def test_export_reports_progress_to_the_end(checked_parcels, tmp_path):
    layer, farmland = checked_parcels
    feedback = QgsFeedback()
    seen = []
    feedback.progressChanged.connect(seen.append)
    assert export_sheets(layer, [farmland], [], "t", tmp_path / "atlas.pdf", feedback=feedback) == 3
    assert seen and seen == sorted(seen) and 0 < max(seen) <= 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas.pdf"]


def test_table_gives_percent_from_mu_and_shortens_long_findings():
    from liaocheng_plugin.core.sheet_text import FINDINGS_CHARACTERS

    findings = "；".join(f"与地块 CB-{i} 重叠 1.00 亩" for i in range(40))
    layer = memory_layer(
        "Polygon",
        "EPSG:4527",
        [(square(X0, Y0, 100), "fail", 15.0, 3.75, findings)],
        {"status": str, "area_mu": float, "pbf_mu": float, "findings": str},
        "流出图斑",
    )
    layout = build_sheet_layout(QgsProject.instance(), layer, [], [], "耕地进出平衡核查图")
    layout.atlas().beginRender()
    layout.atlas().first()
    mu = layout.itemById("table_mu").currentText().split("\n")
    pct = layout.itemById("table_pct").currentText().split("\n")
    assert (mu[2], pct[2]) == ("3.75", "25.0")  # 3.75 of 15 亩 = 25 % (the layer has no pbf_pct)
    text = layout.itemById("findings").currentText()
    assert findings[:FINDINGS_CHARACTERS] + "…" in text and findings not in text


def test_sheet_texts_are_plain_labels_with_right_aligned_figures():
    """Plain-text labels keep their ids on QGIS 3.32+ (HTML labels of templates become id-less frames)."""
    from qgis.core import QgsLayoutItemLabel
    from qgis.PyQt.QtCore import Qt

    from liaocheng_plugin.core.sheets import TEMPLATES, load_template

    for template in TEMPLATES:
        layout = load_template(QgsProject.instance(), template)
        for item_id in ("title", "table", "table_rows", "table_mu", "table_pct", "findings", "crs", "signoff"):
            item = layout.itemById(item_id)
            assert isinstance(item, QgsLayoutItemLabel), (template, item_id)
            assert item.mode() == QgsLayoutItemLabel.Mode.ModeFont, (template, item_id)
        for item_id in ("table_mu", "table_pct"):
            assert layout.itemById(item_id).hAlign() & Qt.AlignmentFlag.AlignRight


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not installed")
def test_sample_parcel_sheet_carries_its_own_title_and_conflicts(sample_data, processing_with_provider, tmp_path):
    import processing

    from tests.tools.sample.subjects import SAMPLE_DATE

    def sample(name):
        return QgsVectorLayer(f"{sample_data.gpkg}|layername={name}", name, "ogr")

    farmland = sample("YJJBNTTB")
    parcels = processing.run(
        "liaocheng:reserve_check",
        {
            "INPUT": sample("CBDK"),
            "PERMANENT_FARMLAND": farmland,
            "DEVELOPMENT_BOUNDARY": sample("CZKFBJ"),
            "AREA_MODE": 0,
            "REFERENCE_DATE": SAMPLE_DATE.isoformat(),
            "OUTPUT": "memory:",
            "SUMMARY": "memory:",
            "OVERLAPS": "memory:",
        },
    )["OUTPUT"]
    parcel = max(parcels.getFeatures(), key=lambda feature: feature["pbf_mu"])  # the parcel most on farmland
    assert parcel["pbf_mu"] > 0
    layout = build_sheet_layout(QgsProject.instance(), parcels, [farmland], [], "储备土地核查图")
    atlas = layout.atlas()
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression(f"$id = {parcel.id()}")
    atlas.beginRender()
    assert atlas.count() == 1 and atlas.first()
    assert layout.itemById("title").currentText() == f"储备土地核查图 — {parcel['DKBH']}"
    mu = layout.itemById("table_mu").currentText().split("\n")
    pct = layout.itemById("table_pct").currentText().split("\n")
    assert mu[1:3] == [f"{parcel['area_mu']:,.2f}", f"{parcel['pbf_mu']:,.2f}"]  # 亩 with 2 decimals
    assert pct[2] == f"{parcel['pbf_pct']:.1f}"  # % with 1
    assert parcel["findings"][:20] in layout.itemById("findings").currentText()
    heading = layout.itemById("table").currentText()
    assert f"{parcel['area_m2'] / 10000:.4f}" in heading  # 公顷 with 4
    assert parcel["area_basis"] == "ellipsoidal"
    assert layout.itemById("crs").currentText().endswith("areas ellipsoidal on CGCS2000")
    sheet = tmp_path / "sheet.pdf"
    assert export_sheets(parcels, [farmland], [], "储备土地核查图", sheet, feature_ids=[parcel.id()]) == 1
    assert pdf_pages(sheet) == 1 and sheet.stat().st_size > 10000


def own_template(tmp_path, drop_ids):
    """A copy of a built-in template without the items ``drop_ids`` (a bureau's own design)."""
    from qgis.core import QgsReadWriteContext
    from qgis.PyQt.QtXml import QDomDocument

    from liaocheng_plugin.core.sheets import load_template

    layout = load_template(QgsProject.instance(), "a4_portrait")
    for item_id in drop_ids:
        layout.removeLayoutItem(layout.itemById(item_id))
    document = QDomDocument()
    document.appendChild(layout.writeXml(document, QgsReadWriteContext()))
    path = tmp_path / "own.qpt"
    path.write_text(document.toString(), encoding="utf-8")
    return path


def test_own_template_with_fewer_items_exports_through_processing(checked_parcels, tmp_path):
    import processing

    layer, _ = checked_parcels
    template = own_template(tmp_path, ["overview", "legend", "signoff"])
    path = tmp_path / "own.pdf"
    processing.run(
        "liaocheng:export_sheets",
        {"INPUT": layer, "CUSTOM_TEMPLATE": str(template), "TITLE": "核查图", "OUTPUT": str(path)},
    )
    if shutil.which("pdfinfo"):
        assert pdf_pages(path) == 3
    layout = build_sheet_layout(QgsProject.instance(), layer, [], [], "核查图", str(template))
    assert layout.itemById("overview") is None and layout.itemById("title") is not None


def test_template_without_a_map_is_a_clear_error(checked_parcels, tmp_path):
    from liaocheng_plugin.core.exceptions import LiaochengError

    layer, _ = checked_parcels
    template = own_template(tmp_path, ["map"])
    with pytest.raises(LiaochengError, match="“map”"):
        build_sheet_layout(QgsProject.instance(), layer, [], [], "核查图", str(template))
    with pytest.raises(LiaochengError, match="Unknown sheet template"):
        build_sheet_layout(QgsProject.instance(), layer, [], [], "核查图", str(tmp_path / "missing.qpt"))


def test_a_second_export_replaces_the_layout_of_that_name(checked_parcels, tmp_path):
    layer, farmland = checked_parcels
    manager = QgsProject.instance().layoutManager()
    try:
        for number in (1, 2):
            export_sheets(layer, [farmland], [], "储备土地核查图", tmp_path / f"{number}.pdf", keep_in_project=True)
        assert [layout.name() for layout in manager.printLayouts()] == ["储备土地核查图"]
    finally:
        manager.clear()


ALLOWED_LATIN = {"CGCS", "EPSG", "WGS", "GK", "CB", "X", "Y", "N", "E"}  # datum names, codes, subject names


def latin_words(text: str):
    import re

    return [word for word in re.findall(r"[A-Za-z]+", text) if word not in ALLOWED_LATIN]


def legend_entries(legend) -> list:
    """Every text of a legend in order: group headings, layer titles (where shown) and their legend entries."""
    from qgis.core import QgsLayerTree

    model = legend.model()
    texts = []

    def walk(group):
        for node in group.children():
            if QgsLayerTree.isGroup(node):
                texts.append(node.name())
                walk(node)
                continue
            entries = model.layerLegendNodes(node)
            if not model.legendNodeEmbeddedInParent(node):
                texts.append(node.customProperty("legend/title-label") or node.name())
            texts.extend(entry.data(0) for entry in entries)

    walk(model.rootGroup())
    return texts


def test_a_sheet_in_chinese_has_no_english_word(processing_with_provider):
    """Every text of a sheet follows the UI language: title, table, findings, CRS note, legend, scale bar."""
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemLegend

    from liaocheng_plugin.core.translation import install_translator, remove_translator

    translator = install_translator("zh_CN")
    try:
        layer, farmland = check_parcels()  # findings in Chinese too
        layer.setName("储备地块核查结果")
        layout = build_sheet_layout(QgsProject.instance(), layer, [farmland], [], "储备土地核查图")
    finally:
        remove_translator(translator)
    atlas = layout.atlas()
    atlas.beginRender()
    atlas.first()
    texts = [item.currentText() for item in layout.items() if isinstance(item, QgsLayoutItemLabel)]
    legend = next(item for item in layout.items() if isinstance(item, QgsLayoutItemLegend))
    legend_texts = [legend.title()] + legend_entries(legend)
    texts += [text for text in legend_texts if text] + [layout.itemById("scalebar").unitLabel()]
    assert "坐标系：CGCS2000 3度带高斯-克吕格投影 第39带" in layout.itemById("crs").currentText()
    assert "不通过" in " ".join(legend_texts) and "图例" in legend_texts
    assert "保护图层" in legend_texts  # the protected layers under one heading
    assert [(text, latin_words(text)) for text in texts if latin_words(text)] == []


def green_pixels(path) -> int:
    from qgis.PyQt.QtGui import QColor, QImage

    image = QImage(str(path))
    green = QColor("#00ff00").rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == green)


def test_a_page_shows_its_own_subject_only(tmp_path):
    """Two alternatives side by side: the first one's page draws it alone, as if the other did not exist."""
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    def sites(count):
        layer = memory_layer(
            "Polygon",
            "EPSG:4527",
            [(square(X0 + 110 * i, Y0, 100), f"方案{i + 1}") for i in range(count)],
            {"name": str},
        )
        symbol = QgsFillSymbol.createSimple({"color": "#00ff00", "outline_style": "no"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        return layer

    both, alone = sites(2), sites(1)
    template = str(own_template(tmp_path, ["overview"]))  # the overview map shows every subject, as it should
    export_sheets(both, [], [], "选址", tmp_path / "both.png", template, [1])
    export_sheets(alone, [], [], "选址", tmp_path / "alone.png", template, [1])
    drawn, expected = green_pixels(tmp_path / "both_方案1.png"), green_pixels(tmp_path / "alone_方案1.png")
    assert expected > 1000 and abs(drawn - expected) < 0.01 * expected


def test_the_legend_of_a_page_lists_its_own_subject_only():
    """Two overlapping parcels, one failing: each page's legend shows its own status, not the neighbour's."""
    from qgis.core import QgsLayoutExporter
    from qgis.PyQt.QtCore import QSize

    layer = memory_layer(
        "Polygon",
        "EPSG:4527",
        [(square(X0, Y0, 100), "CB-1", "fail", 1), (square(X0 + 50, Y0 + 50, 100), "CB-2", "pass", 2)],
        {"DKBH": str, "status": str, "subject_id": int},
        "储备地块",
    )
    apply_style(layer, "check_status")
    layout = build_sheet_layout(QgsProject.instance(), layer, [], [], "储备土地核查图")
    legend, atlas, exporter = layout.itemById("legend"), layout.atlas(), QgsLayoutExporter(layout)
    node = legend.model().rootGroup().findLayer(layer)
    atlas.beginRender()
    seen = []
    for _ in range(2):
        atlas.next()
        exporter.renderPageToImage(0, QSize(600, 420))  # the legend filters while it is drawn
        seen.append([entry.data(0) for entry in legend.model().layerLegendNodes(node)])
    assert seen == [["fail"], ["pass"]]
