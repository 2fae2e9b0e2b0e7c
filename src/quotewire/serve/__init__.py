"""The REST API (and, later, the web UI) over a store: ``quotewire serve``."""

from quotewire.serve.app import create_app

__all__ = ["create_app"]
