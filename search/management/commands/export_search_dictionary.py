"""Write our union terms and the site's names, one per line.

For an Elasticsearch/OpenSearch IK analyser's custom dictionary (ext_dict), or
to review what the segmenter treats as one word:

    python manage.py export_search_dictionary > union_words.dic
"""

from django.core.management.base import BaseCommand

from search.dictionary import gather_site_words
from search.segmentation import UNION_TERMS, dictionary_chunks, read_word_file


class Command(BaseCommand):
    help = "输出检索用的自定义词表（工会基础词表 + 本站劳模姓名、专题、栏目、规范用语），每行一个词。"

    def handle(self, *args, **options):
        words = set(read_word_file(UNION_TERMS))
        for name in gather_site_words():
            words.update(dictionary_chunks(name))
        for word in sorted(words):
            self.stdout.write(word)
