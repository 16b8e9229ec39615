"""The dashboard's charts as plain geometry, drawn as SVG by the template on the server.

No chart library and no script: each chart is a list of bars with their
coordinates, label, value and the list URL they open, plus a sentence that says
what the chart shows (its text alternative) and the rows of its table view.
Sizes are in the SVG's own units; CSS scales the picture to the page width.
"""
from dataclasses import dataclass, field
from typing import Optional

from flask_babel import format_date, gettext as _

# Horizontal bar charts: label column, bar area and value text, in SVG units.
LABEL_W, BAR_W, VALUE_W, ROW_H, BAR_H = 170, 150, 40, 28, 18
# How many characters of a label the picture shows (the table view has them whole).
LABEL_CHARS = 23
# The monthly chart: its size, and the margins of its plot.
MONTH_W, MONTH_H, MONTH_TOP, MONTH_BOTTOM, MONTH_LEFT, MONTH_RIGHT = 620, 240, 12, 40, 34, 22


@dataclass
class Bar:
    """A bar (or a part of one): where it is drawn, what it says and where it leads."""

    x: float
    y: float
    width: float
    height: float
    label: str
    value: int
    url: str
    css: str = "bar"
    # Label and value positions of a horizontal bar chart.
    text_y: float = 0
    value_x: float = 0
    # The area that follows the link (a whole row of a horizontal chart: easy on a phone).
    hit: tuple = ()
    # What the picture writes beside the bar (the label without its group).
    picture_label: str = ""

    @property
    def short(self):
        """Return the label cut to what fits beside its bar (the table view has it whole)."""
        text = self.picture_label or self.label
        return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1].rstrip() + "…"

    def __post_init__(self):
        self.hit = self.hit or (self.x, self.y, self.width, self.height)


@dataclass
class Chart:
    """A chart with its text alternative and its table view."""

    key: str
    title: str
    summary: str
    width: float
    height: float
    bars: list
    headers: list  # the table view's column headings
    rows: list  # [(cells, url)] of the table view
    labels: list = field(default_factory=list)  # [(x, y, text)]: axis labels
    gridlines: list = field(default_factory=list)  # [(y, text)]
    legend: Optional[list] = None  # [(css, text)]
    headings: list = field(default_factory=list)  # [(x, y, text)]: a group's name


def horizontal(key, title, items, unit_label, groups=None):
    """Return a horizontal bar chart of `items` [(label, value, url)].

    `groups`, when given, names each item's group (the funnel's route): a group's
    name heads its bars, and the picture shows each bar by its own `label`.
    """
    top = max((value for _label, value, _url in items), default=0) or 1
    bars, headings, row, current = [], [], 0, None
    for number, (label, value, url) in enumerate(items):
        group = groups[number] if groups else None
        if group != current:
            headings.append((0, row * ROW_H + ROW_H - 9, group))
            current, row = group, row + 1
        width = round(BAR_W * value / top, 1)
        y = row * ROW_H + (ROW_H - BAR_H) / 2
        name = f"{group} · {label}" if group else label
        bars.append(Bar(LABEL_W, y, max(width, 1 if value else 0), BAR_H, name, value, url,
                        text_y=y + BAR_H - 5, value_x=LABEL_W + width + 4,
                        hit=(0, row * ROW_H, LABEL_W + BAR_W + VALUE_W, ROW_H),
                        picture_label=label))
        row += 1
    summary = "; ".join(f"{b.label}: {b.value}" for b in bars) or _("tidak ada data")
    return Chart(key, title, f"{title}. {summary}.", LABEL_W + BAR_W + VALUE_W,
                 max(row, 1) * ROW_H, bars, [_("Kelompok"), unit_label],
                 [([b.label, b.value], b.url) for b in bars], headings=headings)


def monthly(points, vacant_url, plt_url):
    """Return the chart of vacant and Plt-held posts per month: a bar per month, its lower
    part the posts held by a Plt. `vacant_url(day)` and `plt_url(day)` give the links."""
    top = max((p.vacant for p in points), default=0) or 1
    plot_h = MONTH_H - MONTH_TOP - MONTH_BOTTOM
    step = (MONTH_W - MONTH_LEFT - MONTH_RIGHT) / max(len(points), 1)
    width = round(step * 0.7, 1)
    bars, labels = [], []
    base = MONTH_TOP + plot_h
    for i, point in enumerate(points):
        x = round(MONTH_LEFT + i * step + (step - width) / 2, 1)
        month = format_date(point.day, "MMM yyyy")
        plt_h = round(plot_h * point.plt / top, 1)
        rest_h = round(plot_h * (point.vacant - point.plt) / top, 1)
        if point.vacant - point.plt:
            bars.append(Bar(x, base - plt_h - rest_h, width, rest_h,
                            _("%(month)s: %(num)d jabatan kosong", month=month,
                              num=point.vacant), point.vacant, vacant_url(point.day),
                            "bar bar-vacant"))
        if point.plt:
            bars.append(Bar(x, base - plt_h, width, plt_h,
                            _("%(month)s: %(num)d dijabat Plt", month=month, num=point.plt),
                            point.plt, plt_url(point.day), "bar bar-plt"))
        if i % 3 == (len(points) - 1) % 3:
            labels.append((round(x + width / 2, 1), MONTH_H - MONTH_BOTTOM + 20,
                           format_date(point.day, "MMM yy")))
    gridlines = [(round(base - plot_h * n / top, 1), str(n)) for n in _ticks(top)]
    first, last = points[0], points[-1]
    peak = max(points, key=lambda p: p.vacant)
    summary = _("Jabatan kosong per akhir bulan, %(first)s sampai %(last)s: dari %(a)d menjadi "
                "%(b)d, terbanyak %(peak)d (%(peak_month)s); dijabat Plt dari %(c)d menjadi "
                "%(d)d.", first=format_date(first.day, "MMMM yyyy"),
                last=format_date(last.day, "d MMMM yyyy"), a=first.vacant, b=last.vacant,
                peak=peak.vacant, peak_month=format_date(peak.day, "MMMM yyyy"),
                c=first.plt, d=last.plt)
    rows = [([format_date(p.day, "d MMM yyyy"), (p.vacant, vacant_url(p.day)),
              (p.plt, plt_url(p.day))], None) for p in points]
    return Chart("bulanan", _("Jabatan kosong dan dijabat Plt per bulan"), summary, MONTH_W,
                 MONTH_H, bars, [_("Akhir bulan"), _("Kosong"), _("Dijabat Plt")], rows,
                 labels=labels, gridlines=gridlines,
                 legend=[("bar-vacant", _("Kosong, tanpa Plt")), ("bar-plt", _("Dijabat Plt"))])


def _ticks(top):
    """Return up to five round values from 0 to `top` for the gridlines."""
    step = max(1, -(-top // 4))
    return list(range(0, top + 1, step))
