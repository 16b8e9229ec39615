"""Every form gets the central checks, and every text field has a length limit."""
import importlib
import pkgutil

import pytest
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import AnyOf, Length, Regexp

import plt_tracker
from plt_tracker.core.forms import BaseForm

# Modules whose forms do not yet subclass BaseForm (none left).
PENDING = set()


def _form_classes():
    for module in pkgutil.walk_packages(plt_tracker.__path__, "plt_tracker."):
        importlib.import_module(module.name)
    found, todo = [], [FlaskForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("plt_tracker.") and sub is not BaseForm:
                found.append(sub)
    return found


def test_every_form_is_a_base_form():
    forms = _form_classes()
    assert len(forms) > 20
    assert [f"{f.__module__}.{f.__name__}" for f in forms
            if not issubclass(f, BaseForm) and f.__module__ not in PENDING] == []


def test_every_text_field_has_a_length_limit(app):
    unlimited = []
    with app.test_request_context():
        for form_class in _form_classes():
            if form_class.__module__ in PENDING:
                continue
            form = form_class(meta={"csrf": False})
            for field in form:
                if not isinstance(field, StringField):
                    continue
                limits = [v for v in field.validators if isinstance(v, (Length, AnyOf, Regexp))
                          and getattr(v, "max", 1) != -1]
                if not limits:
                    unlimited.append(f"{form_class.__name__}.{field.name}")
    assert unlimited == []


@pytest.mark.parametrize("text, multiline, refused", [
    ("Dinas Kesehatan", False, False), ("Drs. H. Budi, M.Si.", False, False),
    ("a\tb", False, True), ("a\tb\r\nc", True, False), ("a\x00b", True, True),
    ("\u202e", True, True), ("\u2067x", False, True), ("\x9b", False, True),
    ("Ñoño — “kutip” 😀", False, False),
])
def test_control_characters(text, multiline, refused):
    from plt_tracker.core.requests import has_control_characters

    assert has_control_characters(text, multiline) is refused
