"""Chinese word segmentation, the same for the index and for the query.

SQLite FTS5 and PostgreSQL's text search split text on spaces and punctuation
only, so a run of Chinese characters is one "word" to them and 工会 would never
match 增强工会工作. Everything that goes into the search index and every query
is therefore passed through this module first and becomes space-separated words.

Index side (`segment_for_index`): jieba's precise cut, plus, for each word of
three or more characters, every dictionary word inside it (百万职工高原建功立业工程
also yields 职工, 高原, 建功立业, 工程 …), plus the single characters of words
jieba guessed with its HMM (names not in any dictionary). That is a superset of
jieba's `cut_for_search`, so a long term is findable whole and by its parts.

Query side (`query_terms`): the precise cut of what the reader typed. Each term
matches either as a whole or, as a fallback, by all of its parts, so a text that
was segmented differently in its context (or indexed before a word was added to
the dictionary) is still found.

Memory: jieba's full dictionary (349,046 words) costs ~70 MB per process. We ship
the 60,000 most frequent words (`dictionaries/jieba_top60000.txt`, ~10 MB loaded),
plus our union terms and the site's own names; see bench/search.md.
"""

import logging
import re
import threading
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba

DICTIONARY_DIR = Path(__file__).resolve().parent / "dictionaries"
BASE_DICTIONARY = DICTIONARY_DIR / "jieba_top60000.txt"
UNION_TERMS = DICTIONARY_DIR / "union_terms.txt"

# Longer queries are cut: nobody types more, and a 1,000-character paste must
# not turn into a 500-term SQL expression.
MAX_QUERY_LENGTH = 100
MAX_QUERY_TERMS = 16
# Each process re-reads the site's names from the database this often, so a
# worker profile saved in another process becomes a dictionary word here too.
SITE_WORDS_REFRESH_SECONDS = 300
# Sub-words are looked for only up to this length, inside words up to MAX_SCAN.
MAX_SUBWORD_LENGTH = 8
MAX_SCAN_LENGTH = 32
# Frequency given to our own words: high enough that jieba keeps them whole.
CUSTOM_WORD_FREQUENCY = 2000

# A token is a run of digits, Latin letters (after NFKC + lower-casing) or CJK
# ideographs. Everything else (FTS syntax, quotes, punctuation) separates tokens,
# so no character with a meaning to FTS5 or to_tsquery ever reaches the database.
_TOKEN = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class QueryTerm:
    """One word of a query: matches as `word`, or failing that as all of `parts`."""

    word: str
    parts: tuple = ()
    prefix: bool = False


