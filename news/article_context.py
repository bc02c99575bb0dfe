"""Context of the article page: section, prev/next, related reading, counts, QR code."""


def article_context(article, request):
    return {}
