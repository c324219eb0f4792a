//! A batch's progress on standard error (`--progress`): the terminal side
//! of [`batch::run_with_progress`], which knows nothing of terminals.
//!
//! [`batch::run_with_progress`]: refonte::batch::run_with_progress

use indicatif::{BinaryBytes, FormattedDuration, ProgressBar, ProgressDrawTarget, ProgressStyle};
use refonte::batch::Progress;
use std::cell::{Cell, RefCell};
use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often the bar's numbers are updated; it is drawn at most
/// [`BAR_HZ`] times a second.
const BAR_EVERY: Duration = Duration::from_millis(100);
const BAR_HZ: u8 = 10;
/// How often a progress line is printed when standard error is not a terminal.
pub const LINE_EVERY: Duration = Duration::from_secs(5);

/// The bar being drawn, for the panic hook to print above it.
static DRAWN: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// Runs `print` (which writes to standard error) with the bar, if one is
/// drawn, out of the way.
pub fn above_bar(print: impl FnOnce()) {
    let bar = DRAWN.lock().map(|b| b.clone()).unwrap_or_default();
    match bar {
        Some(bar) => bar.suspend(print),
        None => print(),
    }
}

/// What shows a batch's progress.
pub enum Meter {
    /// Nothing.
    Off,
    /// A bar redrawn in place on the terminal.
    Bar(Bar),
    /// Plain lines, for a log file.
    Lines(Lines<io::Stderr>),
}

impl Meter {
    /// The meter for standard error as it is: a bar on a terminal
    /// (unless `TERM` is `dumb` or unset); else plain lines if `always`,
    /// nothing otherwise. `size` is the input's, when known.
    pub fn new(size: Option<u64>, always: bool) -> Meter {
        if io::stderr().is_terminal() {
            let target = ProgressDrawTarget::stderr_with_hz(BAR_HZ);
            if !target.is_hidden() {
                return Meter::Bar(Bar::new(size, target));
            }
        }
        if always {
            Meter::Lines(Lines::new(io::stderr(), size, LINE_EVERY, Instant::now()))
        } else {
            Meter::Off
        }
    }

    /// The bar, if one is drawn.
    pub fn bar(&self) -> Option<ProgressBar> {
        match self {
            Meter::Bar(b) => Some(b.bar.clone()),
            _ => None,
        }
    }

    pub fn observe(&self, p: &Progress) {
        match self {
            Meter::Off => {}
            Meter::Bar(b) => b.observe(p),
            Meter::Lines(l) => l.observe(p, Instant::now()),
        }
    }

    /// Clears the bar, or prints the last line (when the run went
    /// through: `done`).
    pub fn finish(&self, done: bool) {
        match self {
            Meter::Off => {}
            Meter::Bar(b) => b.finish(),
            Meter::Lines(l) => {
                if done {
                    l.finish(Instant::now());
                }
            }
        }
    }
}

/// Records, their rate since the start, failures and skipped lines.
fn counts(p: &Progress, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        p.records as f64 / secs
    } else {
        0.0
    };
    let rate = if rate >= 100.0 {
        format!("{rate:.0}")
    } else {
        format!("{rate:.1}")
    };
    let mut s = format!("{} records, {rate}/s, {} failed", p.records, p.failed);
    if p.skipped > 0 {
        s.push_str(&format!(", {} skipped", p.skipped));
    }
    s
}

pub struct Bar {
    bar: ProgressBar,
    sized: bool,
    start: Instant,
    /// When the numbers may next be updated.
    next: Cell<Instant>,
    /// No update yet.
    first: Cell<bool>,
}

impl Bar {
    fn new(size: Option<u64>, target: ProgressDrawTarget) -> Bar {
        let (bar, template) = match size {
            // The input's bytes done give a real ETA.
            Some(len) => (
                ProgressBar::with_draw_target(Some(len), target),
                "{elapsed_precise} [{wide_bar}] {percent:>3}%  {msg}  ETA {eta_precise}",
            ),
            None => (
                ProgressBar::with_draw_target(None, target),
                "{spinner} {elapsed_precise}  {msg}, {binary_bytes} read",
            ),
        };
        let style = ProgressStyle::with_template(template)
            .expect("progress template")
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(counts(&Progress::default(), Duration::ZERO));
        bar.enable_steady_tick(BAR_EVERY);
        if let Ok(mut drawn) = DRAWN.lock() {
            *drawn = Some(bar.clone());
        }
        let start = Instant::now();
        Bar {
            bar,
            sized: size.is_some(),
            start,
            next: Cell::new(start),
            first: Cell::new(true),
        }
    }

    fn observe(&self, p: &Progress) {
        let now = Instant::now();
        if now < self.next.get() {
            return;
        }
        self.next.set(now + BAR_EVERY);
        self.bar.set_position(p.bytes);
        // Lines skipped before the first record (--resume) are not
        // part of the rate.
        if self.first.replace(false) && self.sized {
            self.bar.reset_eta();
        }
        self.bar.set_message(counts(p, now - self.start));
    }

    fn finish(&self) {
        if let Ok(mut drawn) = DRAWN.lock() {
            *drawn = None;
        }
        self.bar.finish_and_clear();
    }
}

/// Progress as plain lines, one every `every` and one at the end.
pub struct Lines<W: Write> {
    out: RefCell<W>,
    size: Option<u64>,
    every: Duration,
    start: Instant,
    next: Cell<Instant>,
    last: Cell<Progress>,
    /// The first report, whence the byte rate of the ETA.
    base: Cell<Option<(Instant, u64)>>,
}

