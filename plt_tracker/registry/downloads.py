"""The posts register and the officials list as CSV or Excel, streamed (core.sheets)."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from plt_tracker.extensions import db
from plt_tracker.registry.models import POST_KINDS, Official
from plt_tracker.registry.nip import format_nip
from plt_tracker.registry.post_queries import posts_on

POST_STATUS = {"filled": _l("Terisi"), "vacant": _l("Kosong"), "unrecorded": _l("Belum dicatat")}


def post_columns():
    return [_("OPD"), _("Jabatan"), _("Jenis jabatan"), _("Eselon"), _("Kepala OPD"),
            _("Keadaan"), _("Pejabat definitif"), _("NIP pejabat"), _("Kosong sejak"),
            _("Lama kosong (hari)"), _("Pelaksana"), _("Nama pelaksana"), _("Akhir surat")]


def post_rows(instansi_id, as_of, **filters):
    """Yield one list of values per post of the register on `as_of`."""
    for opd, states in posts_on(instansi_id, as_of, **filters):
        for state in states:
            post, holder = state.post, state.holder
            acting, _status, until = state.actings[0] if state.actings else (None, None, None)
            yield [opd.name, post.title, str(POST_KINDS.get(post.kind, post.kind)), post.eselon,
                   _("ya") if post.is_head else _("tidak"),
                   str(POST_STATUS.get(state.status, state.status)),
                   holder.official.name if holder else "",
                   format_nip(holder.official.nip) if holder else "",
                   state.vacancy.start_date if state.vacancy else None, state.days_vacant,
                   str(acting.kind_label) if acting else "",
                   acting.official.name if acting else "", until if acting else None]


def official_columns():
    return [_("Nama"), _("NIP"), _("Tanggal lahir"), _("Pangkat/golongan"),
            _("Jabatan definitif"), _("Aktif")]


def official_rows(instansi_id, batch=1000):
    """Yield one list of values per official of the pemda, read `batch` rows at a time."""
    query = (db.select(Official.name, Official.nip, Official.birth_date, Official.rank,
                       Official.position_title, Official.is_active)
             .filter(Official.instansi_id == instansi_id)
             .order_by(Official.is_active.desc(), Official.name, Official.id)
             .execution_options(yield_per=batch))
    for name, nip, birth, rank, title, active in db.session.execute(query):
        yield [name, format_nip(nip), birth, rank, title, _("ya") if active else _("tidak")]
