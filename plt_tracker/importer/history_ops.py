"""Applying the acting history sheet: every letter through the same operations as the forms.

A first letter is checked as vacancies.operations.name_acting checks it, an
extension as extend_acting, an early end as end_acting, with their own builders
and rule functions over the pemda's records read once (importer.known): so the
rules are the forms' rules
(a Plt only for a vacancy, a Pj only for the Sekda, inside the vacancy, no two
letters of one kind on the same days, how many posts one official may act in).
Who may act (SE BKN 1/SE/I/2021) is, as on the form, a warning that needs an
explicit yes: the preview lists it and applying the file is that yes. A letter
already in the register (same post and nomor_surat, or the same official and
start) is left as it is, so importing the file again changes nothing.
"""
import datetime as dt

from plt_tracker.core.db import RuleViolation
from plt_tracker.core.messages import N_, dmy, message
from plt_tracker.importer.history import SHEET
from plt_tracker.importer.rows import RowError
from plt_tracker.registry.levels import may_act
from plt_tracker.registry.models import OFFICIAL_KINDS, POST_KINDS
from plt_tracker.registry.post_queries import own_post_kind
from plt_tracker.vacancies import integrity
from plt_tracker.vacancies import operations as vacancies
from plt_tracker.vacancies.integrity import letter_end
from plt_tracker.vacancies.rules import default_planned_end

# Which history column a refused field of an operation points at.
_COLUMNS = {"kind": "jenis_pelaksana", "start_date": "mulai_tugas", "end_date": "akhir_tugas",
            "letter_date": "tanggal_surat", "ended_on": "diakhiri", "official": "nip_pelaksana",
            "confirm": "nip_pelaksana", "nip": "nip_pelaksana", "name": "nama_pelaksana",
            "post_kind": "jenis_jabatan_pelaksana", "vacancy": "kosong_sejak",
            "perpanjangan_dari": "perpanjangan_dari"}


