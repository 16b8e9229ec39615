"""Writes on users: create, update, deactivate, change a password, end sessions."""
from plt_tracker.audit.operations import record, snapshot
from plt_tracker.auth.models import ROLES, SCOPE_RANK, SCOPES, User
from plt_tracker.auth.passwords import check_policy
from plt_tracker.core.db import RuleViolation
from plt_tracker.core.messages import N_, message
from plt_tracker.extensions import db

USER_FIELDS = ("username", "full_name", "email", "role", "scope", "is_active_flag")


def check_scope(scope, instansi_id, granter=None):
    """Refuse a scope a user cannot have: a province scope belongs to a province's users,
    and an admin (`granter`) grants at most their own scope."""
    from plt_tracker.registry.models import Instansi

    if scope not in SCOPES:
        raise RuleViolation(message(N_("Cakupan '%(scope)s' tidak dikenal"), scope=scope), "scope")
    if scope == "province" and db.session.get(Instansi, instansi_id).kind != "provinsi":
        raise RuleViolation("Cakupan provinsi hanya untuk pengguna pemda provinsi", "scope")
    if granter is not None and SCOPE_RANK[scope] > SCOPE_RANK[granter.scope]:
        raise RuleViolation("Anda tidak dapat memberi cakupan yang lebih luas dari cakupan "
                            "Anda sendiri", "scope")


def create_user(instansi_id, username, password, role, full_name, email=None, scope="pemda",
                granter=None):
    """Create a user of a pemda (inside the caller's transaction)."""
    username = (username or "").strip().lower()
    if not username:
        raise RuleViolation("Nama pengguna wajib diisi", "username")
    if role not in ROLES:
        raise RuleViolation(message(N_("Peran '%(role)s' tidak dikenal"), role=role), "role")
    check_policy(password, username)
    check_scope(scope, instansi_id, granter)
    if db.session.scalar(db.select(User.id).filter_by(username=username)):
        raise RuleViolation(message(N_("Nama pengguna '%(name)s' sudah dipakai"), name=username),
                            "username")
    user = User(instansi_id=instansi_id, username=username, full_name=full_name.strip(),
                email=email or None, role=role, scope=scope)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    record("create", "user", user.id, f"Pengguna {username} dibuat", instansi_id=instansi_id,
           after=snapshot(user, USER_FIELDS))
    return user


def update_user(user, *, full_name, email, role, is_active=None, password=None, actor=None,
                scope=None):
    """Change a user's details, role, optionally status (None keeps it) and password.

    `actor` is the admin making the change: they may not lock themselves out,
    and a pemda never loses its last active admin.
    """
    if is_active is None:
        is_active = user.is_active_flag
    if role not in ROLES:
        raise RuleViolation(message(N_("Peran '%(role)s' tidak dikenal"), role=role), "role")
    if password:
        check_policy(password, user.username)
    if scope is not None and scope != user.scope:
        check_scope(scope, user.instansi_id, actor)
    full_name = (full_name or "").strip()
    if not full_name:
        raise RuleViolation("Nama lengkap wajib diisi", "full_name")
    if actor is not None and actor.id == user.id:
        if not is_active:
            raise RuleViolation("Anda tidak dapat menonaktifkan akun Anda sendiri", "is_active")
        if role != "admin" and user.role == "admin":
            raise RuleViolation("Anda tidak dapat mencabut peran admin dari akun Anda sendiri",
                                "role")
    if user.role == "admin" and user.is_active_flag and (role != "admin" or not is_active):
        _keep_one_admin(user)
    before = snapshot(user, USER_FIELDS)
    user.full_name = full_name
    user.email = email or None
    user.role = role
    user.scope = scope or user.scope
    if user.is_active_flag and not is_active:
        user.end_sessions()
    user.is_active_flag = bool(is_active)
    if password:
        user.set_password(password)
        user.end_sessions()
    after = snapshot(user, USER_FIELDS)
    if before != after or password:
        record("update", "user", user.id, f"Pengguna {user.username} diubah",
               instansi_id=user.instansi_id, before=before, after=after)
    return user


def set_user_active(user, active, actor=None):
    """Deactivate or reactivate a user, keeping everything else."""
    return update_user(user, full_name=user.full_name, email=user.email, role=user.role,
                       is_active=active, actor=actor)


def change_own_password(user, current, new):
    """Let a user change their own password; every other session of theirs ends."""
    if not user.check_password(current or ""):
        raise RuleViolation("Kata sandi sekarang salah", "current_password")
    check_policy(new, user.username)
    user.set_password(new)
    user.end_sessions()
    record("update", "user", user.id, f"Pengguna {user.username} mengganti kata sandi",
           instansi_id=user.instansi_id)


def end_all_sessions(user):
    """Log a user out everywhere: a new session token voids every session and cookie."""
    user.end_sessions()
    record("logout_all", "user", user.id, f"Pengguna {user.username} keluar dari semua sesi",
           instansi_id=user.instansi_id)


def _keep_one_admin(user):
    """Refuse to remove the last active admin of a pemda (nobody could manage users)."""
    others = db.session.scalar(
        db.select(db.func.count(User.id)).filter(
            User.instansi_id == user.instansi_id, User.role == "admin",
            User.is_active_flag.is_(True), User.id != user.id))
    if not others:
        raise RuleViolation("Pemda harus memiliki sedikitnya satu admin aktif", "role")
