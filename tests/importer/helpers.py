"""Spreadsheets for the import tests, written the way BKPSDM would save them."""
import datetime as dt

import openpyxl
import pandas as pd

from plt_tracker.extensions import db
from plt_tracker.audit.models import AuditEntry
from plt_tracker.registry.models import Appointment, Instansi, Official, Opd, Post
from plt_tracker.vacancies.models import ActingAssignment, Vacancy

HOLDER_NIP = "197005121998031004"
ACTING_NIP = "197505122000031002"
HEADERS = ["OPD", "Jabatan", "Jenis Jabatan", "NIP_Pejabat", "Nama Pejabat", "Kosong Sejak",
           "Alasan Kosong", "Jenis Pelaksana", "NIP Pelaksana", "Nama Pelaksana",
           "Jabatan Definitif Pelaksana", "Nomor Surat", "Tanggal Surat", "Mulai Tugas",
           "Akhir Tugas"]


def good_rows():
    """Three posts: one filled, one vacant with a Plt, one vacant with nobody acting."""
    return [
        ["Dinas Kesehatan", "Kepala Dinas Kesehatan", "JPT Pratama", "19700512 199803 1 004",
         "dr. Budi Contoh, M.Kes.", "", "", "", "", "", "", "", "", "", ""],
        ["Dinas Sosial", "Kepala Dinas Sosial", "jpt_pratama", "", "", "01/03/2025", "Pensiun",
         "Plt", ACTING_NIP, "Drs. Ahmad Fiktif, M.Si.", "Sekretaris Dinas Sosial",
         "800/12/BKPSDM/2025", "28-2-2025", "2025-03-01", ""],
        ["Kecamatan Topos", "Camat Topos", "Administrator", "", "", "2025-06-01", "mutasi",
         "", "", "", "", "", "", "", ""],
    ]


def write_csv(path, rows, headers=HEADERS):
    """Save rows as a CSV file, every cell as text."""
    pd.DataFrame(rows, columns=headers, dtype=str).to_csv(path, index=False)
    return path


def write_xlsx(path, rows, headers=HEADERS):
    """Save rows as an .xlsx workbook; datetime values become real Excel date cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, (dt.date, dt.datetime)):
                cell.number_format = "DD/MM/YYYY"
    book.save(path)
    return path


def counts():
    """Count the rows of every register table (to prove an import changed nothing)."""
    models = (Instansi, Opd, Post, Official, Appointment, Vacancy, ActingAssignment, AuditEntry)
    return {m.__name__: db.session.scalar(db.select(db.func.count()).select_from(m))
            for m in models}
