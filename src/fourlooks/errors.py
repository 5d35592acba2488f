"""Errors a user can cause; the CLI prints each as one line and exits non-zero."""


class FourlooksError(Exception):
    """Base class: the message is shown to the user as it is."""

    exit_code = 1


class UsageError(FourlooksError):
    """An argument or option value the program cannot use."""

    exit_code = 2


class DateError(UsageError):
    """A date, month or year the user typed cannot be understood."""


class ConfigError(FourlooksError):
    """A configuration or question file is malformed."""


class NotFound(FourlooksError):
    """No entry or task matches the id given."""


class Ambiguous(FourlooksError):
    """An id prefix matches more than one entry or task."""


class JournalError(FourlooksError):
    """The journal file cannot be opened or written: wrong file, newer schema, full disk."""


class ImportFileError(FourlooksError):
    """An import file is malformed; nothing was imported."""
