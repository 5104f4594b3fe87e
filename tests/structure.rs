//! The UI's layering, checked on the sources: a page section (a folder of `src/components/`
//! other than `widgets/` and `context/`) imports no other section and not the page shell
//! (`app.rs`); widgets and context import neither. What two sections share belongs in `widgets/`
//! or `context/`, and the list of sections in `components/sections.rs`. Sections that reached
//! into each other (Draw ↔ overview) and into the shell (the overview took `SECTIONS` from
//! `app.rs`) made every change to one a change to the other; this test keeps them apart.
//!
//! It reads paths, not the compiler's view: `crate::components::x`, `super::…::x` resolved from
//! the file's own module, and `{…}` groups after either, outside comments.

use std::fs;
use std::path::{Path, PathBuf};

/// Folders of `src/components/` that are not sections.
const SHARED: [&str; 2] = ["widgets", "context"];
/// The page shell's module, and the name `components` re-exports it as.
const SHELL: [&str; 2] = ["app", "App"];

fn components_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components")
}

/// The sections: every folder of `src/components/` but the shared ones.
fn sections(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(dir)
        .expect("src/components exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !SHARED.contains(&n.as_str()))
        .collect();
    out.sort();
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir)
        .expect("readable folder")
        .filter_map(Result::ok)
    {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file under `src/`: `components/draw/pad.rs` is
/// `["components", "draw", "pad"]`, `components/draw/mod.rs` is `["components", "draw"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("file under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths a line names that start at `crate` or `super`, with `{a, b::c}` groups expanded
/// one level: `use crate::components::{app, draw::pad}` names `crate::components::app` and
/// `crate::components::draw`.
fn paths_in(line: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !is_ident(chars[i - 1]) && chars[i - 1] != ':';
        let rest: String = chars[i..].iter().collect();
        if starts_word && (rest.starts_with("crate::") || rest.starts_with("super::")) {
            let (path, end) = read_path(&chars, i);
            out.extend(path);
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Reads `a::b::c` or `a::b::{c, d::e}` from `at`; returns the paths and where it stopped.
fn read_path(chars: &[char], mut at: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    loop {
        let start = at;
        while at < chars.len() && is_ident(chars[at]) {
            at += 1;
        }
        if at > start {
            prefix.push(chars[start..at].iter().collect::<String>());
        }
        if chars.get(at) == Some(&':') && chars.get(at + 1) == Some(&':') {
            at += 2;
            if chars.get(at) == Some(&'{') {
                let mut depth = 0;
                let mut item = String::new();
                let mut groups = Vec::new();
                while at < chars.len() {
                    let c = chars[at];
                    at += 1;
                    match c {
                        '{' => {
                            depth += 1;
                            if depth > 1 {
                                item.push(c);
                            }
                        }
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                groups.push(std::mem::take(&mut item));
                                break;
                            }
                            item.push(c);
                        }
                        ',' if depth == 1 => groups.push(std::mem::take(&mut item)),
                        _ => item.push(c),
                    }
                }
                let paths = groups
                    .iter()
                    .filter_map(|g| {
                        let first: String = g.trim().chars().take_while(|&c| is_ident(c)).collect();
                        (!first.is_empty() && first != "self").then(|| {
                            let mut p = prefix.clone();
                            p.push(first);
                            p
                        })
                    })
                    .collect::<Vec<_>>();
                let paths = if paths.is_empty() {
                    vec![prefix]
                } else {
                    paths
                };
                return (paths, at);
            }
        } else {
            return (vec![prefix], at);
        }
    }
}

/// `path` as seen from module `from`, as a path from the crate root (without `crate`).
fn resolve(from: &[String], path: &[String]) -> Vec<String> {
    match path.first().map(String::as_str) {
        Some("crate") => path[1..].to_vec(),
        _ => {
            let mut here = from.to_vec();
            let mut rest = path;
            while rest.first().is_some_and(|p| p == "super") {
                here.pop();
                rest = &rest[1..];
            }
            here.extend(rest.iter().cloned());
            here
        }
    }
}

/// Every `file:line: what` where a section, a widget or context imports the shell or a section
/// that is not its own.
fn violations() -> Vec<String> {
    let dir = components_dir();
    let src = dir.parent().expect("src").to_path_buf();
    let sections = sections(&dir);
    let mut files = Vec::new();
    for folder in sections.iter().map(String::as_str).chain(SHARED) {
        rust_files(&dir.join(folder), &mut files);
    }
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let module = module_of(&src, &file);
        let own = &module[1];
        let text = fs::read_to_string(&file).expect("readable source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for path in paths_in(code) {
                let target = resolve(&module, &path);
                if target.first().map(String::as_str) != Some("components") {
                    continue;
                }
                let Some(named) = target.get(1) else { continue };
                let what = if SHELL.contains(&named.as_str()) {
                    "the page shell"
                } else if sections.contains(named) && named != own {
                    "another section"
                } else {
                    continue;
                };
                found.push(format!(
                    "{}:{}: imports {what}, `{}` ({})",
                    file.strip_prefix(src.parent().expect("root"))
                        .unwrap_or(&file)
                        .display(),
                    n + 1,
                    path.join("::"),
                    line.trim()
                ));
            }
        }
    }
    found
}

#[test]
fn no_section_imports_the_shell_or_another_section() {
    let found = violations();
    assert!(
        found.is_empty(),
        "sections import only widgets/, context/ and components::sections (move what two share \
         there):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_sections_are_the_page_sections() {
    // The test above is only as good as its list of sections.
    assert_eq!(
        sections(&components_dir()),
        ["conv", "draw", "explain", "head", "model", "overview", "pool", "train"]
    );
}

#[test]
fn paths_are_read_as_the_compiler_reads_them() {
    let from: Vec<String> = ["components", "draw", "pad"].map(String::from).to_vec();
    let named = |line: &str| -> Vec<String> {
        paths_in(line)
            .iter()
            .map(|p| resolve(&from, p).join("::"))
            .collect()
    };
    assert_eq!(
        named("use super::super::overview::StageStrip;"),
        ["components::overview::StageStrip"]
    );
    assert_eq!(
        named("use super::maps::FeatureMaps;"),
        ["components::draw::maps::FeatureMaps"]
    );
    assert_eq!(
        named("use crate::components::{app::SECTIONS, widgets::{canvas, grid}};"),
        ["components::app", "components::widgets"]
    );
    assert_eq!(
        named("let x = crate::components::train::X;"),
        ["components::train::X"]
    );
    assert!(named("use leptos::prelude::*;").is_empty());
}
