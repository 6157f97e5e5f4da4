"""`make audit`: known vulnerabilities in the pinned versions, or a plain "could not check".

Runs pip-audit on the compiled requirements (exact versions and hashes, so nothing is
installed or resolved) and reads its JSON answer. pip-audit itself reports "No known
vulnerabilities found" even when its advisory source answered for none of the packages (each
is only listed as skipped); that is not a pass, so this says plainly what was and was not
checked. Exit status: 0 every package checked and none affected; 1 a known vulnerability;
3 the advisory source could not be reached, or did not answer for some packages.

    python scripts/dependency_audit.py [-r requirements-dev.txt] [-s pypi|osv]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {"pypi": "PyPI's vulnerability data (pypi.org)", "osv": "the OSV database (api.osv.dev)"}
NETWORK_ERRORS = ("ConnectionError", "NameResolutionError", "Max retries", "timed out", "SSLError")
UNREACHABLE = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-r", "--requirement", default="requirements-dev.txt")
    parser.add_argument("-s", "--source", choices=sorted(SOURCES), default="pypi")
    args = parser.parse_args()
    source = SOURCES[args.source]
    pip_audit = Path(sys.executable).with_name("pip-audit")
    command = [
        str(pip_audit),
        *("-r", args.requirement, "--require-hashes", "--disable-pip"),
        *("-s", args.source, "-f", "json", "--progress-spinner", "off"),
    ]
    # Our own fixed command line (the venv's pip-audit), no shell; only the file name varies.
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
    try:
        report = json.loads(done.stdout)
    except ValueError:
        if any(marker in done.stderr for marker in NETWORK_ERRORS):
            print(f"make audit: {source} could not be reached from here; nothing was checked.")
            print(_elsewhere(args.source))
            return UNREACHABLE
        sys.stderr.write(done.stderr)
        print(f"make audit: pip-audit failed (exit {done.returncode}); see its output above.")
        return done.returncode or 2
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    affected = [d for d in dependencies if d.get("vulns")]
    checked = len(dependencies) - len(skipped)
    for dep in affected:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            print(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})")
    if dependencies and not checked:
        print(
            f"make audit: {source} did not answer for any of the {len(dependencies)} pinned "
            f"packages in {args.requirement}: nothing was checked (first answer: "
            f"{skipped[0]['skip_reason']})."
        )
        print(_elsewhere(args.source))
        return UNREACHABLE
    print(
        f"make audit: {checked} of {len(dependencies)} pinned packages checked against "
        f"{source}; {len(affected)} with a known vulnerability."
    )
    if skipped:
        print("Not checked (the source did not answer for them):")
        for dep in skipped:
            print(f"  {dep['name']}: {dep['skip_reason']}")
    if affected:
        return 1
    return UNREACHABLE if skipped else 0


def _elsewhere(source: str) -> str:
    other = next(name for name in SOURCES if name != source)
    return (
        "Run it where that source is reachable, or try the other one: "
        f"make audit AUDIT_ARGS='-s {other}'."
    )


if __name__ == "__main__":
    sys.exit(main())
