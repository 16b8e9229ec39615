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


HISTORY_HEADERS = ["opd", "jabatan", "kosong_sejak", "jenis_pelaksana", "nip_pelaksana",
                   "nama_pelaksana", "jenis_jabatan_pelaksana", "jabatan_definitif_pelaksana",
                   "nomor_surat", "tanggal_surat", "mulai_tugas", "akhir_tugas",
                   "perpanjangan_dari", "diakhiri"]
SECOND_NIP = "197806152003121005"


def letter(number, start="", end="", *, kind="Plt", nip=ACTING_NIP, name="Drs. Ahmad Fiktif",
           own_kind="Administrator", vacancy="2025-03-01", letter_date="", extends="",
           ended="", opd="Dinas Sosial", post="Kepala Dinas Sosial"):
    """One row of the history sheet (by default: a Plt letter for the vacant Kepala Dinas Sosial)."""
    return [opd, post, vacancy, kind, nip, name, own_kind, "Sekretaris Dinas Sosial", number,
            letter_date or start, start, end, extends, ended]


def write_workbook(path, sheets):
    """Save a workbook of several sheets: {title: (headers, rows)}; "" cells stay empty."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, (headers, rows) in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append(headers)
        for row in rows:
            sheet.append([None if value == "" else value for value in row])
    book.save(path)
    return path


def register_and_history(path, history, register=None):
    """A workbook with the register sheet (good_rows by default) and the history sheet."""
    return write_workbook(path, {"Daftar jabatan": (HEADERS, good_rows() if register is None
                                                    else register),
                                 "riwayat_pelaksana": (HISTORY_HEADERS, history)})
