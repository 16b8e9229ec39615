"""The demo kabupaten, modelled on Kabupaten Lebong (Perda 10/2016), with fictitious people.

Every date is an offset from the day the demo is loaded, so the demo always
looks current. Offsets are in days; "end" is where the last acting letter ends
(positive: still running, negative: expired that many days ago).
"""

# (key, OPD, kind of OPD, post title, kind of post, eselon, unit named in acting officials' posts)
SETDA = "Sekretariat Daerah"
POSTS = [
    ("sekda", SETDA, "sekretariat", "Sekretaris Daerah", "jpt_pratama", "II.a", "Setda"),
    ("asisten1", SETDA, "sekretariat", "Asisten Pemerintahan dan Kesejahteraan Rakyat",
     "jpt_pratama", "II.b", "Setda"),
    ("asisten2", SETDA, "sekretariat", "Asisten Perekonomian dan Pembangunan", "jpt_pratama",
     "II.b", "Setda"),
    ("asisten3", SETDA, "sekretariat", "Asisten Administrasi Umum", "jpt_pratama", "II.b", "Setda"),
    ("sahli_pem", SETDA, "sekretariat", "Staf Ahli Bupati Bidang Pemerintahan, Hukum dan Politik",
     "jpt_pratama", "II.b", "Setda"),
    ("sahli_eko", SETDA, "sekretariat",
     "Staf Ahli Bupati Bidang Ekonomi, Keuangan dan Pembangunan", "jpt_pratama", "II.b", "Setda"),
    ("sahli_kemas", SETDA, "sekretariat",
     "Staf Ahli Bupati Bidang Kemasyarakatan dan Sumber Daya Manusia", "jpt_pratama", "II.b",
     "Setda"),
    ("setwan", "Sekretariat DPRD", "sekretariat", "Sekretaris DPRD", "jpt_pratama", "II.b",
     "Sekretariat DPRD"),
    ("inspektur", "Inspektorat Daerah", "inspektorat", "Inspektur", "jpt_pratama", "II.b",
     "Inspektorat"),
]
_BADAN = [
    ("bappeda", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
     "Kepala Bappeda", "Bappeda"),
    ("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Kepala BKPSDM",
     "BKPSDM"),
    ("bpkd", "Badan Pengelolaan Keuangan dan Aset Daerah", "Kepala BPKD", "BPKD"),
    ("bpbd", "Badan Penanggulangan Bencana Daerah", "Kepala Pelaksana BPBD", "BPBD"),
    ("kesbangpol", "Badan Kesatuan Bangsa dan Politik", "Kepala Badan Kesbangpol", "Kesbangpol"),
]
_DINAS = [
    ("dikbud", "Dinas Pendidikan dan Kebudayaan"),
    ("dinkes", "Dinas Kesehatan"),
    ("pupr", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("perkim", "Dinas Perumahan dan Kawasan Permukiman"),
    ("dinsos", "Dinas Sosial"),
    ("dishub", "Dinas Perhubungan"),
    ("distan", "Dinas Pertanian dan Perikanan"),
    ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    ("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
    ("dlh", "Dinas Lingkungan Hidup"),
    ("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa"),
    ("dp3ap2kb", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan "
                 "Keluarga Berencana"),
    ("koperindag", "Dinas Koperasi, Usaha Kecil Menengah dan Perdagangan"),
    ("parpora", "Dinas Pariwisata, Pemuda dan Olahraga"),
    ("kominfo", "Dinas Komunikasi, Informatika dan Persandian"),
    ("arpus", "Dinas Perpustakaan dan Kearsipan"),
    ("pangan", "Dinas Ketahanan Pangan"),
    ("nakertrans", "Dinas Tenaga Kerja dan Transmigrasi"),
]
KECAMATAN = ["Lebong Utara", "Lebong Selatan", "Lebong Tengah", "Lebong Atas", "Lebong Sakti",
             "Pelabai", "Rimbo Pengadang", "Topos", "Bingin Kuning", "Amen", "Uram Jaya",
             "Pinang Belapis", "Padang Bano"]

POSTS += [(k, opd, "badan", title, "jpt_pratama", "II.b", unit) for k, opd, title, unit in _BADAN]
POSTS += [(k, opd, "dinas", f"Kepala {opd}", "jpt_pratama", "II.b", opd) for k, opd in _DINAS]
POSTS += [("satpolpp", "Satuan Polisi Pamong Praja", "satpol_pp",
           "Kepala Satuan Polisi Pamong Praja", "jpt_pratama", "II.b", "Satpol PP")]
POSTS += [("camat_" + name.lower().replace(" ", "_"), f"Kecamatan {name}", "kecamatan",
           f"Camat {name}", "administrator", "III.a", f"Kecamatan {name}") for name in KECAMATAN]

# Vacant today. who: "sekretaris" or "kabid" of the same OPD, or "holder:<post>" (a serving
# official acting on top of their own post). ext: number of extensions; batch: the last
# extension was signed in the pemda's mass extension (as Lebong did on 5 January 2026).
# months: term of each letter; delay: days from the vacancy to the first letter.
VACANT = [
    # The Sekda's post: a Pj Sekda named with the governor's approval, vacant past 3 months.
    ("sekda", "pensiun", dict(kind="pj", who="holder:asisten3", ext=1, end=40, delay=5)),
    # Its Plt reaches the BUP (58) in 20 days, before the letter ends.
    ("bappeda", "pensiun", dict(kind="plt", who="sekretaris", ext=0, end=45, delay=3,
                                retires_in=20)),
    # A kepala seksi (pengawas) acting in a JPT post: two levels below.
    ("dinsos", "mutasi", dict(kind="plt", who="kasi", ext=0, end=70, delay=0)),
    ("camat_topos", "pensiun", dict(kind="plt", who="sekretaris", ext=0, end=20, delay=7)),
    ("dikbud", "promosi", dict(kind="plt", who="sekretaris", ext=1, end=30, delay=2)),
    ("dishub", "pensiun", dict(kind="plt", who="holder:asisten2", ext=1, end=55, delay=10)),
    ("distan", "meninggal", dict(kind="plt", who="holder:asisten2", ext=0, end=80, delay=14)),
    ("camat_amen", "mutasi", dict(kind="plt", who="sekretaris", ext=1, end=10, delay=5)),
    ("dlh", "pensiun", dict(kind="plt", who="kabid", ext=2, end=40, delay=4)),
    ("sahli_eko", "promosi", dict(kind="plt", who="kabid", ext=2, end=25, delay=20)),
    ("dpmptsp", "mutasi", dict(kind="plt", who="sekretaris", ext=2, batch=True, delay=6)),
    ("kominfo", "pensiun", dict(kind="plt", who="sekretaris", ext=1, batch=True, delay=3)),
    ("camat_pinang_belapis", "pensiun",
     dict(kind="plt", who="sekretaris", ext=1, batch=True, delay=12)),
    ("perkim", "mutasi", dict(kind="plt", who="sekretaris", ext=1, end=-40, delay=5)),
    ("camat_uram_jaya", "pensiun", dict(kind="plt", who="sekretaris", ext=0, end=-75, delay=9)),
    ("bpbd", "meninggal", dict(kind="plh", who="sekretaris", ext=0, end=20, delay=2, months=1)),
    # A Plh bridging a vacant post for seven weeks, past the 30 days a Plh is for.
    ("camat_lebong_atas", "mutasi",
     dict(kind="plh", who="sekretaris", ext=0, end=10, delay=1, months=2)),
    ("satpolpp", "pensiun", dict(start=95)),
    ("camat_padang_bano", "mutasi", dict(start=210)),
    ("nakertrans", "pensiun", dict(start=400)),
    ("sahli_kemas", "promosi", dict(start=160)),
]

# Filled definitively during the past year: (post, reason, vacant since, Plt named after
# `plt` days or None, filled on (days ago), the new holder is the Plt).
REFILLED = [
    # Filled inside the demo's past Pj period: bkpsdm with the Minister's approval before the
    # SK, dukcapil without (ELECTION_WINDOW on its holder).
    ("bkpsdm", "pensiun", 330, 4, 120, False),
    ("inspektur", "promosi", 280, 7, 60, False),
    ("camat_lebong_utara", "mutasi", 250, 3, 90, True),
    ("dukcapil", "mutasi", 300, None, 150, False),
]

# Refills made with the Minister's written approval (days before the SK).
APPROVED_REFILLS = {"bkpsdm": 12}

# A Plh covering a filled post while its holder is away (days from today).
PLH_FILLED = [("dinkes", "Cuti ibadah haji", -10, 20)]

# Serving holders who reach their retirement age within the next year (months from today).
RETIRING = {"pupr": 2, "asisten1": 5, "camat_bingin_kuning": 8, "setwan": 11}

DEMO_USERS = [
    # People's names, not roles: the header shows the name and, under it, the role.
    ("admin", "bukit-kaba-2026", "admin", "Arif Contoh"),
    ("bkpsdm", "danau-tes-2026", "operator", "Wulan Rekaan"),
    ("sekda", "air-ketahun-2026", "viewer", "Bambang Fiktif"),
]

# Fictitious names: common Indonesian given names with family names that say they are made up.
MALE = ["Ahmad", "Budi", "Joko", "Hendra", "Rahmat", "Agus", "Syamsul", "Eko", "Yusuf", "Irwan",
        "Dedi", "Fauzi", "Hasan", "Rudi", "Zulkifli", "Taufik", "Bambang", "Arif", "Darmawan",
        "Sutrisno", "Iskandar", "Wahyu"]
FEMALE = ["Sri", "Siti", "Dewi", "Rina", "Yulia", "Nurhayati", "Ratna", "Fitri", "Wulan", "Lestari",
          "Rahmawati", "Indah", "Mega", "Susanti"]
FAMILY = ["Fiktif", "Rekaan", "Samaran", "Contoh", "Khayali", "Andaian", "Ilustrasi", "Misalan",
          "Semu", "Karangan", "Tiruan", "Dummy"]
PREFIXES = ["Drs. ", "Ir. ", "H. ", "", "", "", ""]
DEGREES = [", M.Si.", ", M.M.", ", S.E., M.M.", ", S.Sos., M.Si.", ", S.H., M.H.", ", M.T.",
           ", S.Pd., M.Pd.", ", S.IP., M.AP.", ", M.Kes.", ", S.STP., M.Si."]
# Bidang that give the kabid acting officials their own post titles.
BIDANG = ["Perencanaan", "Program", "Pengembangan", "Pengendalian", "Pelayanan", "Pembinaan"]
