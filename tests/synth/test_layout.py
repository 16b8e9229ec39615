"""The planned pemda and posts of a synthetic register (pure functions, no database)."""
from collections import Counter

from plt_tracker.synth.layout import opd_plan, pemda_plan


def test_the_nation_has_38_provinces_and_514_kabupaten_and_kota():
    plan = pemda_plan(552, "S1")
    kinds = Counter(p.kind for p in plan)
    assert kinds["provinsi"] == 38 and kinds["kabupaten"] + kinds["kota"] == 514
    assert 80 <= kinds["kota"] <= 110
    assert all(plan[p.parent].kind == "provinsi" for p in plan if p.kind != "provinsi")
    assert len({p.name for p in plan}) == 552


def test_a_province_size_run_is_one_province_and_one_kabupaten_alone():
    assert Counter(p.kind for p in pemda_plan(38, "S1"))["provinsi"] == 1
    (only,) = pemda_plan(1, "S1")
    assert only.kind == "kabupaten" and only.parent is None


def test_posts_per_pemda_are_spread_over_opds_with_one_sekda_and_marked_heads():
    for size in (30, 335):
        opds = opd_plan(size)
        posts = [post for opd in opds for post in opd.posts]
        assert len(posts) == size
        assert sum(1 for post in posts if post[4]) == 1  # the Sekda
        assert all(opd.posts[0][3] for opd in opds)  # every OPD's first post is its head
        assert sum(1 for post in posts if post[3]) == len(opds)
        for opd in opds:
            titles = [post[0] for post in opd.posts]
            assert len(titles) == len(set(titles))
    assert {post[1] for opd in opd_plan(335) for post in opd.posts} == {
        "jpt_pratama", "administrator", "pengawas"}
