"""Flag sentences are kept language-free (msgid and values) and rendered in the reader's language."""
import datetime as dt

from flask_babel import force_locale, refresh

from plt_tracker.flags.flag import Flag
from plt_tracker.flags.text import N_, flag_text, message, say

D = dt.date


def test_a_message_reads_as_its_indonesian_sentence_and_translates_nested_parts():
    when = message(N_("dalam %(days)d hari"), days=14)
    text = message(N_("Surat perintah %(kind)s %(name)s berakhir %(until)s (%(days)d hari lagi), "
                      "%(when)s."), kind="Plt", name="Budi", until="31/03/2026", days=3, when=when)
    assert say(text) == ("Surat perintah Plt Budi berakhir 31/03/2026 (3 hari lagi), "
                         "dalam 14 hari.")
    # Each msgid, the nested one too, goes through the catalogue; values are left as they are.
    english = say(text, lambda msgid: msgid.replace(" hari", " days").replace("dalam", "within"))
    assert english == "Surat perintah Plt Budi berakhir 31/03/2026 (3 days lagi), within 14 days."


def test_a_flag_keeps_its_messages_beside_the_indonesian_sentence():
    flag = Flag("NO_ACTING", "critical",
                message(N_("Jabatan kosong %(days)d hari dan tidak ada Plt/Plh yang bertugas "
                           "pada %(day)s."), days=40, day="01/03/2026"),
                message(N_("Tunjuk Plt dengan surat perintah PPK.")))
    assert flag.reason == ("Jabatan kosong 40 hari dan tidak ada Plt/Plh yang bertugas pada "
                           "01/03/2026.")
    assert flag.text["reason"]["values"] == {"days": 40, "day": "01/03/2026"}
    # A stored or frozen flag is a dict; an old one without its message shows its sentence.
    stored = {"code": "NO_ACTING", "reason": flag.reason, "follow_up": flag.follow_up,
              "text": flag.text}
    old = {"code": "NO_ACTING", "reason": "Kalimat lama.", "follow_up": ""}
    assert flag_text(old, "reason") == "Kalimat lama."
    assert flag_text(stored, "follow_up") == "Tunjuk Plt dengan surat perintah PPK."


def test_flags_on_the_post_page_and_in_stored_states_keep_their_messages(
        app, client, login_as, factory):
    from plt_tracker.flags.models import VacancyState
    from plt_tracker.extensions import db

    login_as("viewer")
    vacancy = factory.vacancy(start=D(2025, 1, 1))
    refresh()
    with force_locale("id"):
        page = client.get(f"/jabatan/{vacancy.post_id}").get_data(as_text=True)
    assert "dan tidak ada Plt/Plh yang bertugas pada" in page
    client.get("/kekosongan")  # computes the stored states
    state = db.session.scalar(db.select(VacancyState).filter_by(vacancy_id=vacancy.id))
    no_acting = [f for f in state.flags if f["code"] == "NO_ACTING"][0]
    assert no_acting["text"]["reason"]["msgid"].startswith("Jabatan kosong %(days)d hari")


def test_every_flag_the_rules_raise_has_a_label():
    """A code without a label showed raw (ACTING_RETIRES) on the list and in the report."""
    import re
    from pathlib import Path

    from plt_tracker.flags.codes import FLAG_LABELS

    folder = Path(__file__).resolve().parents[2] / "plt_tracker" / "flags"
    raised = set()
    for source in folder.glob("*.py"):
        raised |= set(re.findall(r'(?:Flag|flag_class)\(\s*"([A-Z_]+)"', source.read_text()))
    assert len(raised) >= 15
    assert raised - set(FLAG_LABELS) == set()
