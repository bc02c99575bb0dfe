"""互动交流's models: messages and their handling (`messages.py`), and the 信件公开 pages (`letters.py`)."""

from .letters import LetterIndexPage, LetterPage, anonymise_text  # noqa: F401
from .messages import *  # noqa: F403
