"""Entry point for the window: `python main.py` and `kidcoder` with no subcommand."""


def main(argv=None, host=None):
    """Open the KidCoder window; returns the process exit code. host: see kidcoder.ui.app.run_app."""
    from kidcoder.ui.app import run_app

    return run_app(argv, host=host)
