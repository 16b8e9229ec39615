"""The menu shows each role the pages it may open, and nothing more."""


def test_viewer_sees_no_admin_menu(app, client, login_as):
    login_as("viewer")
    html = client.get("/kekosongan").get_data(as_text=True)
    assert 'href="/rakor/laporan"' in html and 'href="/akan-kosong"' in html
    assert "Administrasi" not in html and 'href="/pengguna"' not in html


def test_admin_menu_lists_admin_pages(app, client, login_as):
    login_as("admin")
    html = client.get("/pengguna").get_data(as_text=True)
    assert "Administrasi" in html
    for url in ("/pengguna", "/opd", "/impor", "/pengaturan/", "/jalur", "/rentang/masa-pilkada",
                "/rentang/masa-pj"):
        assert f'href="{url}"' in html, url
    assert 'class="dropdown-item active" href="/pengguna"' in html


def test_every_role_has_the_dashboard_and_the_search(app, client, login_as):
    login_as("viewer")
    html = client.get("/kekosongan").get_data(as_text=True)
    assert 'href="/">Dasbor</a>' in html and 'action="/cari"' in html
    home = client.get("/").get_data(as_text=True)
    assert 'class="nav-link active" href="/"' in home
