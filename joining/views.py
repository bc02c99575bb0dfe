"""网上入会 for workers: /ruhui/ (the form in three steps) and /ruhui/chaxun/ (follow an application)."""

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods

from core.protection import HONEYPOT_FIELD, caught_by_honeypot, register_attempt
from directory.models import UnionOrganisation
from home.models import StandardPage

from .forms import MATCH_ME, STEP_FORMS, STEP_OF_FIELD, UnionForm
from .models import PROGRESS, Application, Status, new_receipt_code, normalise_receipt_code
from .services import find_duplicate, first_contact_days, submit_application

LOOKUP_NOT_FOUND = "没有找到与这个回执码和手机号码相符的申请。请核对后再试；回执码由 8 位字母和数字组成。"
TOO_MANY = "操作过于频繁，请过 10 分钟后再试。已填写的内容保留在下面，无需重新填写。"


def _never_cache(response):
    add_never_cache_headers(response)
    return response


def privacy_page():
    return StandardPage.objects.live().filter(slug="privacy").first()


def _step_from(data):
    raw = str(data.get("step", "1"))
    return int(raw) if raw in {"1", "2", "3"} else 1


def _make_form(step, data=None, initial=None):
    form_class = STEP_FORMS[step - 1]
    kwargs = {}
    if form_class is UnionForm:
        source = data if data is not None else (initial or {})
        kwargs = {"prefecture": source.get("prefecture", ""), "county": source.get("county", "")}
    if data is not None:
        return form_class(data=data, **kwargs)
    return form_class(initial=initial or {}, **kwargs)


def _render_step(request, step, form, values, status=200, message="", chosen=None):
    carry = [
        (name, values.get(name, ""))
        for name, field_step in [*STEP_OF_FIELD.items(), ("via_qr", 0)]
        if field_step != step and name != HONEYPOT_FIELD and values.get(name, "")
    ]
    context = {
        "step": step,
        "steps": [(f.step, f.title) for f in STEP_FORMS],
        "form": form,
        "carry": carry,
        "message": message,
        "privacy_page": privacy_page(),
        "first_contact_days": first_contact_days(),
        "honeypot_field": HONEYPOT_FIELD,
    }
    if step == 3:
        chosen = chosen or _chosen_organisation(values.get("organisation"))
        context["organisation_options"] = form.organisation_options(chosen)
        context["selected_code"] = values.get("organisation") or MATCH_ME
        context["chosen"] = chosen
    response = render(request, "joining/apply.html", context, status=status)
    return _never_cache(response)


def _chosen_organisation(code):
    if not code or code == MATCH_ME:
        return None
    return UnionOrganisation.objects.public().filter(code__iexact=str(code)[:40], accepts_online=True).first()


@require_http_methods(["GET", "HEAD", "POST"])
def apply(request):
    if request.method != "POST":
        code = request.GET.get("zuzhi", "")
        chosen = _chosen_organisation(code)
        values = {}
        if chosen is not None:
            # Opened from the organisation's QR code: it is preselected in step 3, its region in step 2.
            values = {
                "organisation": chosen.code,
                "via_qr": "1",
                "prefecture": chosen.prefecture,
                "county": chosen.county,
            }
        message = ""
        if code and chosen is None:
            message = (
                "二维码所指的工会组织不存在或暂不接受网上入会，您可以在第 3 步另选工会或选择“请帮我匹配”。"
            )
        return _render_step(request, 1, _make_form(1, initial=values), values, message=message)

    data = request.POST
    values = {name: data.get(name, "") for name in STEP_OF_FIELD} | {"via_qr": data.get("via_qr", "")}
    step = _step_from(data)
    if data.get("action") == "back" and step > 1:
        return _render_step(request, step - 1, _make_form(step - 1, initial=values), values)

    # Validate this step and the ones before it; the first one with errors is shown again.
    cleaned = {}
    for number in range(1, step + 1):
        form = _make_form(number, data=data)
        if not form.is_valid():
            return _render_step(
                request,
                number,
                form,
                values,
                status=400,
                message="还有需要修改的地方：请按下面标出的提示修改，已填写的内容都保留着。",
            )
        cleaned.update(form.cleaned_data)
    if step < 3:
        return _render_step(request, step + 1, _make_form(step + 1, initial=values), values)

    limit = getattr(settings, "JOINING_RATE_LIMIT", None)
    if not register_attempt(request, "joining", limit=limit):
        response = _render_step(request, 3, _make_form(3, data=data), values, status=429, message=TOO_MANY)
        response["Retry-After"] = "600"
        return response
    if caught_by_honeypot(data):
        # Robots learn nothing: a receipt page with a code that belongs to no application.
        return _never_cache(
            render(request, "joining/receipt.html", {"receipt_code": new_receipt_code(), "fake": True})
        )

    duplicate = find_duplicate(cleaned["mobile"])
    if duplicate is not None:
        same_person = duplicate.name == cleaned["applicant_name"]
        context = {"application": duplicate if same_person else None, "duplicate": True}
        return _never_cache(render(request, "joining/receipt.html", context))

    application = submit_application(cleaned, cleaned.get("organisation"), via_qr=values["via_qr"] == "1")
    return _never_cache(render(request, "joining/receipt.html", {"application": application}))


@require_http_methods(["GET", "HEAD", "POST"])
def lookup(request):
    context = {"code": "", "mobile": "", "message": ""}
    status = 200
    if request.method == "POST":
        code = normalise_receipt_code(request.POST.get("code", ""))
        mobile = "".join(ch for ch in request.POST.get("mobile", "") if ch.isdigit())[-11:]
        context.update(code=request.POST.get("code", "")[:20], mobile=request.POST.get("mobile", "")[:20])
        limit = getattr(settings, "JOINING_LOOKUP_RATE_LIMIT", 10)
        window = getattr(settings, "JOINING_LOOKUP_RATE_WINDOW", 600)
        if not register_attempt(request, "joining-lookup", limit=limit, window=window):
            context["message"] = "查询过于频繁，请过 10 分钟后再试。"
            response = _never_cache(render(request, "joining/lookup.html", context, status=429))
            response["Retry-After"] = str(window)
            return response
        application = (
            Application.objects.select_related("organisation")
            .filter(receipt_code=code, mobile=mobile, anonymised_at__isnull=True)
            .first()
            if code and len(mobile) == 11
            else None
        )
        if application is None:
            # The same answer for an unknown code and a wrong mobile: the lookup reveals nothing.
            context["message"] = LOOKUP_NOT_FOUND
            status = 404
        else:
            context["application"] = application
            context["events"] = application.events.filter(public=True)
            reached = PROGRESS.index(Status(application.status)) if application.status in PROGRESS else -1
            context["progress"] = [(item.label, index <= reached) for index, item in enumerate(PROGRESS)]
    return _never_cache(render(request, "joining/lookup.html", context, status=status))
