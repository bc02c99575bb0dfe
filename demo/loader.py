"""Build the demo site from the data files in demo/data/.

`load(command)` runs the steps below in order; later steps find what earlier
ones made (articles by title, workers by name). Every step creates only what
is missing, so running the loader again changes nothing.
"""

import datetime
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from campaigns.forms import CONSENT_FIELD
from campaigns.models import CampaignFormPage
from editorial.glossary_data import load_starter_glossary
from editorial.roles import setup_editorial
from home.models import HomePage, SiteSettings, StandardPage
from news.models import ArticlePage, ArticleRelatedLink, NewsSectionPage
from workers.models import ArticleWorker, WorkerPage

from . import builders, datafiles, interaction
from .directory import load_union_directory
from .images import get_or_create_image


def load(command):
    """The demo site, step by step. `command` takes the logins (`add_login`) and the progress lines."""
    load_site(command)
    load_news(command)
    load_workers(command)
    load_campaigns(command)
    load_editorial(command)
    load_search(command)
    load_directory(command)
    interaction.load(command)


def load_directory(command):
    created, updated, unchanged = load_union_directory()
    command.stdout.write(f"找工会：演示工会组织 {created + updated + unchanged} 个。")


def add_account(command, username, password, role, **fields):
    """The login `username` (created with `fields` the first time), listed in the command's report."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(username, password=password, **fields)
    command.add_login(username, password, role)
    return user


def local_time(text):
    """'2026-01-16 09:30' as an aware datetime in the site's time zone."""
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def resolve_date(value, today):
    """A date from the data: a date as written, or {days_from_today: N}."""
    if isinstance(value, dict):
        return today + datetime.timedelta(days=value["days_from_today"])
    return value


# 首页、站点设置与通用页面 (site.yaml)


def load_site(command):
    data = datafiles.read("site")
    home = ensure_home_page(data)
    ensure_standard_pages(home, data["standard_pages"])
    ensure_site_settings(home, data)
    admin = data["admin"]
    if not get_user_model().objects.filter(username=admin["username"]).exists():
        get_user_model().objects.create_superuser(
            admin["username"], admin["email"], admin["password"], first_name=admin["first_name"]
        )
    command.add_login(admin["username"], admin["password"], admin["role"])
    command.stdout.write("· 首页、站点设置与通用页面")


