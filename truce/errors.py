"""Every error truce raises, under one base class.

    TruceError
    ├── InputError            bad input: the message names the file (and line) and what is wrong
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── TooLarge
    │   ├── MalformedRecord   a JSON/JSONL line or record that cannot be read
    │   ├── FetchError        a URL or feed that could not be fetched
    │   └── FeedError         a feed that is not RSS/Atom
    ├── DataFileError         a knowledge file (gazetteer, actors, lexicon, theatre) with a bad row
    ├── ModelNotInstalled     the spaCy model package is missing
    ├── ResourceLoadError     a worker could not load the model or a knowledge file
    └── StoreError            the database cannot be opened or migrated

Messages say what failed, the likely cause and what to do.
"""

from __future__ import annotations


class TruceError(Exception):
    """Base class of every error truce raises on purpose."""


class InputError(TruceError):
    """An input that cannot be read as an article. ``source`` names the file, line or URL."""

    def __init__(self, source: str, message: str):
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class TooLarge(InputError):
    pass


class MalformedRecord(InputError):
    pass


class FetchError(InputError):
    pass


class FeedError(InputError):
    pass


class DataFileError(TruceError):
    """A row in a knowledge file that cannot be used; the message names the file and line."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class ModelNotInstalled(TruceError):
    pass


class StoreError(TruceError):
    pass


class ResourceLoadError(TruceError):
    """A worker process could not load the model or a knowledge file; the run stops."""
