#!/usr/bin/env python3
"""Compile-time comparison: a crate whose error enum the catalog attribute generates from an
N-entry catalog, against the same errors written by hand (thiserror for Display, a hand-written
serde Serialize that streams the message with collect_str, a match for code and status, and a
client match on the code); and, for each, a downstream crate that depends on it and only
serializes its enum (`serde_json::to_vec`), which measures what the enum's `Serialize` costs
the crates that use it.

    python3 benches/compile-time/run.py 1000 10000 [--profile debug|release|both] [--runtime PATH] [--out DIR]

For each N it writes the four crates under DIR (default target/compile-time), and for each
profile (default both) builds each crate's dependencies once, then times `cargo build` of the
crate alone after touching its source (and its catalog), under /usr/bin/time -v for the CPU
time (user + system, of cargo and the compilers it runs) and the peak memory (the largest
resident set of any one process), and prints a Markdown table with the generated / hand-written
ratios. Wall-clock time is shown too, but on a shared machine the CPU time is the steadier
figure. The two leaf crates each also hold a `serialize` function (`serde_json::to_vec_pretty` of their
enum), so that their own build includes one `Serialize` instance, as in the figures of issue 15;
it uses the pretty formatter so that the serializing crate's `to_vec` (the compact one) is an
instance of its own: debug builds share generic instances with upstream crates
(`-Z share-generics`), and an instance for the same serializer upstream would hide the cost."""
import os, subprocess, sys, time, pathlib, re, argparse, shutil

def entries(n):
    out = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            out.append((f"E{i}", f"Resource {{id}} of kind {i} not found", [("id", "String")]))
        elif kind == 1:
            out.append((f"E{i}", f"Quota {{limit}} exceeded for {{owner}} in {i}", [("limit", "u32"), ("owner", "String")]))
        elif kind == 2:
            out.append((f"E{i}", f"Job {{job}} failed at step {{step}} ({i})", [("job", "Job"), ("step", "u64")]))
        else:
            out.append((f"E{i}", f"Service {i} unavailable", []))
    return out

def catalog(n):
    lines = ['[catalog]', 'title = "Bench"', 'wire = { code = "errorCode", message = "errorMessage" }', '',
             '[status.400]', '[status.404]', '[status.409]', '[status.503]', '',
             '[types.Job]', 'values = ["EXPORT", "IMPORT"]', '']
    statuses = [404, 409, 400, 503]
    for i, (name, message, fields) in enumerate(entries(n)):
        lines += [f'[errors.{name}]', f'code = "{i + 100}"', f'status = {statuses[i % 4]}',
                  f'message = "{message}"', f'doc = "Entry {i}."']
        for fname, ty in fields:
            if ty == "Job":
                lines.append(f'fields.{fname} = "Job"')
            elif ty != "String":
                lines.append(f'fields.{fname} = "{ty}"')
        lines.append('')
    return "\n".join(lines)

def generated(n):
    return '''#![allow(dead_code)]
#[error_catalog::catalog(path = "catalog.toml")]
#[derive(Debug, Clone, PartialEq)]
pub enum BenchError {}

pub fn serialize(e: &BenchError) -> Vec<u8> { serde_json::to_vec_pretty(e).unwrap() }
'''

def hand(n):
    es = entries(n)
    statuses = [404, 409, 400, 503]
    v, code, status, ser, parse = [], [], [], [], []
    for i, (name, message, fields) in enumerate(es):
        fmt = message.replace("{job}", "{job:?}")
        rty = {"String": "String", "u32": "u32", "u64": "u64", "Job": "Job"}
        if fields:
            v.append(f'    /// Entry {i}.\n    #[error("{fmt}")]\n    {name} {{ ' + ", ".join(f"{f}: {rty[t]}" for f, t in fields) + " },")
            pat = f"{name} {{ .. }}"
        else:
            v.append(f'    /// Entry {i}.\n    #[error("{fmt}")]\n    {name},')
            pat = name
        code.append(f'            Self::{pat} => "{i + 100}",')
        status.append(f'            Self::{pat} => {statuses[i % 4]},')
        parse.append(f'        "{i + 100}" => Some({i}),')
    return f'''#![allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Job {{ EXPORT, IMPORT }}

/// Bench errors.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BenchError {{
{chr(10).join(v)}
}}

impl BenchError {{
    pub fn code(&self) -> &'static str {{
        match self {{
{chr(10).join(code)}
        }}
    }}
    pub fn status(&self) -> u16 {{
        match self {{
{chr(10).join(status)}
        }}
    }}
}}

/// The message, streamed into the serializer without a `String` of its own.
struct Message<'e>(&'e BenchError);

impl serde::Serialize for Message<'_> {{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {{
        s.collect_str(self.0)
    }}
}}

impl serde::Serialize for BenchError {{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {{
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("errorCode", self.code())?;
        map.serialize_entry("errorMessage", &Message(self))?;
        map.end()
    }}
}}

/// The entry of a code, as a hand-written client matches it.
pub fn entry_of(code: &str) -> Option<usize> {{
    match code {{
{chr(10).join(parse)}
        _ => None,
    }}
}}

pub fn serialize(e: &BenchError) -> Vec<u8> {{ serde_json::to_vec_pretty(e).unwrap() }}
'''

