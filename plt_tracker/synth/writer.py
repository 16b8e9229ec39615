"""Putting simulated rows into the database: pemda through the real operation, the rest in
batches with SQLAlchemy Core (executemany), ids decided by the simulation."""
import random

from sqlalchemy import func, text

from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.pemda.operations import create_pemda
from plt_tracker.selection.models import Route, RouteStage
from plt_tracker.synth.context import SynthContext
from plt_tracker.synth.history import Ids, simulate_opd
from plt_tracker.synth.layout import opd_plan

# Parents before children (foreign keys); the vacancy names its filling appointment.
TABLES = ["opd", "post", "official", "appointment", "vacancy", "acting_assignment",
          "acting_extension", "filling_attempt", "stage_record"]
# What makes a database "not empty" for synth (a fresh one may hold its default pemda).
DATA_TABLES = ["opd", "post", "official", "vacancy"]


def existing_rows():
    """Return how many rows the register's own tables hold."""
    return {t: db.session.scalar(text(f"SELECT count(*) FROM {t}"))  # nosec B608  # fixed table names
            for t in DATA_TABLES}


def first_ids():
    """Return the next free id of each table synth writes."""
    tables = db.metadata.tables
    return {t: (db.session.scalar(db.select(func.max(tables[t].c.id))) or 0) + 1 for t in TABLES}


def routes_of(instansi_id):
    """Return the pemda's active routes: code → (route id, [(stage id, position, expected
    days, code, ends vacancy)] in order)."""
    routes = {}
    for route in db.session.scalars(db.select(Route).filter_by(instansi_id=instansi_id,
                                                               is_active=True)):
        stages = db.session.execute(
            db.select(RouteStage.id, RouteStage.position, RouteStage.expected_days,
                      RouteStage.code, RouteStage.ends_vacancy)
            .filter_by(route_id=route.id, is_active=True).order_by(RouteStage.position)).all()
        if stages:
            routes[route.code] = (route.id, [tuple(s) for s in stages])
    return routes


def create_plan(plan):
    """Create the planned pemda through pemda.operations (routes copied, audited); return ids."""
    ids = []
    for entry in plan:
        parent = ids[entry.parent] if entry.parent is not None else None
        ids.append(create_pemda(entry.name, entry.kind, parent).id)
    return ids


def simulate_pemda(seed, index, ids, instansi_id, as_of, posts_per_pemda):
    """Return the rows of one pemda (its own random stream: the same for the same seed)."""
    rng = random.Random(f"{seed}:{index}")  # nosec B311  # repeatable fictitious data
    ctx = SynthContext(ids, instansi_id, as_of, routes_of(instansi_id))
    for opd in opd_plan(posts_per_pemda):
        opd_id = ids.take("opd")
        ctx.add("opd", {"id": opd_id, "instansi_id": instansi_id, "name": opd.name,
                        "kind": opd.kind, "is_active": True, "version": 1})
        posts = []
        for title, kind, eselon, is_head, is_sekda in opd.posts:
            post_id = ids.take("post")
            ctx.add("post", {"id": post_id, "opd_id": opd_id, "title": title, "kind": kind,
                             "eselon": eselon, "is_head": is_head, "is_active": True,
                             "is_sekda": is_sekda, "closed_on": None, "closed_kind": None,
                             "closed_note": None, "version": 1})
            posts.append((post_id, kind, is_head, is_sekda, title))
        simulate_opd(rng, ids, ctx, opd_id, posts)
    return ctx.rows


def insert_rows(rows, batch):
    """Insert the rows table by table in executemany batches; return counts per table."""
    counts = {}
    for table in TABLES:
        chunk = rows.get(table, [])
        for start in range(0, len(chunk), batch):
            db.session.execute(db.metadata.tables[table].insert(), chunk[start:start + batch])
        counts[table] = len(chunk)
    return counts


def reset_sequences():
    """Move PostgreSQL's id sequences past the ids synth chose (others need nothing)."""
    if db.session.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        db.session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # nosec B608  # fixed table names
            f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {table}"))


def analyze():
    """Give the query planner statistics of the new rows (its own autovacuum may come much
    later: before it, PostgreSQL read 2 million stage records for one post page)."""
    with transaction():
        if db.session.get_bind().dialect.name == "mysql":
            db.session.execute(text(f"ANALYZE TABLE {', '.join(TABLES + ['vacancy_state'])}"))
        else:
            db.session.execute(text("ANALYZE"))


def new_ids():
    """Return an id counter starting past every id in use."""
    return Ids(first_ids())
