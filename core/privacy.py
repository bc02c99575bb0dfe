"""The one personal-data checker: ID-card numbers, phone numbers and home addresses in text
that will be published (model-worker profiles today).

The model has no field for any of them (tests check that); this module catches
the obvious cases of such data typed into free text (事迹, 主要成就, 格言 …).
"""

import re

from django.utils.html import strip_tags

# 18-digit resident ID: 6-digit region, birth date YYYYMMDD, 3 digits, check digit (0-9 or X).
ID_CARD_RE = re.compile(
    r"(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9])"
)
# Mainland mobile: 1[3-9] + 9 digits, optionally written 138-0000-0000 or 138 0000 0000.
MOBILE_RE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9])")
# A labelled home address or contact number ("家庭住址：", "手机号码：") says what follows is private.
PRIVATE_LABEL_RE = re.compile(r"(身份证号?|家庭住址|家住|住址|手机号?码?|联系电话)\s*[:：]")

MESSAGES = {
    "id_card": "请勿填写身份证号码：劳模资料不得公开身份证号。",
    "mobile": "请勿填写手机号码：劳模资料不得公开个人电话。",
    "label": "请勿填写身份证号、电话或家庭住址等个人信息。",
}


def personal_data_problems(text, messages=None):
    """Messages for the personal data found in `text` (empty list when clean).

    `messages` replaces the wording of MESSAGES (same keys) for texts other than profiles."""
    if not text:
        return []
    messages = {**MESSAGES, **(messages or {})}
    text = strip_tags(str(text))
    problems = []
    if ID_CARD_RE.search(text):
        problems.append(messages["id_card"])
    if MOBILE_RE.search(text):
        problems.append(messages["mobile"])
    if PRIVATE_LABEL_RE.search(text):
        problems.append(messages["label"])
    return problems


STREAM_METADATA_KEYS = {"id", "type"}


def strings_in(value):
    """Every string inside a StreamField's raw data (nested dicts and lists)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        # Block ids are random UUIDs whose digit runs can look like a phone number.
        for key, item in value.items():
            if key not in STREAM_METADATA_KEYS:
                yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)
