"""Pinyin sort keys: names sort the way a Chinese reader expects (拼音顺序).

Slugs come from `core.slugs.pinyin_slug`, the site's one slug speller."""

# Surnames whose everyday reading differs from the character's common reading.
SURNAME_READINGS = {
    "曾": "zeng1",
    "单": "shan4",
    "解": "xie4",
    "仇": "qiu2",
    "朴": "piao2",
    "查": "zha1",
    "区": "ou1",
    "盖": "ge3",
    "乐": "yue4",
    "尉": "yu4",
    "缪": "miao4",
    "翟": "zhai2",
    "覃": "qin2",
    "召": "shao4",
    "折": "she2",
    "种": "chong2",
}


def pinyin_sort_key(name):
    """'曾丽华' -> 'zeng1 li4 hua2': syllables with tone numbers, surname read as a surname.

    A plain string comparison of these keys gives dictionary order: 'li3' < 'lin2' < 'liu2'.
    """
    name = (name or "").strip()
    if not name:
        return ""
    # Imported here: pypinyin's tables take ~50 MB, needed only when a profile is saved.
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(name, style=Style.TONE3, neutral_tone_with_five=True, errors="default")
    if name[0] in SURNAME_READINGS and syllables:
        syllables[0] = SURNAME_READINGS[name[0]]
    return " ".join(syllable.lower() for syllable in syllables)[:255]
