"""Who sees which messages: 维权督办 every region, a 维权受理员 the regions assigned to them."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from .models import HandlerRegion, Message

HANDLER_GROUP = "维权受理员"
SUPERVISOR_GROUP = "维权督办"
HANDLE_PERMISSION = "interaction.handle_message"
SUPERVISE_PERMISSION = "interaction.supervise_message"

SUPERVISOR = "supervisor"
HANDLER = "handler"


def role_of(user):
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser or user.has_perm(SUPERVISE_PERMISSION):
        return SUPERVISOR
    if user.has_perm(HANDLE_PERMISSION):
        return HANDLER
    return None


def regions_of(user):
    return set(HandlerRegion.objects.filter(user=user).values_list("region", flat=True))


def visible_messages(user):
    role = role_of(user)
    if role == SUPERVISOR:
        return Message.objects.all()
    if role == HANDLER:
        return Message.objects.filter(region__in=HandlerRegion.objects.filter(user=user).values("region"))
    return Message.objects.none()


def can_handle(user, message):
    role = role_of(user)
    if role == SUPERVISOR:
        return True
    return role == HANDLER and HandlerRegion.objects.filter(user=user, region=message.region).exists()


def handlers_for(region):
    """Active users who may handle `region`: its 受理员 and every 督办."""
    users = get_user_model().objects.filter(is_active=True)
    supervisors = users.filter(
        Q(is_superuser=True)
        | Q(groups__permissions__codename="supervise_message")
        | Q(user_permissions__codename="supervise_message")
    )
    handlers = users.filter(interaction_regions__region=region).filter(
        Q(groups__permissions__codename="handle_message") | Q(user_permissions__codename="handle_message")
    )
    return users.filter(Q(pk__in=supervisors.values("pk")) | Q(pk__in=handlers.values("pk"))).distinct()


def supervisors():
    users = get_user_model().objects.filter(is_active=True, is_superuser=False)
    return users.filter(
        Q(groups__permissions__codename="supervise_message")
        | Q(user_permissions__codename="supervise_message")
    ).distinct()
