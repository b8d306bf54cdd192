"""The real corpus holds other people's programs (some named *_test.py): pytest must not collect them."""
collect_ignore_glob = ["programs/*", "scratch/*"]
