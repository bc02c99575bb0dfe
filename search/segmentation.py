"""Chinese word segmentation, the same for the index and for the query.

SQLite FTS5 and PostgreSQL's text search split text on spaces and punctuation
only, so a run of Chinese characters is one "word" to them and 工会 would never
match 增强工会工作. Everything that goes into the search index and every query
is therefore passed through this module first and becomes space-separated words.

Index side (`segment_for_index`): jieba's precise cut, plus, for each word of
three or more characters, every dictionary word inside it (百万职工高原建功立业工程
also yields 职工, 高原, 建功立业, 工程 …), plus the single characters of words
the HMM guessed (names not in any dictionary). That is a superset of jieba's
`cut_for_search`, so a long term is findable whole and by its parts.

Query side (`query_terms`): the precise cut of what the reader typed. Each term
matches either as a whole or, as a fallback, by all of its parts, so a text that
was segmented differently in its context (or indexed before a word was added to
the dictionary) is still found.

The cut is jieba 0.42's precise mode with its HMM (`Lexicon.cut` gives the same
words as `jieba.Tokenizer.cut(text, HMM=True)` on the same dictionary), but with
jieba's data held compactly, because every server process carries it:

- the words and their frequencies stay the text of the sorted dictionary file,
  searched inside each first character's run of lines (`Lexicon`), instead of
  jieba's dict of every word and every prefix as Python strings: ~1.3 MB
  instead of ~10 MB for our dictionary (a C trie took ~4 MB);
- the HMM's emission probabilities are read from jieba's data file into four
  flat arrays (~0.7 MB) instead of jieba's nested dicts (~3 MB), only when a
  text first needs the HMM, and jieba itself is never imported (its import
  also pulls in pkg_resources, ~5 MB).

The dictionary is the 60,000 most frequent words of jieba's (`dictionaries/
jieba_top60000.txt`; the full 349,046 words would cost ~70 MB as jieba holds
them), plus our union terms and the site's own names; see bench/search.md.
"""

import importlib.util
import pickle
import re
import threading
import time
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache
from math import log
from pathlib import Path

from search.dictionary import gather_site_words

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


# -- jieba's precise cut on compact data ------------------------------------------
# jieba's patterns: a block is a run of these characters; what is between blocks
# comes out space by space and character by character.
_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_BLOCK_SKIP = re.compile(r"(\r\n|\s)")
# … and its HMM's, for a run of single characters the dictionary could not join.
_HMM_HAN = re.compile("([\u4e00-\u9fd5]+)")
_HMM_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_HMM_FIRST, _HMM_LAST = 0x4E00, 0x9FD5
_HMM_STATES = "BMES"  # begin, middle, end of a word, single-character word
_HMM_PREVIOUS = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}
_HMM_IMPOSSIBLE = -3.14e100
# The base dictionary's lines, and the characters whose runs of lines it indexes by code.
_DICTIONARY_LINE = re.compile(r"^(?P<word>\S+) (?P<frequency>[0-9]+)$", re.MULTILINE)
_RUN_FIRST, _RUN_SIZE = 0x3400, 0xA000 - 0x3400
_EMISSION_LINE = re.compile(
    r"(?:'(?P<state>[BEMS])': \{)?'\\u(?P<code>[0-9a-f]{4})': (?P<probability>-?[0-9][0-9.e+-]*)"
)


