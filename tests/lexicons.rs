//! The data files under `lexicons/` are exactly those the library compiles
//! in and checks (`refonte::fr::lexicon::files::FILES`).

use std::path::Path;

#[test]
fn every_file_under_lexicons_is_compiled_in_and_well_formed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
    let mut on_disk: Vec<String> = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap();
        if !dir.file_type().unwrap().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(dir.path()).unwrap() {
            let name = f.unwrap().file_name().into_string().unwrap();
            if name != "README.md" {
                on_disk.push(format!("{}/{name}", dir.file_name().to_string_lossy()));
            }
        }
    }
    on_disk.sort();
    let files = refonte::fr::lexicon::files::FILES;
    let listed: Vec<&str> = files.iter().map(|f| f.name).collect();
    assert_eq!(on_disk, listed, "lexicons/ and files::FILES differ");
    for f in files {
        let on_disk = std::fs::read_to_string(root.join(f.name)).unwrap();
        assert_eq!(on_disk, f.text, "{}: compiled text differs", f.name);
        let faults = refonte::fr::lexicon::check::check(*f);
        assert!(faults.is_empty(), "{faults:?}");
    }
}
