"""信件公开 from a case: a supervisor turns an answered case, with the worker's consent, into a draft
letter page with personal details replaced; editors review and publish it through the workflow."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .access import SUPERVISOR, can_handle, role_of
from .models import LetterIndexPage, LetterPage, Status, anonymise_text


class LetterError(Exception):
    pass


@transaction.atomic
def draft_letter(user, message):
    """A draft LetterPage from an answered case, for editors to review and publish."""
    if role_of(user) != SUPERVISOR or not can_handle(user, message):
        raise LetterError("只有维权督办可以把留言转为信件公开。")
    if not message.publish_consent:
        raise LetterError("留言人没有同意公开，不能转为信件公开。")
    if message.status not in (Status.ANSWERED, Status.CLOSED) or message.anonymised_at:
        raise LetterError("只有已答复或已办结的留言可以转为信件公开。")
    if message.letters.exists():
        raise LetterError("这条留言已经有信件公开稿。")
    answers = [reply.body for reply in message.replies.filter(is_final=True)]
    if not answers:
        raise LetterError("这条留言还没有正式答复。")
    index_page = LetterIndexPage.objects.first()
    if index_page is None:
        raise LetterError("请先在网站中建立“信件公开”栏目页。")
    answered = timezone.localtime(message.answered_at or timezone.now()).date()
    letter = LetterPage(
        title=anonymise_text(message.title, message)[:255],
        category=message.category,
        question=anonymise_text(message.description, message),
        answer=anonymise_text("\n\n".join(answers), message),
        asked_on=timezone.localtime(message.created_at).date(),
        answered_on=answered,
        source_message=message,
        live=False,
    )
    try:
        index_page.add_child(instance=letter)
    except ValidationError as error:
        raise LetterError("自动隐去个人信息后仍有问题：" + "；".join(error.messages)) from error
    letter.save_revision(user=user, log_action=True)
    log(instance=message, action="interaction.letter_drafted", user=user, data={"page": letter.pk})
    return letter