class HistoryMixin:
    """The history rows' steps of the importer (importer.operations._Importer)."""

    def history_people(self, row):
        """The post of a letter (already in the register), and its official."""
        self.field_of, self.default_column = _COLUMNS, "nomor_surat"
        self.mine["post"] = self._history_post(row)
        self.mine["official"] = self._official(row.person)

    def history_letters(self, row):
        """A first letter or an extension, and its early end."""
        self.field_of, self.default_column = _COLUMNS, "nomor_surat"
        post, official = self.mine["post"], self.mine["official"]
        if row.extends:
            assignment = self._extension(post, official, row)
        else:
            assignment = self._first_letter(post, official, row)
        self.remember(self.letters, (post.id, row.letter_number.lower()), assignment)
        if row.ended_on is not None:
            self._end(assignment, row.ended_on)

    def _history_post(self, row):
        opd = self.opds.get(row.opd.lower())
        post = self.posts.get((opd.id, row.title.lower())) if opd else None
        if post is None:
            raise RuleViolation(message(N_("Jabatan %(post)s di %(opd)s tidak ada di daftar "
                                           "jabatan; tambahkan di lembar daftar jabatan"),
                                        post=row.title, opd=row.opd), "vacancy")
        return post

    def _vacancy_of(self, post, row):
        if row.vacancy_start is None:
            return None
        vacancy = self.known.vacancy_since(post, row.vacancy_start)
        if vacancy is None:
            raise RuleViolation(message(N_("%(post)s tidak tercatat kosong sejak %(day)s; catat "
                                           "kekosongannya di lembar daftar jabatan "
                                           "(kosong_sejak)"),
                                        post=post.title, day=dmy(row.vacancy_start)), "vacancy")
        return vacancy

    def _first_letter(self, post, official, row):
        vacancy = self._vacancy_of(post, row)
        number = row.letter_number.lower()
        same = next((a for a in self.known.actings[post.id]
                     if (a.letter_number or "").lower() == number
                     or (a.official_id == official.id and a.start_date == row.start)), None)
        if same is not None:
            self._same_letter(same, official, row)
            self._count("unchanged", "acting")
            return same
        self.check_level(post, official, row.kind, row.start, row.row, SHEET)
        named = self.name(post, official, row.kind, row.start, row.end, vacancy=vacancy,
                          letter_number=row.letter_number, letter_date=row.letter_date)
        self._count("created", "acting", f"{named.kind_label} {official.name} "
                                         f"{named.start_date:%d/%m/%Y}–{named.end_date:%d/%m/%Y}")
        return named

    @staticmethod
    def _same_letter(same, official, row):
        """Refuse a row that names a recorded letter but says something else about it."""
        number = same.letter_number or row.letter_number
        if same.official_id != official.id:
            raise RuleViolation(message(N_("Di basis data surat %(number)s menunjuk %(name)s, "
                                           "bukan NIP ini"), number=number,
                                        name=same.official.name), "official")
        if same.kind != row.kind:
            raise RuleViolation(message(N_("Di basis data surat %(number)s adalah %(kind)s"),
                                        number=number, kind=same.kind_label), "kind")
        if same.start_date != row.start:
            raise RuleViolation(message(N_("Di basis data surat %(number)s mulai %(day)s"),
                                        number=number, day=dmy(same.start_date)), "start_date")
        if row.end is not None and same.end_date != row.end:
            raise RuleViolation(message(N_("Di basis data surat %(number)s berakhir %(day)s"),
                                        number=number, day=dmy(same.end_date)), "end_date")

    def _extension(self, post, official, row):
        assignment = self.letters.get((post.id, (row.root or "").lower()))
        if assignment is None:
            root = (row.root or "").lower()
            assignment = next((a for a in self.known.actings[post.id]
                               if (a.letter_number or "").lower() == root), None)
        if assignment is None:
            raise RuleViolation(message(N_("Surat %(number)s yang diperpanjang tidak ada di "
                                           "berkas maupun di basis data untuk jabatan ini"),
                                        number=row.extends), "perpanjangan_dari")
        if assignment.official_id != official.id:
            raise RuleViolation(message(N_("Surat %(number)s menunjuk %(name)s; perpanjangan "
                                           "harus untuk pelaksana yang sama"),
                                        number=row.extends, name=assignment.official.name),
                                "official")
        if any((e.letter_number or "").lower() == row.letter_number.lower()
               for e in assignment.extensions):
            self._count("unchanged", "extension")
            return assignment
        end = row.end
        if end is None:  # the default length, from the day after the current end
            months = int(self.settings["acting_default_months"])
            current_end = letter_end(assignment, dt.date.max)
            end = default_planned_end(row.start or current_end + dt.timedelta(days=1), months)
        extension, current_end = vacancies.new_extension(
            assignment, end, today=self.today, letter_number=row.letter_number,
            letter_date=row.letter_date)
        self.undo.append(lambda: assignment.extensions.remove(extension))
        self.made(extension, vacancies.audit_acting_extended, current_end)
        self.check(post, extension)
        integrity.check_acting_load(assignment,
                                    max_posts=int(self.settings["max_acting_posts"]),
                                    candidates=self.known.actings_of[official.id])
        self._count("created", "extension",
                    f"perpanjangan {assignment.kind_label} {official.name} sampai {end:%d/%m/%Y}")
        return assignment

    def _end(self, assignment, ended_on):
        if assignment.ended_on == ended_on:
            self._count("unchanged", "acting_end")
            return
        if assignment.ended_on is not None:
            raise RuleViolation(message(N_("Di basis data tugas ini sudah berakhir %(day)s"),
                                        day=dmy(assignment.ended_on)), "ended_on")
        self.change(assignment, vacancies.end_values(assignment, ended_on, today=self.today),
                    vacancies.audit_acting_ended, vacancies.ACTING_FIELDS)
        self.check(assignment.post, assignment)
        self._count("created", "acting_end", f"diakhiri {ended_on:%d/%m/%Y}")

    def check_level(self, post, official, kind, start, number, sheet=""):
        """Warn (as the form does) when the official's own post may not act in this post."""
        if kind == "pj":
            return
        own = own_post_kind(official, start, self.known.holdings_of[official.id])
        allowed, why = may_act(own, post.kind, is_pppk=official.nip_kind != "pns")
        if allowed or why == "unknown":
            return
        what = "PPPK" if why == "pppk" else OFFICIAL_KINDS.get(own, own)
        self.report.warnings.append(RowError.of(number, "jenis_jabatan_pelaksana", message(
            N_("%(name)s (%(own)s) tidak setingkat atau satu tingkat di bawah jabatan %(post)s "
               "(SE BKN 1/SE/I/2021); tetap dicatat bila impor diterapkan"),
            name=official.name, own=what, post=POST_KINDS.get(post.kind, post.kind)), sheet))
