"""Writing the HTML report's folder so that nothing a user owns is overwritten or half-written.

The pages are written into a new temporary folder beside the target and moved into place in
one step. An existing folder is replaced only with `force`, and only when it is a report
this tool wrote (it holds the marker file) or is empty; a folder that holds one of the run's
inputs is never written into or replaced. A failure leaves nothing behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from convenant_cli.domain.errors import InputError, UsageError, os_reason
from convenant_cli.domain.language import _

MARKER = ".convenant-report"  # in every report folder: what --force may replace


def write_folder(target: Path, write: Callable[[Path], None], *, force: bool, inputs: Iterable[Path]) -> None:
    """Write the folder `target` through `write` on a temporary folder moved into place."""
    parent = target.parent if str(target.parent) else Path(".")
    resolved = target.resolve()
    for path in inputs:
        if path.resolve() == resolved or resolved in path.resolve().parents:
            raise UsageError(_("--html {target}: holds {path}, a file this run reads; never written into")
                             .format(target=target, path=path), _("write the report to a folder of its own"))
    try:
        if not parent.is_dir():
            raise InputError(_("--html {target}: the folder {folder} does not exist").format(target=target,
                                                                                           folder=parent),
                             hint=_("create it first, or choose another path"))
        if target.exists() and not target.is_dir():
            raise InputError(_("--html {target}: is not a folder; never replaced").format(target=target),
                             hint=_("choose a new folder for the report"))
        if target.is_dir() and not force:
            raise InputError(_("--html {target}: exists; not overwritten").format(target=target),
                             hint=_("choose another folder, or add --force to replace a report written before"))
        if target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir()):
            raise InputError(_("--html {target}: is a folder with other files than a report; never replaced")
                             .format(target=target), hint=_("choose a new folder for the report"))
        temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as error:
        raise InputError(_("--html {target}: cannot write ({reason})").format(target=target, reason=os_reason(error)),
                         hint=_("check that the folder exists and that you may write in it")) from None
    old = None
    try:
        write(temporary)
        (temporary / MARKER).write_text("convenant\n", encoding="utf-8")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o777 & ~umask)  # mkdtemp makes 0700; give the folder its usual mode
        if target.is_dir():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            os.replace(target, old / "report")
        os.rename(temporary, target)
    except BaseException as error:  # nothing half-written stays behind, whatever stopped the write
        shutil.rmtree(temporary, ignore_errors=True)
        if old is not None and (old / "report").exists() and not target.exists():
            os.replace(old / "report", target)  # the report written before comes back
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        if isinstance(error, OSError):
            raise InputError(_("--html {target}: cannot write ({reason})")
                             .format(target=target, reason=os_reason(error))) from None
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
