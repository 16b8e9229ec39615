"""What the audit log can say, as sentences with named values.

An entry stores the event code and its values; pages put them into the
reader's language (`make translations` extracts the N_ marks). Values under DATE_PARAMS are ISO dates, shown as 15/09/2025.
"""
DATE_PARAMS = {"date", "start", "end"}


def N_(message):  # noqa: N802  (the usual name of a gettext "mark only" function)
    """Mark a message for translation; `event_sentence` translates it when shown."""
    return message


EVENTS = {
    # register
    "instansi.create": N_("Pemda %(name)s dibuat"),
    "opd.create": N_("OPD %(name)s dibuat"),
    "opd.update": N_("OPD %(name)s diubah"),
    "post.create": N_("Jabatan %(post)s dibuat"),
    "post.update": N_("Jabatan %(post)s diubah"),
    "post.closed": N_("Jabatan %(post)s dibekukan atau dihapus mulai %(date)s"),
    "post.reopened": N_("Jabatan %(post)s aktif kembali"),
    "official.create": N_("Pejabat %(name)s (%(nip)s) dicatat"),
    "official.update": N_("Data pejabat %(name)s diubah"),
    "holder.record": N_("%(name)s dicatat sebagai pejabat definitif %(post)s"),
    "setting.update": N_("Pengaturan diubah: %(key)s"),
    # the read API
    "api_token.create": N_("Token API %(name)s (%(prefix)s…) dibuat dengan cakupan %(scope)s"),
    "api_token.revoke": N_("Token API %(name)s (%(prefix)s…) dicabut"),
    # vacancies and acting letters
    "vacancy.open": N_("%(post)s kosong sejak %(date)s"),
    "vacancy.fill": N_("%(name)s dilantik sebagai %(post)s (%(date)s)"),
    "vacancy.correct": N_("Kekosongan %(post)s dikoreksi"),
    "vacancy.void": N_("Kekosongan %(post)s sejak %(date)s dibatalkan"),
    "vacancy.reopen": N_("Kekosongan %(post)s dibuka kembali karena pelantikan dibatalkan"),
    "acting.name": N_("%(name)s ditunjuk sebagai %(kind)s %(post)s (%(start)s–%(end)s)"),
    "acting.extend": N_("Tugas %(kind)s %(name)s diperpanjang sampai %(end)s"),
    "acting.end": N_("Tugas %(kind)s %(name)s diakhiri %(date)s"),
    "acting.correct": N_("Surat perintah %(kind)s %(name)s dikoreksi"),
    "acting.void": N_("Surat perintah %(kind)s %(name)s dibatalkan"),
    "extension.correct": N_("Perpanjangan tugas %(kind)s %(name)s dikoreksi"),
    "extension.void": N_("Perpanjangan tugas %(kind)s %(name)s sampai %(end)s dibatalkan"),
    "appointment.correct": N_("Pelantikan %(name)s sebagai %(post)s dikoreksi"),
    "appointment.void": N_("Pelantikan %(name)s sebagai %(post)s dibatalkan"),
    # filling processes
    "attempt.start": N_("Proses %(route)s untuk %(post)s dimulai %(date)s"),
    "attempt.complete": N_("Proses %(route)s untuk %(post)s selesai %(date)s"),
    "attempt.failed": N_("Proses %(route)s untuk %(post)s gagal: %(why)s"),
    "attempt.cancelled": N_("Proses %(route)s untuk %(post)s dibatalkan: %(why)s"),
    "attempt.approval": N_("Persetujuan Mendagri %(number)s untuk %(post)s dicatat"),
    "attempt.correct": N_("Proses %(route)s untuk %(post)s dikoreksi"),
    "attempt.void": N_("Proses %(route)s untuk %(post)s dibatalkan sebagai salah catat"),
    "attempt.reopen": N_("Proses %(route)s untuk %(post)s berjalan lagi karena pelantikan "
                         "dibatalkan"),
    "stage.start": N_("%(post)s: tahap %(number)s. %(stage)s mulai %(date)s"),
    "stage.finish": N_("%(post)s: tahap %(number)s. %(stage)s selesai %(date)s"),
    "stage.correct": N_("%(post)s: catatan tahap %(number)s. %(stage)s dikoreksi"),
    "stage.void": N_("%(post)s: catatan tahap %(number)s. %(stage)s dibatalkan"),
}