class CharacterModel:
    """jieba's HMM (finalseg): guesses words, e.g. names, in runs of unknown characters."""

    def __init__(self, folder=None):
        # jieba's own data files, read without importing jieba (which would also load
        # them as dicts of Python floats, ~3 MB that stays even once converted).
        folder = folder or Path(importlib.util.find_spec("jieba").submodule_search_locations[0]) / "finalseg"
        self.start = _load_pickle(folder / "prob_start.p")
        self.transition = _load_pickle(folder / "prob_trans.p")
        size = _HMM_LAST - _HMM_FIRST + 1
        self.emission = {state: array("d", [_HMM_IMPOSSIBLE]) * size for state in _HMM_STATES}
        # prob_emit.py, line by line: one `'\\uXXXX': log probability` per line, a
        # state's first line also opening it (`'B': {`). Characters outside the
        # range the HMM is ever given are skipped.
        state, read = None, 0
        with open(folder / "prob_emit.py", encoding="utf-8") as handle:
            for line in handle:
                found = _EMISSION_LINE.search(line)
                if found is None:
                    continue
                state = found["state"] or state
                code = int(found["code"], 16) - _HMM_FIRST
                if 0 <= code < size:
                    self.emission[state][code] = float(found["probability"])
                    read += 1
        if read < 30_000:  # jieba 0.42.1 has 35,223 in range
            raise RuntimeError(
                f"{folder / 'prob_emit.py'}: not in the format of jieba 0.42 ({read} entries read)"
            )

    def _tags(self, text):
        """jieba's Viterbi: the most likely B/M/E/S tag of each character."""
        emission, transition = self.emission, self.transition
        codes = [ord(char) - _HMM_FIRST for char in text]
        scores = {state: self.start[state] + emission[state][codes[0]] for state in _HMM_STATES}
        paths = {state: [state] for state in _HMM_STATES}
        for code in codes[1:]:
            new_scores, new_paths = {}, {}
            for state in _HMM_STATES:
                emit = emission[state][code]
                score, previous = max(
                    (scores[before] + transition[before].get(state, _HMM_IMPOSSIBLE) + emit, before)
                    for before in _HMM_PREVIOUS[state]
                )
                new_scores[state] = score
                new_paths[state] = paths[previous] + [state]
            scores, paths = new_scores, new_paths
        _score, last = max((scores[state], state) for state in "ES")
        return paths[last]

    def _cut_han(self, text):
        begin = following = 0
        for index, (char, tag) in enumerate(zip(text, self._tags(text), strict=True)):
            if tag == "B":
                begin = index
            elif tag == "E":
                yield text[begin : index + 1]
                following = index + 1
            elif tag == "S":
                yield char
                following = index + 1
        if following < len(text):
            yield text[following:]

    def cut(self, text):
        for block in _HMM_HAN.split(text):
            if _HMM_HAN.match(block):
                yield from self._cut_han(block)
            else:
                yield from (piece for piece in _HMM_SKIP.split(block) if piece)


