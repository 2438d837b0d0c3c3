"""The one exception type the plugin raises for problems a user can fix."""

from qgis.core import Qgis


class LiaochengError(Exception):
    """A translated, user-facing error with optional details and a message level."""

    def __init__(self, message: str, details: str = "", level: Qgis.MessageLevel = Qgis.MessageLevel.Critical):
        super().__init__(message)
        self.message = message
        self.details = details
        self.level = level

    def __str__(self) -> str:
        return f"{self.message}\n{self.details}" if self.details else self.message


class CheckCanceledError(LiaochengError):
    """Raised when the user cancels a running check; nothing is written."""

    def __init__(self, message: str = "Canceled"):
        super().__init__(message, level=Qgis.MessageLevel.Info)


def os_error_details(error: OSError) -> str:
    """What the operating system said about a file, as the details under a translated message: its own words
    (in the system's language) and the file, without Python's "[Errno 13]" prefix."""
    text = error.strerror or str(error)
    return f"{text}: {error.filename}" if error.filename else text
