"""Which pemda, OPDs and posts a synthetic register holds (pure functions, no database).

The nation has 552 pemda: 38 provinces and 514 kabupaten/kota (about one in five
a kota). A smaller run keeps those proportions: 38 pemda are one province with
37 kabupaten/kota. Every name says "Sintesa": clearly fictitious.
"""
from dataclasses import dataclass, field

NATION_PROVINCES, NATION_PEMDA = 38, 552
KOTA_SHARE = 98 / 514
# (OPD kind, name, head title, head kind, bidang) in the order a pemda's posts are taken.
OPDS = [
    ("sekretariat", "Sekretariat Daerah", "Sekretaris Daerah", "jpt_pratama",
     ["Pemerintahan", "Hukum", "Organisasi", "Perekonomian", "Umum", "Protokol"]),
    ("sekretariat", "Sekretariat DPRD", "Sekretaris DPRD", "jpt_pratama",
     ["Persidangan", "Keuangan", "Umum"]),
    ("inspektorat", "Inspektorat", "Inspektur", "jpt_pratama", ["Wilayah I", "Wilayah II"]),
]
BADAN = ["Perencanaan Pembangunan Daerah", "Kepegawaian dan Pengembangan SDM",
         "Pengelolaan Keuangan Daerah", "Penanggulangan Bencana Daerah",
         "Kesatuan Bangsa dan Politik", "Pendapatan Daerah"]
DINAS = ["Pendidikan", "Kesehatan", "Pekerjaan Umum dan Penataan Ruang", "Sosial",
         "Perhubungan", "Lingkungan Hidup", "Pertanian", "Perikanan",
         "Kependudukan dan Pencatatan Sipil", "Pemberdayaan Masyarakat dan Desa",
         "Koperasi dan UKM", "Perdagangan", "Pariwisata", "Kepemudaan dan Olahraga",
         "Komunikasi dan Informatika", "Perumahan dan Permukiman", "Ketahanan Pangan",
         "Penanaman Modal dan PTSP", "Perpustakaan dan Kearsipan", "Tenaga Kerja"]
BIDANG = ["Perencanaan", "Pelayanan", "Pembinaan", "Pengembangan", "Pengendalian"]
KECAMATAN = ["Utara", "Selatan", "Tengah", "Timur", "Barat", "Hulu", "Hilir", "Pesisir",
             "Kota", "Raya", "Baru", "Lama", "Atas", "Bawah", "Jaya"]


@dataclass(frozen=True)
class PemdaPlan:
    """A pemda to create: `parent` is the index of its province in the plan (or None)."""

    name: str
    kind: str
    parent: int | None = None


@dataclass
class OpdPlan:
    """An OPD with the posts it gets: (title, kind, eselon, is_head, is_sekda)."""

    name: str
    kind: str
    posts: list = field(default_factory=list)


def pemda_plan(count, tag):
    """Return `count` pemda: provinces first, then their kabupaten and kota in turn."""
    if count == 1:
        return [PemdaPlan(f"Pemerintah Kabupaten Sintesa {tag}-1", "kabupaten")]
    # Up to a province's size (38): one province; beyond, the nation's share of provinces.
    provinces = 1 if count <= 38 else max(1, round(count * NATION_PROVINCES / NATION_PEMDA))
    plan = [PemdaPlan(f"Pemerintah Provinsi Sintesa {tag}-{i + 1}", "provinsi")
            for i in range(provinces)]
    kota_every = round(1 / KOTA_SHARE)
    for i in range(count - provinces):
        kind = "kota" if i % kota_every == kota_every - 1 else "kabupaten"
        plan.append(PemdaPlan(f"Pemerintah {kind.title()} Sintesa {tag}-{i + 1}", kind,
                              parent=i % provinces))
    return plan


def opd_candidates():
    """Return every OPD a pemda may have, each with its posts in the order they are kept."""
    opds = []
    for kind, name, head, head_kind, bidang in OPDS:
        unit = "Kepala Bagian" if kind == "sekretariat" else "Inspektur Pembantu"
        opds.append(_opd(name, kind, head, head_kind, "Sekretaris", bidang, unit))
    for name in BADAN:
        opds.append(_opd(f"Badan {name}", "badan", "Kepala", "jpt_pratama", "Sekretaris", BIDANG,
                         "Kepala Bidang"))
    for name in DINAS:
        opds.append(_opd(f"Dinas {name}", "dinas", "Kepala", "jpt_pratama", "Sekretaris", BIDANG,
                         "Kepala Bidang"))
    opds.append(_opd("Satuan Polisi Pamong Praja", "satpol_pp", "Kepala", "jpt_pratama",
                     "Sekretaris", ["Penegakan Perda", "Ketertiban Umum"], "Kepala Bidang"))
    opds.append(_opd("RSUD Sintesa", "rsud", "Direktur", "jpt_pratama", "Kepala Bagian Tata Usaha",
                     ["Pelayanan Medik", "Keperawatan"], "Kepala Bidang"))
    for name in KECAMATAN:
        opds.append(_opd(f"Kecamatan Sintesa {name}", "kecamatan", "Camat", "administrator",
                         "Sekretaris", ["Pemerintahan", "Trantib", "Pemberdayaan Masyarakat"],
                         "Kepala Seksi"))
    return opds


def _opd(name, kind, head, head_kind, second, units, unit_title):
    """Return an OpdPlan: head, second (sekretaris), the unit heads, then the subunit heads."""
    is_sekda = head == "Sekretaris Daerah"
    head_title = head if head.startswith("Sekretaris") or head in ("Inspektur", "Camat") \
        else f"{head} {name}"
    unit_kind = "pengawas" if head_kind == "administrator" else "administrator"
    second_title = (f"{second} {name}" if not is_sekda else "Asisten Administrasi Umum")
    second_kind = "jpt_pratama" if is_sekda else "administrator"
    posts = [(head_title, head_kind, "II.a" if is_sekda else _eselon(head_kind), True, is_sekda),
             (second_title, second_kind, _eselon(second_kind), False, False)]
    posts += [(f"{unit_title} {u}", unit_kind, _eselon(unit_kind), False, False) for u in units]
    if head_kind != "administrator":
        posts += [(f"Kepala Subbagian Umum dan Kepegawaian {name}", "pengawas", "IV.a", False,
                   False)]
        posts += [(f"Kepala Seksi {s} Bidang {u}", "pengawas", "IV.a", False, False)
                  for u in units for s in ("Perencanaan", "Pelaksanaan")]
    return OpdPlan(name, kind, posts)


def _eselon(kind):
    return {"jpt_pratama": "II.b", "administrator": "III.a", "pengawas": "IV.a"}.get(kind)


def opd_plan(posts_per_pemda):
    """Return the OPDs of one pemda holding `posts_per_pemda` posts in all.

    Posts are taken in rounds so that a small pemda still has many OPDs with a
    second in each: every OPD's head and second first, then unit heads, then the rest.
    """
    candidates = opd_candidates()
    width = max(len(o.posts) for o in candidates)
    order = [(rank, i) for rank in range(width) for i, o in enumerate(candidates)
             if rank < len(o.posts)]
    # Rounds: ranks 0-1 (head, second) together per OPD, then one rank at a time.
    order.sort(key=lambda p: (max(p[0], 1), p[1], p[0]))
    kept = {}
    for rank, i in order[:posts_per_pemda]:
        kept.setdefault(i, []).append(rank)
    plans = []
    for i in sorted(kept):
        source = candidates[i]
        plans.append(OpdPlan(source.name, source.kind, [source.posts[r] for r in sorted(kept[i])]))
    return plans