class Lexicon:
    """Words with frequencies, and jieba's precise cut (dictionary DAG + HMM) over them.

    The base dictionary stays the text of its file, one `word frequency` line per word,
    sorted (tests/search/test_segmentation.py holds the file to that), with the offsets of
    each first character's run of lines: a word is one `str.find` inside its run (at most
    ~4,000 characters, for 不). A word's line sorts before every longer word it begins, so
    the search for longer words at a position stops as soon as no line begins with the text
    so far. Held this way the 60,000 words take ~1.3 MB; as a trie of nodes (pyahocorasick)
    they took ~4 MB, as jieba's dict of Python strings ~10 MB. Words added later (our
    terms, the site's names) are a small dict beside it.
    """

    def __init__(self, make_model=None):
        # The HMM (0.6 MB) is read on the first run of characters the dictionary cannot join:
        # most questions readers type never need it.
        self._make_model = make_model or CharacterModel
        self._model = None
        self._text = "\n"
        # Where each first character's lines start and end in _text: two array slots per
        # character of the CJK blocks (a dict of 7,000 one-character keys would take ~1 MB).
        self._run_bounds = array("I", bytes(8 * _RUN_SIZE))
        self._other_runs = {}
        self._added = {}  # word -> frequency
        self._added_by_first = {}  # first character -> the added words it begins
        self._total = 0
        self._log_total = 0.0

    def load(self, path):
        """Read the base dictionary: a jieba dictionary file, `word frequency` lines in sorted order."""
        # One string, and offsets into it: no per-word objects that would outlive the load.
        with open(path, encoding="utf-8") as handle:
            text = "\n" + handle.read().strip() + "\n"
        total, previous_word, previous_first, lines = 0, "", None, 0
        for line in _DICTIONARY_LINE.finditer(text):
            lines += 1
            word_start = line.start("word")
            if line["word"] <= previous_word:
                raise ValueError(f"{path}: not sorted at {line['word']!r}")
            previous_word = line["word"]
            total += int(line["frequency"])
            first = text[word_start]
            if first != previous_first:
                previous_first = first
                self._set_run(first, word_start, line.end() + 1)
            else:
                self._set_run(first, self._run(first)[0], line.end() + 1)
        if lines != text.count("\n") - 1:
            raise ValueError(f"{path}: every line must be `word frequency` (no part-of-speech tag)")
        self._text = text
        self._total += total
        self._log_total = log(self._total) if self._total else 0.0

    def _set_run(self, first, start, end):
        code = ord(first) - _RUN_FIRST
        if 0 <= code < _RUN_SIZE:
            self._run_bounds[2 * code] = start
            self._run_bounds[2 * code + 1] = end
        else:
            self._other_runs[first] = (start, end)

    def _run(self, first):
        code = ord(first) - _RUN_FIRST
        if 0 <= code < _RUN_SIZE:
            start = self._run_bounds[2 * code]
            return (start, self._run_bounds[2 * code + 1]) if start else None
        return self._other_runs.get(first)

    def add_words(self, pairs):
        """Add (word, frequency) pairs; like jieba, a word added again takes the new frequency."""
        added = dict(self._added)
        for word, frequency in pairs:
            if word and frequency > 0:
                added[word] = frequency
                self._total += frequency
        by_first = {}
        for word in added:
            by_first.setdefault(word[0], []).append(word)
        self._log_total = log(self._total) if self._total else 0.0
        # Swapped whole, so a cut running in another thread sees the old words or the new.
        self._added, self._added_by_first = added, by_first

    def _base_frequency(self, word):
        run = self._run(word[0])
        if run is None:
            return 0
        text = self._text
        at = text.find("\n" + word + " ", run[0] - 1, run[1])
        if at < 0:
            return 0
        start = at + len(word) + 2
        return int(text[start : text.index("\n", start)])

    def frequency(self, word):
        if not word:
            return 0
        found = self._added.get(word)
        return found if found is not None else self._base_frequency(word)

    def edges(self, text):
        """For each position, the (end, frequency) of every dictionary word starting there."""
        base, added, added_by_first = self._text, self._added, self._added_by_first
        find, run_of, length = base.find, self._run, len(text)
        edges = []
        for start, first in enumerate(text):
            row = []
            run = run_of(first)
            if run is not None:
                low, high = run[0] - 1, run[1]
                for end in range(start, length):
                    word = text[start : end + 1]
                    at = find("\n" + word, low, high)
                    if at < 0:
                        break  # no line begins with `word`: no longer word either
                    low = at
                    space = at + len(word) + 1
                    if base[space] == " " and word not in added:
                        row.append((end, int(base[space + 1 : base.index("\n", space)])))
            for word in added_by_first.get(first, ()):
                if text.startswith(word, start):
                    row.append((start + len(word) - 1, added[word]))
            edges.append(row)
        return edges

    def route(self, text, edges):
        """jieba's `calc`: for each position, (log probability of the best cut from there, end of its word).

        A position with no word gets its single character at frequency 1, as in jieba.
        """
        log_total = self._log_total
        route = [None] * len(text) + [(0, 0)]
        for start in range(len(text) - 1, -1, -1):
            route[start] = max(
                ((log(frequency) - log_total + route[end + 1][0], end) for end, frequency in edges[start]),
                default=(-log_total + route[start + 1][0], start),
            )
        return route

    def cut(self, text):
        """Words of `text`, exactly as `jieba.Tokenizer.cut(text, HMM=True)` on the same words."""
        for block in _BLOCK.split(text):
            if not block:
                continue
            if _BLOCK.match(block):
                yield from self._cut_block(block)
            else:
                for piece in _BLOCK_SKIP.split(block):
                    if _BLOCK_SKIP.match(piece):
                        yield piece
                    else:
                        yield from piece

    def _cut_block(self, block):
        route = self.route(block, self.edges(block))
        position, singles = 0, ""
        while position < len(block):
            end = route[position][1] + 1
            if end - position == 1:
                singles += block[position]
            else:
                if singles:
                    yield from self._cut_singles(singles)
                    singles = ""
                yield block[position:end]
            position = end
        if singles:
            yield from self._cut_singles(singles)

    def _cut_singles(self, run):
        """A run of characters the dictionary cut one by one: the HMM may join some of them."""
        if len(run) == 1:
            yield run
        elif not self.frequency(run):
            if self._model is None:
                self._model = self._make_model()
            yield from self._model.cut(run)
        else:
            yield from run


