//! The library's modules form layers in pipeline order: a module may use its
//! own layer and those before it, never a later stage (SPEC §2). The binary
//! (`src/main.rs`, `src/cli/`) sits on top and is not checked.

use std::path::{Path, PathBuf};

/// Layers, first to last; the modules of one layer may use each other.
const LAYERS: &[&[&str]] = &[
    &["error", "offsets", "fr"],
    &["input", "language", "rouge"],
    &["normalize"],
    &["segment"],
    &["analyze", "parse"],
    &["document"],
    &["model"],
    &["rank"],
    &["select", "section", "summarize"],
    &["frame"],
    &["rewrite"],
    &["render", "report"],
    &["batch", "compare"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level module a file of `src/` belongs to (`src/fr/words.rs` → `fr`).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix("src").ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_string())
}

/// The top-level modules a text names as `crate::x` (test modules excluded).
fn used_modules(code: &str) -> Vec<String> {
    let code = match code.find("#[cfg(test)]\nmod tests") {
        Some(cut) => &code[..cut],
        None => code,
    };
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c}`: the first name of each item.
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            inner
                .split(',')
                .map(|s| s.trim().split("::").next().unwrap_or(""))
                .collect()
        } else {
            vec![
                rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .next()
                    .unwrap_or(""),
            ]
        };
        for n in names {
            if !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                out.push(n.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_module_uses_a_later_stage() {
    let mut files = Vec::new();
    walk(Path::new("src"), &mut files);
    files.sort();
    let mut faults = Vec::new();
    for path in files {
        let Some(module) = module_of(&path) else {
            continue;
        };
        if matches!(module.as_str(), "main" | "cli" | "lib") {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            faults.push(format!(
                "{}: module `{module}` has no layer",
                path.display()
            ));
            continue;
        };
        let code = std::fs::read_to_string(&path).unwrap();
        for used in used_modules(&code) {
            match layer_of(&used) {
                Some(l) if l > own => faults.push(format!(
                    "{}: `{module}` uses the later stage `{used}`",
                    path.display()
                )),
                _ => {}
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn uses_are_read_from_paths_and_groups() {
    let code = "use crate::fr::words;\nuse crate::{model::Rewrite, rank};\nlet x = crate::segment::Span::new(0, 0);";
    assert_eq!(used_modules(code), ["fr", "model", "rank", "segment"]);
}
