"""govcheck: check UK council decision reports against the law, before they go public."""

__version__ = "0.1.0"
