"""Word segmentation: spaCy's Chinese class with the jieba segmenter and our user dictionary.

jieba keeps one global dictionary, so only this module loads the user dictionary
(``data/jieba_userdict.txt``), and only once. Nothing here runs at import time: the
numeric detectors never pay for jieba or spaCy.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from ._data import load_table


def load_user_dictionary() -> None:
    """Make jieba (spaCy's segmenter too) use our government vocabulary; runs once."""
    _jieba()


@functools.cache
def _jieba() -> Any:
    """jieba with the government-vocabulary user dictionary loaded (once per process)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    for word, freq, tag in load_table("jieba_userdict.txt", 3):
        jieba.add_word(word, int(freq), tag)
    return jieba


def pos_tags(text: str) -> list[tuple[str, str]]:
    """(word, jieba tag) pairs for a short piece of text.

    >>> ("指出", "v") in pos_tags("胡海峰指出")
    True
    """
    posseg = _jieba().posseg
    return [(p.word, p.flag) for p in posseg.lcut(text)]


def build_nlp() -> Any:
    """A blank spaCy Chinese pipeline that segments with jieba and our user dictionary."""
    import spacy

    _jieba()
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


@functools.cache
def shared_nlp() -> Any:
    """The one pipeline of this process (``build_nlp()`` plus the govnews_extract component)."""
    from . import component

    nlp = build_nlp()
    nlp.add_pipe(component.FACTORY)
    return nlp
