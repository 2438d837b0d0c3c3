"""Find the plugin's resources both in the source tree and in the installed ZIP."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def plugin_file(*parts: str) -> Path:
    """Path of a shipped file: inside the package when installed, beside it in the repository."""
    installed = PACKAGE_DIR.joinpath(*parts)
    return installed if installed.exists() else PACKAGE_DIR.parent.joinpath(*parts)


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/ (icons, styles, layouts)."""
    return plugin_file("resources", *parts)
