"""The admin's settings page: one field per default setting, saved in one audited transaction."""
import html

import pytest

from config import DEFAULT_SETTINGS
from plt_tracker.audit.models import AuditEntry
from plt_tracker.extensions import db
from plt_tracker.settings.forms import group_of, label_of
from plt_tracker.settings.logic import get_settings
from plt_tracker.settings.models import Setting


def _text(response):
    return html.unescape(response.get_data(as_text=True))


def _form_data(client, **changes):
    """Every default value as the browser would post it, with some changed."""
    values = dict(DEFAULT_SETTINGS)
    values.update(changes)
    data = {key: str(value) for key, value in values.items()
            if not isinstance(value, bool) or value}
    # Check boxes: a browser sends one value per ticked box, and nothing when none is.
    flags = values.get("disabled_flags") or []
    data["disabled_flags"] = [flags] if isinstance(flags, str) else list(flags)
    data["csrf_token"] = client.csrf
    return data


def _setting_audit():
    query = db.select(AuditEntry).filter_by(entity="setting").order_by(AuditEntry.id)
    return list(db.session.scalars(query))


def test_page_shows_every_setting_with_an_indonesian_label(app, client, login_as):
    login_as("admin")
    page = _text(client.get("/pengaturan/"))
    for key in DEFAULT_SETTINGS:
        assert f'name="{key}"' in page, key
        assert str(label_of(key)) in page, key
    assert "Penanda (flag) kekosongan" in page and "Rakor dan laporan" in page
    assert "Lama surat Plt/Plh bawaan (bulan)" in page
    assert '<option selected value="0">Senin</option>' in page


def test_a_key_added_later_appears_and_saves(app, client, login_as, instansi):
    app.config["DEFAULT_SETTINGS"] = {**DEFAULT_SETTINGS, "new_area_limit": 7,
                                      "new_area_note": "x"}
    login_as("admin")
    page = _text(client.get("/pengaturan/"))
    assert 'name="new_area_limit"' in page and ">new_area_limit</label>" in page
    assert 'name="new_area_note"' in page and "Lainnya" in page
    data = _form_data(client, new_area_limit=9, new_area_note="catatan")
    assert client.post("/pengaturan/", data=data).status_code == 302
    assert get_settings(instansi.id)["new_area_limit"] == 9
    assert get_settings(instansi.id)["new_area_note"] == "catatan"
    data = _form_data(client, new_area_limit="tujuh", new_area_note="x")
    assert "Isi dengan bilangan bulat" in _text(client.post("/pengaturan/", data=data))
    assert group_of("vacant_warning_days") == "flags" and group_of("new_area_limit") == "other"


def test_admin_saves_changed_settings_audited_with_before_and_after(app, client, login_as,
                                                                     instansi):
    login_as("admin")
    response = client.post("/pengaturan/", data=_form_data(
        client, vacant_warning_days=60, rakor_weekday=2, rakor_week_of_month=-1,
        report_recipients=" sekda@lebong.test, bupati@lebong.test "))
    assert response.status_code == 302
    settings = get_settings(instansi.id)
    assert settings["vacant_warning_days"] == 60
    assert settings["rakor_weekday"] == 2 and settings["rakor_week_of_month"] == -1
    assert settings["report_recipients"] == "sekda@lebong.test, bupati@lebong.test"
    assert settings["vacant_critical_days"] == 180
    entries = {e.before and next(iter(e.before)): e for e in _setting_audit()}
    assert set(entries) == {"vacant_warning_days", "rakor_weekday", "rakor_week_of_month",
                            "report_recipients"}
    assert entries["vacant_warning_days"].before == {"vacant_warning_days": 90}
    assert entries["vacant_warning_days"].after == {"vacant_warning_days": 60}
    assert entries["vacant_warning_days"].actor == client.user.username
    page = _text(client.get("/pengaturan/"))
    assert 'value="60"' in page


def test_settings_are_kept_per_pemda(app, client, login_as, instansi):
    login_as("admin")
    client.post("/pengaturan/", data=_form_data(client, no_process_days=45))
    rows = db.session.scalars(db.select(Setting)).all()
    assert [(r.instansi_id, r.key, r.value) for r in rows] == [(instansi.id, "no_process_days", 45)]