def _load_pickle(path):
    with open(path, "rb") as handle:
        return pickle.load(handle)


@dataclass(frozen=True)
class QueryTerm:
    """One word of a query: matches as `word`, or failing that as all of `parts`."""

    word: str
    parts: tuple = ()
    prefix: bool = False


class Segmenter:
    """The lexicon of the trimmed dictionary, plus our own words."""

    def __init__(self, dictionary=BASE_DICTIONARY, extra_files=(UNION_TERMS,)):
        self._dictionary = dictionary
        self._extra_files = extra_files
        self._lexicon = None
        self._lock = threading.Lock()
        self._site_words = set()
        self._site_words_loaded_at = None

    # -- loading ---------------------------------------------------------
    @property
    def lexicon(self):
        if self._lexicon is None:
            with self._lock:
                if self._lexicon is None:
                    lexicon = Lexicon()
                    lexicon.load(self._dictionary)
                    for path in self._extra_files:
                        lexicon.add_words((word, CUSTOM_WORD_FREQUENCY) for word in read_word_file(path))
                    self._lexicon = lexicon
        self._refresh_site_words_if_stale()
        return self._lexicon

    def _refresh_site_words_if_stale(self):
        now = time.monotonic()
        loaded_at = self._site_words_loaded_at
        if loaded_at is not None and now - loaded_at < SITE_WORDS_REFRESH_SECONDS:
            return
        self._site_words_loaded_at = now
        self.add_words(gather_site_words())

    def add_words(self, words):
        """Make each of `words` one unit for the segmenter (idempotent, cheap)."""
        lexicon = self._lexicon
        if lexicon is None:
            # Not loaded yet: the words will be gathered from the database on load.
            return
        new = []
        for word in words:
            for chunk in dictionary_chunks(word):
                if chunk not in self._site_words:
                    self._site_words.add(chunk)
                    new.append((chunk, CUSTOM_WORD_FREQUENCY))
        if new:
            lexicon.add_words(new)
            _segment_cached.cache_clear()

    def knows(self, word):
        return bool(self.lexicon.frequency(word))

    # -- segmentation ----------------------------------------------------
    def words(self, text):
        """Tokens of the precise cut, normalised; no punctuation or syntax."""
        tokens = []
        for word in self.lexicon.cut(normalise(text)):
            tokens.extend(_TOKEN.findall(word))
        return tokens

    def index_tokens(self, text):
        frequency = self.lexicon.frequency
        tokens = []
        for token in self.words(text):
            tokens.append(token)
            if len(token) > MAX_SCAN_LENGTH or not _HAN.search(token):
                continue
            known = bool(frequency(token))
            if known and len(token) <= 2:
                continue
            if not known:
                # A guessed word (a name the HMM joined): its characters too.
                tokens.extend(char for char in token if _HAN.match(char))
            tokens.extend(self._dictionary_subwords(token))
        return tokens

    def _dictionary_subwords(self, token):
        frequency = self.lexicon.frequency
        found = []
        length = len(token)
        for start in range(length):
            for end in range(start + 2, min(start + MAX_SUBWORD_LENGTH, length) + 1):
                if end - start == length:
                    continue
                piece = token[start:end]
                if frequency(piece):
                    found.append(piece)
        return found

    def split_without_whole(self, token):
        """The most likely segmentation of `token` that is not `token` itself."""
        lexicon = self.lexicon
        edges = lexicon.edges(token)
        last = len(token) - 1
        edges[0] = [(end, frequency) for end, frequency in edges[0] if end != last]
        route = lexicon.route(token, edges)
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
