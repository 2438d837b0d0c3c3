"""Write ledgers (台账) as XLSX workbooks with Chinese headers (openpyxl)."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr

MAX_COLUMN_WIDTH = 60


@dataclass
class Sheet:
    """One worksheet: its title, column headers, rows and the number format of each column ("" = general)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    formats: Sequence[str] = field(default_factory=tuple)


def _cell_value(value):
    """Values openpyxl can store: QDate and other Qt types become text, NULL becomes empty."""
    if value is None or str(value) == "NULL":
        return None
    if isinstance(value, (int, float, str)):
        return value
    if hasattr(value, "toString"):
        return value.toString("yyyy-MM-dd") if hasattr(value, "isValid") and value.isValid() else None
    return str(value)


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> Path:
    """Write one worksheet per Sheet: bold frozen header row, number formats, sensible widths."""
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
        for row in sheet.rows:
            worksheet.append([_cell_value(value) for value in row])
        for column, header in enumerate(sheet.headers, start=1):
            letter = worksheet.cell(1, column).column_letter
            longest = max([len(str(header))] + [len(str(row[column - 1] or "")) for row in sheet.rows])
            worksheet.column_dimensions[letter].width = min(MAX_COLUMN_WIDTH, 4 + 1.6 * longest)
            number_format = sheet.formats[column - 1] if column <= len(sheet.formats) else ""
            if number_format:
                for (cell,) in worksheet.iter_rows(min_row=2, min_col=column, max_col=column):
                    cell.number_format = number_format
        worksheet.freeze_panes = "A2"
    path = Path(path)
    try:
        workbook.save(path)
    except OSError as error:
        raise LiaochengError(tr("Could not write “{}”.").format(path), str(error)) from error
    return path
