"""Settings an admin changes while the app runs, kept per pemda."""
from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from plt_tracker.extensions import db


class Setting(db.Model):
    """A value that overrides the default from config.DEFAULT_SETTINGS."""

    __tablename__ = "setting"
    __table_args__ = (UniqueConstraint("instansi_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    value: Mapped[object] = mapped_column(JSON)
