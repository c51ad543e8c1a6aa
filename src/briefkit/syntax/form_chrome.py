"""Lines of a page's forms: comment forms and their notices, newsletter and subscription
boxes, a mailing list's messages and the offers of a paywall. Chrome wherever they stand
(:mod:`.chrome` makes them strong patterns); each is matched on the whole line, so a sentence
that merely starts like one ("Subscribers reported ...") stays text."""

from __future__ import annotations

__all__ = ["FORM_PATTERNS"]

#: Whole-line patterns, matched case-insensitively.
FORM_PATTERNS = (
    # comments and comment forms
    r"no comments?:?",
    r"there are no comments(?: (?:yet|available))?\.?",
    # a captcha's prompt ("In order to send the form you have to type the displayed code.")
    r"(?:in order )?to (?:send|submit) (?:the|this) form,? (?:you have to|please) (?:type|enter)"
    r" the (?:displayed |security )?code(?: shown)?\.?",
    r"\d{1,6} (?:comments?|responses?|replies):?",
    r"comments? \(\d{1,6}\)",
    r"comments are (?:closed|disabled)\.?",
    r"(?:leave|post|add|write|submit) (?:a |your )?(?:comment|reply|response)",
    r"post comments \(atom\)",
    r"(?:view|show|hide|load) (?:all |more )?comments",
    r"please enter your (?:comment|name|email|e-mail)(?: here| address)?!?",
    r"you have entered an incorrect email address!?",
    r"join the (?:conversation|discussion)",
    r"cancel reply",
    r"speak your mind",  # a blog theme's title over its comment form
    r"this site uses akismet to reduce spam\. learn how your comment data is processed\.?",
    r"%d bloggers like this:?",
    r"your e-?mail address will not be published\.?(?: required fields are marked \*?\.?)?",
    # newsletters and subscriptions
    r"subscribe(?: now| today| here| for free)?!?",
    r"subscribe to:?",
    r"subscribe to (?:our|the) [\w' -]{1,40}[.!]?",
    r"sign up(?: now| today| here| for free)?!?",
    r"sign up (?:for|to) (?:our|the) [\w' -]{1,40}[.!]?",
    r"sign up with your email(?: address)? to receive news and updates\.?",
    # "Sign up here if you would like to receive these summaries by email. ..."
    r"sign up here (?:if|to) [^\n]{1,240}",
    r"get alerts(?: for (?:these|this|the) (?:topics?|tags?|authors?))?",
    r"we respect your privacy\.?",
    r"join (?:our|the) (?:mailing list|newsletter|community)",
    r"(?:receive|get) our (?:free )?(?:weekly|daily|monthly)?[\w' -]{0,40}"
    r"(?:alerts?|newsletters?|updates|briefings?|digest|reports)(?: from around the world| by email"
    r"| in your inbox)?\.?",
    r"enter your e-?mail(?: address)?",
    # a mailing-list form's messages ("We need to confirm your email address.")
    r"you['’]re almost done\.?|we need to confirm your e-?mail address\.?",
    r"to complete the (?:registration|subscription) process, please click the link in the "
    r"e-?mail we just sent you\.?",
    r"unable to subscribe at this moment\.[^\n]{0,120}",
    r"the e-?mail address(?: \S{1,80})? is already subscribed\.?",
    r"you are subscribing to [\w' &-]{1,60}\.(?: in order to proceed,? complete the captcha "
    r"below\.?)?",
    r"(?:already a (?:subscriber|member)\??|to continue reading)[^\n]{0,80}",
    r"(?:don['’]?t|do not|already) have an account\??(?: [^\n]{1,40})?",
    r"not a (?:subscriber|member)\? ?(?:sign up|subscribe|register|join)[^\n]{0,160}",
    r"(?:log ?in|sign ?in|register)(?: to [\w' -]{1,40})?\.?",
    r"register (?:now|today|here)!?|keep reading|proceed to (?:sign up|subscribe|checkout)",
    # a member wall ("Please Login to view this content. (Not a member? Join Today!)")
    r"please (?:log ?in|sign ?in|register)(?: to (?:view|read|see|access) (?:this|the) "
    r"[\w' -]{1,30})?\.?(?: \(not a member\? join (?:today|now|us)!?\))?",
    r"you do not have permission to (?:view|see|read|post) (?:the |this )?"
    r"(?:comments?|content|page|post)\.?",
    # a feed's mail box ("Enter your email address to get updated ...", "Delivered by
    # FeedBurner")
    r"enter your e-?mail address to (?:get|receive|subscribe|be)[^\n]{1,160}",
    r"delivered by feedburner",
    r"(?:you (?:must|need to) (?:be logged in|log in|sign in|subscribe))[^\n]{0,80}",
    r"this (?:article|content|report) is (?:only )?(?:available|reserved) (?:to|for) "
    r"(?:subscribers|members)[^\n]{0,40}",
    # a newsletter box's pitch and promise ("Join over 350,000 readers on our free intel
    # reports list.", "We will never sell or share your email address ...")
    r"join (?:over |more than )?[\d,]{2,12}\+? (?:readers|subscribers|professionals|people|members)"
    r"(?: (?:on|of|who|and|in|getting) [^\n]{1,120})?",
    r"we (?:will )?never (?:sell|share|rent)(?:,? (?:or )?(?:sell|share|rent|trade))* your"
    r" [^\n]{1,100}",
)
