"""Site chrome in copied text: what a line *is*, judged on the whole line, never its first word.

Copying a web page brings its interface along: buttons and link labels ("Share", "Find Out
More", "READ FULL REPORT"), comment forms ("Post a Comment"), newsletter boxes, social
links, page anchors ("top of page"), legal and cookie notices, logo alt text and image file
names. This module (with :mod:`.form_chrome` for comment and newsletter forms,
:mod:`.image_chrome` for images' lines and :mod:`.site_chrome` for site builders' and
document hosts') is the one place that says what counts as chrome.

A line is chrome only when the *whole* line matches one of the patterns below, so a
sentence that merely starts like a footer ("Comments by the governor ...", "Copyright
holders agreed ...", "Subscribers reported ...") stays content. Patterns are anchored at both
ends and have no nested repetition; lines longer than ``_MAX_CHROME_CHARS`` are never chrome.

Two strengths: *strong* lines are chrome wherever they stand; *weak* lines ("Search",
"Twitter", "Email Address", "50%") are chrome only next to other chrome (see
:mod:`briefkit.parsers.text.resolve`), because alone they could be a word of content.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .crumbs import CRUMB, is_crumbs, slash_crumbs
from .form_chrome import FORM_PATTERNS
from .image_chrome import IMAGE_PATTERNS
from .site_chrome import SITE_PATTERNS
from .wiki_interface import WIKI_INTERFACE

__all__ = [
    "CRUMB",
    "STRONG",
    "WEAK",
    "chrome_strength",
    "is_chrome",
    "is_contents_label",
    "is_counter",
    "is_crumbs",
    "is_cta",
    "is_menu_prompt",
    "is_related_label",
    "slash_crumbs",
    "strip_notice",
    "unglued_anchor",
]

WEAK = 1
STRONG = 2

_MAX_CHROME_CHARS = 320
_MAX_WEAK_CHARS = 24
_MAX_ROW_CHARS = 160
_DECOR = " \t•·|»«›‹→←>▸►*-–—"  # bullets, arrows and bars that wrap a link label

#: A menu's instruction over its entries (see ``is_menu_prompt``).
_MENU_PROMPT = re.compile(
    r"(?:click|tap|select|choose) (?:on )?(?:the |an? |one of the )?"
    r"(?:icons?|tabs?|buttons?|images?|tiles?|topics?)(?: below| above)? to "
    r"(?:navigate|explore|learn more|find out more|jump to (?:a|each|that) section)\.?",
    re.IGNORECASE,
)


_STRONG_PATTERNS = (
    # sharing, printing, saving
    r"share(?: this| on| via)?(?: (?:article|post|page|story|report|brief|section|content))?"
    r"(?: (?:on|via) (?:facebook|twitter|x|linkedin|whatsapp|email|telegram))?:?",
    r"(?:print|email|e-mail|save|bookmark|copy link|copy the link)(?: this (?:page|article|post))?",
    r"printer-friendly version|send by e-?mail|print friendly,? pdf (?:&|and) e-?mail",
    r"printer[- ]friendly(?: page| format)?",
    # a share plugin's buttons ("Click to Tweet.", "Click to share on X (Opens in new
    # window)", "Click to send to Facebook.") and their label ("Share with your friends")
    r"click to (?:share|tweet|print|email|e-mail|pin|send)(?: (?:to|on|via|by) [\w ]{1,30}"
    r"| a link to a friend)?\.?(?: \(opens in (?:a )?new window\))?",
    r"share (?:it )?with (?:your )?friends:?",
    # a documentation theme's anchor under a heading ("Section titled “Overview”")
    r"section titled [“\"][^”\"\n]{1,200}[”\"]",
    # a blog theme's placeholder for an empty widget
    r"there is no custom code to display\.?",
    r"tweet(?: this)?",
    # a share button in the languages of the largest sites ("Partilhar", "Teilen")
    r"partilhar|compartilhar|compartir|partager|teilen|condividi|delen|udostępnij",
    *FORM_PATTERNS,
    # links and buttons
    r"read (?:more|on|the full (?:report|article|story|analysis|brief|newsletter|post))"
    r"(?: here)?\.?",
    r"read full (?:report|article|story|analysis|brief)",
    # the piece's full text behind a button or a link ("Read the full memo by clicking the
    # download button at the top of this page.", "Read the full comment - click here")
    r"(?:read|download|view|see) the full [\w' -]{1,30}?(?: by clicking (?:on )?the "
    r"[\w' -]{1,30}(?:button|link)(?: (?:at the (?:top|bottom)|above|below)(?: of (?:this|the)"
    r" page)?)?| [-–—:] click here| (?:at|on) (?-i:[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,5}))\.?",
    # "Download the Brief [pdf]", "Download Security Brief #26 [PDF] ENGLISH | FRANÇAIS"
    r"download (?:the |this )?[\w' #-]{1,40} (?:\[pdf\]|\(pdf\))"
    r"(?: [^\W\d_]{2,12}(?: \| [^\W\d_]{2,12})*)?",
    # a download link with the file's size ("Download PDF • 1.95MB")
    r"download(?: (?:the )?pdf)? ?[•·|-]? ?\d{1,4}(?:[.,]\d{1,2})? ?[km]b",
    # a cross-reference's links ("See also: self-coup, coup d'etat, political crisis.")
    r"see also: [^\n.]{1,120}\.?",
    r"continue reading(?: at [\w.-]{1,60})?\.?",
    # an aggregator's line under a post's excerpt
    r"(?:please )?support the (?:originator|original (?:author|publisher|site)|author|source) "
    r"by clicking (?:on )?the (?:read the rest|read more|continue reading|original) link"
    r"(?: below| above)?\.?",
    r"see the original(?: here)?\.?",
    r"(?:download|view|get) (?:the )?(?:full )?(?:report|pdf|brief|paper|document)"
    r"(?: \(pdf\))?(?: here)?\.?",
    r"download(?: now| pdf(?: file)?| file| here)?",
    r"download (?:the |our )?(?:latest|full|complete|current|new) [\w' -]{1,40}",
    r"report (?:dmca|abuse|this (?:document|file|content))(?: ?/ ?copyright)?",
    r"[←‹«<] ?(?:back|return) to [\w' &-]{1,60}",  # an arrowed back link
    r"(?:back|return) to (?:the )?(?:overview|list|listing|category list|results|search results"
    r"|previous page"
    r"|all (?:news|posts|articles|reports|publications|insights)|news|blog|articles|homepage"
    r"|home page|publications|insights|reports)",
    r"(?:available )?downloads?",
    r"(?:learn|find out) more(?: about [\w' .&-]{1,40})?",
    r"click (?:here|link|the link|this link)(?: to [\w' -]{1,40})?",
    r"click to (?:read more|hide|show(?: more)?|expand|collapse|view)",
    r"(?:discover|explore) (?:how we are different|our (?:services|solutions|library))",
    r"about us|contact us|our services|our team",
    r"to suggest a correction or clarification, write to us here\.?",
    r"contact us to (?:request|suggest|report) a correction\.?",
    r"skip advertisement",
    r"you can also highlight the text and press ctrl \+ enter\.?",
    # page furniture
    r"(?:posted|published|updated|written|filed)(?: on| by| in| under)?:?|by:?",
    r"skip (?:to |over )?(?:the )?(?:global |main |primary |breadcrumb )?"
    r"(?:navigation|content|menu|search)(?: to (?:the )?main content)?\.?",
    r"(?:top|bottom) of page",
    r"back to top|scroll to top",
    r"(?:<<?|‹|←|«) ?back(?: to [\w' &-]{1,40})?",  # a back link ("< Back", "← Back to blog")
    r"back to (?:the )?main (?:blog|page|site|menu)|zurück zur (?:übersicht|startseite)",
    r"see all (?:posts|articles|news|publications|reports|insights|stories|events)",
    r"(?:send|e-?mail) (?:this )?to a friend|enviar a un amigo|join (?:now|today)!?",
    r"all (?:posts|articles|stories|insights|reports)",  # a blog's link back to its index
    r"(?:skip|jump) to (?:main )?(?:content|navigation)|skip links",
    r"(?:toggle|main|primary) (?:navigation|menu)",
    r"select page",  # a theme's mobile menu
    r"(?:view|sort|filter|order|group) by:?",  # a listing's control, its options lost
    r"close this search box\.?",
    r"(?:search )?please (?:fill (?:out|in)|complete) this field\.?",
    r"(?:table|list) of contents? ?:?",
    r"article with toc",  # a theme's toggle for the contents box
    r"(?:single )?post navigation",
    r"this entry was posted in [^\n]{0,160}bookmark the permalink\.?",
    r"view original",
    # feedback widgets ("Was this information helpful?", "Thanks for your feedback!")
    r"(?:was|is) this (?:page|information|article|content|post|answer) (?:helpful|useful)\??",
    r"(?:thanks|thank you) for your feedback[.!]?",
    # a sale banner ("Spring Deal: Save up to 78% before April 21. Claim now!") and its
    # buttons and image ("Claim Now!", "Sticky Banner Visual Mobile 3")
    r"(?:don't miss (?:the |our )?)?(?:[\w'-]+ ){0,2}(?:deal|sale|offer): save up to \d{1,2}%"
    r"(?: off)?(?: (?:before|until|by) [\w ,]{1,24}| [—–-] offer ends in)?[.!]?(?: claim now!?)?",
    r"claim (?:now|it now|your (?:deal|offer|discount))!?",
    r"(?:sticky |top |hero |promo |promotional )?banner(?: (?:visual|image|ad))?"
    r"(?: (?:desktop|mobile|tablet))?(?: \d{1,2})?",
    r"(?:get|request|ask for) (?:a|your) (?:free )?quote(?: today| now)?!?",
    # a help widget's call with its buttons ("Still need help? Contact Us Contact Us")
    r"(?:still need help|need (?:more |further |any )?help|(?:have|got) (?:more |other )?"
    r"questions)\?(?: (?:contact us|contact support|get in touch|submit a request|chat with us))"
    r"{1,2}",
    r"tell us why this (?:page|information|article) was(?: not)? (?:helpful|useful)[^\n]{0,100}",
    # a date field's label whose value the copy lost ("Date modified:")
    r"(?:date (?:modified|published|updated|created)|last (?:modified|updated|reviewed)):?",
    # a link to the piece as a PDF ("Click here for a PDF version of this report.")
    r"(?:click here for|download|view|get|read) (?:a |the )?(?:pdf|printable|print-friendly)"
    r" (?:version|copy)(?: of this [\w' -]{1,40})?(?: here)?\.?",
    # a generated page's notice ("Disclaimer: Factually can make mistakes. Please verify
    # important information. Learn more.")
    r"(?:disclaimer: )?(?-i:[A-Z][\w.-]{1,30}(?: [A-Z][\w.-]{1,30})?) can make mistakes\.? "
    r"(?:please )?(?:verify|check|double-check)[^\n]{1,160}",
    # a donation banner ("UNITED24 - Make a charitable donation in support of Ukraine!")
    r"(?:[\w' .&-]{1,40} [-–—|] )?(?:make a (?:charitable |tax-deductible )?donation"
    r"|donate(?: now| today)?)(?: (?:in support of|to support|to help) [\w' .&-]{1,60})?[.!]?",
    # a listing card's relative time ("a day ago", "3 hours ago")
    r"(?:updated:? )?(?:(?:a|an|one|\d{1,3}) (?:second|sec|minute|min|hour|hr|day|week|month"
    r"|year)s? ?){1,3}ago",
    # a wiki page's namespaced title or file link ("Category:Regional Security", "File:x.png")
    r"(?:category|file|image|template|portal):\S[^\n]{0,100}",
    # a documentation component's tag left over from markup, alone ("<Warning>", "</Steps>")
    r"</?[A-Z][A-Za-z]{1,30}>",
    # a code fence with its language left over from markup, alone on its line ("```wiki")
    r"(?:```|~~~)[\w+#.-]{0,20}",
    # a feed page's link to its own feed, a wiki transcription's proofreading status
    r"syndicate content",
    r"this page has (?:been (?:validated|proofread)|not been proofread)\.?",
    # a text-size widget's label
    r"text size",
    r"your (?:web )?browser is (?:no longer|not) supported\.?"
    r"(?: to improve your experience,? update it here\.?)?",
    # "IE 11 is not supported. For an optimal experience visit our site on another browser."
    r"(?:ie|internet explorer) ?\d{0,2} is (?:no longer |not )supported\.(?: [^\n]{1,100})?",
    # a podcast's call under the piece ("Listen to our Quarterly Analysis Podcast.")
    r"listen to (?:our|the) [\w' -]{1,40} podcast\.?",
    # a wiki page's site line ("From Wikipedia, the free encyclopedia")
    r"from [\w&'., -]{1,60}(?:encyclop(?:a)?edia|wikipedia|wiki)(?:, the free encyclopedia)?",
    r"showing posts with label [^\n]{1,60}\. show all posts",
    r"you are on page \d{1,5} ?of \d{1,5}",
    r"jump to (?:comments|navigation)(?:,? jump to search)?",  # MediaWiki's skip links
    *WIKI_INTERFACE,
    r"(?:advertisement|advertising|sponsored(?: content)?|fbpx|(?:ad )?loading(?:\.\.\.|…)?)",
    # a template's comment left in the copy ("/* */")
    r"/\*[^\n]{0,80}\*/",
    # an e-book's locator of the printed edition's pages
    r"printed page \d{1,5}(?:[-–]\d{1,5})?",
    r"(?:google|bing|yandex|facebook)[\w-]{0,20}-verification: ?\S{1,80}",
    r"\d{1,3} min(?:ute)?s? read",
    # a newsletter's pointer to the same piece as video or audio ("Prefer YouTube?")
    r"prefer (?:to (?:listen|watch)|audio|video|youtube|spotify|apple podcasts|(?:the )?podcast)"
    r"\??",
    r"\d{1,9} views?",
    r"\d{1,9} views? ?\d{1,9} (?:comments?|likes?|shares?)",
    r"\d[\d,]{0,9} (?:downloads?|views?)\b[^\n]{0,80}",
    # a search result's snippet copied with the page: "Sep 4, 2015 - ... text ...."
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}, \d{4} "
    r"- \.\.\.[^\n]{0,250}",
    # social
    r"follow us(?: on)?:?",
    r"follow (?:us )?on (?:twitter|x|facebook|linkedin|instagram|telegram|youtube)",
    r"follow our coverage [^\n]{1,80}",
    r"join us on (?:telegram|whatsapp|facebook|twitter|x|linkedin)",
    r"like us on facebook",
    r"connect directly",
    r"connect with us:?",
    # legal, cookies, site notices
    r"© ?[^\n]{0,120}",
    r"\(c\) ?\d{4}[^\n]{0,120}",
    r"copyright (?:©|\(c\)|\d{4})[^\n]{0,120}",
    r"(?:[\w' .&-]{1,60}\. )?all rights reserved\.?",
    r"powered by [\w' .&-]{1,40}",
    r"(?:privacy|cookie) policy|terms (?:of (?:use|service)|and conditions)",
    r"(?:we use cookies|this (?:site|website) uses cookies)[^\n]{0,160}",
    r"accept(?: all)? cookies",
    r"please enable javascript[^\n]{0,120}",
    r"javascript is (?:disabled|required)[^\n]{0,120}",
    r"[\w' .&-]{1,40} is (?:now )?(?:a )?part of the [\w' .&-]{1,60} "
    r"(?:division|family of companies|group of companies)(?: of [\w' .&-]{1,60})?\.?",
    r"this site is operated by [^\n]{1,290}",
    # a site naming who runs it beside its name ("X — a service provided by Y")
    r"[^\n]{1,100} [—–-] (?:a |an )?(?:service|project|publication|initiative|product)"
    r" (?:provided by|of|from|run by) [\w' .&-]{1,60}",
    *IMAGE_PATTERNS,
    *SITE_PATTERNS,
    # a line of punctuation only: dividers, code fences
    r"[^\w\s]{1,40}",
)
#: "Contents" in the languages of the largest sites ("Sommaire", "Inhalt").
_FOREIGN_CONTENTS = (
    r"sommaire|table des matières|inhalt|inhaltsverzeichnis|índice|indice|contenidos?|inhoud"
    r"|inhoudsopgave|sumário|sommario"
)
_WEAK_PATTERNS = (
    r"search|menu|home|index|contents|archives?|categories|tags?:?|back",
    r"rechercher|recherche|buscar|suche|suchen|cerca|pesquisar|zoeken",  # "Search", translated
    # "Contents" in the languages of the largest sites (a label over its list: see
    # ``is_contents_label``)
    _FOREIGN_CONTENTS,
    r"comments?|reply|name|e-?mail|website|submit|send|close|reset|x|thank you!?",
    r"(?:e-?mail|first|last|your) (?:address|name)",
    r"twitter|facebook|linkedin|rss|instagram|youtube|telegram|whatsapp|reddit|x\.com",
    r"e-?mail vvv",
    r"\d{1,3}%",
    r"reading time",
    r"full (?:report|article|story|text)",
    # attached files: a document's file name beside a download button is its link; alone it
    # may be an indicator (a phishing attachment), so it is only weak
    r"[\w.()-]{1,20}\.(?:pdf|docx?|xlsx?|pptx?|odt|csv|zip)",
    # a user name as sites print it beside an upload or a comment ("halvorsen88")
    # in lower case only: "CVE-2024-2617" alone on a line is an identifier the brief reports
    r"(?-i:(?=[a-z0-9_.-]*[0-9_])[a-z][a-z0-9_.-]{2,30})",
    r"featured(?: (?:post|article|story|image|content))?|editor'?s (?:pick|choice)",
)
#: A listing's counters ("Displaying 31 - 40 of 611 articles", "Displaying 1-20 out of 223",
#: "Page 56 of 59", "Found 176 Results"): chrome, and the line over one is the listing's title.
_COUNTERS = (
    r"(?:displaying|showing|viewing)(?: results?| items?)? \d[\d,]{0,9} ?(?:-|–|to) ?"
    r"\d[\d,]{0,9} (?:out )?of \d[\d,]{0,9}(?: (?:results?|articles?|items?|entries|posts|"
    r"publications|documents|records|stories))?",
    r"page \d{1,5} of \d{1,5}",
    r"found \d[\d,]{0,9} (?:results?|articles?|items?|entries|posts|publications)",
)
_COUNTER = re.compile("(?:" + "|".join(_COUNTERS) + ")", re.IGNORECASE)
_STRONG = re.compile("(?:" + "|".join((*_STRONG_PATTERNS, *_COUNTERS)) + ")", re.IGNORECASE)
_WEAK = re.compile("(?:" + "|".join(_WEAK_PATTERNS) + ")", re.IGNORECASE)
#: A page's links to its translations ("Also available in Français", "Also available in
#: Burmese, 简体中文"): language names are capitalised or in their own script, so "Also
#: available in paperback" is text. Case-sensitive.
_NAME = r"(?:[A-Z\u00c0-\u00de][\w\u00c0-\u024f-]{1,20}|[^\x00-\u024f\s,]{1,12})"
_TRANSLATIONS = re.compile(
    rf"(?:Also|This (?:page|article|report|publication) is also) available in:? {_NAME}"
    rf"(?:(?:, | and ){_NAME}){{0,6}}"
)
#: A listing entry's label naming the kind of piece and its region or topic ("Briefing /
#: Africa", "Op-Ed / Middle East & North Africa"). Case-sensitive.
_PIECE_LABEL = re.compile(
    r"(?:Briefing|Report|Statement|Commentary|Op-Ed|Opinion|Podcast|Video|Analysis|Interview"
    r"|Q&A|Explainer|Feature|Article|News|Press Release|Speech|Testimony|Event) / "
    r"[A-Z][\w&'., -]{1,40}"
)
#: A link to download a named file ("Download Situation Report Template (updated April
#: 2021)"): the name in Title Case ending in a kind of file, a note on it in brackets.
#: Case-sensitive, so "Download the app before you travel." and a headline such as
#: "Download Speeds Fell" stay text.
_TITLED = r"(?:[A-Z0-9][\w'&.-]*|of|the|a|an|and|for|to|our|this)"
_FILE_KINDS = (
    r"(?:Template|Report|Guide|Brochure|Form|Checklist|PDF|App|Toolkit|Factsheet|Sheet|Paper"
    r"|Brief|Briefing|Handbook|Manual|File|Dataset|Presentation|Slides|Map|Infographic|Poster"
    r"|Version|Edition|Newsletter)s?"
)
_DOWNLOAD = re.compile(
    rf"Download (?:the |our )?(?:{_TITLED} ){{0,9}}{_FILE_KINDS}(?: \([^()\n]{{1,40}}\))?"
)
#: A link to a related post under a label ("More: Mastering the Public Relations Report A
#: Guide for ESL Professionals"): every word of the title capitalised. Case-sensitive, so
#: "More: the ministry said ..." stays text.
_RELATED_POST = re.compile(
    rf"(?:More|Related|Also read|Read also|Read next): [A-Z0-9][\w'&.-]*(?: {_TITLED}){{2,20}}"
)
#: One phrase run together three times or more ("Default blog imageDefault blog image..."):
#: a carousel's alt texts. Prose never glues its words, so a repeat with spaces stays.
_GLUED_REPEATS = re.compile(r"(.{4,40}?)\1{2,}")
# Logo alt text: a capitalised name and the word "logo" ("NorthWatch Logo"), case-sensitive.
_LOGO = re.compile(r"(?:[A-Z0-9][\w'&.-]*[ ]){0,5}[Ll]ogo")  # "Logo" alone too
# An icon's alt text, written in lower case ("number one green circle icon"), case-sensitive.
_ICON = re.compile(r"(?:[a-z0-9][a-z0-9'-]*[ ]){1,6}icon")
#: A site builder's alt text for an image: a name, then "Thumbnail" ("Top Risks 2024 -
#: Eurasia Group Thumbnail"), or "Icon" after a name with no joining word a sentence would
#: have ("Blog Meta Icon"; "Paris Loses an Icon" is a headline).
_ALT_NAME = re.compile(
    r"(?:\S+ ){1,20}Thumbnail"
    r"|(?:(?!(?:a|an|the|of|to|as|is|was|and|for|in|on|our|their|his|her|its)\b)\S+ ){1,8}Icon"
)
_CTA = re.compile(
    r"(?:(?:learn|find out|read) more|download(?: now)?|continue reading|click here|"
    r"read the full report|read full report)",
    re.IGNORECASE,
)
#: "Related articles" in the languages of the largest sites.
_FOREIGN_RELATED = (
    r"relaterede artikler|relaterade artiklar|relaterte artikler|gerelateerde artikelen"
    r"|(?:ähnliche|verwandte) artikel|articles (?:connexes|similaires|liés)"
    r"|(?:artículos|artigos) relacionados|(?:noticias|notícias) relacionadas|articoli correlati"
)
_RELATED = re.compile(
    rf"(?:{_FOREIGN_RELATED}|"
    r"related(?: content| articles?| posts?| pages?| links| stories| reading| coverage"
    r"| terms| topics)?|"
    r"you (?:may|might) also (?:like|be interested in)|more (?:on|from) [\w' .&-]{1,30}|also read|"
    r"recommended(?: for you| reading| posts| articles)?|read more|most (?:read|viewed|popular)"
    r"(?: (?:articles|stories|posts|video stories))?|"
    r"(?:also|more) in this (?:section|category|series)|"
    r"trending(?: now)?)\s?:?",
    re.IGNORECASE,
)


def _label(line: str) -> str:
    return " ".join(line.split()).strip(_DECOR)


#: Names in rows of links ("iTunes - Google Play - Stitcher - RSS Feed", "Twitter | LinkedIn").
_PLATFORMS = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "itunes|apple podcasts|google play|google podcasts|stitcher|soundcloud|spotify|youtube|"
        "rss|rss feed|twitter|x|facebook|linkedin|instagram|telegram|whatsapp|reddit|email|"
        "e-mail|print|share|tweet|pinterest|tiktok|threads|mastodon|bluesky|podcast|previous|"
        "next|index|home|contents|archive|prev|older|newer|login|logout|register|subscribe"
    ).split("|")
)
_ROW = re.compile(r"\s+[-|·•/]\s+|\s{2,}|\s*\|\s*")
_MIN_ROW = 3


def _link_row(text: str) -> bool:
    """A row of platform or navigation links: three or more, all of them known names."""
    parts = [p.strip(_DECOR).lower() for p in _ROW.split(text) if p.strip(_DECOR)]
    if len(parts) < _MIN_ROW:
        parts = [p for chunk in parts for p in chunk.split()]
        return len(parts) >= _MIN_ROW and all(p in _PLATFORMS for p in parts)
    return all(p in _PLATFORMS or all(w in _PLATFORMS for w in p.split()) for p in parts)


def chrome_strength(line: str) -> int:
    """``STRONG``, ``WEAK`` or 0 for one line of text (whitespace already collapsed or not)."""
    return 0 if len(line) > _MAX_CHROME_CHARS else _strength(line)


@lru_cache(maxsize=4096)  # the passes ask about the same short lines more than once
def _strength(line: str) -> int:
    text = " ".join(line.split())
    if not text:
        return 0
    label = text.strip(_DECOR) or text
    if _STRONG.fullmatch(label) or (label != text and _STRONG.fullmatch(text)):
        return STRONG
    if label.endswith("ogo") and _LOGO.fullmatch(label):
        return STRONG
    if label.endswith(" icon") and _ICON.fullmatch(label):
        return STRONG
    if label.endswith(("Icon", "Thumbnail")) and _ALT_NAME.fullmatch(label):
        return STRONG
    if label[:1].isalpha() and _GLUED_REPEATS.fullmatch(label):
        return STRONG
    if label.startswith("Download ") and _DOWNLOAD.fullmatch(label):
        return STRONG
    if ": " in label and _RELATED_POST.fullmatch(label):
        return STRONG
    if "available in" in label and _TRANSLATIONS.fullmatch(label):
        return STRONG
    if " / " in label and _PIECE_LABEL.fullmatch(label):
        return STRONG
    if len(label) <= _MAX_ROW_CHARS and _link_row(line):
        return STRONG
    if _glued_buttons(label):
        return STRONG
    return WEAK if len(label) <= _MAX_WEAK_CHARS and _WEAK.fullmatch(label) else 0


#: Where the copy ran one button's label into the next ("versionSend"): a lower-case letter
#: right before a capital.
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _glued_buttons(label: str) -> bool:
    """A row of buttons whose labels the copy ran together ("Printer-friendly
    versionPrinter-friendly versionSend by emailSend by email"): every part is chrome."""
    parts = _GLUE.split(label)
    return len(parts) > 1 and all(_STRONG.fullmatch(part.strip()) for part in parts)


def is_chrome(line: str) -> bool:
    """True when a line could be dropped as chrome in some context (the renderer escapes it)."""
    return chrome_strength(line) > 0 or (
        len(line) <= _MAX_CHROME_CHARS and bool(_RELATED.fullmatch(_label(line)))
    )


#: Notices a page prints at the top of its text, which a copy can run into the paragraph
#: after them ("Your web browser is no longer supported. To improve your experience update
#: it here Australians are ...").
_GLUED_NOTICE = re.compile(
    r"\s*your (?:web )?browser is (?:no longer|not) supported\.(?: to improve your experience,?"
    r" update it here\.?)?\s+(?=(?-i:[A-Z\"“]))",
    re.IGNORECASE,
)


def strip_notice(line: str) -> str:
    """A line without the browser notice run into its start; the line itself otherwise. The
    rest must open a sentence, so only a notice that ends where the prose begins is cut."""
    if "rowser" not in line[:40]:
        return line
    match = _GLUED_NOTICE.match(line)
    return line if match is None else line[: len(line) - len(line.lstrip())] + line[match.end() :]


def is_counter(line: str) -> bool:
    """A listing's counter ("Showing 1–12 of 40 results")."""
    return len(line) <= _MAX_CHROME_CHARS and _COUNTER.fullmatch(_label(line)) is not None


def is_cta(line: str) -> bool:
    """A button under a teaser ("Find Out More", "Download now"): the line above is chrome too."""
    return len(line) <= _MAX_CHROME_CHARS and bool(_CTA.fullmatch(_label(line)))


def is_menu_prompt(line: str) -> bool:
    """A menu's instruction ("Click the icons to navigate."): chrome with the short labels
    under it, the menu's entries (alone, it may be the brief's own advice, and stays)."""
    return len(line) <= _MAX_ROW_CHARS and bool(_MENU_PROMPT.fullmatch(_label(line)))


def is_related_label(line: str) -> bool:
    """The label of a related-links box ("Related Content:", "You may also like")."""
    return len(line) <= _MAX_CHROME_CHARS and bool(_RELATED.fullmatch(_label(line)))


#: "Contents" in English and in the languages of the largest sites.
_CONTENTS = re.compile(rf"(?:(?:table of )?contents?|{_FOREIGN_CONTENTS}) ?:?", re.IGNORECASE)


_GLUED_ANCHOR = re.compile(r"section titled [“\"]([^”\"\n]{1,200})[”\"](?=\S)", re.IGNORECASE)


def unglued_anchor(line: str, above: str) -> str:
    """``line`` without a documentation theme's anchor run into it ("Section titled “Condition
    Operators”Every rule ..."), when the anchor names the heading right above it."""
    match = _GLUED_ANCHOR.match(line)
    if match is None or " ".join(match.group(1).split()) != " ".join(above.split()):
        return line
    return line[match.end() :]


def is_contents_label(line: str) -> bool:
    """ "Contents" or "CONTENTS:", the label of a page's table of contents: chrome over the
    list it labels (alone it may be a word of the brief)."""
    return len(line) <= _MAX_WEAK_CHARS and _CONTENTS.fullmatch(_label(line)) is not None
