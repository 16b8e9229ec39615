"""Reading and checking a NIP (Perka BKN 22/2007).

18 digits: YYYYMMDD birth date, YYYYMM start of service (TMT CPNS), gender
(1 male, 2 female), and a 3-digit sequence. PPPK numbers also have 18 digits
but are read differently, so they are accepted as "other" ids without the
date checks.
"""
import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

MIN_AGE_AT_TMT = 18


@dataclass(frozen=True)
class NipInfo:
    """What a NIP says about its holder."""

    nip: str
    kind: str  # "pns" or "other"
    birth_date: Optional[dt.date] = None
    tmt: Optional[dt.date] = None
    gender: Optional[str] = None


def normalize_nip(text):
    """Strip the spaces, dots and dashes users type inside a NIP."""
    return re.sub(r"[\s.\-]", "", str(text or ""))


def parse_nip(text, kind="pns"):
    """Check a NIP and read it; raise ValueError with an Indonesian message.

    `kind="other"` accepts any 18-digit number (PPPK) without the date checks.
    """
    nip = normalize_nip(text)
    if not nip:
        raise ValueError("NIP wajib diisi")
    if not nip.isdigit():
        # Say which characters are wrong: "18 angka (yang diisi: 18 karakter)" puzzled users.
        wrong = "".join(dict.fromkeys(c for c in nip if not c.isdigit()))
        raise ValueError(f"NIP harus 18 angka, tanpa huruf atau tanda lain (ada: {wrong})")
    if len(nip) != 18:
        raise ValueError(f"NIP harus 18 angka (yang diisi: {len(nip)} angka)")
    if kind == "other":
        return NipInfo(nip=nip, kind="other")
    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise ValueError(f"NIP {nip}: 8 angka pertama bukan tanggal lahir yang sah") from None
    try:
        tmt = dt.date(int(nip[8:12]), int(nip[12:14]), 1)
    except ValueError:
        raise ValueError(f"NIP {nip}: angka 9–14 bukan bulan TMT CPNS yang sah") from None
    if birth.year < 1900:
        raise ValueError(f"NIP {nip}: tahun lahir {birth.year} tidak masuk akal")
    # TMT is a month; the official must be 18 by the end of that month at the latest.
    if _age_on(birth, _month_end(tmt)) < MIN_AGE_AT_TMT:
        raise ValueError(
            f"NIP {nip}: TMT CPNS {tmt:%m/%Y} terlalu dekat dengan tanggal lahir "
            f"(usia minimal {MIN_AGE_AT_TMT} tahun)"
        )
    gender = nip[14]
    if gender not in ("1", "2"):
        raise ValueError(f"NIP {nip}: angka ke-15 (jenis kelamin) harus 1 atau 2")
    return NipInfo(nip=nip, kind="pns", birth_date=birth, tmt=tmt, gender=gender)


def format_nip(nip):
    """Show a PNS NIP in its usual groups: 19700512 199803 1 004."""
    if nip and len(nip) == 18 and nip.isdigit():
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip or ""


def _age_on(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _month_end(first_of_month):
    nxt = (first_of_month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)
