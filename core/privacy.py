"""The one personal-data checker: ID-card numbers, phone numbers and home addresses in text
that will be published (model-worker profiles today).

The model has no field for any of them (tests check that); this module catches
the obvious cases of such data typed into free text (事迹, 主要成就, 格言 …).
"""

import re
import unicodedata

from django.utils.html import strip_tags

# 18-digit resident ID: 6-digit region, birth date YYYYMMDD, 3 digits, check digit (0-9 or X).
ID_CARD_RE = re.compile(
    r"(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9])"
)
# First-generation 15-digit resident ID: region, birth date YYMMDD, 3 digits.
ID_CARD_15_RE = re.compile(r"(?<![0-9])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9])")
# Mainland mobile: 1[3-9] + 9 digits, optionally written 138-0000-0000, 138 0000 0000 or 138.0000.0000.
MOBILE_RE = re.compile(r"(?<![0-9])(?:\+?86[- .]?)?1[3-9]\d[- .]?\d{4}[- .]?\d{4}(?![0-9])")
# A labelled home address or contact number ("家庭住址：", "手机号码：") says what follows is private.
PRIVATE_LABEL_RE = re.compile(r"(身份证号?|家庭住址|家住|住址|手机号?码?|联系电话)\s*[:：]")
# The same labels without a colon, directly followed by what they label: 联系电话0971-8123456,
# 手机13812345678, 家庭住址西宁市…, 身份证号630105…
LABEL_THEN_NUMBER_RE = re.compile(
    r"(?:身份证号?码?|证件号码?|联系电话|家庭电话|住宅电话|个人电话|手机号?码?)\s*(?:是|为)?\s*[0-9+(（]"
)
LABEL_THEN_ADDRESS_RE = re.compile(r"(?:家庭住址|家庭地址|现住址|住址)\s*(?:是|为|在)?\s*[\u4e00-\u9fff]")
# "家住" with a street-level address: a house number, building, unit or room follows.
LIVES_AT_RE = re.compile(r"家住[^，。；！？,.;!?\n]{1,30}?(?:\d+号|号楼|号院|栋|幢|单元|室)")
# Digits written in groups (6301 0419 8001 0112 34, 138.0000.0000): joined before the ID checks.
DIGIT_GAP_RE = re.compile(r"(?<=\d)[ \t\-.·]+(?=\d)")

MESSAGES = {
    "id_card": "请勿填写身份证号码：劳模资料不得公开身份证号。",
    "mobile": "请勿填写手机号码：劳模资料不得公开个人电话。",
    "label": "请勿填写身份证号、电话或家庭住址等个人信息。",
}


def normalise(text):
    """NFKC: full-width digits and letters (what Chinese input methods type) become ASCII, "："
    becomes ":"; markup is removed."""
    return unicodedata.normalize("NFKC", strip_tags(str(text)))


def personal_data_problems(text, messages=None):
    """Messages for the personal data found in `text` (empty list when clean).

    `messages` replaces the wording of MESSAGES (same keys) for texts other than profiles."""
    if not text:
        return []
    messages = {**MESSAGES, **(messages or {})}
    text = normalise(text)
    joined = DIGIT_GAP_RE.sub("", text)
    problems = []
    if any(
        pattern.search(candidate) for pattern in (ID_CARD_RE, ID_CARD_15_RE) for candidate in (text, joined)
    ):
        problems.append(messages["id_card"])
    if MOBILE_RE.search(text) or MOBILE_RE.search(joined):
        problems.append(messages["mobile"])
    if any(
        pattern.search(text)
        for pattern in (PRIVATE_LABEL_RE, LABEL_THEN_NUMBER_RE, LABEL_THEN_ADDRESS_RE, LIVES_AT_RE)
    ):
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
