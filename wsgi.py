"""WSGI entry point: `flask --app wsgi …`, gunicorn `wsgi:app`."""
from plt_tracker import create_app

app = create_app()
