"""The downloadable spreadsheet template: every header and one example row."""
import datetime as dt
import io

import pandas as pd

from plt_tracker.importer.parse import COLUMNS

EXAMPLE_ROWS = [
    {"opd": "Dinas Kesehatan", "jabatan": "Kepala Dinas Kesehatan", "jenis_jabatan": "JPT Pratama",
     "eselon": "II.b", "kosong_sejak": dt.datetime(2025, 3, 1), "alasan_kosong": "Pensiun",
     "jenis_pelaksana": "Plt", "nip_pelaksana": "197505122000031002",
     "nama_pelaksana": "Drs. Ahmad Fiktif, M.Si.",
     "jabatan_definitif_pelaksana": "Sekretaris Dinas Kesehatan",
     "nomor_surat": "800/123/BKPSDM/2025", "tanggal_surat": dt.datetime(2025, 2, 28),
     "mulai_tugas": dt.datetime(2025, 3, 1), "akhir_tugas": dt.datetime(2025, 5, 31)},
]


def template_bytes():
    """Return the template as .xlsx bytes (NIP as text, dates as real Excel dates)."""
    frame = pd.DataFrame(EXAMPLE_ROWS, columns=COLUMNS, dtype=object)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl", datetime_format="DD/MM/YYYY") as writer:
        frame.to_excel(writer, index=False, sheet_name="Daftar jabatan")
        sheet = writer.sheets["Daftar jabatan"]
        for cells in sheet.columns:
            sheet.column_dimensions[cells[0].column_letter].width = max(14, len(cells[0].value) + 4)
        for cell in sheet["F"] + sheet["J"]:  # NIP columns: text, so no digit is lost
            cell.number_format = "@"
    return buffer.getvalue()
