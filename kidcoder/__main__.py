"""`python -m kidcoder`: the same as the `kidcoder` command."""
from kidcoder.cli import main

raise SystemExit(main())
