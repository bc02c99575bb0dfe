"""信件公开: answered messages published, with the writer's consent, as question-and-answer pages
without personal details.

A 维权督办 makes a draft from a case (`draft_letter`): the case's name and mobile, phone numbers,
ID-like numbers and labelled private details are replaced. Editors review the text and publish it
through the usual workflow; `LetterPage.clean` refuses any text that still holds personal data
(the one checker, `core.privacy`) or the case's own name or mobile.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import escape, linebreaks
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.listing import ListingMixin, parse_choice_filters
from core.models import optional_reference
from core.pages import BasePage
from core.privacy import ID_CARD_RE, MOBILE_RE, PRIVATE_LABEL_RE, personal_data_problems
from feeds.mixins import FeedMixin

from .messages import Category, Message

LETTER_MESSAGES = {
    "id_card": "请删去身份证号码：公开的信件不得含有证件号码。",
    "mobile": "请删去电话号码：公开的信件不得含有个人电话。",
    "label": "请删去身份证号、电话或住址等个人信息。",
}
LETTER_TEXT_FIELDS = ("title", "question", "answer")


def _year(value):
    return int(value) if value.isdigit() and len(value) == 4 and 2000 <= int(value) <= 2100 else None


class LetterIndexPage(ListingMixin, BasePage, FeedMixin, Page):
    """信件公开 listing: filters by category and year, and its own feed."""

    column_type = "信件公开"
    intro = models.TextField("导语", blank=True, max_length=500)
    listing_per_page = 20

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["interaction.LetterPage"]

    class Meta:
        verbose_name = "信件公开栏目"
        verbose_name_plural = "信件公开栏目"

    def letters(self):
        return LetterPage.objects.child_of(self).live().public()

    def get_listing_queryset(self, request, filters=None):
        queryset = self.letters()
        active = filters.active if filters else {}
        if "category" in active:
            queryset = queryset.filter(category=active["category"])
        if "year" in active:
            queryset = queryset.filter(answered_on__year=active["year"])
        return queryset.order_by("-answered_on", "-first_published_at", "-pk")

    def get_feed_queryset(self, request):
        return self.letters().order_by("-first_published_at", "-pk")

    def get_feed_description(self):
        return self.search_description or self.intro or "职工来信及工会答复（已隐去个人信息）"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = parse_choice_filters(request, {"category": Category.values, "year": _year})
        context.update(self.get_listing_context(request, self.get_listing_queryset(request, filters)))
        years = self.letters().dates("answered_on", "year", order="DESC")
        context.update(
            filters=filters,
            category_choices=Category.choices,
            years=[day.year for day in years],
            query_prefix="&".join(f"{name}={value}" for name, value in filters.active.items()),
        )
        return context


class LetterPage(BasePage, Page):
    """One published letter and its answer; it has no field for a name or a phone number."""

    category = models.CharField("类别", max_length=20, choices=Category.choices)
    question = models.TextField("来信内容", help_text="已隐去姓名、电话、证件号码、住址等个人信息。")
    answer = models.TextField("答复内容")
    asked_on = models.DateField("来信日期")
    answered_on = models.DateField("答复日期")
    source_message = optional_reference(Message, related_name="letters", editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("category"),
        MultiFieldPanel([FieldPanel("asked_on"), FieldPanel("answered_on")], heading="日期"),
        FieldPanel("question"),
        FieldPanel("answer"),
    ]
    search_fields = Page.search_fields + [index.SearchField("question"), index.SearchField("answer")]
    parent_page_types = ["interaction.LetterIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "公开信件"
        verbose_name_plural = "公开信件"

    def clean(self):
        super().clean()
        errors = {}
        own = []
        message = self.source_message
        if message is not None:
            if len(message.name) >= 2:
                own.append((message.name, "仍含有来信人的姓名，请删去。"))
            if message.mobile:
                own.append((message.mobile, "仍含有来信人的手机号码，请删去。"))
        for name in LETTER_TEXT_FIELDS:
            text = getattr(self, name) or ""
            problems = personal_data_problems(text, LETTER_MESSAGES)
            compact = re.sub(r"[\s\-]", "", text)
            problems += [note for value, note in own if value in text or value in compact]
            if problems:
                errors[name] = problems
        if self.asked_on and self.answered_on and self.answered_on < self.asked_on:
            errors["answered_on"] = "答复日期不能早于来信日期。"
        if errors:
            raise ValidationError(errors)

    def get_meta_description(self):
        return self.search_description or Truncator(self.question).chars(120)

    def feed_entry_overrides(self, request):
        html = (
            f"<h2>来信</h2>{linebreaks(escape(self.question))}<h2>答复</h2>{linebreaks(escape(self.answer))}"
        )
        return {"summary": Truncator(self.question).chars(200), "content_html": html}


def anonymise_text(text, message):
    """The case's name and mobile, phone and ID-like numbers, labelled private details replaced."""
    text = text or ""
    if message.mobile:
        text = text.replace(message.mobile, "[电话已隐去]")
    if len(message.name) >= 2:
        text = text.replace(message.name, "来信人")
    text = ID_CARD_RE.sub("[证件号已隐去]", text)
    text = MOBILE_RE.sub("[电话已隐去]", text)
    text = PRIVATE_LABEL_RE.sub("[个人信息已隐去]", text)
    return text