def write(dir, name, deps, src, extra=None):
    (dir / "src").mkdir(parents=True, exist_ok=True)
    (dir / "Cargo.toml").write_text(f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\n\n[dependencies]\n{deps}\n[workspace]\n')
    (dir / "src" / "lib.rs").write_text(src)
    if extra:
        (dir / "catalog.toml").write_text(extra)

def serializer(leaf):
    """A crate that depends on `leaf` and only serializes its enum."""
    return f'''/// The wire body of an error of `{leaf}`.
pub fn body(e: &{leaf}::BenchError) -> Vec<u8> {{ serde_json::to_vec(e).unwrap() }}
'''

TIME = "/usr/bin/time"

def build(dir, target, profile):
    """The wall-clock seconds, CPU seconds (user + system) and peak memory (MB) of building the
    crate at `dir` alone, its dependencies already built."""
    env = dict(os.environ, CARGO_TARGET_DIR=str(target), CARGO_INCREMENTAL="0")
    cargo = ["cargo", "build", "-q"] + (["--release"] if profile == "release" else [])
    subprocess.run(cargo, cwd=dir, env=env, check=True)  # dependencies and a first build
    (dir / "src" / "lib.rs").touch()
    if (dir / "catalog.toml").exists():
        (dir / "catalog.toml").touch()
    start = time.monotonic()
    r = subprocess.run([TIME, "-v"] + cargo, cwd=dir, env=env, capture_output=True, text=True)
    wall = time.monotonic() - start
    if r.returncode != 0:
        sys.exit(f"`{' '.join(cargo)}` failed in {dir}:\n{r.stderr}")
    field = lambda name: re.search(re.escape(name) + r": ([\d.]+)", r.stderr).group(1)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    peak = int(field("Maximum resident set size (kbytes)"))
    return wall, cpu, peak / 1024

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="+", type=int, help="numbers of catalog entries")
    ap.add_argument("--profile", choices=["debug", "release", "both"], default="both")
    ap.add_argument("--runtime", default=str(pathlib.Path(__file__).resolve().parents[2] / "error-catalog"),
                    help="the error-catalog crate to build against")
    ap.add_argument("--out", default="target/compile-time", help="where the crates and their target directory go")
    a = ap.parse_args()
    if not (os.path.isfile(TIME) and os.access(TIME, os.X_OK)):
        sys.exit(f"{TIME} is missing: it measures the peak memory of each build. Install GNU time, "
                 "e.g. `sudo apt-get install -y time` on Debian or Ubuntu, and run again.")
    if shutil.which("cargo") is None:
        sys.exit("cargo is not on PATH")
    profiles = ["debug", "release"] if a.profile == "both" else [a.profile]
    out = pathlib.Path(a.out).resolve()
    print("| entries | profile | crate | wall (s) | CPU (s) | peak memory (MB) |\n|---:|---|---|---:|---:|---:|", flush=True)
    ratios = []
    for n in a.sizes:
        g, h = out / f"generated-{n}", out / f"hand-{n}"
        gs, hs = out / f"serialize-generated-{n}", out / f"serialize-hand-{n}"
        write(g, f"bench-generated-{n}", f'error-catalog = {{ path = "{a.runtime}" }}\nserde_json = "1"\n', generated(n), catalog(n))
        write(h, f"bench-hand-{n}", 'thiserror = "2"\nserde = "1"\nserde_json = "1"\n', hand(n))
        write(gs, f"bench-serialize-generated-{n}", f'bench-generated-{n} = {{ path = "{g}" }}\nserde_json = "1"\n',
              serializer(f"bench_generated_{n}"))
        write(hs, f"bench-serialize-hand-{n}", f'bench-hand-{n} = {{ path = "{h}" }}\nserde_json = "1"\n',
              serializer(f"bench_hand_{n}"))
        for profile in profiles:
            for kind, (gen_dir, hand_dir) in (("leaf crate", (g, h)), ("serializing crate", (gs, hs))):
                results = {}
                for side, d in (("generated", gen_dir), ("hand-written", hand_dir)):
                    results[side] = build(d, out / "target", profile)
                    wall, cpu, peak = results[side]
                    print(f"| {n} | {profile} | {kind}, {side} | {wall:.2f} | {cpu:.2f} | {peak:.0f} |", flush=True)
                (gw, gc, gp), (hw, hc, hp) = results["generated"], results["hand-written"]
                ratios.append(f"| {n} | {profile} | {kind} | {gw / hw:.2f} | {gc / hc:.2f} | {gp / hp:.2f} |")
    print("\nGenerated / hand-written:\n")
    print("| entries | profile | crate | wall | CPU | peak memory |\n|---:|---|---|---:|---:|---:|")
    print("\n".join(ratios))

# `benches/typescript/run.py` imports the catalogs above.
if __name__ == "__main__":
    main()
