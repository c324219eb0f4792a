//! Prints the headline refonte can cut from each sentence of some articles,
//! to read them as an editor would.
//!
//!     cargo run --release --example headlines -- FILE.jsonl [FIRST] [COUNT]
//!     cargo run --release --example headlines -- --text SENTENCE...

use refonte::frame::headline::headline;
use refonte::input::Article;
use refonte::parse::Parsed;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).is_some_and(|a| a == "--text") {
        for s in &args[2..] {
            let p = Parsed::of_text(s);
            println!("{:?} <- {s}", headline(s, &p).map(|h| h.text));
        }
        return;
    }
    let Some(path) = args.get(1) else {
        eprintln!("usage: headlines FILE.jsonl [FIRST] [COUNT]");
        std::process::exit(2);
    };
    let first: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(0);
    let count: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(3);
    let data = std::fs::read_to_string(path).expect("readable file");
    let refonte = refonte::Refonte::default();
    let (mut sentences, mut cut) = (0, 0);
    for line in data.lines().skip(first).take(count) {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        let article = Article {
            text: v["text"].as_str().unwrap_or("").into(),
            title: v["title"].as_str().map(str::to_string),
            ..Article::default()
        };
        let Ok(doc) = refonte.document(&article) else {
            continue;
        };
        println!("=== {}", v["title"].as_str().unwrap_or(""));
        for i in 0..doc.seg.sentences.len() {
            if doc.seg.is_heading(i) {
                continue;
            }
            sentences += 1;
            let p = Parsed::new(&doc.text, doc.seg.sentence_tokens(i));
            if let Some(h) = headline(&doc.text, &p) {
                cut += 1;
                println!("  {i:3} {}", h.text);
            }
        }
    }
    eprintln!("{cut} headlines from {sentences} sentences");
}
