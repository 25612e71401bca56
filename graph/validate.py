"""SHACL validation of the whole graph against data/shapes.ttl, with pySHACL."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Namespace

from .paths import data_dir

__all__ = ["ValidationResult", "Finding", "validate"]

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Finding:
    severity: str  # Violation, Warning, Info
    focus: str
    path: str
    message: str


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    findings: tuple[Finding, ...]

    @property
    def violations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "Violation")


def validate(kg, shapes: str | None = None) -> ValidationResult:
    """Check the union of all graphs against the SHACL shapes; warnings do not break conformance.

    >>> import graph
    >>> validate(graph.open("memory")).conforms
    True
    """
    import pyshacl

    data = Graph()
    for s, p, o, _ in kg.store.quads():
        data.add((s, p, o))
    shapes_graph = Graph().parse(shapes or data_dir() / "shapes.ttl", format="turtle")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none", allow_warnings=True)
    findings = []
    for result in report.subjects(SH.resultSeverity, None):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        findings.append(Finding(severity, str(report.value(result, SH.focusNode)),
                                str(report.value(result, SH.resultPath) or ""),
                                str(report.value(result, SH.resultMessage) or "")))
    findings.sort(key=lambda f: (f.severity != "Violation", f.focus, f.path))
    return ValidationResult(not any(f.severity == "Violation" for f in findings), tuple(findings))
