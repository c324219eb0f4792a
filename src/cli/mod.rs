//! The commands of the `refonte` binary, one file each (`rewrite`,
//! `summarize`, `batch`, `analyze`, `compare`: its options and what it
//! does), and what they share: the common options ([`args`]), reading the
//! input and writing the output ([`io`]), and the progress meter of a batch
//! ([`meter`]).

pub mod analyze;
pub mod args;
pub mod batch;
pub mod compare;
pub mod io;
pub mod meter;
pub mod rewrite;
pub mod summarize;
