#!/usr/bin/env python3
"""Compile-time comparison: a crate whose error enum the catalog attribute generates from an
N-entry catalog, against the same errors written by hand (thiserror for Display, a hand-written
serde Serialize, a match for code and status, and a client match on the code).

    python3 benches/compile-time/run.py 1000 10000 [--runtime PATH] [--out DIR]

For each N it writes both crates under DIR (default target/compile-time), builds their
dependencies once, then times `cargo build` (debug) of the leaf crate alone after touching
its source, with /usr/bin/time for the peak memory, and prints a Markdown table."""
import os, subprocess, sys, time, pathlib, re, argparse

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

pub fn serialize(e: &BenchError) -> Vec<u8> { serde_json::to_vec(e).unwrap() }
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

impl serde::Serialize for BenchError {{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {{
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("errorCode", self.code())?;
        map.serialize_entry("errorMessage", &self.to_string())?;
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

pub fn serialize(e: &BenchError) -> Vec<u8> {{ serde_json::to_vec(e).unwrap() }}
'''

def write(dir, name, deps, src, extra=None):
    (dir / "src").mkdir(parents=True, exist_ok=True)
    (dir / "Cargo.toml").write_text(f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\n\n[dependencies]\n{deps}\n[workspace]\n')
    (dir / "src" / "lib.rs").write_text(src)
    if extra:
        (dir / "catalog.toml").write_text(extra)

def build(dir, target):
    env = dict(os.environ, CARGO_TARGET_DIR=str(target), CARGO_INCREMENTAL="0")
    subprocess.run(["cargo", "build", "-q"], cwd=dir, env=env, check=True)  # deps and a first build
    (dir / "src" / "lib.rs").touch()
    if (dir / "catalog.toml").exists():
        (dir / "catalog.toml").touch()
    start = time.monotonic()
    r = subprocess.run(["/usr/bin/time", "-v", "cargo", "build", "-q"], cwd=dir, env=env,
                       check=True, capture_output=True, text=True)
    wall = time.monotonic() - start
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    return wall, peak / 1024

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="+", type=int)
    ap.add_argument("--runtime", default=str(pathlib.Path(__file__).resolve().parents[2] / "error-catalog"))
    ap.add_argument("--out", default="target/compile-time")
    a = ap.parse_args()
    out = pathlib.Path(a.out).resolve()
    print("| entries | crate | debug build (s) | peak memory (MB) |\n|---|---|---|---|")
    for n in a.sizes:
        g, h = out / f"generated-{n}", out / f"hand-{n}"
        write(g, f"bench-generated-{n}", f'error-catalog = {{ path = "{a.runtime}" }}\nserde_json = "1"\n', generated(n), catalog(n))
        write(h, f"bench-hand-{n}", 'thiserror = "2"\nserde = "1"\nserde_json = "1"\n', hand(n))
        results = {}
        for name, d in (("generated", g), ("hand-written", h)):
            results[name] = build(d, out / "target")
            print(f"| {n} | {name} | {results[name][0]:.1f} | {results[name][1]:.0f} |", flush=True)
        print(f"| {n} | ratio | {results['generated'][0] / results['hand-written'][0]:.2f} | {results['generated'][1] / results['hand-written'][1]:.2f} |", flush=True)

main()
