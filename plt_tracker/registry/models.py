"""The pemda, its OPDs and posts, the officials, and definitive appointments."""
import datetime as dt
from typing import Optional

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from plt_tracker.core.dates import utcnow
from plt_tracker.core.db import derived_columns, unique_rule
from plt_tracker.core.records import Versioned, Voidable
from plt_tracker.extensions import db

# Kinds of post (jenis jabatan) and their usual eselon; values are stored codes.
POST_KINDS = {
    "jpt_madya": "JPT Madya",
    "jpt_pratama": "JPT Pratama",
    "administrator": "Administrator",
    "pengawas": "Pengawas",
}
# The official's own post kind (jenis jabatan pejabat), for who may act where and the BUP.
OFFICIAL_KINDS = {
    **POST_KINDS,
    "fungsional_utama": "Fungsional ahli utama",
    "fungsional_madya": "Fungsional ahli madya",
    "fungsional_muda": "Fungsional ahli muda",
    "fungsional_pertama": "Fungsional ahli pertama",
    "pelaksana": "Pelaksana",
}
# Why a post left the register from a date (an OPD merged or dissolved by a new Perda SOTK).
CLOSED_KINDS = {"frozen": "Dibekukan", "abolished": "Dihapus"}
SEKDA_TITLE = "sekretaris daerah"
OPD_KINDS = {
    "sekretariat": "Sekretariat",
    "inspektorat": "Inspektorat",
    "badan": "Badan",
    "dinas": "Dinas",
    "satpol_pp": "Satpol PP",
    "rsud": "RSUD",
    "kecamatan": "Kecamatan",
    "lainnya": "Lainnya",
}


# Kinds of regional government; a kabupaten or kota belongs to a province.
PEMDA_KINDS = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}


class Instansi(db.Model):
    """A regional government (pemda), e.g. Pemerintah Kabupaten Lebong, within its province."""

    __tablename__ = "instansi"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    is_active: Mapped[bool] = mapped_column(default=True)
    kind: Mapped[str] = mapped_column(String(10), default="kabupaten",
                                      server_default="kabupaten")
    # The province a kabupaten or kota belongs to (none for a province).
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("instansi.id"), index=True)
    # The day the stored flags of its vacancies (flags.state) were computed for; every
    # write sets it empty (core.db.lock_pemda), so a reader knows to compute them again.
    flags_valid_for: Mapped[Optional[dt.date]]

    parent: Mapped[Optional["Instansi"]] = relationship(remote_side=[id])

    @property
    def kind_label(self):
        return PEMDA_KINDS.get(self.kind, self.kind)

    def __repr__(self):
        return f"<Instansi {self.name}>"


