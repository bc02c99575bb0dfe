"""Public pages: the message form, its receipt, the lookup (code + mobile) and the statistics.

Nothing here needs JavaScript. The form and lookup carry CSRF tokens and personal data, so
their responses are never cached.
"""

import datetime
import hmac
import logging

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail.log_actions import log

from core import notify, protection
from core.protection import count_attempt, limit_reached, register_attempt

from . import stats, uploads
from .access import handlers_for
from .facts import message_facts
from .forms import LookupForm, MessageForm, RatingForm
from .models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Attachment,
    Message,
    Status,
    answer_days,
    first_response_days,
    new_code,
    normalise_code,
)

logger = logging.getLogger(__name__)

RECEIPT_SESSION_KEY = "interaction_receipt"
CASES_SESSION_KEY = "interaction_cases"
MAX_CASES_IN_SESSION = 10

NOT_FOUND_MESSAGE = (
    "没有找到与这个受理编号和手机号码相符的留言。请核对受理编号（10 位字母和数字）和提交时填写的手机号码。"
)
ATTACHMENTS_AGAIN = "如需上传附件，请重新选择附件（浏览器不会保留已选的文件）。"


def too_many(request, template, context, text, wait):
    """429 with the form as the person filled it in, `text` above it, and when to try again."""
    context["form_message"] = text
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(wait)
    return response


def window_wait(request, scope, window):
    """(seconds, "N 分钟") until this address's `scope` window, as register_attempt counts it, ends."""
    wait = protection.retry_after(request, scope, window)
    return wait, protection.minutes_text(wait)


def _notify_handlers(message):
    users = list(handlers_for(message.region))
    if not users:
        return
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "interaction_admin:detail", args=[message.pk]
    )
    due = (
        timezone.localtime(message.first_response_due).strftime("%Y-%m-%d")
        if message.first_response_due
        else "（日历未录入，无法计算）"
    )
    notify.send(
        notify.Notification(
            subject=f"新的职工留言 {message.code}（{message.get_category_display()}）",
            body=(
                f"{message.get_region_display()}收到一条新的职工留言。\n"
                f"类别：{message.get_category_display()}\n首次回应期限：{due}\n办理：{admin_url}\n"
            ),
            recipients=notify.users_recipients(users),
        )
    )


def _notify_safely(message):
    """The message is saved whatever the mail server does: the worker never sees its failure,
    and the dashboard and the reminder command still list the case."""
    try:
        _notify_handlers(message)
    except Exception:  # any backend failure
        logger.exception("职工留言 %s 的新留言通知发送失败", message.code)


@never_cache
def submit(request):
    template = "interaction/submit.html"
    limits = {"first_days": first_response_days(), "answer_days": answer_days()}
    if request.method != "POST":
        return render(request, template, {"form": MessageForm(), **limits})
    form = MessageForm(request.POST, request.FILES)
    files_chosen = bool(request.FILES.getlist("attachments"))
    context = {"form": form, "attachments_note": ATTACHMENTS_AGAIN if files_chosen else "", **limits}
    if not register_attempt(
        request, "interaction-submit", settings.INTERACTION_RATE_LIMIT, settings.INTERACTION_RATE_WINDOW
    ):
        wait, wait_text = window_wait(request, "interaction-submit", settings.INTERACTION_RATE_WINDOW)
        return too_many(
            request,
            template,
            context,
            f"提交过于频繁，请在 {wait_text}后再试。已填写的内容保留在下面，无需重新填写。",
            wait,
        )
    if request.POST.get(MessageForm.honeypot_name):
        # Robots fill every field: answer like a success, store nothing.
        return render(request, "interaction/receipt.html", {"code": new_code(), "message": None})
    if not form.is_valid():
        context["form_message"] = "提交未成功：请按下面标出的提示修改后再提交，已填写的文字都保留着。"
        return render(request, template, context, status=400)

    data = form.cleaned_data
    fingerprint = form.fingerprint()
    since = timezone.now() - datetime.timedelta(minutes=settings.INTERACTION_DUPLICATE_MINUTES)
    duplicate = Message.objects.filter(fingerprint=fingerprint, created_at__gte=since).order_by("pk").first()
    if duplicate is not None:
        request.session[RECEIPT_SESSION_KEY] = {"id": duplicate.pk, "duplicate": True}
        return redirect("interaction:receipt")

    mobile_key = f"{data['mobile']}:{timezone.localdate():%Y%m%d}"
    daily_limit = settings.INTERACTION_MOBILE_DAILY_LIMIT
    if limit_reached("interaction-mobile", mobile_key, daily_limit):
        now = timezone.localtime()
        midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        return too_many(
            request,
            template,
            context,
            f"这个手机号码今天已经提交了 {daily_limit} 条留言，请明天再提交，或拨打职工服务热线 12351。",
            int((midnight - now).total_seconds()) + 1,
        )

    with transaction.atomic():
        message = Message(
            category=data["category"],
            region=data["region"],
            title=data["title"],
            description=data["description"],
            name=data["name"].strip(),
            mobile=data["mobile"],
            publish_consent=data["publish_consent"],
            fingerprint=fingerprint,
        )
        message.save()
        for upload in data["attachments"]:
            attachment = Attachment(
                message=message,
                original_name=uploads.display_name(upload),
                content_type=upload.detected_type,
                size=upload.size,
            )
            upload.seek(0)
            attachment.file.save(uploads.stored_name(upload), upload, save=False)
            attachment.save()
        log(
            instance=message,
            action="interaction.submitted",
            user=None,
            data={"attachments": len(data["attachments"])},
        )
        transaction.on_commit(lambda: _notify_safely(message))
    count_attempt("interaction-mobile", mobile_key, daily_limit, 24 * 3600)
    request.session[RECEIPT_SESSION_KEY] = {"id": message.pk, "duplicate": False}
    return redirect("interaction:receipt")


