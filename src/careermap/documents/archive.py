"""Opening ZIP containers (DOCX, LinkedIn exports) without being fooled by zip bombs."""

from __future__ import annotations

import io
import zipfile

from careermap.errors import DocumentError

__all__ = ["MAX_RATIO", "open_zip"]

#: largest compression ratio allowed for a member bigger than ``_RATIO_FLOOR`` bytes
MAX_RATIO = 100
_RATIO_FLOOR = 1 << 20
_MAX_MEMBERS = 10_000
#: total uncompressed size allowed, as a multiple of the document size limit
_EXPANSION = 20


def open_zip(data: bytes, name: str, max_bytes: int) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP after checking, from its directory alone, what it would unpack.

    The sizes are the ones the archive declares; Python's ``zipfile`` never inflates a
    member past its declared size, so the check holds for what is later read.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise DocumentError(
            f"{name} is a damaged ZIP archive ({exc}). Save or export it again."
        ) from exc
    if len(members) > _MAX_MEMBERS:
        raise DocumentError(
            f"{name} holds {len(members)} files, more than a document has; "
            "careermap will not unpack it. Save the document again from its editor."
        )
    total = sum(m.file_size for m in members)
    limit = max_bytes * _EXPANSION
    if total > limit:
        raise DocumentError(
            f"{name} would unpack to {total / 1e6:.0f} MB, over careermap's limit of "
            f"{limit / 1e6:.0f} MB (a zip bomb?). Save the document again, or export it as PDF."
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise DocumentError(
                f"{name} has a member ({member.filename}) compressed {ratio:.0f} to 1, "
                "which documents never are (a zip bomb?); careermap will not unpack it."
            )
    return archive
