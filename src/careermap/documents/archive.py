"""Opening ZIP containers (DOCX, LinkedIn exports) without being fooled by zip bombs,
and reading their members so that every failure is a :class:`DocumentError`."""

from __future__ import annotations

import io
import zipfile
import zlib

from careermap.documents.clean import printable
from careermap.errors import DocumentError

__all__ = ["MAX_RATIO", "open_zip", "read_member"]

#: largest compression ratio allowed for a member bigger than ``_RATIO_FLOOR`` bytes
MAX_RATIO = 100
_RATIO_FLOOR = 1 << 20
#: total uncompressed size allowed, as a multiple of the document size limit
_EXPANSION = 20
#: compression methods Python's zipfile can inflate (stored, deflate, bzip2, lzma)
_METHODS = frozenset({0, 8, 12, 14})
_ENCRYPTED = 0x1
_PATCHED = 0x20  # general-purpose flag bit 5: compressed patched data, never supported


def _damaged(name: str, detail: object) -> DocumentError:
    return DocumentError(
        f"{name} is a damaged ZIP archive ({printable(detail)}).",
        hint="Save or export it again.",
    )


def open_zip(data: bytes, name: str, max_bytes: int, max_members: int = 10_000) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP after checking, from its directory alone, what it would unpack.

    The sizes are the ones the archive declares; Python's ``zipfile`` never inflates a
    member past its declared size, so the check holds for what is later read. Encrypted
    members and compression methods careermap cannot inflate are refused here, before any
    reader touches them.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise _damaged(name, exc) from exc
    except (RuntimeError, NotImplementedError) as exc:
        raise _damaged(name, exc) from exc
    if len(members) > max_members:
        raise DocumentError(
            f"{name} holds {len(members):,} files, more than careermap's limit of "
            f"{max_members:,} for a document.",
            hint="Save the document again from its editor (CAREERMAP_MAX_ZIP_MEMBERS sets "
            "the limit).",
        )
    total = sum(m.file_size for m in members)
    limit = max_bytes * _EXPANSION
    if total > limit:
        raise DocumentError(
            f"{name} would unpack to {total / 2**20:,.0f} MiB, over careermap's limit of "
            f"{limit / 2**20:,.0f} MiB (a zip bomb?).",
            hint="Save the document again, or export it as PDF.",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise DocumentError(
                f"{name} has a member ({printable(member.filename, 60)}) compressed "
                f"{ratio:.0f} to 1, which documents never are (a zip bomb?); careermap will "
                "not unpack it."
            )
        if member.flag_bits & _ENCRYPTED:
            raise DocumentError(
                f"{name} is encrypted or password-protected ({printable(member.filename, 60)}).",
                hint="Save an unprotected copy and give careermap that.",
            )
        if member.compress_type not in _METHODS or member.flag_bits & _PATCHED:
            raise DocumentError(
                f"{name} uses a ZIP compression method careermap cannot unpack "
                f"(method {member.compress_type} in {printable(member.filename, 60)}).",
                hint="Save or export it again with its usual program.",
            )
    return archive


def read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes:
    """The bytes of one member; a bad CRC, a truncated stream or anything else wrong
    inside the archive is a DocumentError naming the file."""
    try:
        return archive.read(member)
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        RuntimeError,
        NotImplementedError,
        KeyError,
    ) as exc:
        raise _damaged(name, f"{member}: {exc}") from exc
