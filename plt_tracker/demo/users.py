"""The demo's three logins: admin, BKPSDM operator, Sekda."""
from plt_tracker.auth.models import User
from plt_tracker.auth.operations import create_user
from plt_tracker.demo.data import DEMO_USERS
from plt_tracker.extensions import db


def create_users(ctx):
    """Create the demo users; an existing username is left as it is."""
    for username, password, role, full_name in DEMO_USERS:
        if db.session.scalar(db.select(User.id).filter_by(username=username)):
            ctx.notes.append(f"Pengguna {username} sudah ada; tidak diubah.")
            continue
        user = create_user(ctx.instansi.id, username, password, role, full_name)
        ctx.users.append((username, password, user.role_label))
