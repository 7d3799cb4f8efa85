"""partition relations (to come)."""


def relate_partitions(text, words) -> None:
    """Nothing yet."""