@never_cache
def receipt(request):
    entry = request.session.get(RECEIPT_SESSION_KEY) or {}
    message = Message.objects.filter(pk=entry.get("id")).first()
    if message is None:
        return redirect("interaction:submit")
    return render(
        request,
        "interaction/receipt.html",
        {"code": message.code, "message": message, "duplicate": entry.get("duplicate")},
    )


def _find(code, mobile):
    """The message with this code and mobile, or None; the same work whichever part is wrong."""
    code = normalise_code(code)
    candidate = None
    if len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code):
        candidate = Message.objects.filter(code=code).exclude(anonymised_at__isnull=False).first()
    stored = candidate.mobile if candidate is not None else "00000000000"
    matches = hmac.compare_digest(stored.encode(), str(mobile).encode())
    return candidate if (candidate is not None and matches) else None


def _remember_case(request, message):
    cases = [pk for pk in request.session.get(CASES_SESSION_KEY, []) if pk != message.pk]
    request.session[CASES_SESSION_KEY] = [message.pk, *cases][:MAX_CASES_IN_SESSION]


def lookup_allowed(request):
    """One limit for a reader's look-ups, of a message (code and mobile) and of an error report alike."""
    return register_attempt(
        request,
        "interaction-lookup",
        settings.INTERACTION_LOOKUP_RATE_LIMIT,
        settings.INTERACTION_LOOKUP_RATE_WINDOW,
    )


def lookup_page(request, template, form_class, answer):
    """A reader's look-up (of a message, of an error report): the empty form, or on a POST the one
    limit for look-ups and then `answer(request, template, form, context)`, which makes the response."""
    if request.method != "POST":
        return render(request, template, {"form": form_class()})
    form = form_class(request.POST)
    context = {"form": form}
    if not lookup_allowed(request):
        wait, wait_text = window_wait(request, "interaction-lookup", settings.INTERACTION_LOOKUP_RATE_WINDOW)
        return too_many(request, template, context, f"查询过于频繁，请在 {wait_text}后再试。", wait)
    return answer(request, template, form, context)


def _open_case(request, template, form, context):
    if not form.is_valid():
        context["form_message"] = "请按下面的提示填写后再查询。"
        return render(request, template, context, status=400)
    message = _find(form.cleaned_data["code"], form.cleaned_data["mobile"])
    if message is None:
        context["form_message"] = NOT_FOUND_MESSAGE
        return render(request, template, context)
    _remember_case(request, message)
    return redirect("interaction:case", code=message.code)


@never_cache
def lookup(request):
    return lookup_page(request, "interaction/lookup.html", LookupForm, _open_case)


@never_cache
def case(request, code):
    """The worker's view of one case, reachable only after a lookup in this browser session."""
    message = Message.objects.filter(code=normalise_code(code), anonymised_at__isnull=True).first()
    if message is None or message.pk not in request.session.get(CASES_SESSION_KEY, []):
        return redirect("interaction:lookup")
    can_rate = message.status in (Status.ANSWERED, Status.CLOSED) and message.satisfaction is None
    if request.method == "POST":
        form = RatingForm(request.POST)
        if can_rate and form.is_valid():
            message.satisfaction = form.cleaned_data["rating"]
            message.rated_at = timezone.now()
            message.save(update_fields=["satisfaction", "rated_at"])
            log(
                instance=message, action="interaction.rated", user=None, data={"rating": message.satisfaction}
            )
        return redirect(reverse("interaction:case", args=[message.code]) + "#rating")
    return render(
        request,
        "interaction/case.html",
        {
            "message": message,
            "facts": message_facts(message),
            "replies": message.replies.all(),
            "can_rate": can_rate,
            "rating_choices": RatingForm.base_fields["rating"].choices,
        },
    )


def statistics(request):
    year = request.GET.get("year", "")
    years = stats.available_years()
    chosen = (
        int(year)
        if year.isdigit() and int(year) in years
        else (years[0] if years else timezone.localdate().year)
    )
    response = render(
        request,
        "interaction/statistics.html",
        {"report": stats.cached_report(chosen), "years": years, "year": chosen},
    )
    response["Cache-Control"] = f"public, max-age=60, s-maxage={settings.PAGE_CACHE_SECONDS}"
    return response
