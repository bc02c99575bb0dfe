from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def current_task_name(page):
    page = Page.objects.get(pk=page.pk)
    state = page.current_workflow_state
    return state.current_task_state.task.name if state and state.current_task_state else None


def act(client, user, page, action, comment=""):
    """Approve or reject the page's current stage through the admin's workflow action view."""
    client.force_login(user)
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def approve_all(client, staff, page):
    """三审: the first, second and final reviewers approve the submitted page in turn."""
    for role in ("first", "second", "final"):
        act(client, staff[role], page, "approve")


def empty_formsets(client, edit_url):
    """Management-form data for every inline panel of the edit form (other apps add inlines)."""
    form = client.get(edit_url).context["form"]
    data = {}
    for name in form.formsets:
        data.update(
            {
                f"{name}-TOTAL_FORMS": 0,
                f"{name}-INITIAL_FORMS": 0,
                f"{name}-MIN_NUM_FORMS": 0,
                f"{name}-MAX_NUM_FORMS": 1000,
            }
        )
    return data


def post_edit(client, article, text="正文。", /, **fields):
    """Post the article's edit form as its editor would: title, slug, summary, source and one paragraph
    of `text`, with `fields` added or replaced (e.g. a date, or "action-submit" to submit it)."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "summary": article.summary,
            "source_name": article.source_name,
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            **fields,
        }
    )
    data.update(empty_formsets(client, edit_url))
    return client.post(edit_url, data, follow=True)
