//! Every sentence the page shows lives in the text tables (`src/text`): Hangul anywhere else in
//! the sources is a sentence that escaped them (and that a table's checks would not see).
//! Test modules are exempt: they quote the sentences they check.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// The lines of `source` outside its test module (by convention the file's last item, from
/// `#[cfg(test)]` on), with their numbers from 1.
fn outside_tests(source: &str) -> impl Iterator<Item = (usize, &str)> {
    source
        .lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .map(|(i, l)| (i + 1, l))
}

fn hangul_outside_text(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let text = root.join("src").join("text");
    let mut found = Vec::new();
    for f in files.iter().filter(|f| !f.starts_with(&text)) {
        let source = fs::read_to_string(f).expect("a readable source file");
        for (n, line) in outside_tests(&source) {
            if line.chars().any(is_hangul) {
                found.push(format!("{}:{n}: {}", f.display(), line.trim()));
            }
        }
    }
    found
}

#[test]
fn hangul_lives_only_in_the_text_tables_and_tests() {
    let found = hangul_outside_text(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(
        found.is_empty(),
        "Korean outside src/text (move it into a table):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_a_sentence_that_escaped() {
    let dir = std::env::temp_dir().join(format!("convlab-hangul-{}", std::process::id()));
    fs::create_dir_all(dir.join("src/text")).unwrap();
    fs::create_dir_all(dir.join("src/nn")).unwrap();
    fs::write(dir.join("src/text/ok.rs"), "const A: &str = \"모델\";\n").unwrap();
    fs::write(
        dir.join("src/nn/bad.rs"),
        "fn f() -> &'static str {\n    \"현재 모델은 그대로입니다\"\n}\n#[cfg(test)]\nmod tests { const K: &str = \"모델\"; }\n",
    )
    .unwrap();
    let found = hangul_outside_text(&dir);
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].ends_with("bad.rs:2: \"현재 모델은 그대로입니다\""),
        "{found:?}"
    );
}
