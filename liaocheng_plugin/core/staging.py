"""Write files so that a cancelled or failed export leaves the destination folder as it was."""

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from liaocheng_plugin.core.exceptions import LiaochengError, os_error_details
from liaocheng_plugin.core.i18n import tr


@contextmanager
def staged_folder(folder: Path) -> Iterator[Path]:
    """A hidden scratch folder inside ``folder``; what is written there moves into ``folder`` only when the
    block ends without an exception (a cancel or an error removes it and touches nothing else)."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=".liaocheng-", dir=folder))
    except OSError as error:  # a read-only folder, a full disk, a path that is a file
        raise LiaochengError(
            tr("Cannot write into the folder “{}”: choose a folder you may write to.").format(folder),
            os_error_details(error),
        ) from error
    try:
        yield scratch
        for item in sorted(scratch.iterdir()):
            target = folder / item.name
            try:
                os.replace(item, target)
            except OSError as error:  # e.g. the old PDF is open in a viewer on Windows
                raise LiaochengError(
                    tr("Could not write “{}”: close it in other programs first.").format(target),
                    os_error_details(error),
                ) from error
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
