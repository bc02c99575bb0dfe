"""信件公开: drafts from answered cases with consent, anonymisation refused while personal data
remains, the listing's filters and its feed."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from interaction import cases
from interaction.models import LetterIndexPage, LetterPage
from interaction.publishing import LetterError, draft_letter
from tests.factories.interaction import make_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter_index(site_root):
    index = LetterIndexPage(title="信件公开", slug="xinjian")
    site_root.add_child(instance=index)
    index.save_revision().publish()
    return LetterIndexPage.objects.get(pk=index.pk)


@pytest.fixture
def answered(xining_handler):
    message = make_message(
        name="张三",
        mobile="13912345678",
        publish_consent=True,
        title="张三的工资被拖欠",
        description="我叫张三，电话13912345678，身份证630102199001011234，工地拖欠工资三个月。",
    )
    cases.reply(xining_handler, message, "张三你好：经协调，施工单位已于本月结清工资。")
    return message


def test_a_supervisor_drafts_an_anonymised_letter(client, supervisor, answered, letter_index):
    client.force_login(supervisor)
    response = client.post(f"/admin/interaction/{answered.pk}/letter/")
    letter = LetterPage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{letter.pk}/edit/"
    assert not letter.live
    for text in (letter.title, letter.question, letter.answer):
        assert "张三" not in text and "13912345678" not in text and "630102199001011234" not in text
    assert "来信人" in letter.question and "[电话已隐去]" in letter.question
    assert letter.source_message == answered


def test_only_supervisors_and_only_with_consent(xining_handler, supervisor, answered, letter_index):
    with pytest.raises(LetterError, match="只有维权督办"):
        draft_letter(xining_handler, answered)
    answered.publish_consent = False
    answered.save()
    with pytest.raises(LetterError, match="没有同意公开"):
        draft_letter(supervisor, answered)


def test_the_editor_cannot_publish_the_cases_name_or_a_phone_number(supervisor, answered, letter_index):
    letter = draft_letter(supervisor, answered)
    letter.answer = "张三你好：请拨打 0971-1234567 或 139 1234 5678 联系。"
    with pytest.raises(ValidationError) as raised:
        letter.full_clean()
    problems = raised.value.message_dict["answer"]
    assert "仍含有来信人的姓名，请删去。" in problems
    assert "仍含有来信人的手机号码，请删去。" in problems
    assert any("电话号码" in problem for problem in problems)
    letter.answer = "您好：请拨打 12351 联系。"
    letter.full_clean()


def test_listing_filters_and_feed(client, letter_index):
    for number, (category, year) in enumerate([("wages", 2025), ("injury", 2025), ("wages", 2024)]):
        letter = LetterPage(
            title=f"公开信件 {number}",
            slug=f"letter-{number}",
            category=category,
            question="工地拖欠工资怎么办？",
            answer="可以向当地工会求助。",
            asked_on=datetime.date(year, 3, 1),
            answered_on=datetime.date(year, 3, 10),
        )
        letter_index.add_child(instance=letter)
        letter.save_revision().publish()
    html = client.get("/xinjian/").content.decode()
    assert all(f"公开信件 {n}" in html for n in range(3))
    html = client.get("/xinjian/?category=wages&year=2025").content.decode()
    assert "公开信件 0" in html and "公开信件 1" not in html and "公开信件 2" not in html
    assert "已忽略无法识别的筛选条件" in client.get("/xinjian/?year=abcd").content.decode()
    feed = client.get("/xinjian/feed/")
    assert feed.status_code == 200
    assert "公开信件 0" in feed.content.decode() and "可以向当地工会求助" in feed.content.decode()