def ensure_home_page(data=None):
    """Put a HomePage at the site root, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    data = data or datafiles.read("site")
    fields = dict(data["home"])
    banner_image = get_or_create_image(fields.pop("banner_image"))
    root = Page.get_first_root_node()
    welcome = Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").first()
    if welcome is not None:
        welcome.slug = "wagtail-welcome"
        welcome.save(update_fields=["slug"])
    home = root.add_child(instance=HomePage(banner_image=banner_image, **fields))
    home.save_revision().publish()
    # The demo site answers at the address `make run` serves, so absolute URLs work locally.
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = base_url.hostname or "localhost"
    site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
    site.root_page = home
    site.site_name = data["site_name"]
    site.save()
    if welcome is not None:
        welcome.delete()
    return home


def ensure_standard_pages(home, pages):
    for spec in pages:
        if StandardPage.objects.filter(slug=spec["slug"]).exists():
            continue
        page = StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            show_in_menus=spec["show_in_menus"],
            body=[stream_block(block) for block in spec["body"]],
        )
        home.add_child(instance=page)
        page.save_revision().publish()


def stream_block(block):
    """A body block from the data: {paragraph: "<p>…</p>"} (rich text) or {heading: {…}} and the like."""
    ((kind, value),) = block.items()
    return (kind, RichText(value) if kind == "paragraph" else value)


def ensure_site_settings(home, data):
    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    if site_settings.organiser:
        return site_settings
    for field, value in data["settings"].items():
        setattr(site_settings, field, value)
    links = []
    for link in data["footer_links"]:
        page = None
        if link.get("page"):
            page = StandardPage.objects.filter(slug=link["page"]).first()
            if page is None:
                continue
        links.append(("link", {"title": link["title"], "page": page, "url": link.get("url", "")}))
    site_settings.footer_links = links
    site_settings.save()
    return site_settings


# 新闻 (news.yaml)


def load_news(command):
    data = datafiles.read("news")
    home = HomePage.objects.get()
    index = builders.get_or_create_news_index(home, **data["index"])
    sections = {}
    for spec in data["sections"]:
        key = spec.pop("key")
        sections[key] = builders.get_or_create_section(home, show_in_menus=True, **spec)
    for spec in data["subsections"]:
        key, parent = spec.pop("key"), spec.pop("parent")
        sections[key] = builders.get_or_create_section(sections[parent], show_in_menus=False, **spec)

    editors = data["responsible_editors"]
    created = 0
    for number, spec in enumerate(data["articles"]):
        section = sections[spec.pop("section")]
        if ArticlePage.objects.child_of(section).filter(title=spec["title"]).exists():
            continue
        image_title = spec.pop("image", None)
        if image_title:
            spec["lead_image"] = get_or_create_image(f"新闻配图：{image_title}")
            spec["lead_image_alt"] = image_title
            spec["lead_image_caption"] = f"{image_title}（示意图）"
        spec.setdefault("responsible_editor", editors[number % len(editors)])
        if spec.get("original_title"):
            spec.setdefault("source_url", "")
        builders.create_article(section, display_date=local_time(spec.pop("date")), **spec)
        created += 1

    for spec in data["related"]:
        article = ArticlePage.objects.filter(title=spec["article"]).first()
        if article is None or article.related_links.exists():
            continue
        for order, related_title in enumerate(spec["links"]):
            target = ArticlePage.objects.filter(title=related_title).first()
            if target:
                ArticleRelatedLink.objects.create(page=article, article=target, sort_order=order)
    command.stdout.write(f"新闻：{len(sections)} 个栏目，新增 {created} 篇文章（新闻中心：{index.url}）。")


# 劳模风采 (workers.yaml)


def load_workers(command):
    data = datafiles.read("workers")
    builders.ensure_vocabularies(data["vocabularies"])
    index = builders.get_or_create_worker_index(HomePage.objects.get(), **data["index"])
    created = 0
    for spec in data["profiles"]:
        name = spec["name"]
        if WorkerPage.objects.child_of(index).filter(title=name).exists():
            continue
        fields = spec["facts"]
        studio = spec.get("studio")
        if studio:
            fields.update(
                studio_name=studio["name"],
                studio_focus=studio["focus"],
                studio_achievements=studio["achievements"],
            )
        builders.create_worker(
            index,
            name,
            spec["honours"],
            story=spec["story"],
            motto=spec["motto"],
            achievements=spec["achievements"],
            portrait=get_or_create_image(f"劳模肖像：{name}", size=(600, 750)),
            portrait_alt=f"{name}在工作岗位上（示意图）",
            **fields,
        )
        created += 1
    linked = link_workers_to_articles(index, data["article_links"])
    command.stdout.write(
        f"劳模风采：{WorkerPage.objects.child_of(index).count()} 位劳模（新增 {created}），"
        f"关联新闻 {linked} 条（{index.url}）。"
    )


def link_workers_to_articles(index, links):
    """Name the demo workers on the demo articles about them."""
    linked = 0
    workers = {worker.title: worker for worker in WorkerPage.objects.child_of(index)}
    for spec in links:
        article = ArticlePage.objects.filter(title=spec["article"]).first()
        if article is None:
            continue
        for order, name in enumerate(spec["workers"]):
            worker = workers.get(name)
            if worker is None:
                continue
            _link, was_created = ArticleWorker.objects.get_or_create(
                article=article, worker=worker, defaults={"sort_order": order}
            )
            linked += was_created
    return linked


# 专题活动 (campaigns.yaml)


def load_campaigns(command):
    data = datafiles.read("campaigns")
    today = timezone.localdate()
    index = builders.get_or_create_campaign_index(HomePage.objects.get(), **data["index"])
    created = 0
    for spec in data["campaigns"]:
        form_spec = spec.pop("form")
        titles, names = spec.pop("related"), spec.pop("workers")
        existed = index.get_children().filter(title=spec["title"]).exists()
        campaign = builders.get_or_create_campaign(
            index,
            hero_image=get_or_create_image(f"专题：{spec['title']}"),
            related_articles=list(ArticlePage.objects.filter(title__in=titles).order_by("-display_date")),
            workers=workers_named(names),
            **campaign_fields(spec, today),
        )
        created += not existed
        if form_spec:
            ensure_signup_form(campaign, form_spec, data["sample_signups"])
    ensure_signup_admin(command, data["signup_admin"])
    forms = CampaignFormPage.objects.descendant_of(index).count()
    command.stdout.write(
        f"专题活动：{index.get_children().count()} 个专题（新增 {created}），报名表单 {forms} 个（{index.url}）。"
    )


def workers_named(names):
    by_name = {page.title: page for page in WorkerPage.objects.filter(title__in=names)}
    return [by_name[name] for name in names if name in by_name]


def campaign_fields(spec, today):
    """CampaignPage fields (and the builder's `events`, `body_paragraphs`) from a campaign of the data."""
    fields = dict(spec)
    fields["start_date"] = resolve_date(spec["start_date"], today)
    fields["end_date"] = resolve_date(spec["end_date"], today)
    fields["key_figures"] = [("figure", figure) for figure in spec["key_figures"]]
    fields["milestones"] = [
        ("milestone", {**milestone, "date": resolve_date(milestone["date"], today)})
        for milestone in spec["milestones"]
    ]
    fields["events"] = [campaign_event(event, today) for event in spec["events"]]
    return fields


def campaign_event(spec, today):
    day = today + datetime.timedelta(days=spec["days_from_today"])
    starts_at = timezone.make_aware(
        datetime.datetime.combine(day, datetime.time.fromisoformat(spec["start_time"]))
    )
    return {
        "title": spec["title"],
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=spec["hours"]),
        "place": spec["place"],
        "description": spec["description"],
    }


