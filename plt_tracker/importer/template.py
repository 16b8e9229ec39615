"""The downloadable spreadsheet template: both sheets, every header and example rows."""
import datetime as dt
import io

from plt_tracker.importer.history import HISTORY_COLUMNS, SHEET
from plt_tracker.importer.parse import COLUMNS

REGISTER_SHEET = "Daftar jabatan"
EXAMPLE_ROWS = [
    {"opd": "Dinas Kesehatan", "jabatan": "Kepala Dinas Kesehatan", "jenis_jabatan": "JPT Pratama",
     "eselon": "II.b", "kepala_opd": "ya", "kosong_sejak": dt.datetime(2025, 3, 1),
     "alasan_kosong": "Pensiun",
     "jenis_pelaksana": "Plt", "nip_pelaksana": "197505122000031002",
     "nama_pelaksana": "Drs. Ahmad Fiktif, M.Si.", "jenis_jabatan_pelaksana": "Administrator",
     "jabatan_definitif_pelaksana": "Sekretaris Dinas Kesehatan",
     "nomor_surat": "800/123/BKPSDM/2025", "tanggal_surat": dt.datetime(2025, 2, 28),
     "mulai_tugas": dt.datetime(2025, 3, 1), "akhir_tugas": dt.datetime(2025, 5, 31)},
]
# The same Plt's first letter and its extension, as the history sheet keeps them.
EXAMPLE_HISTORY = [
    {"opd": "Dinas Kesehatan", "jabatan": "Kepala Dinas Kesehatan",
     "kosong_sejak": dt.datetime(2025, 3, 1), "jenis_pelaksana": "Plt",
     "nip_pelaksana": "197505122000031002", "nama_pelaksana": "Drs. Ahmad Fiktif, M.Si.",
     "jenis_jabatan_pelaksana": "Administrator",
     "jabatan_definitif_pelaksana": "Sekretaris Dinas Kesehatan",
     "nomor_surat": "800/123/BKPSDM/2025", "tanggal_surat": dt.datetime(2025, 2, 28),
     "mulai_tugas": dt.datetime(2025, 3, 1), "akhir_tugas": dt.datetime(2025, 5, 31)},
    {"opd": "Dinas Kesehatan", "jabatan": "Kepala Dinas Kesehatan",
     "kosong_sejak": dt.datetime(2025, 3, 1), "jenis_pelaksana": "Plt",
     "nip_pelaksana": "197505122000031002", "nama_pelaksana": "Drs. Ahmad Fiktif, M.Si.",
     "nomor_surat": "800/201/BKPSDM/2025", "tanggal_surat": dt.datetime(2025, 5, 28),
     "mulai_tugas": dt.datetime(2025, 6, 1), "akhir_tugas": dt.datetime(2025, 8, 31),
     "perpanjangan_dari": "800/123/BKPSDM/2025"},
]
_TEXT_COLUMNS = {"nip_pejabat", "nip_pelaksana", "nomor_surat", "perpanjangan_dari"}


def template_bytes():
    """Return the template as .xlsx bytes (NIPs as text, dates as real Excel dates)."""
    import openpyxl  # lazy: only this download needs it

    book = openpyxl.Workbook()
    _fill(book.active, REGISTER_SHEET, COLUMNS, EXAMPLE_ROWS)
    _fill(book.create_sheet(), SHEET, HISTORY_COLUMNS, EXAMPLE_HISTORY)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(sheet, title, columns, rows):
    sheet.title = title
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(column) for column in columns])
    for index, column in enumerate(columns, start=1):
        cells = [sheet.cell(row=r, column=index) for r in range(1, len(rows) + 2)]
        sheet.column_dimensions[cells[0].column_letter].width = max(14, len(column) + 4)
        for cell in cells[1:]:
            if column in _TEXT_COLUMNS:
                cell.number_format = "@"  # text, so no digit of a NIP is lost
            elif isinstance(cell.value, dt.datetime):
                cell.number_format = "DD/MM/YYYY"
