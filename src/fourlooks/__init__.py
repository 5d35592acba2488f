"""fourlooks: a reflection journal built on four habits - look back, up, down and ahead."""

__version__ = "0.1.0"
