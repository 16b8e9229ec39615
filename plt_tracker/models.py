"""Import every area's models so that metadata (and Alembic) sees all tables."""
from plt_tracker.audit.models import AuditEntry  # noqa: F401
from plt_tracker.auth.models import User  # noqa: F401
from plt_tracker.auth.ratelimit import RateLimitCounter  # noqa: F401
from plt_tracker.registry.models import Appointment, Instansi, Official, Opd, Post  # noqa: F401
from plt_tracker.settings.models import Setting  # noqa: F401
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension, Vacancy  # noqa: F401
from plt_tracker.selection.models import FillingAttempt, Route, RouteStage, StageRecord  # noqa: E402,F401
from plt_tracker.flags.models import ElectionWindow, PjPeriod, VacancyState  # noqa: E402,F401
from plt_tracker.api.models import ApiToken  # noqa: E402,F401
from plt_tracker.rakor.models import RakorMeeting, RakorReport, ReportDelivery, ReportRun  # noqa: F401,E402
from plt_tracker.decisions.models import Decision, DecisionReminder  # noqa: F401,E402
