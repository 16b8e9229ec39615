"""Find posts, OPDs and officials by a piece of their name (or an official's NIP) within the
pemda a user may read: three statements, each at most LIMIT rows."""
from dataclasses import dataclass

from plt_tracker.extensions import db
from plt_tracker.registry.models import Instansi, Official, Opd, Post
from plt_tracker.registry.nip import normalize_nip

LIMIT = 25
MIN_LENGTH = 2
MAX_LENGTH = 100


@dataclass
class Results:
    """What a search found, each kind at most LIMIT rows (`more` says a kind was cut)."""

    posts: list
    opds: list
    officials: list
    more: bool = False

    @property
    def total(self):
        return len(self.posts) + len(self.opds) + len(self.officials)


def search(pemda_ids, text):
    """Return the posts, OPDs and officials of these pemda (None: all) matching `text`.

    A NIP matches typed with or without its spaces (19700512 199803 1 004).
    """
    text = (text or "").strip()[:MAX_LENGTH]
    if len(text) < MIN_LENGTH:
        return Results([], [], [])
    posts = _limited(db.select(Post, Opd.name, Instansi.name).join(Post.opd)
                     .join(Instansi, Instansi.id == Opd.instansi_id)
                     .filter(Post.title.icontains(text, autoescape=True))
                     .order_by(Instansi.name, Opd.name, Post.title), pemda_ids)
    opds = _limited(db.select(Opd, Instansi.name).join(Instansi, Instansi.id == Opd.instansi_id)
                    .filter(Opd.name.icontains(text, autoescape=True))
                    .order_by(Instansi.name, Opd.name), pemda_ids)
    condition = Official.name.icontains(text, autoescape=True)
    digits = normalize_nip(text)
    if digits.isdigit():
        condition = condition | Official.nip.contains(digits, autoescape=True)
    officials = _limited(db.select(Official, Instansi.name)
                         .join(Instansi, Instansi.id == Official.instansi_id).filter(condition)
                         .order_by(Official.is_active.desc(), Official.name, Official.id),
                         pemda_ids)
    more = any(len(found) > LIMIT for found in (posts, opds, officials))
    return Results(posts[:LIMIT], opds[:LIMIT], officials[:LIMIT], more)


def _limited(query, pemda_ids):
    """Run a search query within the scope, one row past LIMIT (to know there are more)."""
    if pemda_ids is not None:
        query = query.filter(Instansi.id.in_(list(pemda_ids)))
    return db.session.execute(query.limit(LIMIT + 1)).all()
