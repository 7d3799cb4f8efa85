"""ratio relations (to come)."""


def relate_ratios(text, words) -> None:
    """Nothing yet."""
