"""Where staff land after signing in, and the sign-in page that sends them there.

Each role has a page to start from: coordinators their own worklist, clinicians the
upcoming reassessments, clinical reviewers the notes waiting to be signed, program
admins the dashboard. Someone with several roles gets the first of that order; anyone else
(a superuser with no role, a supervisor) gets the staff home page. The sign-in page goes to
this landing unless it was asked for a staff page that exists (never another site, a public
page, a sign-in page or a path that would be a 404).
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.admin import site as admin_site
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache

from .roles import CLINICIAN, COORDINATOR, PROGRAM_ADMIN, REVIEWER
from .security import admin_next


def _worklist(query: str) -> Callable[[], str]:
    return lambda: f"{reverse('admin:intake_inquiry_changelist')}?{query}"


# In order: a person with several roles lands on the first of theirs.
LANDINGS: list[tuple[str, Callable[[], str]]] = [
    # Their worklist: the inquiries assigned to them, in their queues.
    (COORDINATOR, _worklist("assigned=me")),
    # Their upcoming reassessments, each with its note's state (intake/admin/upcoming.py).
    (CLINICIAN, lambda: reverse("admin:intake_inquiry_reassessments")),
    # The notes their authors marked ready for review, oldest first: what waits to be signed.
    (REVIEWER, lambda: f"{reverse('admin:intake_reassessmentnote_changelist')}?state__exact=ready"),
    (PROGRAM_ADMIN, lambda: reverse("intake-dashboard")),
]


def landing_url(user) -> str:
    """The page this staff member starts from."""
    roles = set(user.groups.values_list("name", flat=True))
    for role, target in LANDINGS:
        if role in roles:
            return target()
    return reverse("admin:index")


@never_cache
def landing(request: HttpRequest) -> HttpResponse:
    """``/admin/start/``: on to the signed-in person's own page (behind both sign-in steps)."""
    return redirect(landing_url(request.user))


def _with_next(query: QueryDict, target: str) -> QueryDict:
    changed = query.copy()
    changed["next"] = target
    return changed


@never_cache
def sign_in(request: HttpRequest) -> HttpResponse:
    """Django admin's sign-in page, going on to a safe staff page or the landing page."""
    asked = request.POST.get("next") or request.GET.get("next") or ""
    target = admin_next(request, asked)
    if request.method == "GET" and admin_site.has_permission(request):
        return redirect(target or reverse("intake-landing"))
    if target is None:
        landing_path = reverse("intake-landing")
        request.GET = _with_next(request.GET, landing_path)
        if request.method == "POST":
            request.POST = _with_next(request.POST, landing_path)
    return admin_site.login(request)