class Opd(Versioned, db.Model):
    """An agency of the pemda (dinas, badan, kecamatan, …)."""

    __tablename__ = "opd"
    __table_args__ = (UniqueConstraint("instansi_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="lainnya")
    is_active: Mapped[bool] = mapped_column(default=True)

    instansi: Mapped[Instansi] = relationship()
    posts: Mapped[list["Post"]] = relationship(back_populates="opd", order_by="Post.title")

    def __repr__(self):
        return f"<Opd {self.name}>"


class Post(Versioned, db.Model):
    """A post (jabatan) in an OPD; `is_head` marks the kepala OPD post."""

    __tablename__ = "post"
    __table_args__ = (UniqueConstraint("opd_id", "title"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    opd_id: Mapped[int] = mapped_column(ForeignKey("opd.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    eselon: Mapped[Optional[str]] = mapped_column(String(10))
    is_head: Mapped[bool] = mapped_column(default=True)
    is_active: Mapped[bool] = mapped_column(default=True)
    # Marked by an admin as the Sekda's post (else: the head post titled "Sekretaris Daerah").
    is_sekda: Mapped[bool] = mapped_column(default=False, server_default=db.false())
    # From this day the post is frozen or abolished: out of the vacancy list and the flags.
    closed_on: Mapped[Optional[dt.date]]
    closed_kind: Mapped[Optional[str]] = mapped_column(String(10))
    closed_note: Mapped[Optional[str]] = mapped_column(String(300))

    opd: Mapped[Opd] = relationship(back_populates="posts")

    @property
    def kind_label(self):
        return POST_KINDS.get(self.kind, self.kind)

    @property
    def is_sekda_post(self):
        """Say whether this is the Sekda's post (Perpres 3/2018 rules apply)."""
        return self.is_sekda or (self.is_head and (self.title or "").strip().lower() == SEKDA_TITLE)

    def open_on(self, day):
        """Say whether the post is in the register on `day` (not yet frozen or abolished)."""
        return self.closed_on is None or day < self.closed_on

    def __repr__(self):
        return f"<Post {self.title}>"


class Official(Versioned, db.Model):
    """A civil servant (PNS) or PPPK, identified by NIP (unique within a pemda)."""

    __tablename__ = "official"
    __table_args__ = (UniqueConstraint("instansi_id", "nip"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    nip: Mapped[str] = mapped_column(String(18))
    # "pns" numbers carry birth date, TMT and gender; "other" (PPPK) ones do not.
    nip_kind: Mapped[str] = mapped_column(String(10), default="pns")
    name: Mapped[str] = mapped_column(String(200))
    rank: Mapped[Optional[str]] = mapped_column(String(100))
    birth_date: Mapped[Optional[dt.date]]
    gender: Mapped[Optional[str]] = mapped_column(String(1))
    # The official's own post when it is not one this app tracks (e.g. a sekretaris dinas).
    position_title: Mapped[Optional[str]] = mapped_column(String(200))
    # The kind of that own post (OFFICIAL_KINDS): who may act where, and the BUP.
    post_kind: Mapped[Optional[str]] = mapped_column(String(20))
    is_active: Mapped[bool] = mapped_column(default=True)

    def __repr__(self):
        return f"<Official {self.nip} {self.name}>"


class Appointment(Versioned, Voidable, db.Model):
    """A definitive holding of a post, from inauguration until the post falls vacant.

    `open_post_id` and `open_official_id` repeat the post and the official while
    the holding is open (no end, not voided) and are empty otherwise; their
    unique constraints let the database itself keep one current holder per post
    and one current definitive post per official. The check constraints keep
    them true to the record; `_open_keys` fills them in before every write.
    """

    __tablename__ = "appointment"
    __table_args__ = (
        CheckConstraint("(end_date IS NULL AND voided_at IS NULL AND open_post_id = post_id "
                        "AND open_official_id = official_id) OR (open_post_id IS NULL AND "
                        "open_official_id IS NULL AND (end_date IS NOT NULL OR "
                        "voided_at IS NOT NULL))", name="open_keys"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"), index=True)
    official_id: Mapped[int] = mapped_column(ForeignKey("official.id"), index=True)
    sk_number: Mapped[Optional[str]] = mapped_column(String(100))
    sk_date: Mapped[Optional[dt.date]]
    # None when the start predates the records (e.g. imported holders).
    start_date: Mapped[Optional[dt.date]]
    # The first day the holder no longer holds the post (= the vacancy's start).
    end_date: Mapped[Optional[dt.date]]
    open_post_id: Mapped[Optional[int]] = mapped_column(unique=True)
    open_official_id: Mapped[Optional[int]] = mapped_column(unique=True)
    # The Minister's written approval, needed inside an election window or a Pj period.
    minister_approval_number: Mapped[Optional[str]] = mapped_column(String(100))
    minister_approval_date: Mapped[Optional[dt.date]]
    # When it was entered in the register: the reporting delay is measured against the SK.
    created_at: Mapped[Optional[dt.datetime]] = mapped_column(default=utcnow)

    post: Mapped[Post] = relationship()
    official: Mapped[Official] = relationship()

    def holds_on(self, day):
        """Say whether this appointment is in force on `day`."""
        started = self.start_date is None or self.start_date <= day
        return started and (self.end_date is None or day < self.end_date)


@derived_columns(Appointment)
def _open_keys(mapper, connection, appointment):  # noqa: ARG001
    """Repeat the post and official in the open-holding keys while the holding is open."""
    is_open = appointment.end_date is None and appointment.voided_at is None
    appointment.open_post_id = appointment.post_id if is_open else None
    appointment.open_official_id = appointment.official_id if is_open else None


unique_rule("official", ("instansi_id", "nip"), "NIP ini sudah terdaftar di pemda ini", "nip")
unique_rule("appointment", "open_post_id", "Jabatan ini sudah memiliki pejabat definitif",
            "official")
unique_rule("appointment", "open_official_id",
            "Pejabat ini sudah tercatat sebagai pejabat definitif di jabatan lain", "official")
