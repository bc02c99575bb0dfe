"""Password rules beyond Django's: no passwords made of the site's own words."""

import re

from django.core.exceptions import ValidationError

# What an attacker tries first against this site: its names, its hotline, admin words.
SITE_WORDS = [
    "qhgh",
    "qhzgh",
    "qinghai",
    "gonghui",
    "zonggonghui",
    "qhghw",
    "xining",
    "laomo",
    "12351",
    "admin",
    "administrator",
    "password",
    "passwd",
    "welcome",
    "青海",
    "工会",
    "总工会",
    "劳模",
]
# Characters people type in place of letters (p@ssw0rd, adm1n).
LOOKALIKES = {"a": "a@4", "o": "o0", "i": "i1!", "e": "e3", "s": "s$5", "l": "l1"}


def _pattern(word):
    return "".join(f"[{re.escape(LOOKALIKES[c])}]" if c in LOOKALIKES else re.escape(c) for c in word)


SITE_WORDS_RE = re.compile(
    "|".join(_pattern(word) for word in sorted(SITE_WORDS, key=len, reverse=True)), re.IGNORECASE
)


def _only_site_words(text):
    """True when `text` is nothing but site words, digits, spaces and punctuation."""
    rest, found = SITE_WORDS_RE.subn(" ", text)
    return found > 0 and not re.sub(r"[\W\d_]", "", rest)


class SiteWordsValidator:
    """Refuse passwords made only of site-related words plus digits or symbols (qhgh1234, Admin@2026)."""

    message = (
        "密码不能只由本站相关的词（如 qhgh、qinghai、gonghui、12351、admin、password）"
        "加数字或符号组成：这类密码最先被猜中。请换用与本站无关、不易猜到的词组。"
    )

    def validate(self, password, user=None):
        if _only_site_words(password):
            raise ValidationError(self.message, code="password_site_words")

    def get_help_text(self):
        return "密码不能只由本站名称、热线号码、admin、password 等词加数字组成。"
