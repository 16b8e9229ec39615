"""Reading and checking a NIP (pure: no app, no database)."""
import datetime as dt
import re

import pytest

from plt_tracker.registry.nip import format_nip, normalize_nip, parse_nip


def test_valid_nip_typed_with_spaces_gives_birth_date_tmt_and_gender():
    info = parse_nip("19700512 199803 1 004")
    assert info.nip == "197005121998031004"
    assert info.kind == "pns"
    assert info.birth_date == dt.date(1970, 5, 12)
    assert info.tmt == dt.date(1998, 3, 1)
    assert info.gender == "1"


def test_dots_and_dashes_are_ignored_and_the_nip_shows_in_groups():
    assert normalize_nip("19700512.199803-2-004") == "197005121998032004"
    assert parse_nip("19700512.199803-2-004").gender == "2"
    assert format_nip("197005121998031004") == "19700512 199803 1 004"


@pytest.mark.parametrize(("text", "says"), [
    ("1970051219980310", r"\(yang diisi: 16 angka\)"),
    ("1970051219980310044", r"\(yang diisi: 19 angka\)"),
    # A letter is named, not counted as a wrong length.
    ("19700512 199803 1 00X", r"tanpa huruf atau tanda lain \(ada: X\)"),
    ("19700512O199803 1 004", r"\(ada: O\)"),
])
def test_wrong_length_or_letters_refused(text, says):
    with pytest.raises(ValueError, match="NIP harus 18 angka") as refused:
        parse_nip(text)
    assert re.search(says, str(refused.value))


def test_empty_nip_refused():
    with pytest.raises(ValueError, match="NIP wajib diisi"):
        parse_nip("  ")


@pytest.mark.parametrize("text", ["197002301998031004", "197013121998031004"])
def test_impossible_birth_date_refused(text):
    with pytest.raises(ValueError, match="bukan tanggal lahir yang sah"):
        parse_nip(text)


def test_impossible_tmt_month_refused():
    with pytest.raises(ValueError, match="bukan bulan TMT CPNS yang sah"):
        parse_nip("197005121998131004")


def test_tmt_before_age_18_refused():
    # Born 12 May 1980; TMT May 1997 makes them 17.
    with pytest.raises(ValueError, match="usia minimal 18 tahun"):
        parse_nip("198005121997051004")


def test_tmt_in_the_month_of_the_18th_birthday_accepted():
    # Born 12 May 1980; TMT May 1998: 18 by the end of that month.
    assert parse_nip("198005121998051004").tmt == dt.date(1998, 5, 1)


def test_gender_digit_3_refused():
    with pytest.raises(ValueError, match="jenis kelamin"):
        parse_nip("197005121998033004")


def test_pppk_number_accepted_as_other_without_date_checks():
    # Not a date at all in the first 8 digits, and gender digit 3: fine for PPPK.
    info = parse_nip("2021 0999 0000 3001 12", kind="other")
    assert info.kind == "other"
    assert info.nip == "202109990000300112"
    assert info.birth_date is None and info.gender is None


def test_pppk_number_still_needs_18_digits():
    with pytest.raises(ValueError, match="NIP harus 18 angka"):
        parse_nip("12345", kind="other")
