"""What a reader and a writer of one format must agree on, below both.

A parser and a renderer never import each other; when the writer has to ask the reader's
own questions (is this line a heading? how is a date printed? which Word element is a
hyperlink?) the answer lives here, so round trips cannot drift. This package imports only
:mod:`briefkit.model`, :mod:`briefkit.safety` and :mod:`briefkit.limits`.
"""
