"""Factories that build register records through the real operations."""
import datetime as dt
import itertools

from plt_tracker.core.db import transaction
from plt_tracker.registry import operations as registry
from plt_tracker.selection import operations as selection
from plt_tracker.vacancies import operations as vacancies

FAR_FUTURE = dt.date(2100, 1, 1)
_seq = itertools.count(1)


def make_nip(birth=dt.date(1975, 5, 12), tmt=(2000, 3), gender=1, seq=None):
    """Build a valid PNS NIP; each call gets a new sequence number unless one is given."""
    seq = next(_seq) if seq is None else seq
    return f"{birth:%Y%m%d}{tmt[0]:04d}{tmt[1]:02d}{gender}{seq % 1000:03d}"


class Factory:
    """Create OPDs, posts, officials, vacancies and acting assignments for a test."""

    def __init__(self, instansi):
        self.instansi = instansi

    def opd(self, name=None, kind="dinas"):
        with transaction():
            return registry.create_opd(self.instansi.id, name or f"Dinas Uji {next(_seq)}", kind)

    def post(self, title=None, opd=None, kind="jpt_pratama", eselon="II.b"):
        opd = opd or self.opd()
        with transaction():
            return registry.create_post(opd, title or f"Kepala {opd.name}", kind, eselon)

    def official(self, name=None, nip=None, **kwargs):
        with transaction():
            return registry.create_official(self.instansi.id, nip or make_nip(),
                                            name or f"Pejabat {next(_seq)}", **kwargs)

    def vacancy(self, post=None, start=dt.date(2025, 6, 1), reason="pensiun"):
        post = post or self.post()
        with transaction():
            return vacancies.open_vacancy(post, start, reason, today=FAR_FUTURE)

    def acting(self, vacancy=None, official=None, kind="plt", start=None, end=None, post=None):
        vacancy = vacancy if vacancy is not None else (self.vacancy(post) if kind == "plt" else None)
        post = post or vacancy.post
        official = official or self.official()
        start = start or (vacancy.start_date if vacancy else dt.date(2025, 6, 1))
        end = end or (start + dt.timedelta(days=91))
        with transaction():
            return vacancies.name_acting(post, official, kind, start, end, today=FAR_FUTURE,
                                         letter_number=f"800/{next(_seq)}/BKPSDM",
                                         letter_date=start, vacancy=vacancy)

    def extend(self, acting, end, letter_date=None):
        with transaction():
            return vacancies.extend_acting(acting, end, today=FAR_FUTURE,
                                           letter_date=letter_date or acting.start_date,
                                           letter_number=f"800/{next(_seq)}/EXT")

    def fill(self, vacancy, official=None, start=dt.date(2025, 12, 1)):
        with transaction():
            return selection.fill_vacancy(vacancy, official or self.official(), start,
                                          today=FAR_FUTURE, sk_number=f"821/{next(_seq)}/SK")
