"""What on a page is not article text ("chrome"), stated here and nowhere else.

Every text of the page's article reaches the brief unless this module calls it chrome (the
walks consult :class:`Chrome`; docs/security.md repeats the list). Chrome is:

1. **Never text**: scripts, styles, media, form controls and the like
   (:data:`~.inline.NOT_TEXT`), and anything hidden: the ``hidden`` attribute,
   ``aria-hidden="true"``, a ``display:none`` or ``visibility:hidden`` style, and the
   screen-reader-only classes (:data:`HIDDEN_NAMES`).
2. **Outside the article**: everything outside the content area the parser picks
   (:func:`~.content.find_content`), and inside it the blocks set aside as not
   belonging to the article (a teaser beside the story in the same wrapper).
3. **Furniture inside the article**: ``nav``, ``dialog`` and ``label`` always; ``header``,
   ``footer`` and ``form`` elements, elements whose class or id names furniture
   (:data:`CHROME_WORDS`, matched by word: ``all-screen-footer-wrap`` and ``bylineWrap``
   both count; never an embed), lists of links (menus, "more stories") and articles nested
   in the article (comments and teasers, as HTML defines them), unless they hold more than 40%
   of the article's text (then the name was wrong, not the text). A ``header`` or
   ``footer`` inside a section, article, quote or figure of the article is that part's own
   (a section heading, a quote's attribution) and is content.
4. **Interface lines**: the "View Original" link of syndicated posts, and a paragraph,
   heading or list item (not a table cell) whose whole text is counters, symbols or
   interface words (:data:`WIDGET_WORDS`: "0", "Advertisement", "Share · Tweet",
   "Read more").

The title ``h1`` and the metadata are not dropped: they become the brief's title and fields.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

from .dom import Element, plain, tag_of

if TYPE_CHECKING:
    from .score import Measures

__all__ = [
    "CHROME_WORDS",
    "CONTENT_WORDS",
    "HIDDEN_NAMES",
    "LAYOUT_WORDS",
    "PAGE_FURNITURE",
    "REGION_WORDS",
    "WIDGET_WORDS",
    "Chrome",
    "is_hidden",
    "is_page_furniture",
    "name_words",
    "named_chrome",
    "region_chrome",
    "widget_line",
]

#: Furniture wherever it is; with the tags of :data:`NOT_TEXT`, never article text.
_ALWAYS_TAGS = frozenset({"nav", "dialog", "label"})
#: Furniture unless it holds most of the article, or belongs to a part of the article.
_SOFT_TAGS = frozenset({"header", "footer", "form"})
#: Furniture at page level. An ``aside`` is a sidebar there, but a callout box inside the
#: article; a ``form`` may wrap the whole page (ASP.NET sites), so it is judged only inside
#: the article.
PAGE_FURNITURE = _ALWAYS_TAGS | {"header", "footer", "aside"}
_LIST_TAGS = frozenset({"ul", "ol", "menu"})
#: Ancestors that make a header or footer that part's own (inside the content area).
_OWNING = frozenset({"section", "article", "blockquote", "figure", "details", "li", "td"})
#: Class and id tokens that mean "not shown" or "only for screen readers".
HIDDEN_NAMES = frozenset(
    {"hidden", "sr-only", "visually-hidden", "screen-reader-text", "screen-reader-only"}
)
#: Words (and two-word compounds) of class and id names that mark page furniture: regions
#: whose text is never the article (comments, sharing, teasers, notices, meta lines) ...
REGION_WORDS = frozenset(
    {
        "ad",
        "ads",
        "advert",
        "adverts",
        "advertisement",
        "advertising",
        "author",
        "bio",
        "breadcrumb",
        "breadcrumbs",
        "byline",
        "comment",
        "comments",
        "consent",
        "cookie",
        "cookies",
        "disqus",
        "follow",
        "carousel",
        "gallery",
        "latest",
        "login",
        "meta",
        "modal",
        "mostpopular",
        "mostread",
        "newsletter",
        "outbrain",
        "pager",
        "pagination",
        "paywall",
        "popular",
        "popup",
        "prev",
        "previous",
        "promo",
        "promos",
        "promotion",
        "recommended",
        "related",
        "share",
        "shares",
        "sharing",
        "signin",
        "signup",
        "slideshow",
        "social",
        "sponsor",
        "sponsored",
        "subscribe",
        "subscription",
        "taboola",
        "tags",
        "ticker",
        "trending",
        "widget",
        "widgets",
    }
)
#: ... and layout furniture, which sites also use for wrappers around everything (a
#: "sticky-sidebar" plugin's box, "the column beside the rail").
LAYOUT_WORDS = frozenset(
    {
        "banner",
        "footer",
        "header",
        "masthead",
        "menu",
        "nav",
        "navbar",
        "navigation",
        "rail",
        "sidebar",
        "skip",
        "toolbar",
        "topbar",
    }
)
CHROME_WORDS = REGION_WORDS | LAYOUT_WORDS
#: Name words of embedded posts and media: content, whatever else the name says.
_EMBED_WORDS = frozenset({"embed", "embedded"})
#: Whole class or id tokens that are furniture though none of their words says so.
_CHROME_TOKENS = frozenset({"view-original", "site-title", "item-pagination-prev-next"})
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
#: Interface words: a line of nothing but these (with counters and symbols) is chrome ...
WIDGET_WORDS = frozenset(
    {
        "ad",
        "ads",
        "advert",
        "advertisement",
        "advertising",
        "anuncio",
        "anzeige",
        "comment",
        "comments",
        "compartir",
        "email",
        "facebook",
        "instagram",
        "linkedin",
        "partager",
        "pinterest",
        "print",
        "publicidad",
        "publicidade",
        "publicité",
        "reddit",
        "share",
        "shares",
        "sponsored",
        "subscribe",
        "teilen",
        "tweet",
        "twitter",
        "werbung",
        "whatsapp",
    }
)
#: ... and so is a line of two or more words that are these or those ("Read more", "Buy
#: now", "Share this on WhatsApp"), though each alone is an ordinary word.
_WEAK_WIDGET_WORDS = frozenset(
    {
        "all",
        "back",
        "buy",
        "click",
        "close",
        "continue",
        "copy",
        "e",
        "follow",
        "here",
        "like",
        "link",
        "listen",
        "load",
        "mail",
        "more",
        "now",
        "on",
        "our",
        "pin",
        "read",
        "reading",
        "reply",
        "save",
        "see",
        "show",
        "this",
        "to",
        "top",
        "us",
        "via",
        "view",
        "views",
    }
)
#: Name words of blocks that hold articles.
CONTENT_WORDS = frozenset({"article", "body", "content", "entry", "main", "post", "story", "text"})
_NO_WORDS: frozenset[str] = frozenset()
_LINE_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LINE_MAX = 60
#: Share of the article's text above which a soft chrome rule is not applied.
_SPARE_SHARE = 0.4


def name_words(el: Element) -> frozenset[str]:
    """The words of the element's class and id names, lower-cased, with two-word
    compounds: ``"RichTextArticleBody sign-up"`` gives rich, text, article, body, sign,
    up and the compounds richtext, ..., signup."""
    names = el.get("class")
    ident = el.get("id")
    if ident:
        names = f"{names} {ident}" if names else ident
    return _words_of(names) if names else _NO_WORDS


@functools.lru_cache(maxsize=4096)
def _words_of(names: str) -> frozenset[str]:
    """(Sites repeat the same class strings on many elements: split each once.)"""
    words: set[str] = set()
    for token in names.split():
        parts = [w.lower() for w in _WORD.findall(token)]
        words.update(parts)
        words.update(a + b for a, b in itertools.pairwise(parts))
    return frozenset(words)


def _tokens(el: Element) -> frozenset[str]:
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return frozenset(names.split())


def is_hidden(el: Element) -> bool:
    """Hidden from readers by attribute, style or screen-reader-only class."""
    get = el.get
    if get("hidden") is not None:
        return True
    aria = get("aria-hidden")
    if aria is not None and aria.strip().lower() == "true":
        return True
    style = get("style")
    if style:
        style = style.replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style:
            return True
    names = get("class")
    if not names:
        return False
    names = names.lower()
    if "hidden" not in names and "only" not in names and "screen-reader" not in names:
        return False  # (every name of HIDDEN_NAMES holds one of these)
    return not frozenset(names.split()).isdisjoint(HIDDEN_NAMES)


def named_chrome(el: Element) -> bool:
    """Class or id names page furniture (by word, or one of a few whole tokens), and not
    an embed (a quoted post is content whatever its wrapper is called)."""
    if not el.get("class") and not el.get("id"):
        return False
    words = name_words(el)
    if not words.isdisjoint(_EMBED_WORDS):
        return False
    return not words.isdisjoint(CHROME_WORDS) or not _tokens(el).isdisjoint(_CHROME_TOKENS)


def region_chrome(el: Element) -> bool:
    """Named as a region that is never the article (comments, sharing, teasers), and not
    also as content ("comment-content" is still a comment; "post author-ana" is a post)."""
    if not el.get("class") and not el.get("id"):
        return False
    words = name_words(el)
    return not words.isdisjoint(REGION_WORDS) and (
        tag_of(el) not in ("article", "main") and words.isdisjoint(CONTENT_WORDS)
    )


def is_page_furniture(el: Element) -> bool:
    """Furniture at page level, never where the article is looked for: ``nav``, ``aside``,
    ``header``, ``footer``, ``dialog``, ``label``. Names are weaker evidence there (a
    "sticky-sidebar" wrapper may hold the whole article) and only weigh the candidates."""
    return tag_of(el) in PAGE_FURNITURE


def widget_line(text: str) -> bool:
    """A short line of only counters, symbols and interface words ("0", "Share · Tweet",
    "Read more"); one ordinary word ("More") is not enough."""
    if len(text) > _LINE_MAX:
        return False
    words = _LINE_WORD.findall(text.casefold())
    if not all(w in WIDGET_WORDS or w in _WEAK_WIDGET_WORDS for w in words):
        return False
    return len(words) != 1 or words[0] in WIDGET_WORDS


class Chrome:
    """The chrome predicate for one content area (``root``): true for what to leave out.

    ``measures`` are the page's (from its one measuring pass); ``outside`` holds blocks
    inside ``root`` that the content search set aside. Whether an element sits in a part
    of the article that owns its header or footer, or in an article nested in the article,
    is remembered per element, so asking costs no walk up the tree per element.
    """

    def __init__(
        self, root: Element, measures: Measures, *, outside: frozenset[Element] = frozenset()
    ) -> None:
        self.root = root
        self._m = measures
        self._outside = outside
        self._total = max(measures.text(root), 1)
        self._context: dict[Element, tuple[bool, bool]] = {root: (False, False)}

    def hard(self, el: Element) -> bool:
        """Chrome whatever the page: never text, hidden (what the measuring pass did not
        enter: it skips both), always-furniture tags, and the "View Original" link of
        syndicated posts."""
        if el not in self._m.of:
            return True
        tag = el.tag
        if tag in _ALWAYS_TAGS:
            return True
        return tag == "a" and plain(el, limit=20).casefold() == "view original"

    def _spared(self, el: Element) -> bool:
        return self._m.text(el) > self._total * _SPARE_SHARE

    def _inside(self, el: Element) -> tuple[bool, bool]:
        """Whether, strictly between ``root`` and ``el``, there is a part of the article
        owning its header and footer, and an ``article`` (the article nests ``el``'s)."""
        chain: list[Element] = []
        node = el.getparent()
        known: tuple[bool, bool] | None = None
        while node is not None:
            known = self._context.get(node)
            if known is not None:
                break
            chain.append(node)
            node = node.getparent()
        owned, nested = known if known is not None else (False, False)
        for anc in reversed(chain):  # outermost first: each covers itself and those above
            tag = tag_of(anc)
            owned = owned or tag in _OWNING
            nested = nested or tag == "article"
            self._context[anc] = (owned, nested)
        return owned, nested

    def link_list(self, el: Element) -> bool:
        """A list whose items are nothing but links (a menu, a "more stories" box)."""
        if tag_of(el) not in _LIST_TAGS:
            return False
        if sum(1 for li in el if tag_of(li) == "li") < 3:
            return False
        stats = self._m.of.get(el)
        return stats is not None and stats.text > 0 and stats.links >= stats.text * 0.9

    def has_blocks(self, el: Element) -> bool:
        """The element holds block elements (from the measuring pass)."""
        return self._m.has_blocks(el)

    def line(self, text: str) -> bool:
        """An interface line: chrome by its whole text (see :func:`widget_line`)."""
        return widget_line(text)

    def __call__(self, el: Element) -> bool:
        """(Asked of elements only, by the walks.)"""
        if el is self.root:
            return False
        if self.hard(el) or el in self._outside:
            return True
        tag = el.tag
        if tag in _SOFT_TAGS:
            owned = tag != "form" and self._inside(el)[0]
            return not owned and not self._spared(el)
        if (
            named_chrome(el)
            or (tag in _LIST_TAGS and self.link_list(el))
            or (tag == "article" and self._inside(el)[1])
        ):
            return not self._spared(el)
        return False
