"""Who sees and handles which applications.

A 入会受理员 (permission `joining.handle_application`) is assigned one or more organisations
(`OfficerAssignment`) and handles the applications to those organisations and everything
below them. Applications that asked to be matched (请帮我匹配, no organisation) go to the
regional federations: the provincial federation's officers see all of them, a 市州 federation's
those of its 市州, a 县区 federation's those of its 县区. Site administrators (superusers, or
`joining.handle_all_applications`, given to 站点管理员 by `setup_joining`) see every application.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from directory.models import UnionOrganisation

from .models import Application, OfficerAssignment

HANDLE_PERMISSION = "joining.handle_application"
HANDLE_ALL_PERMISSION = "joining.handle_all_applications"
REGIONAL_LEVELS = {"province", "city", "county"}


def sees_all(user):
    return user.is_active and (user.is_superuser or user.has_perm(HANDLE_ALL_PERMISSION))


def is_officer(user):
    return user.is_active and (sees_all(user) or user.has_perm(HANDLE_PERMISSION))


def assigned_organisations(user):
    """The organisations assigned to this officer, read once per request (kept on the user object,
    which lives as long as the request: the queue asks for them for its list, count and filters)."""
    cached = getattr(user, "_joining_assigned_organisations", None)
    if cached is None:
        cached = list(
            UnionOrganisation.objects.filter(officer_assignments__user=user).only(
                "pk", "tree_path", "level", "prefecture", "county"
            )
        )
        user._joining_assigned_organisations = cached
    return cached


def _unmatched_condition(organisation):
    if organisation.level not in REGIONAL_LEVELS:
        return None
    if organisation.level == "province" or not organisation.prefecture:
        return Q(organisation__isnull=True)
    condition = Q(organisation__isnull=True, prefecture=organisation.prefecture)
    if organisation.level == "county" and organisation.county:
        condition &= Q(county=organisation.county)
    return condition


def scope_condition(organisations):
    """Applications to these organisations' subtrees, plus the unmatched ones of their regions.

    A join on the organisation's `tree_path` prefix, not `organisation IN (subquery)`: measured with
    50,000 applications (bench/joining.md), SQLite answers the subquery form with a merge of two
    index lookups and a sort of every application in scope for each page (2-3 times slower under
    load), while the join lets it walk the date index and stop after a page; PostgreSQL plans both
    alike (a backward scan of the date index, a few ms)."""
    condition = Q(pk__in=[])
    for organisation in organisations:
        condition |= Q(organisation__tree_path__startswith=organisation.tree_path)
        unmatched = _unmatched_condition(organisation)
        if unmatched is not None:
            condition |= unmatched
    return condition


def applications_for(user):
    """The applications this user may see and handle."""
    if sees_all(user):
        return Application.objects.all()
    if not is_officer(user):
        return Application.objects.none()
    return Application.objects.filter(scope_condition(assigned_organisations(user)))


def organisations_for(user):
    """The organisations whose applications this user handles (for filters and assignment)."""
    if sees_all(user):
        return UnionOrganisation.objects.all()
    if not is_officer(user):
        return UnionOrganisation.objects.none()
    return UnionOrganisation.objects.subtree_of(assigned_organisations(user))


def can_handle(user, application):
    return applications_for(user).filter(pk=application.pk).exists()


def officers_for(application):
    """Active officers whose scope holds this application (site administrators are not paged)."""
    User = get_user_model()
    if application.organisation_id:
        ancestor_ids = [
            int(part) for part in application.organisation.tree_path.strip("/").split("/") if part
        ]
        assignments = OfficerAssignment.objects.filter(organisation_id__in=ancestor_ids)
    else:
        regional = Q(organisation__level="province") | Q(
            organisation__level="city", organisation__prefecture=application.prefecture
        )
        if application.county:
            regional |= Q(organisation__level="county", organisation__county=application.county)
        assignments = OfficerAssignment.objects.filter(regional)
    users = User.objects.filter(pk__in=assignments.values("user"), is_active=True)
    return [user for user in users if is_officer(user)]


def eligible_assignees(application):
    """Officers to whom this application may be assigned: those whose scope holds it."""
    return officers_for(application)
