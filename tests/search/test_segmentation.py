"""The segmenter cuts text exactly as jieba does on the same words, from its compact dictionary."""

import random
from pathlib import Path

import jieba
import pytest

from search.segmentation import (
    BASE_DICTIONARY,
    CUSTOM_WORD_FREQUENCY,
    UNION_TERMS,
    Lexicon,
    read_word_file,
)

DEMO_DATA = Path(__file__).resolve().parents[2] / "demo" / "data"
SITE_NAMES = ["才让卓玛", "青海省总工会职工服务中心", "格尔木"]


def texts_to_cut():
    """The demo site's own texts, then seeded mixes of dictionary words, unknown characters,
    digits, Latin letters and punctuation (the HMM and the block splitting get their share)."""
    texts = []
    for path in sorted(DEMO_DATA.rglob("*.yaml")):
        texts += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = [line.split()[0] for line in BASE_DICTIONARY.read_text(encoding="utf-8").splitlines()]
    seeded = random.Random(20261128)
    others = ["12", "abc", "，", " ", "A股", "3.5%", "\n", "工会", "劳模", "才让卓玛", "“", "……"]
    for _ in range(1500):
        pieces = []
        for _ in range(seeded.randint(1, 30)):
            kind = seeded.random()
            if kind < 0.6:
                pieces.append(seeded.choice(words))
            elif kind < 0.8:
                pieces.append(chr(seeded.randint(0x4E00, 0x9FA5)))
            else:
                pieces.append(seeded.choice(others))
        texts.append("".join(pieces))
    return texts


@pytest.fixture(scope="module")
def both_cuts(tmp_path_factory):
    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer(dictionary=str(BASE_DICTIONARY))
    tokenizer.tmp_dir = str(tmp_path_factory.mktemp("jieba"))
    lexicon = Lexicon()
    lexicon.load(BASE_DICTIONARY)
    added = [(word, CUSTOM_WORD_FREQUENCY) for word in [*read_word_file(UNION_TERMS), *SITE_NAMES]]
    for word, frequency in added:
        tokenizer.add_word(word, frequency)
    lexicon.add_words(added)
    return tokenizer, lexicon


def test_the_cut_is_jiebas_on_the_same_words(both_cuts):
    tokenizer, lexicon = both_cuts
    texts = texts_to_cut()
    assert len(texts) > 2000
    differing = [text for text in texts if list(lexicon.cut(text)) != list(tokenizer.cut(text, HMM=True))]
    assert differing == []


def test_frequencies_are_jiebas_and_an_added_word_takes_its_new_frequency(both_cuts):
    tokenizer, lexicon = both_cuts
    for word in ["工会", "职工", "中华人民共和国", "一一对应", "的", "劳动模范"]:
        assert lexicon.frequency(word) == tokenizer.FREQ[word] > 0
    assert lexicon.frequency("劳动模范") == CUSTOM_WORD_FREQUENCY  # a union term the dictionary also has
    assert lexicon.frequency("才让卓玛") == CUSTOM_WORD_FREQUENCY
    assert lexicon.frequency("不是一个词语呀") == 0
    assert lexicon.frequency("") == 0


def test_a_long_added_word_is_found_where_the_dictionary_has_no_longer_words(both_cuts):
    _tokenizer, lexicon = both_cuts
    assert "青海省总工会职工服务中心" in list(lexicon.cut("欢迎来到青海省总工会职工服务中心办事"))


def test_the_dictionary_file_must_be_sorted_word_frequency_lines(tmp_path):
    unsorted = tmp_path / "words.txt"
    unsorted.write_text("工会 10\n一 5\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not sorted"):
        Lexicon().load(unsorted)
    duplicated = tmp_path / "twice.txt"
    duplicated.write_text("一 5\n一 6\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not sorted"):
        Lexicon().load(duplicated)
    tagged = tmp_path / "tagged.txt"
    tagged.write_text("一 5 m\n工会 10\n", encoding="utf-8")
    with pytest.raises(ValueError, match="word frequency"):
        Lexicon().load(tagged)
