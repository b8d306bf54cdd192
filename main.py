"""Start KidCoder's window: `python main.py`."""
from kidcoder.app import main

if __name__ == "__main__":
    raise SystemExit(main())