@pytest.mark.parametrize("changes, message", [
    ({"vacant_warning_days": "sembilan puluh"}, "Isi dengan bilangan bulat"),
    ({"vacant_warning_days": ""}, "Wajib diisi"),
    ({"plt_limit_months": "-1"}, "Isi antara 1 dan 24"),
    ({"acting_default_months": "13"}, "Isi antara 1 dan 12"),
    ({"vacant_warning_days": "200", "vacant_critical_days": "100"},
     "Harus lebih kecil dari Kosong lama: kritis setelah (hari) (100)"),
    ({"disabled_flags": ["NO_ACTING", "BUKAN_KODE"]}, "Kode penanda tidak dikenal"),
    ({"bup_jpt": "99"}, "Isi antara 40 dan 75 tahun"),
    ({"rakor_time": "9 pagi"}, "Gunakan format JJ:MM"),
    ({"report_recipients": "bukan email"}, "Isi alamat email yang dipisahkan koma"),
    ({"rakor_weekday": "9"}, "Pilihan tidak dikenal"),
])
def test_invalid_value_refused_and_nothing_saved(app, client, login_as, instansi, changes,
                                                 message):
    login_as("admin")
    # A valid change alongside the bad one must not be saved either.
    response = client.post("/pengaturan/", data=_form_data(client, no_process_days=45, **changes))
    assert response.status_code == 400
    assert message in _text(response)
    assert get_settings(instansi.id)["no_process_days"] == 30
    assert _setting_audit() == []


def test_disabled_flags_are_chosen_by_name(app, client, login_as, instansi):
    login_as("admin")
    page = _text(client.get("/pengaturan/"))
    assert 'type="checkbox" value="ELECTION_WINDOW"' in page and "Masa pilkada/Pj" in page
    response = client.post("/pengaturan/", data=_form_data(
        client, disabled_flags=["ELECTION_WINDOW", "ESCALATED"]))
    assert response.status_code == 302
    assert get_settings(instansi.id)["disabled_flags"] == "ELECTION_WINDOW,ESCALATED"
    assert 'checked id="disabled_flags-' in _text(client.get("/pengaturan/"))


def test_a_save_over_another_admins_change_is_refused(app, client, login_as, instansi):
    from plt_tracker.core.db import transaction
    from plt_tracker.settings.logic import set_settings

    login_as("admin")
    page = client.get("/pengaturan/").get_data(as_text=True)
    loaded = html.unescape(page.split('name="loaded" type="hidden" value="', 1)[1].split('"')[0])
    with transaction():  # another admin, meanwhile
        set_settings(instansi.id, {"vacant_critical_days": 150})
    response = client.post("/pengaturan/", data=dict(_form_data(client, no_process_days=45),
                                                     loaded=loaded))
    assert response.status_code == 400
    assert "Kosong lama: kritis setelah (hari): 180 → 150" in _text(response)
    assert get_settings(instansi.id)["vacant_critical_days"] == 150
    assert get_settings(instansi.id)["no_process_days"] == 30


def test_post_without_csrf_token_changes_nothing(app, client, login_as, instansi):
    login_as("admin")
    data = _form_data(client, vacant_warning_days=10)
    del data["csrf_token"]
    assert client.post("/pengaturan/", data=data).status_code == 400
    assert get_settings(instansi.id)["vacant_warning_days"] == 90


@pytest.mark.parametrize("role", ["viewer", "operator"])
def test_only_admins_open_or_change_settings(app, client, login_as, instansi, role):
    login_as(role)
    assert client.get("/pengaturan/").status_code == 403
    response = client.post("/pengaturan/", data=_form_data(client, vacant_warning_days=10))
    assert response.status_code == 403
    assert get_settings(instansi.id)["vacant_warning_days"] == 90


def test_anonymous_is_sent_to_login(app, client):
    response = client.get("/pengaturan/")
    assert response.status_code == 302 and "/masuk" in response.headers["Location"]
