"""Every flag the rules can raise has a label: no raw code on a page, in a download or a report."""
import re
from pathlib import Path

from plt_tracker.flags.codes import FLAG_LABELS

FLAGS = Path(__file__).resolve().parents[2] / "plt_tracker" / "flags"


def test_every_code_the_rules_raise_has_a_label():
    raised = {code for path in FLAGS.glob("*.py")
              for code in re.findall(r'Flag\(\s*"([A-Z_]+)"', path.read_text())}
    assert len(raised) >= 15
    assert raised <= set(FLAG_LABELS), raised - set(FLAG_LABELS)