class Segmenter:
    """A jieba tokenizer on the trimmed dictionary, plus our own words."""

    def __init__(self, dictionary=BASE_DICTIONARY, extra_files=(UNION_TERMS,)):
        self._dictionary = dictionary
        self._extra_files = extra_files
        self._tokenizer = None
        self._lock = threading.Lock()
        self._site_words = set()
        self._site_words_loaded_at = None

    # -- loading ---------------------------------------------------------
    @property
    def tokenizer(self):
        if self._tokenizer is None:
            with self._lock:
                if self._tokenizer is None:
                    tokenizer = jieba.Tokenizer(str(self._dictionary))
                    tokenizer.initialize()
                    for path in self._extra_files:
                        for word in read_word_file(path):
                            tokenizer.add_word(word, CUSTOM_WORD_FREQUENCY)
                    self._tokenizer = tokenizer
        self._refresh_site_words_if_stale()
        return self._tokenizer

    def _refresh_site_words_if_stale(self):
        now = time.monotonic()
        loaded_at = self._site_words_loaded_at
        if loaded_at is not None and now - loaded_at < SITE_WORDS_REFRESH_SECONDS:
            return
        self._site_words_loaded_at = now
        from search.dictionary import gather_site_words

        self.add_words(gather_site_words())

    def add_words(self, words):
        """Make each of `words` one unit for the segmenter (idempotent, cheap)."""
        tokenizer = self._tokenizer
        if tokenizer is None:
            # Not loaded yet: the words will be gathered from the database on load.
            return
        for word in words:
            for chunk in dictionary_chunks(word):
                if chunk not in self._site_words:
                    self._site_words.add(chunk)
                    tokenizer.add_word(chunk, CUSTOM_WORD_FREQUENCY)
                    _segment_cached.cache_clear()

    def knows(self, word):
        return bool(self.tokenizer.FREQ.get(word))

    # -- segmentation ----------------------------------------------------
    def words(self, text):
        """Tokens of the precise cut, normalised; no punctuation or syntax."""
        tokenizer = self.tokenizer
        tokens = []
        for word in tokenizer.cut(normalise(text), HMM=True):
            tokens.extend(_TOKEN.findall(word))
        return tokens

    def index_tokens(self, text):
        freq = self.tokenizer.FREQ
        tokens = []
        for token in self.words(text):
            tokens.append(token)
            if len(token) > MAX_SCAN_LENGTH or not _HAN.search(token):
                continue
            known = bool(freq.get(token))
            if known and len(token) <= 2:
                continue
            if not known:
                # A guessed word (a name jieba's HMM joined): its characters too.
                tokens.extend(char for char in token if _HAN.match(char))
            tokens.extend(self._dictionary_subwords(token))
        return tokens

    def _dictionary_subwords(self, token):
        freq = self.tokenizer.FREQ
        found = []
        length = len(token)
        for start in range(length):
            for end in range(start + 2, min(start + MAX_SUBWORD_LENGTH, length) + 1):
                if end - start == length:
                    continue
                piece = token[start:end]
                if freq.get(piece):
                    found.append(piece)
        return found

    def split_without_whole(self, token):
        """The most likely segmentation of `token` that is not `token` itself."""
        tokenizer = self.tokenizer
        dag = tokenizer.get_DAG(token)
        last = len(token) - 1
        dag[0] = [end for end in dag[0] if end != last] or [0]
        route = {}
        tokenizer.calc(token, dag, route)
        parts, start = [], 0
        while start < len(token):
            end = route[start][1] + 1
            parts.append(token[start:end])
            start = end
        return tuple(parts)

    def query_terms(self, text, prefix_last=False):
        terms, seen = [], set()
        for token in self.words(clip_query(text)):
            if token in seen:
                continue
            seen.add(token)
            parts = ()
            if _HAN.search(token) and len(token) > 1 and len(token) <= MAX_SCAN_LENGTH:
                if len(token) > 2 or not self.knows(token):
                    parts = self.split_without_whole(token)
            terms.append(QueryTerm(token, parts))
            if len(terms) >= MAX_QUERY_TERMS:
                break
        if prefix_last and terms:
            last = terms[-1]
            terms[-1] = QueryTerm(last.word, last.parts, prefix=True)
        return terms


def normalise(text):
    """Full-width to half-width, upper to lower case: what is indexed and searched."""
    return unicodedata.normalize("NFKC", str(text or "")).lower()


def clip_query(text):
    return normalise(text)[:MAX_QUERY_LENGTH]


def dictionary_chunks(text):
    """Pieces of a name worth adding to the dictionary (2-20 chars, with a Han character)."""
    for chunk in _TOKEN.findall(normalise(text)):
        if 2 <= len(chunk) <= 20 and _HAN.search(chunk):
            yield chunk


def read_word_file(path):
    """Words of a `word [frequency]` file; '#' starts a comment line."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line.split()[0]


segmenter = Segmenter()


@lru_cache(maxsize=4096)
def _segment_cached(text):
    return " ".join(segmenter.index_tokens(text))


def segment_for_index(text):
    """Text as it goes into the search index: space-separated words and sub-words.

    Cached per distinct text (summaries, boilerplate paragraphs and tags repeat
    across pages); the cache is emptied whenever the dictionary gains a word.
    """
    if len(text) > 2000:
        return " ".join(segmenter.index_tokens(text))
    return _segment_cached(text)


def query_terms(text, prefix_last=False):
    """The terms of a reader's query (at most MAX_QUERY_TERMS, syntax stripped)."""
    return segmenter.query_terms(text, prefix_last=prefix_last)


def highlight_words(text):
    """Words to mark in a result snippet: each term and its parts, longest first."""
    words = set()
    for term in query_terms(text):
        words.add(term.word)
        words.update(part for part in term.parts if len(part) > 1)
    return sorted(words, key=len, reverse=True)
