//! The `.go` files under a folder, for the tests and tools that walk the program corpora
//! (included with `#[path]` by the corpus, front-end and fuzz replay tests and by xtask).

use std::path::{Path, PathBuf};

/// Appends every `.go` file under `dir` (recursively) to `out`, each folder in name
/// order; a folder that cannot be read adds nothing.
pub fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            go_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "go") {
            out.push(p);
        }
    }
}
