"""Regional governments as records: kabupaten and kota within provinces, and the views of
a province or the nation across them."""
from flask import Blueprint

bp = Blueprint("pemda", __name__)

# The modules that attach routes to `bp` (imported by create_app).
VIEW_MODULES = ("views",)
