"""share relations (to come)."""


def relate_shares(text, words) -> None:
    """Nothing yet."""