def ensure_signup_form(campaign, spec, sample_signups):
    event_title = spec.pop("event_title", "")
    fields = [{**field, "choices": "\n".join(field.get("choices", []))} for field in spec.pop("fields")]
    existed = CampaignFormPage.objects.child_of(campaign).filter(title=spec["title"]).exists()
    form_page = builders.get_or_create_signup_form(campaign, fields=fields, **spec)
    if existed:
        return form_page
    if event_title:
        # The event's sign-up link: set once on creation, then left to the editors.
        event = campaign.events.filter(title=event_title).first()
        if event is not None:
            event.signup_page = form_page
            event.save(update_fields=["signup_page"])
            campaign.save_revision(log_action=False).publish(log_action=False)
    add_sample_signups(form_page, sample_signups)
    return form_page


def add_sample_signups(form_page, sample):
    """Clearly fictional sign-ups, so the admin's submissions screen has something to show."""
    if FormSubmission.objects.filter(page=form_page).exists():
        return
    fields = list(form_page.get_form_fields())
    for number, name in enumerate(sample["names"]):
        data = {CONSENT_FIELD: True}
        for field in fields:
            if field.field_type == "mobile":
                data[field.clean_name] = sample["mobile"].format(number=number)
            elif field.field_type in ("dropdown", "radio"):
                data[field.clean_name] = field.choices.splitlines()[0].strip()
            elif field.field_type == "checkboxes":
                data[field.clean_name] = [field.choices.splitlines()[0].strip()]
            elif field.field_type == "number":
                data[field.clean_name] = sample["number_answer"]
            elif field.label == sample["name_label"]:
                data[field.clean_name] = name
            elif field.required:
                data[field.clean_name] = sample["other_answer"]
        FormSubmission.objects.create(page=form_page, form_data=data)


def ensure_signup_admin(command, spec):
    """The group that may read sign-ups (admin access + view_signups) and its demo login."""
    group, _ = Group.objects.get_or_create(name=spec["group"])
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="campaigns", codename="view_signups"),
    )
    user = add_account(
        command,
        spec["username"],
        spec["password"],
        spec["group"],
        email=spec["email"],
        first_name=spec["first_name"],
    )
    user.groups.add(group)


# 编辑审核 (editorial.yaml): the groups and workflow come from `setup_editorial`, as on a live site.


def load_editorial(command):
    data = datafiles.read("editorial")
    groups, _workflow, assigned = setup_editorial()
    load_starter_glossary()
    users = {}
    for account in data["accounts"]:
        user = add_account(
            command,
            account["username"],
            account["password"],
            account["group"],
            email=f"{account['username']}@example.com",
            first_name=account["name"],
            is_staff=False,
        )
        user.groups.add(groups[account["group"]])
        users[account["username"]] = user
    ensure_submissions(command, users, data["submissions"])
    command.stdout.write(
        "· 编辑审核：用户组、三审工作流、规范用语词表"
        + (f"（新指派 {len(assigned)} 个栏目）" if assigned else "")
    )


def ensure_submissions(command, users, submissions):
    """Articles submitted to the first news section's workflow by their authors."""
    section = NewsSectionPage.objects.live().order_by("path").first()
    if section is None or section.get_workflow() is None:
        return
    created = 0
    for spec in submissions:
        if Page.objects.filter(slug=spec["slug"]).exists():
            continue
        created += 1
        author = users[spec["author"]]
        article = ArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            source_name=spec["source_name"],
            body=[("paragraph", RichText(spec["body"]))],
            live=False,
            owner=author,
        )
        section.add_child(instance=article)
        article.save_revision(user=author)
        section.get_workflow().start(article, author)
    if created:
        command.stdout.write("· 审核演示稿件：一篇等待初审，一篇被规范用语检查退回")


# 检索 (search.yaml)


def load_search(command):
    made = 0
    for spec in datafiles.read("search")["promotions"]:
        page = promoted_page(**spec["page"])
        if page is None:
            continue
        _promotion, created = SearchPromotion.objects.get_or_create(
            query=Query.get(spec["query"]),
            page=Page.objects.get(pk=page.pk),
            defaults={"description": spec["description"], "sort_order": 0},
        )
        made += created
    command.stdout.write(f"检索演示内容：新增 {made} 条编辑推荐结果（搜索“12351”“入会”“劳模”时置顶）。")


def promoted_page(model, title_contains):
    pages = apps.get_model(model).objects.live().public()
    if title_contains:
        pages = pages.filter(title__contains=title_contains)
    return pages.order_by("path").first()
