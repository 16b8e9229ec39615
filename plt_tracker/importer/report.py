"""What an import did or would do: counts per kind of record, per-row changes, errors."""
from collections import Counter
from dataclasses import dataclass, field

ENTITIES = {
    "opd": "OPD",
    "post": "jabatan",
    "official": "pejabat",
    "holder": "pejabat definitif",
    "vacancy": "kekosongan",
    "acting": "Plt/Plh",
    "extension": "perpanjangan",
    "acting_end": "surat diakhiri",
}


@dataclass
class RowOutcome:
    """What importing one row does: the changes, or "tidak berubah"."""

    row: int
    opd: str
    post: str
    changes: list = field(default_factory=list)
    sheet: str = ""

    @property
    def where(self):
        return f"{self.sheet} baris {self.row}" if self.sheet else f"baris {self.row}"


@dataclass
class ImportReport:
    """The result of an import: counts, per-row changes and errors."""

    dry_run: bool
    created: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    # Allowed but worth a second look (an acting official of the wrong level): RowErrors.
    warnings: list = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self):
        return not self.errors

    @property
    def changes(self):
        return sum(self.created.values()) + sum(self.updated.values())

    def summary_lines(self):
        """Describe the counts in Indonesian, one line per kind of record."""
        lines = []
        for key, label in ENTITIES.items():
            created, updated, same = self.created[key], self.updated[key], self.unchanged[key]
            if created or updated or same:
                text = f"{label}: {created} baru, {same} tidak berubah"
                if updated:
                    text += f", {updated} diperbarui"
                lines.append(text)
        return lines
