"""Lines that site builders, themes and document hosts print around a page: a template's
placeholder text left in place, a theme's site icon and news ticker, a document host's
counters and the search snippet it shows for the file. Chrome wherever they stand
(:mod:`.chrome` makes them strong patterns); each is matched on the whole line, so a
sentence that merely mentions such a thing stays text."""

from __future__ import annotations

__all__ = ["SITE_PATTERNS"]

#: Whole-line patterns, matched case-insensitively.
SITE_PATTERNS = (
    # a website template's placeholder text, never replaced by the site's own
    r"use the form on the right to contact us\.?",
    r"you can edit the text in this area, and change where the contact form on the right "
    r"submits to, by entering edit mode using the modes on the bottom right\.?",
    r"you can set your address, phone number, email and site description in the settings "
    r"tab\.?",
    r"link to read me page with more information\.?",
    r"123 street avenue, city town, 99999|\(123\) 555-6789",
    # a theme's site icon's alt text ("Site icon Survival Dispatch") and its news ticker
    r"site icon [^\n]{1,60}",
    r"breaking(?: news)?:?",
    # a text-size widget's buttons run together with a print button's label
    r"(?:print this article ?)?change text size",
    # a document host's counters over the file ("21 downloads 310 Views 512KB Size Report")
    r"\d[\d,]{0,9} downloads? \d[\d,]{0,9} views? \d[\d.,]{0,9} ?[kmg]b size(?: report)?",
    # the search snippet a document host shows for the file ("Sep 4, 2015 - ... in Malakal")
    r"[a-z]{3} \d{1,2}, \d{4} - \.{3} [^\n]{1,300}",
    # a document host's notices and viewer ("Start display at page:", "Size: px")
    r"this document was uploaded by a user[^\n]{0,300}",
    r"download (?:&|and) view [^\n]{1,120} as pdf for free\.?",
    r"start display at page:?|size: ?px",
    r"download \"[^\"\n]{1,120}\"",
    # a content system's attachment table ("AttachmentSize", "PDF icon report.pdf232.46 KB")
    r"attachment ?size|pdf icon [^\n]{1,120}",
    # a journal's article tools ("Request Permissions", "Select your citation format:")
    r"request permissions|select your citation format:?|privacy statement",
    r"if you wish to reuse any or all of this article[^\n]{0,240}",
    # a documentation site's notice to language models, as its copies carry it
    r"(?:## )?documentation index",
    r"fetch the complete documentation index at: \S{1,200}",
    r"use this file to discover all available pages before exploring further\.?",
    # a standards body's notice on pages not to be printed
    r"(?:attention: )?this (?:page|document) is intended to be viewed online[^\n]{0,120}",
    # advertising and sponsored slots ("Advertisement by Open Privilege", "Paid Content")
    r"advertisement(?: by [^\n]{1,60})?|ad banner|paid content|sponsored(?: content| post)?",
    # a breadcrumb trail's label, a newsletter's link to its web version
    r"you are here:?",
    r"read (?:it )?online|view (?:it |this email )?(?:online|in (?:your )?browser)",
    # the icons' names a Vox Media page copies as a line of text
    r"clock menu more-arrow no yes(?: mobile)?",
    # a document host's viewer and its page labels ("Citation preview", "Embed Size (px)",
    # "Page 2: MAKING RESEARCH MATTER ...")
    r"citation preview|embed size \(px\)|page \d{1,4}: [^\n]{0,149}[^\s.!?]",
    # Substack's box over a post's rest ("Discover more from ...", "Subscribe now to keep
    # reading and get access to the full archive.")
    r"discover more from [^\n]{1,80}",
    r"subscribe (?:now )?to keep reading(?: and get access(?: to the full archive)?)?\.?",
    # a news site's audio player and search box
    r"listen to (?:this|the) (?:article|story|post|episode)(?: \d{1,2}:\d{2})?",
    r"(?:hi, )?what are you looking for\??|search (?:this|the) site",
    # an icon's alt text naming the link beside it ("Icon representing CYPnaval Conference")
    r"icon representing [^\n]{1,150}",
    # a blog theme's archive header over the posts it lists ("Tag Archives: elections")
    r"(?:tag|category|author|date|monthly|yearly|daily) archives?: [^\n]{1,80}",
    # a publication's archive notice
    r"this (?:publication|page|article|report) (?:is|has been) (?:now )?archived\.?",
)
