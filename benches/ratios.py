#!/usr/bin/env python3
"""Prints, as a Markdown table, the ratio generated / hand-written of the median times that
criterion recorded: for every benchmark group with a `generated` function, one row per other
function of the group whose name starts with `hand` (the hand-written counterparts).

    python3 benches/ratios.py [CRITERION_DIR ...]

Criterion writes to `target/criterion` under the directory the benchmark runs in: with
`cargo bench -p error-catalog-benches` that is `benches/target/criterion`. Without arguments
both `benches/target/criterion` and `target/criterion` (from the workspace root) are read;
where a group is in both, the newer measurement counts. The median is the `median`
`point_estimate` of each function's `new/estimates.json` (the latest run), in nanoseconds.
Groups of issue 15 show its target ratio; a ratio above it is marked."""
import json
import pathlib
import sys

# Issue 15's targets, generated / hand-written median, by (group, hand-written function).
TARGETS = {
    ("render", "hand_written"): 0.9,
    ("serialize_to_writer", "hand_written"): 0.9,
    ("from_response_50", "hand_written_fields"): 1.0,
    ("from_response_50", "hand_written_code_only"): 1.3,
    ("lookup_50", "hand_written"): 1.0,
    ("lookup_10000", "hand_written"): 1.0,
}


def medians(root):
    """{group: {function: (median ns, mtime)}} of every `<group>/<function>/new/estimates.json`
    under `root` (a function of a parameterized benchmark is `function/parameter`)."""
    found = {}
    for estimates in root.glob("**/new/estimates.json"):
        parts = estimates.relative_to(root).parts[:-2]
        if len(parts) < 2 or "report" in parts:
            continue
        group, function = parts[0], "/".join(parts[1:])
        median = json.loads(estimates.read_text())["median"]["point_estimate"]
        found.setdefault(group, {})[function] = (median, estimates.stat().st_mtime)
    return found


def main():
    here = pathlib.Path(__file__).resolve().parent
    roots = [pathlib.Path(a) for a in sys.argv[1:]] or [
        here / "target" / "criterion",
        here.parent / "target" / "criterion",
    ]
    groups = {}
    for root in roots:
        for group, functions in medians(root).items():
            newest = lambda fs: max(mtime for _, mtime in fs.values())
            if group not in groups or newest(functions) > newest(groups[group]):
                groups[group] = functions
    rows = []
    for group in sorted(groups):
        functions = groups[group]
        if "generated" not in functions:
            continue
        generated = functions["generated"][0]
        for function in sorted(f for f in functions if f.startswith("hand")):
            hand = functions[function][0]
            ratio = generated / hand
            target = TARGETS.get((group, function))
            verdict = "" if target is None else f"≤ {target}" + (" **missed**" if ratio > target else " met")
            rows.append(f"| {group} | {function} | {generated:.1f} | {hand:.1f} | {ratio:.2f} | {verdict} |")
    if not rows:
        sys.exit(f"no criterion results with a `generated` function under {', '.join(map(str, roots))}: "
                 "run `cargo bench -p error-catalog-benches` first")
    print("| group | hand-written side | generated median (ns) | hand-written median (ns) "
          "| generated / hand-written | issue 15 target |")
    print("|---|---|---:|---:|---:|---|")
    print("\n".join(rows))


main()
