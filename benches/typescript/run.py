#!/usr/bin/env python3
"""The TypeScript module at scale: for each N, the N-entry catalog of the compile-time
benchmark (benches/compile-time/run.py: a String field; a u32 and a String; a catalog enum and
a u64; no field, in turn), the module `error-catalog generate typescript` writes for it, and
`tsc --strict --noEmit` on that module, timed.

    python3 benches/typescript/run.py [N ...] [--runs 3] [--tsc PATH] [--out DIR]

N defaults to 1000 and 10000; 0 gives a catalog without entries, the compiler's fixed cost
(its standard library, the runtime). The CLI is built in release mode first
(`cargo build --release --bin error-catalog`). The compiler is --tsc, else $ERROR_CATALOG_TSC,
else `tsc` on the PATH. Each command runs --runs times under /usr/bin/time -v, for the
wall-clock time, the CPU time (user + system) and the peak resident set; the table gives the
median wall and CPU time with the range of the runs, and the largest peak. The module is
checked as `tsc --strict --noEmit --target es2020 --lib es2020,dom FILE` sees it,
with no tsconfig.json."""
import argparse, importlib.util, json, os, pathlib, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parents[2]
TIME = "/usr/bin/time"

def compile_time_harness():
    """benches/compile-time/run.py as a module, for its catalogs."""
    path = ROOT / "benches" / "compile-time" / "run.py"
    spec = importlib.util.spec_from_file_location("compile_time", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

def catalog(harness, n):
    """The harness's N-entry catalog; for 0, its header alone (no status, no type)."""
    if n == 0:
        return '[catalog]\ntitle = "Bench"\nwire = { code = "errorCode", message = "errorMessage" }\n'
    return harness.catalog(n)

def measure(command, cwd=None):
    """Wall-clock seconds, CPU seconds and peak resident set (MB) of one run of `command`."""
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.monotonic()
        r = subprocess.run([TIME, "-v", "-o", report.name] + command, cwd=cwd, capture_output=True, text=True)
        wall = time.monotonic() - start
        if r.returncode != 0:
            sys.exit(f"`{' '.join(command)}` failed:\n{r.stdout}{r.stderr}")
        text = report.read()
    field = lambda name: re.search(re.escape(name) + r": ([\d.]+)", text).group(1)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    peak = int(field("Maximum resident set size (kbytes)")) / 1024
    return wall, cpu, peak

def summary(runs):
    """The median of wall and CPU time with their ranges, and the largest peak."""
    walls, cpus, peaks = zip(*runs)
    span = lambda xs: f"{statistics.median(xs):.2f} ({min(xs):.2f}–{max(xs):.2f})"
    return span(walls), span(cpus), f"{max(peaks):.0f}"

def cli_binary():
    """The release build of the CLI, built now."""
    subprocess.run(["cargo", "build", "-q", "--release", "--locked", "--bin", "error-catalog"], cwd=ROOT, check=True)
    metadata = subprocess.run(["cargo", "metadata", "-q", "--format-version", "1", "--no-deps"],
                              cwd=ROOT, check=True, capture_output=True, text=True)
    return pathlib.Path(json.loads(metadata.stdout)["target_directory"]) / "release" / "error-catalog"

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000], help="numbers of catalog entries")
    ap.add_argument("--runs", type=int, default=3, help="runs of each command")
    ap.add_argument("--tsc", default=os.environ.get("ERROR_CATALOG_TSC") or shutil.which("tsc"),
                    help="the TypeScript compiler (default: $ERROR_CATALOG_TSC, else tsc on PATH)")
    ap.add_argument("--out", default=str(ROOT / "target" / "typescript-bench"), help="where the catalogs and modules go")
    a = ap.parse_args()
    if not (os.path.isfile(TIME) and os.access(TIME, os.X_OK)):
        sys.exit(f"{TIME} is missing: it measures the peak memory of each run. Install GNU time, "
                 "e.g. `sudo apt-get install -y time` on Debian or Ubuntu, and run again.")
    if not a.tsc:
        sys.exit("no TypeScript compiler: pass --tsc, set ERROR_CATALOG_TSC, or put tsc on PATH "
                 "(`npm install --prefix DIR typescript@5` gives DIR/node_modules/.bin/tsc)")
    version = subprocess.run([a.tsc, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    node = subprocess.run(["node", "--version"], check=True, capture_output=True, text=True).stdout.strip()
    cli = cli_binary()
    harness = compile_time_harness()
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    print(f"{version}, node {node}, {a.runs} runs each: median (range); peak = largest of the runs\n")
    print("| entries | module (KB) | lines | step | wall (s) | CPU (s) | peak memory (MB) |\n"
          "|---:|---:|---:|---|---:|---:|---:|", flush=True)
    for n in a.sizes:
        toml = out / f"catalog-{n}.toml"
        module = out / f"errors-{n}.ts"
        toml.write_text(catalog(harness, n))
        generate = [str(cli), "generate", "typescript", str(toml), "-o", str(module)]
        check = [a.tsc, "--strict", "--noEmit", "--target", "es2020", "--lib", "es2020,dom", str(module)]
        generated = summary([measure(generate) for _ in range(a.runs)])
        size = module.stat().st_size / 1024
        lines = module.read_text().count("\n")
        checked = summary([measure(check, cwd=out) for _ in range(a.runs)])
        for step, (wall, cpu, peak) in (("`error-catalog generate typescript`", generated),
                                        ("`tsc --strict --noEmit`", checked)):
            print(f"| {n} | {size:.0f} | {lines} | {step} | {wall} | {cpu} | {peak} |", flush=True)

if __name__ == "__main__":
    main()
