"""The search page: what the navigation bar's search box finds, within the user's scope."""
from flask import render_template, request

from plt_tracker.auth.access import role_required
from plt_tracker.auth.scope import list_pemda_ids
from plt_tracker.registry.nip import format_nip
from plt_tracker.search import bp
from plt_tracker.search.queries import LIMIT, MAX_LENGTH, MIN_LENGTH, search


@bp.route("/cari")
@role_required("viewer")
def results():
    """Show the posts, OPDs and officials whose name (or NIP) contains the text typed."""
    text = request.args.get("q", "").strip()[:MAX_LENGTH]
    found = search(list_pemda_ids(), text)
    return render_template("search/results.html", text=text, found=found, limit=LIMIT,
                           too_short=0 < len(text) < MIN_LENGTH, min_length=MIN_LENGTH,
                           format_nip=format_nip)
