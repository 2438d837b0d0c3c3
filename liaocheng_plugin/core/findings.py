"""Findings of a check (fail / warn) and the status they add up to."""

from dataclasses import dataclass
from enum import Enum
from typing import Dict, Iterable

from liaocheng_plugin.core.i18n import tr


class Severity(str, Enum):
    """How bad a finding is; the worst finding sets a subject's status."""

    FAIL = "fail"
    WARN = "warn"
    PASS = "pass"


@dataclass
class Finding:
    """One problem found on a subject: a stable kind for filtering, its severity and readable text."""

    kind: str
    severity: Severity
    text: str


def status_of(findings: Iterable[Finding]) -> Severity:
    """fail if any finding fails, warn if any warns, else pass."""
    severities = {finding.severity for finding in findings}
    if Severity.FAIL in severities:
        return Severity.FAIL
    if Severity.WARN in severities:
        return Severity.WARN
    return Severity.PASS


def findings_text(findings: Iterable[Finding]) -> str:
    """All findings as one readable line, failures first."""
    ordered = sorted(findings, key=lambda finding: finding.severity != Severity.FAIL)
    return "；".join(finding.text for finding in ordered)


def status_labels() -> Dict[Severity, str]:
    """Readable status names, translated."""
    return {Severity.FAIL: tr("fail"), Severity.WARN: tr("warning"), Severity.PASS: tr("pass")}
