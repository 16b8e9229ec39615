"""Levels of posts and officials: who may act where, and at what age they retire.

Pure functions of post kinds (registry.models.POST_KINDS, OFFICIAL_KINDS), used by
the flag rules and the forms. Sources in docs/domain.md.
"""
# Structural levels, lowest first.
LEVEL = {"pengawas": 1, "administrator": 2, "jpt_pratama": 3, "jpt_madya": 4}
# Functional officials act by level (SE BKN 1/SE/I/2021): the post levels each may act in.
FUNCTIONAL_MAY_ACT = {
    "fungsional_utama": {3, 4},       # ahli utama → JPT
    "fungsional_madya": {1, 2},       # ahli madya → administrator or pengawas
    "fungsional_muda": {1},           # ahli muda → pengawas
    "fungsional_pertama": {1},        # ahli pertama → pengawas
}
# Which BUP setting applies to an official's own post kind (PP 11/2017 Pasal 239).
BUP_SETTING = {
    "jpt_madya": "bup_jpt", "jpt_pratama": "bup_jpt",
    "administrator": "bup_administrator", "pengawas": "bup_pengawas",
    "fungsional_utama": "bup_fungsional_utama", "fungsional_madya": "bup_fungsional_madya",
    "fungsional_muda": "bup_fungsional_ahli", "fungsional_pertama": "bup_fungsional_ahli",
    "pelaksana": "bup_pelaksana",
}


def may_act(own_kind, post_kind, *, is_pppk=False):
    """Say whether an official of `own_kind` may act in a post of `post_kind`.

    A JPT, administrator or pengawas acts only in a post of the same level or
    one level higher; a functional official by the levels above; a pelaksana,
    a PPPK or an official with no known own post kind may not. Returns
    (allowed, reason code): "same", "one_up", "functional", "pppk", "unknown",
    "too_high", "lower" or "pelaksana".
    """
    if is_pppk:
        return False, "pppk"
    target = LEVEL.get(post_kind)
    if not own_kind or target is None:
        return False, "unknown"
    if own_kind in FUNCTIONAL_MAY_ACT:
        return target in FUNCTIONAL_MAY_ACT[own_kind], "functional"
    if own_kind == "pelaksana":
        return False, "pelaksana"
    own = LEVEL[own_kind]
    if target == own:
        return True, "same"
    if target == own + 1:
        return True, "one_up"
    return False, "too_high" if target > own else "lower"


def bup_of(own_kind, settings):
    """Return the retirement age (BUP) for an official's own post kind, from the settings."""
    key = BUP_SETTING.get(own_kind or "", "bup_administrator")
    return int(settings.get(key, settings["bup_administrator"]))