impl<W: Write> Lines<W> {
    pub fn new(out: W, size: Option<u64>, every: Duration, start: Instant) -> Lines<W> {
        Lines {
            out: RefCell::new(out),
            size,
            every,
            start,
            next: Cell::new(start + every),
            last: Cell::new(Progress::default()),
            base: Cell::new(None),
        }
    }

    pub fn observe(&self, p: &Progress, now: Instant) {
        self.last.set(*p);
        if self.base.get().is_none() {
            self.base.set(Some((now, p.bytes)));
        }
        if now < self.next.get() {
            return;
        }
        self.next.set(now + self.every);
        let mut line = format!("refonte: progress: {}", counts(p, now - self.start));
        match self.size {
            Some(size) if size > 0 => {
                let pct = (p.bytes as f64 * 100.0 / size as f64).min(100.0);
                line.push_str(&format!(", {pct:.0}% of {} read", BinaryBytes(size)));
                if let Some((t0, b0)) = self.base.get() {
                    let secs = (now - t0).as_secs_f64();
                    let rate = p.bytes.saturating_sub(b0) as f64 / secs;
                    if secs > 0.0 && rate > 0.0 {
                        let left = size.saturating_sub(p.bytes) as f64 / rate;
                        let eta = Duration::from_secs_f64(left.min(1e9));
                        line.push_str(&format!(", ETA {}", FormattedDuration(eta)));
                    }
                }
            }
            _ => line.push_str(&format!(", {} read", BinaryBytes(p.bytes))),
        }
        let _ = writeln!(self.out.borrow_mut(), "{line}");
    }

    pub fn finish(&self, now: Instant) {
        let p = self.last.get();
        let elapsed = now - self.start;
        let _ = writeln!(
            self.out.borrow_mut(),
            "refonte: progress: done in {:.1} s: {}, {} read",
            elapsed.as_secs_f64(),
            counts(&p, elapsed),
            BinaryBytes(p.bytes)
        );
    }
}

/// Output for the terminal the bar is drawn on: whole lines are written
/// with the bar out of the way, so that the bar stays below them.
pub struct AboveBar<W: Write> {
    bar: ProgressBar,
    out: W,
    pending: Vec<u8>,
}

impl<W: Write> AboveBar<W> {
    pub fn new(bar: ProgressBar, out: W) -> AboveBar<W> {
        AboveBar {
            bar,
            out,
            pending: Vec::new(),
        }
    }

    /// Writes the first `n` pending bytes.
    fn put(&mut self, n: usize) -> io::Result<()> {
        let (bar, out, pending) = (&self.bar, &mut self.out, &mut self.pending);
        bar.suspend(|| out.write_all(&pending[..n]).and_then(|_| out.flush()))?;
        pending.drain(..n);
        Ok(())
    }
}

impl<W: Write> Write for AboveBar<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if let Some(end) = self.pending.iter().rposition(|&b| b == b'\n') {
            self.put(end + 1)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.put(self.pending.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(records: usize, failed: usize, bytes: u64) -> Progress {
        Progress {
            records,
            failed,
            skipped: 0,
            bytes,
        }
    }

    #[test]
    fn lines_come_every_interval_and_once_at_the_end() {
        let t0 = Instant::now();
        let s = Duration::from_secs(1);
        let lines = Lines::new(Vec::new(), Some(1000), 5 * s, t0);
        lines.observe(&at(1, 0, 10), t0 + s / 10);
        lines.observe(&at(40, 1, 200), t0 + 4 * s);
        lines.observe(&at(50, 2, 250), t0 + 5 * s);
        lines.observe(&at(60, 2, 300), t0 + 6 * s);
        lines.observe(&at(100, 3, 510), t0 + 10 * s + s / 10);
        lines.finish(t0 + 20 * s);
        let text = String::from_utf8(lines.out.into_inner()).unwrap();
        let got: Vec<&str> = text.lines().collect();
        assert_eq!(
            got,
            [
                "refonte: progress: 50 records, 10.0/s, 2 failed, 25% of 1000 B read, ETA 00:00:15",
                "refonte: progress: 100 records, 9.9/s, 3 failed, 51% of 1000 B read, ETA 00:00:09",
                "refonte: progress: done in 20.0 s: 100 records, 5.0/s, 3 failed, 510 B read",
            ]
        );
        assert!(text.bytes().all(|b| b == b'\n' || !b.is_ascii_control()));
    }

    #[test]
    fn lines_of_an_input_of_unknown_size_say_what_was_read() {
        let t0 = Instant::now();
        let s = Duration::from_secs(1);
        let mut p = at(7, 0, 3 << 20);
        p.skipped = 2;
        let lines = Lines::new(Vec::new(), None, 5 * s, t0);
        lines.observe(&p, t0 + 7 * s);
        let text = String::from_utf8(lines.out.into_inner()).unwrap();
        assert_eq!(
            text,
            "refonte: progress: 7 records, 1.0/s, 0 failed, 2 skipped, 3.00 MiB read\n"
        );
    }

    #[test]
    fn output_above_a_hidden_bar_is_written_as_given() {
        let mut out = AboveBar::new(ProgressBar::hidden(), Vec::new());
        out.write_all(b"{\"a\":1}\n{\"b\"").unwrap();
        assert_eq!(out.out, b"{\"a\":1}\n");
        out.write_all(b":2}\n").unwrap();
        out.flush().unwrap();
        assert_eq!(out.out, b"{\"a\":1}\n{\"b\":2}\n");
    }
}
