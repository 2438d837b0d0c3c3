"""Write ledgers (台账) as XLSX workbooks with Chinese headers (openpyxl)."""

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Sequence

from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from liaocheng_plugin.core.exceptions import LiaochengError, os_error_details
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.values import plain, writable_text

MAX_COLUMN_WIDTH = 60  # characters; longer texts (findings) are cut at the cell's edge, whole in the cell
MIN_COLUMN_WIDTH = 8
HEADER_WIDTH = 24  # a longer header wraps (the header row wraps its text)
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


@dataclass
class Sheet:
    """One worksheet: its title, column headers, rows and the number format of each column ("" = general)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    formats: Sequence[str] = field(default_factory=tuple)


def cell_value(value):
    """The value a cell stores: NULL empty, a QDate/QDateTime/QTime a real date or time (Excel sorts and filters
    it as one), numbers as numbers (NaN empty), text made safe for XML (``writable_text``)."""
    value = plain(value)
    if value is None:
        return None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, (bool, int, float, date, time)):
        return value
    return writable_text(value) or None


def display_width(value) -> int:
    """Characters a value takes in a cell: Chinese (full-width) characters count two, a date ten."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len("2024-01-01 00:00")
    if isinstance(value, (date, time)):
        return len("2024-01-01")
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    text = str(value)
    longest = max(text.split("\n"), key=len)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in longest)


def column_width(header: str, values: Sequence[object]) -> float:
    """A column as wide as its widest value (up to MAX_COLUMN_WIDTH) and its header (up to HEADER_WIDTH)."""
    widest = max([min(display_width(header), HEADER_WIDTH)] + [display_width(value) for value in values])
    return float(min(MAX_COLUMN_WIDTH, max(MIN_COLUMN_WIDTH, widest + 2)))


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> Path:
    """Write one worksheet per Sheet: bold frozen header row, number and date formats, widths fitting the
    contents (a column of dates is about 12 characters wide)."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
    except ImportError as error:
        raise LiaochengError(tr("Exporting XLSX needs the Python package openpyxl."), str(error)) from error
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.title[:31])
        worksheet.append(list(sheet.headers))
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDE6F0")
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        rows = [[cell_value(value) for value in row] for row in sheet.rows]
        for row in rows:
            worksheet.append(row)
        for column, header in enumerate(sheet.headers, start=1):
            values = [row[column - 1] for row in rows]
            letter = worksheet.cell(1, column).column_letter
            worksheet.column_dimensions[letter].width = column_width(str(header), values)
            number_format = sheet.formats[column - 1] if column <= len(sheet.formats) else ""
            for (cell,) in worksheet.iter_rows(min_row=2, min_col=column, max_col=column):
                if isinstance(cell.value, datetime):
                    cell.number_format = DATETIME_FORMAT
                elif isinstance(cell.value, date):
                    cell.number_format = DATE_FORMAT
                elif number_format:
                    cell.number_format = number_format
        worksheet.freeze_panes = "A2"
    path = Path(path)
    try:
        workbook.save(path)
    except OSError as error:
        raise LiaochengError(tr("Could not write “{}”.").format(path), os_error_details(error)) from error
    return path
