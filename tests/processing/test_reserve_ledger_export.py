"""The reserve ledger (台账) exported to XLSX with Chinese headers and to a GeoPackage."""

import pytest
from qgis.core import QgsVectorLayer

from liaocheng_plugin.core.export import write_layers_gpkg, write_ledger
from liaocheng_plugin.core.reserve_table import (
    reserve_ledger_sheets,
)
from liaocheng_plugin.core.translation import install_translator, remove_translator
from tests.conftest import memory_layer, square

openpyxl = pytest.importorskip("openpyxl")
X0, Y0 = 39500000.0, 4050000.0


def result_layers():
    """The reserve check's result and summary layers for one parcel half on farmland, without a certificate."""
    import processing

    parcels = memory_layer(
        "Polygon", "EPSG:4527", [(square(X0, Y0, 100), "CB-1", 15.0, "")], {"DKBH": str, "JLMJ": float, "BDCQZH": str}
    )
    farmland = memory_layer("Polygon", "EPSG:4527", [(square(X0 + 50, Y0, 100),)], name="YJJBNT")
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
    return result["OUTPUT"], result["SUMMARY"]


def test_xlsx_ledger_has_chinese_headers_and_readable_status(tmp_path, processing_with_provider):
    translator = install_translator("zh_CN")
    try:
        parcels, summary = result_layers()
        path = write_ledger(tmp_path / "台账.xlsx", reserve_ledger_sheets(parcels, summary))
    finally:
        remove_translator(translator)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["储备土地台账", "汇总"]
    ledger = workbook["储备土地台账"]
    headers = [cell.value for cell in ledger[1]]
    assert headers[:2] == ["状态", "核查问题"]  # what a reviewer reads first
    for header in ("地块编号（DKBH）", "台账面积（亩）（JLMJ）", "占永久基本农田（亩）", "网格"):
        assert header in headers
    assert len(headers) == len(set(headers))  # the check's copy of the recorded area is not listed again
    row = dict(zip(headers, [cell.value for cell in ledger[2]]))
    assert row["状态"] == "不通过" and row["占永久基本农田（亩）"] == 7.5
    assert "占用永久基本农田 7.50 亩" in row["核查问题"] and "未办理不动产登记" in row["核查问题"]
    farmland = ledger.cell(2, headers.index("占永久基本农田（亩）") + 1)
    assert farmland.number_format == "#,##0.00"  # 亩 shown with 2 decimals
    totals = [cell.value for cell in workbook["汇总"][2]]
    assert totals[:3] == ["合计", "全部地块", 1]


def test_sample_ledger_names_every_column_and_lists_each_once(sample_data, processing_with_provider, tmp_path):
    """The sample's CBDK carries ZL, LY, GHYT … the ledger heads them 坐落（ZL）…, never a bare field code."""
    import processing

    from tests.tools.sample.subjects import SAMPLE_DATE

    def sample(name):
        return QgsVectorLayer(f"{sample_data.gpkg}|layername={name}", name, "ogr")

    translator = install_translator("zh_CN")
    try:
        result = processing.run(
            "liaocheng:reserve_check",
            {
                "INPUT": sample("CBDK"),
                "PERMANENT_FARMLAND": sample("YJJBNTTB"),
                "REFERENCE_DATE": SAMPLE_DATE.isoformat(),
                "OUTPUT": "memory:",
                "SUMMARY": "memory:",
            },
        )
        path = write_ledger(tmp_path / "台账.xlsx", reserve_ledger_sheets(result["OUTPUT"], result["SUMMARY"]))
    finally:
        remove_translator(translator)
    headers = [cell.value for cell in openpyxl.load_workbook(path)["储备土地台账"][1]]
    assert headers[:2] == ["状态", "核查问题"]
    for header in ("坐落（ZL）", "来源（LY）", "规划用途（GHYT）", "供应状态（GYZT）", "地块名称（DKMC）"):
        assert header in headers
    codes = {field.name() for field in sample("CBDK").fields()} | {"fid"}
    assert not codes & set(headers) and len(headers) == len(set(headers))


def test_geopackage_export_holds_every_table(tmp_path, processing_with_provider):
    parcels, summary = result_layers()
    path = write_layers_gpkg(tmp_path / "result.gpkg", {"reserve_parcels": parcels, "summary": summary})
    for table, count in (("reserve_parcels", 1), ("summary", summary.featureCount())):
        layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
        assert layer.isValid() and layer.featureCount() == count


def test_geopackage_export_replaces_the_old_file_whole(tmp_path, processing_with_provider):
    parcels, summary = result_layers()
    path = write_layers_gpkg(tmp_path / "result.gpkg", {"old_table": summary})
    write_layers_gpkg(path, {"reserve_parcels": parcels})
    assert QgsVectorLayer(f"{path}|layername=reserve_parcels", "new", "ogr").featureCount() == 1
    assert not QgsVectorLayer(f"{path}|layername=old_table", "old", "ogr").isValid()  # a new file, not a merge
    assert [p.name for p in tmp_path.iterdir()] == ["result.gpkg"]  # no scratch folder left behind


def test_ledger_dates_are_dates_and_columns_fit_their_contents(tmp_path, sample_data, processing_with_provider):
    """The sample ledger's date columns (储备日期 CBRQ, 最近巡查日期 ZJXCRQ …) were written as text
    "PyQt5.QtCore.QDate(2023, 5, 1)" and 53–55 characters wide."""
    import datetime

    import processing

    from tests.tools.sample.subjects import SAMPLE_DATE

    parcels = QgsVectorLayer(f"{sample_data.gpkg}|layername=CBDK", "CBDK", "ogr")
    farmland = QgsVectorLayer(f"{sample_data.gpkg}|layername=YJJBNTTB", "YJJBNTTB", "ogr")
    dates = [field.name() for field in parcels.fields() if field.typeName().lower() in ("date", "datetime")]
    assert dates, "the sample ledger has date fields"
    result = processing.run(
        "liaocheng:reserve_check",
        {
            "INPUT": parcels,
            "REFERENCE_DATE": SAMPLE_DATE.isoformat(),
            "PERMANENT_FARMLAND": farmland,
            "OUTPUT": "memory:",
            "SUMMARY": "memory:",
        },
    )
    path = write_ledger(tmp_path / "ledger.xlsx", reserve_ledger_sheets(result["OUTPUT"], result["SUMMARY"]))
    sheet = openpyxl.load_workbook(path).worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    for name in dates:
        column = next(i for i, header in enumerate(headers, start=1) if header.rstrip(")）").endswith(name))
        cells = [sheet.cell(row, column) for row in range(2, sheet.max_row + 1) if sheet.cell(row, column).value]
        assert cells and all(isinstance(cell.value, datetime.datetime) for cell in cells)  # openpyxl reads datetimes
        assert cells[0].number_format == "yyyy-mm-dd"
        width = sheet.column_dimensions[cells[0].column_letter].width
        assert 10 <= width <= 26, (name, width)
    assert all(sheet.column_dimensions[cell.column_letter].width <= 60 for cell in sheet[1])


def test_a_folder_that_cannot_be_written_is_a_clear_refusal(tmp_path, processing_with_provider):
    """A read-only folder gave a Python traceback "PermissionError: [Errno 1] Operation not permitted"."""
    from liaocheng_plugin.core.exceptions import LiaochengError

    parcels, summary = result_layers()
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    with pytest.raises(LiaochengError, match="Cannot write into the folder") as raised:
        write_layers_gpkg(blocked / "ledger.gpkg", {"parcels": parcels})
    assert "[Errno" not in str(raised.value) and str(blocked) in raised.value.details
