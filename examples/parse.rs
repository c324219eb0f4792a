//! Prints the shallow analysis of French sentences: each token with its tag,
//! the noun and verb groups, and the clauses.
//!
//!     cargo run --example parse -- "Blinken a invité Qin à Washington."

use refonte::parse::Parsed;

fn main() {
    for s in std::env::args().skip(1) {
        let p = Parsed::of_text(&s);
        let words: Vec<String> = p
            .tokens
            .iter()
            .zip(&p.tags)
            .map(|(t, tag)| format!("{}/{tag:?}", t.span.of(&s)))
            .collect();
        println!("{}", words.join(" "));
        for g in &p.groups {
            println!("  {:?}: {}", g.kind, p.text_of(&s, g.start, g.end));
        }
        for c in &p.clauses {
            println!("  [{:?}] {}", c.kind, p.text_of(&s, c.start, c.end));
        }
    }
}
