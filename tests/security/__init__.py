"""Security and robustness suite: hostile input against every parser and renderer."""
