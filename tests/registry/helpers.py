"""Helpers shared by the register's page tests."""
import html

from plt_tracker.audit.models import AuditEntry
from plt_tracker.extensions import db
from plt_tracker.registry.models import Instansi


def audit_entries(entity, action=None):
    """Return the audit entries about one kind of record, oldest first."""
    query = db.select(AuditEntry).filter_by(entity=entity)
    if action:
        query = query.filter_by(action=action)
    return list(db.session.scalars(query.order_by(AuditEntry.id)))


def text_of(response):
    """Return a response's HTML with entities decoded, for matching messages."""
    return html.unescape(response.get_data(as_text=True))


def other_instansi(name="Pemerintah Kabupaten Lain"):
    """Create a second pemda, to check that records of another one stay out of reach."""
    from plt_tracker.core.db import transaction

    with transaction():
        instansi = Instansi(name=name)
        db.session.add(instansi)
    return instansi
