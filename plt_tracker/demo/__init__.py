"""The demo kabupaten: `flask plt demo` runs STEPS in order inside one transaction.

Each step is a callable `step(ctx)` taking a DemoContext (the pemda, today and
every record made so far, by key). Each area adds its own step; the order
matters: selections need the vacancies, and the past Rakor reports need both (and the
decisions of those Rakor, for their follow-up sections).
"""
from plt_tracker.demo.decisions import record_rakor_decisions
from plt_tracker.demo.entries import backdate_entries
from plt_tracker.demo.rakor import create_rakor_reports
from plt_tracker.demo.register import (appoint_holders, create_posts, name_plh_on_filled_posts,
                                       open_vacancies, refill_posts)
from plt_tracker.demo.selection import start_selections
from plt_tracker.demo.structure import add_other_posts
from plt_tracker.demo.users import create_users

STEPS = [create_posts, appoint_holders, refill_posts, open_vacancies, name_plh_on_filled_posts,
         add_other_posts, create_users, start_selections, backdate_entries, record_rakor_decisions,
         create_rakor_reports]
