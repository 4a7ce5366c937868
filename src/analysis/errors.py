"""The base of every error that reports bad input (a file, a record, a parameter) rather than a bug.

The command line prints these as one clear line and exits 1; anything else keeps its traceback.
Kept free of imports so the command line can catch it without loading pandas.
"""


class InputError(Exception):
    """Bad input: the message names the file, row, field or value and what was expected."""
