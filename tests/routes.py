"""Every route of the URL map with its arguments filled from records that exist."""
import datetime as dt
import itertools

from plt_tracker.api.operations import create_token
from plt_tracker.core.db import transaction
from plt_tracker.decisions.operations import record_decision
from plt_tracker.extensions import db
from plt_tracker.flags.operations import create_range
from plt_tracker.rakor.calendar import Meeting
from plt_tracker.rakor.operations import generate_report
from plt_tracker.rakor.exports import FORMATS
from plt_tracker.flags.range_views import SEGMENTS
from plt_tracker.corrections.views import KINDS as CORRECTION_KINDS
from tests.selection.helpers import start

# Converter arguments that are not record ids: every value they take.
CHOICES = {"fmt": list(FORMATS), "segment": list(SEGMENTS), "filename": ["app.css"],
           "kind": list(CORRECTION_KINDS), "file_type": ["csv", "xlsx"],
           "notulen_fmt": ["pdf", "docx"]}


def sample_records(factory, instansi, user):
    """Create one record of every kind a URL names; return {argument name: id}."""
    vacancy = factory.vacancy(start=dt.date(2025, 6, 1))
    acting = factory.acting(vacancy, start=dt.date(2025, 6, 1), end=dt.date(2025, 9, 1))
    attempt = start(vacancy)
    with transaction():
        window = create_range("window", instansi.id, name="Pilkada 2029",
                              start_date=dt.date(2029, 1, 1), end_date=dt.date(2029, 6, 30))
        report = generate_report(instansi.id, Meeting(dt.date(2026, 2, 2), dt.time(9), "rule"),
                                 trigger="manual", actor="test")
        token, _text = create_token(instansi.id, "Sistem contoh")
        decision = record_decision(instansi.id, meeting_date=dt.date(2026, 2, 2),
                                   instruction="Tunjuk Plt", today=dt.date(2026, 2, 2),
                                   post=vacancy.post)
    stage = attempt.route.stages[0]
    return {"post_id": vacancy.post_id, "opd_id": vacancy.post.opd_id,
            "official_id": acting.official_id, "vacancy_id": vacancy.id, "acting_id": acting.id,
            "attempt_id": attempt.id, "route_id": attempt.route_id, "stage_id": stage.id,
            "report_id": report.id, "range_id": window.id, "user_id": user.id,
            "token_id": token.id,
            "decision_id": decision.id,
            # The correction pages take any kind's id: a vacancy's is found for "kekosongan"
            # and not for the others (404), both fine for what these tests check.
            "record_id": vacancy.id}


def token_endpoints(app):
    """Return the endpoints of the read API that answer a bearer token, not a session."""
    return {endpoint for endpoint, view in app.view_functions.items()
            if getattr(view, "token_auth", False)}


def urls(app, ids, method="GET", skip=()):
    """Yield (endpoint, url) for every rule answering `method`, once per argument choice."""
    for rule in app.url_map.iter_rules():
        if method not in rule.methods or rule.endpoint in skip:
            continue
        names = sorted(rule.arguments)
        options = [CHOICES.get(name) or [ids[name]] for name in names]
        for values in itertools.product(*options):
            yield rule.endpoint, rule.build(dict(zip(names, values)))[1]


def row_counts():
    """Return the number of rows of every table (to see that nothing was written)."""
    return {table.name: db.session.scalar(db.select(db.func.count()).select_from(table))
            for table in db.metadata.sorted_tables}
