"""Write ledgers (台账) as XLSX workbooks with Chinese headers (openpyxl)."""

from pathlib import Path
from typing import Sequence, Tuple

from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr

Sheet = Tuple[str, Sequence[str], Sequence[Sequence[object]]]
MAX_COLUMN_WIDTH = 60


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
    """Write one sheet per (title, headers, rows): bold frozen header row, sensible widths."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
    except ImportError as error:
        raise LiaochengError(tr("Exporting XLSX needs the Python package openpyxl."), str(error)) from error
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title[:31])
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDE6F0")
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in rows:
            sheet.append([_cell_value(value) for value in row])
        for column, header in enumerate(headers, start=1):
            longest = max([len(str(header))] + [len(str(row[column - 1] or "")) for row in rows])
            sheet.column_dimensions[sheet.cell(1, column).column_letter].width = min(
                MAX_COLUMN_WIDTH, 4 + 1.6 * longest
            )
        sheet.freeze_panes = "A2"
    path = Path(path)
    try:
        workbook.save(path)
    except OSError as error:
        raise LiaochengError(tr("Could not write “{}”.").format(path), str(error)) from error
    return path
