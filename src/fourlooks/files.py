"""Writing export files: whole or not at all, private, and never over a file we did not write."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from fourlooks.errors import FourlooksError, UsageError

HEAD_BYTES = 4096  # enough of a file to read its front matter or JSON header

# config.toml and questions.toml hold a few kilobytes; past this a file is not a setting.
MAX_SETTINGS_BYTES = 1 << 20

# The files SQLite keeps beside a journal; writing over one damages the journal.
JOURNAL_COMPANIONS = ("-wal", "-shm", "-journal")
_SQLITE_HEADER = "SQLite format 3\x00"


def refuse_journal(target: Path, journal_path: Path) -> None:
    """Refuse, whatever the options, a target that is the journal or one of its companions."""
    journal_guard(journal_path)(target)


def journal_guard(journal_path: Path) -> Callable[[Path], None]:
    """refuse_journal for many targets: the journal's own paths are resolved once (a folder
    export checks thousands of files); each target is resolved and compared by device and
    inode at every check."""
    own = [journal_path, *(Path(f"{journal_path}{end}") for end in JOURNAL_COMPANIONS)]
    own_resolved = [path.resolve() for path in own]
    folders: dict[Path, Path] = {}  # each folder of the targets, resolved once

    def refuse(target: Path) -> None:
        if os.path.islink(target) or target.name in ("", ".", ".."):
            resolved = target.resolve()
        else:  # what resolve() gives: the resolved folder, then the name
            folder = folders.get(target.parent)
            if folder is None:
                folder = folders[target.parent] = target.parent.resolve()
            resolved = folder / target.name
        if resolved in own_resolved or _same_as_any(target, own):
            raise UsageError(
                f"{target} is the journal itself or one of its files: choose another file"
            )

    return refuse


def _same_as_any(target: Path, paths: list[Path]) -> bool:
    """os.path.samefile(target, path) for any of the paths, stating the target once."""
    try:
        found = os.stat(target)
    except OSError:
        return False
    return any(_same_file(target, path, found) for path in paths)


def check_output(
    target: Path,
    journal_path: Path,
    *,
    force: bool,
    option: str = "--out",
    made_here: Callable[[str], bool] = lambda head: False,
) -> None:
    """Where a command may write a file: never the journal or a database, never a file
    fourlooks did not write unless `force`, and only into a folder that exists."""
    refuse_journal(target, journal_path)
    if target.is_dir():
        raise UsageError(f"{target} is a folder: give {option} a file name")
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {target}: there is no folder {target.parent}")
    if not target.is_file():
        return  # nothing there yet, or a device or pipe (/dev/stdout): a stream, not a file
    head = read_head(target)
    if head.startswith(_SQLITE_HEADER):  # a journal or a backup of one: never a report
        raise UsageError(f"{target} is a SQLite database; not writing over it")
    if not force and not made_here(head):
        raise UsageError(f"{target} exists and fourlooks did not write it; --force replaces it")


def _same_file(a: Path, b: Path, a_stat: os.stat_result | None = None) -> bool:
    try:
        if a_stat is None:
            return os.path.samefile(a, b)
        return os.path.samestat(a_stat, os.stat(b))
    except OSError:
        return False


def make_folder(path: Path) -> None:
    """Create a folder and any missing parents, each readable by its owner alone.

    (`mkdir(parents=True, mode=...)` applies the mode to the last folder only.) Folders
    that exist already are left as they are.
    """
    missing = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)


def write_atomic(path: Path, chunks: Iterable[str]) -> None:
    """Write UTF-8 text to a temporary file beside `path`, then rename it over `path`.

    A reader (or a sync tool) sees the old file or the new one, never half of one; an
    interrupted export leaves no partial file behind. The file is created 0600.
    """
    if path.exists() and not path.is_file():
        _write_stream(path, chunks)  # a device or a pipe cannot be replaced, only written to
        return
    temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                out.write(chunk.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        # Name the file the person asked for, not the temporary one.
        raise FourlooksError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class AtomicFiles:
    """Many files, each written as write_atomic writes one, their syncs paid in batches.

    Each file goes to a temporary beside it at once; every `batch` files the temporaries are
    flushed to the disk, then renamed into place. A file is thus whole or absent, as with
    write_atomic: a crash renames nothing not yet synced, and leaves at most one batch of
    temporaries; an error or an interruption removes the batch's temporaries. Syncing a
    batch after asking for the writes of all of it to start costs a fraction of syncing
    each file before the next is written (8,000 notes: most of a folder export's time).

        with files.AtomicFiles() as written:
            written.add(path, text)
    """

    def __init__(self, batch: int = 256):
        self._batch = min(batch, _descriptors_to_spare())
        self._pending: list[tuple[Path, Path, int]] = []  # temporary, path, its descriptor

    def __enter__(self) -> AtomicFiles:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.flush()
        else:
            self._discard()

    def add(self, path: Path, text: str) -> None:
        if path.exists() and not path.is_file():
            _write_stream(path, [text])  # a device or a pipe cannot be replaced
            return
        temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            self._pending.append((temporary, path, fd))  # no buffer held: just the descriptor
            data = memoryview(text.encode("utf-8"))
            while data:
                data = data[os.write(fd, data) :]
            _start_writing(fd)
        except OSError as exc:
            self._discard()
            raise FourlooksError(f"cannot write {path}: {exc.strerror or exc}") from None
        if len(self._pending) >= self._batch:
            self.flush()

    def flush(self) -> None:
        """Sync the pending files, then put each in place."""
        failing = None  # the file to name in the message
        try:
            for _temporary, target, fd in self._pending:
                failing = target
                os.fsync(fd)
            for _temporary, target, fd in self._pending:
                failing = target
                os.close(fd)
            self._pending = [(temporary, target, -1) for temporary, target, _ in self._pending]
            for temporary, target, _fd in self._pending:
                failing = target
                os.replace(temporary, target)
        except OSError as exc:
            self._discard()
            raise FourlooksError(f"cannot write {failing}: {exc.strerror or exc}") from None
        except BaseException:
            self._discard()
            raise
        self._pending.clear()

    def _discard(self) -> None:
        for temporary, _, fd in self._pending:
            if fd >= 0:  # not closed yet
                with contextlib.suppress(OSError):
                    os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        self._pending.clear()


def _descriptors_to_spare() -> int:
    """How many files a batch may hold open: a quarter of the process's limit.

    A batch holds each of its files open until it is synced; macOS allows a process 256
    descriptors unless raised, and the journal, its WAL and the terminal need some too.
    """
    try:
        import resource  # POSIX only
    except ImportError:
        return 64  # Windows' C runtime allows 512 by default
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return 256
    return max(1, soft // 4)


def _start_writing(fd: int) -> None:
    """Ask the system to start writing a file's data out now, so that its fsync waits less.

    On Linux, POSIX_FADV_DONTNEED starts the write-back of dirty pages; elsewhere, nothing.
    """
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        with contextlib.suppress(OSError):
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def _write_stream(path: Path, chunks: Iterable[str]) -> None:
    try:
        with open(path, "wb") as out:
            for chunk in chunks:
                out.write(chunk.encode("utf-8"))
    except OSError as exc:
        raise FourlooksError(f"cannot write {path}: {exc.strerror or exc}") from None


def sync_file(path: Path) -> None:
    """Flush a finished file to the disk, so that a rename of it never outlives its content."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def link_new(temporary: Path, target: Path) -> bool:
    """Put a finished file in place under `target` unless one is there; False if one is.

    A hard link never replaces an existing file, so two processes racing for the same
    name cannot overwrite each other. Where the file system has no hard links, check and
    rename (a narrow race, on such systems alone).
    """
    try:
        os.link(temporary, target)
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(target):
            return False
        os.replace(temporary, target)
    return True


def read_bounded(
    source: str, limit: int, *, what: str, error: type[FourlooksError] = UsageError
) -> bytes:
    """At most `limit` bytes of a file, a pipe or stdin ('-'), or one line saying why not.

    The size a file claims is not trusted (a device or a pipe claims 0): what is read is
    counted. A FIFO with no writer gives nothing instead of hanging, and a device
    (/dev/zero, /dev/urandom, a terminal) is refused: none is a file anyone meant.
    """
    name = "stdin" if source == "-" else source
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        raw = stream.read(limit + 1) if stream else sys.stdin.read(limit + 1).encode()
    else:
        with open_input(source, limit, what=what, error=error) as handle:
            raw = read_rest(handle, limit)
    if len(raw) > limit:
        raise error(f"{name} is over {limit:,} bytes: too large for {what}")
    return raw


def open_input(
    source: str, limit: int, *, what: str, error: type[FourlooksError] = UsageError
) -> IO[bytes]:
    """A file, a pipe or stdin ('-') opened to be read a piece at a time, as read_bounded
    reads it (a device refused, a FIFO with no writer at its end at once)."""
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a stream of text only (a test's): read as read_bounded does
            import io

            return io.BytesIO(sys.stdin.read(limit + 1).encode())
        return stream
    return _open_path(Path(source), what, error)


def read_rest(handle: IO[bytes], limit: int, start: bytes = b"") -> bytes:
    """What is left in `handle` after `start` (already read), up to `limit` + 1 bytes in all."""
    chunks, size = [start] if start else [], len(start)
    while size <= limit:  # a file comes in one read; a pipe in pieces
        chunk = handle.read(limit + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _open_path(path: Path, what: str, error: type[FourlooksError]) -> IO[bytes]:
    # O_NONBLOCK: opening a FIFO that no one writes to returns at once. An OSError (no
    # such file, permission denied) is the caller's to word.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    mode = os.fstat(fd).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        os.close(fd)
        kind = "a folder" if stat.S_ISDIR(mode) else "a device, not a file"
        raise error(f"cannot read {path}: it is {kind}; give the file for {what}")
    os.set_blocking(fd, True)
    return open(fd, "rb", buffering=0)


def write_text_stream(stream: IO[str], chunks: Iterable[str]) -> None:
    """Write text to a stream (stdout) as UTF-8 whatever the locale says."""
    binary = getattr(stream, "buffer", None)
    if binary is None:
        for chunk in chunks:
            stream.write(chunk)
        return
    stream.flush()
    for chunk in chunks:
        binary.write(chunk.encode("utf-8"))
    binary.flush()


def read_head(path: Path) -> str:
    """The first few kilobytes of a file as text (undecodable bytes replaced)."""
    with open(path, "rb") as handle:
        return handle.read(HEAD_BYTES).decode("utf-8", errors="replace")


def same_content(path: Path, text: str) -> bool:
    """Whether `path` already holds exactly `text` (so it need not be rewritten)."""
    try:
        return path.read_bytes() == text.encode("utf-8")
    except (FileNotFoundError, IsADirectoryError):
        return False
