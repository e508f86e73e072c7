"""``python -m roadmap``: the same as the ``roadmap`` command."""

from roadmap.cli import entrypoint

if __name__ == "__main__":
    entrypoint()
