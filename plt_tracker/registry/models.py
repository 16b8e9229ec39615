"""The pemda, its OPDs and posts, the officials, and definitive appointments."""
import datetime as dt
from typing import Optional

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from plt_tracker.extensions import db

# Kinds of post (jenis jabatan) and their usual eselon; values are stored codes.
POST_KINDS = {
    "jpt_madya": "JPT Madya",
    "jpt_pratama": "JPT Pratama",
    "administrator": "Administrator",
    "pengawas": "Pengawas",
}
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


class Instansi(db.Model):
    """A regional government (pemda), e.g. Pemerintah Kabupaten Lebong."""

    __tablename__ = "instansi"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    is_active: Mapped[bool] = mapped_column(default=True)

    def __repr__(self):
        return f"<Instansi {self.name}>"


class Opd(db.Model):
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


class Post(db.Model):
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

    opd: Mapped[Opd] = relationship(back_populates="posts")

    @property
    def kind_label(self):
        return POST_KINDS.get(self.kind, self.kind)

    def __repr__(self):
        return f"<Post {self.title}>"


class Official(db.Model):
    """A civil servant (PNS) or PPPK, identified by NIP."""

    __tablename__ = "official"
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    nip: Mapped[str] = mapped_column(String(18), unique=True)
    # "pns" numbers carry birth date, TMT and gender; "other" (PPPK) ones do not.
    nip_kind: Mapped[str] = mapped_column(String(10), default="pns")
    name: Mapped[str] = mapped_column(String(200))
    rank: Mapped[Optional[str]] = mapped_column(String(100))
    birth_date: Mapped[Optional[dt.date]]
    gender: Mapped[Optional[str]] = mapped_column(String(1))
    # The official's own post when it is not one this app tracks (e.g. a sekretaris dinas).
    position_title: Mapped[Optional[str]] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(default=True)

    def __repr__(self):
        return f"<Official {self.nip} {self.name}>"


class Appointment(db.Model):
    """A definitive holding of a post, from inauguration until the post falls vacant."""

    __tablename__ = "appointment"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"), index=True)
    official_id: Mapped[int] = mapped_column(ForeignKey("official.id"), index=True)
    sk_number: Mapped[Optional[str]] = mapped_column(String(100))
    sk_date: Mapped[Optional[dt.date]]
    # None when the start predates the records (e.g. imported holders).
    start_date: Mapped[Optional[dt.date]]
    # The first day the holder no longer holds the post (= the vacancy's start).
    end_date: Mapped[Optional[dt.date]]

    post: Mapped[Post] = relationship()
    official: Mapped[Official] = relationship()

    def holds_on(self, day):
        """Say whether this appointment is in force on `day`."""
        started = self.start_date is None or self.start_date <= day
        return started and (self.end_date is None or day < self.end_date)
