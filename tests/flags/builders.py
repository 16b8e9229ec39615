"""Hand-built facts for the pure rule engine."""
import datetime as dt

from config import DEFAULT_SETTINGS
from plt_tracker.flags.facts import ActingFact, AttemptState, Context, StageState, VacancyFacts

D = dt.date


def ctx(as_of, **kwargs):
    thresholds = dict(DEFAULT_SETTINGS)
    thresholds.update(kwargs.pop("thresholds", {}))
    return Context(as_of=as_of, thresholds=thresholds, **kwargs)


def plt(start, end, official_id=1, name="Budi", extensions=(), ended_on=None, kind="plt"):
    return ActingFact(official_id=official_id, official_name=name, kind=kind, start_date=start,
                      end_date=end, extensions=tuple(extensions), ended_on=ended_on)


def stages(*specs):
    """specs: (expected_days, started_on, finished_on[, appointment])."""
    out = []
    for pos, spec in enumerate(specs, start=1):
        expected, started, finished = spec[:3]
        appointment = spec[3] if len(spec) > 3 else False
        out.append(StageState(stage_id=pos, position=pos, name=f"Tahap {pos}",
                              expected_days=expected, started_on=started, finished_on=finished,
                              is_appointment_stage=appointment, ends_vacancy=pos == len(specs)))
    return tuple(out)


def attempt(started, stage_states, status="in_progress", ended_on=None, approval="", aid=1,
            end_reason=""):
    return AttemptState(attempt_id=aid, route_code="seleksi_terbuka", route_name="Seleksi terbuka",
                        started_on=started, status=status, ended_on=ended_on,
                        end_reason=end_reason, minister_approval_number=approval,
                        stages=stage_states)


def vacancy(start, actings=(), attempts=(), vid=1, post_id=10, post="Kepala Dinas A"):
    return VacancyFacts(vacancy_id=vid, post_id=post_id, opd="Dinas A", post=post,
                        post_kind="jpt_pratama", start_date=start, actings=tuple(actings),
                        attempts=tuple(attempts))


def codes(flags):
    return {f.code: f.severity for f in flags}
