//! What a listing prints, read back: its timings and its timeline events.
//!
//! Listings stamp each line with the time since they started, `[ 2.00s] first
//! wait finished`, and may state durations in prose (`took 4.00s`). Any number
//! written as digits, a point, digits and `s` is a timing. Two runs of a listing
//! print the same text with slightly different timings, so outputs compare
//! exactly outside their timings and within [`tolerance`] on them, and in
//! order: only lines stamped at the same instant may trade places.
//!
//! A line `[T s] LABEL started` or `[T s] LABEL finished` is a timeline event:
//! the span of LABEL runs from its start to its finish.

use anyhow::{Result, bail};
use serde::Deserialize;

/// How much slower than a claim (or than another run) a run may be: 5 % + 100 ms.
/// Runs are never faster than a claim: a wait cannot end early.
pub fn tolerance(seconds: f64) -> f64 {
    seconds * 0.05 + 0.1
}

/// Checks a wall-clock measurement against the book's claim.
pub fn check_claim(claimed: f64, measured: f64) -> Result<(), String> {
    if measured < claimed {
        Err(format!("took {measured:.3}s, faster than the claimed {claimed}s"))
    } else if measured > claimed + tolerance(claimed) {
        Err(format!(
            "took {measured:.3}s, more than the claimed {claimed}s + {:.3}s of tolerance",
            tolerance(claimed)
        ))
    } else {
        Ok(())
    }
}

/// A line split into its text with every timing replaced by `{t}` (spaces
/// before a timing dropped and runs of spaces collapsed, since padding follows
/// the width of a number), and its timings.
pub fn split_timings(line: &str) -> (String, Vec<f64>) {
    let mut template = String::new();
    let mut timings = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some((value, len)) = timing_at(line, i) {
            timings.push(value);
            // Padding before a number depends on its width: ignore it.
            template.truncate(template.trim_end_matches(' ').len());
            template.push_str("{t}");
            i += len;
            continue;
        }
        let c = line[i..].chars().next().expect("i is on a char boundary");
        if !(c == ' ' && template.ends_with(' ')) {
            template.push(c);
        }
        i += c.len_utf8();
    }
    (template.trim().to_string(), timings)
}

/// A timing (`12.34s`) starting at byte `i`, not in the middle of a word or number.
fn timing_at(line: &str, i: usize) -> Option<(f64, usize)> {
    let bytes = line.as_bytes();
    if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.') {
        return None;
    }
    let digits =
        |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let whole = digits(i);
    if whole == 0 || bytes.get(i + whole) != Some(&b'.') {
        return None;
    }
    let frac = digits(i + whole + 1);
    let end = i + whole + 1 + frac;
    if frac == 0 || bytes.get(end) != Some(&b's') {
        return None;
    }
    if bytes.get(end + 1).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    Some((line[i..end].parse().ok()?, end + 1 - i))
}

/// How the timings of two runs are compared (`timings` in the manifest).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Timings {
    /// Within [`tolerance`]: waits take the same time on every machine.
    #[default]
    Fixed,
    /// Not at all, nor any other figure: CPU-bound work takes as long as the
    /// machine makes it, and a benchmark's rates are the machine's own.
    Machine,
}

/// Compares a fresh run's output with the captured one, line by line and in
/// order. Each captured line needs its own fresh line with the same text and
/// timings (within [`tolerance`], or ignored for [`Timings::Machine`]). Two
/// lines may come in the other order only when both are stamped at the same
/// instant (within the tolerance), such as two futures finishing in the same
/// millisecond; any other change of order is a difference.
pub fn compare(captured: &str, fresh: &str, timings: Timings) -> Result<(), String> {
    let parse = |text: &str| -> Vec<(String, Vec<f64>, Option<f64>, String)> {
        text.lines()
            .map(|line| {
                let (template, times) = split_timings(line);
                (template, times, stamped(line).map(|(t, _)| t), line.to_string())
            })
            .collect()
    };
    let (mut captured, mut fresh) = (parse(captured), parse(fresh));
    if timings == Timings::Machine {
        // Every figure is the machine's own (items per second, say): compare
        // the words around them.
        for line in captured.iter_mut().chain(fresh.iter_mut()) {
            line.0 = numbers_masked(&line.0);
        }
    }
    let same = |a: &[f64], b: &[f64]| {
        timings == Timings::Machine
            || (a.len() == b.len()
                && a.iter().zip(b).all(|(a, b)| (a - b).abs() <= tolerance(a.max(*b))))
    };
    // Each captured line takes the earliest unused fresh line that matches it,
    // so identical lines keep their order.
    let mut used = vec![false; fresh.len()];
    let mut matched: Vec<(usize, usize)> = Vec::new();
    let mut report = String::new();
    for (i, (template, times, _, line)) in captured.iter().enumerate() {
        let found = fresh.iter().enumerate().position(|(j, (t, ts, _, _))| {
            !used[j] && t == template && same(times, ts)
        });
        match found {
            Some(j) => {
                used[j] = true;
                matched.push((i, j));
            }
            None => {
                report.push_str(&format!("\n  captured, not in the fresh run: {line}"))
            }
        }
    }
    for (j, (_, _, _, line)) in fresh.iter().enumerate() {
        if !used[j] {
            report.push_str(&format!("\n  fresh, not in the captured run: {line}"));
        }
    }
    // Whether two captured stamps are the same instant: within the tolerance,
    // or equal for machine timings. An unstamped line never trades places.
    let same_instant = |a: Option<f64>, b: Option<f64>| match (a, b, timings) {
        (Some(a), Some(b), Timings::Fixed) => (a - b).abs() <= tolerance(a.max(b)),
        (Some(a), Some(b), Timings::Machine) => a == b,
        _ => false,
    };
    for (n, &(a, fresh_a)) in matched.iter().enumerate() {
        // The first later line that the fresh run printed before this one.
        if let Some(&(b, _)) = matched[n + 1..].iter().find(|&&(b, fresh_b)| {
            fresh_b < fresh_a && !same_instant(captured[a].2, captured[b].2)
        }) {
            report.push_str(&format!(
                "\n  order changed: captured `{}` before `{}`, the fresh run printed them the other way round",
                captured[a].3, captured[b].3
            ));
        }
    }
    if report.is_empty() { Ok(()) } else { Err(report) }
}

/// The text with every number (`1000000`, `1.81`) replaced by `#`.
fn numbers_masked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            while chars.next_if(|c| c.is_ascii_digit() || *c == '.').is_some() {}
            out.push('#');
        } else {
            out.push(c);
        }
    }
    out
}

/// A panic's message names the thread with its numeric id, which changes on
/// every run: `thread 'main' (3945) panicked at ...`. Masks the id, so that
/// two runs' stderr compare equal: `thread 'main' (…) panicked at ...`.
pub fn mask_thread_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("thread '") {
        let name_start = at + "thread '".len();
        out.push_str(&rest[..name_start]);
        rest = &rest[name_start..];
        let Some(name_end) = rest.find('\'') else { break };
        let after = &rest[name_end + 1..];
        let digits = after
            .strip_prefix(" (")
            .map(|a| a.bytes().take_while(u8::is_ascii_digit).count());
        match digits {
            Some(n) if n > 0 && after[2 + n..].starts_with(')') => {
                out.push_str(&rest[..name_end]);
                out.push_str("' (…)");
                rest = &after[2 + n + 1..];
            }
            _ => {
                out.push_str(&rest[..=name_end]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// One row of a timeline: a task or future from its start to its finish.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub label: String,
    pub start: f64,
    pub end: f64,
    /// 1 for the span that finished first, and so on, in the order of the
    /// `finished` lines (which may differ from the order of their times when
    /// they are stamped at the same instant).
    pub finished: usize,
    pub kind: SpanKind,
}

/// What a span does with its thread while it runs, as a timeline colours it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    /// Waits with `.await`: the thread is free for other work.
    #[default]
    Awaiting,
    /// Waits while holding the thread (`std::thread::sleep`).
    Blocking,
    /// Computes: the thread and a CPU core are busy.
    Working,
}

/// The timeline of a run: its spans in order of first appearance, and the
/// time of its last stamped line.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub spans: Vec<Span>,
    pub total: f64,
}

/// Reads the timeline events out of a listing's output.
pub fn timeline(output: &str) -> Result<Timeline> {
    // Each span with the index of its `started` line, to keep rows in that order.
    let mut spans: Vec<(usize, Span)> = Vec::new();
    let mut open: Vec<(String, f64, usize)> = Vec::new();
    let mut total: f64 = 0.0;
    for (number, line) in output.lines().enumerate() {
        let Some((time, rest)) = stamped(line) else {
            continue;
        };
        total = total.max(time);
        if let Some(label) = rest.strip_suffix(" started") {
            if open.iter().any(|(l, _, _)| l == label) {
                bail!("line {}: `{label}` starts again before it finished", number + 1);
            }
            open.push((label.to_string(), time, number));
        } else if let Some(label) = rest.strip_suffix(" finished") {
            let Some(index) = open.iter().position(|(l, _, _)| l == label) else {
                bail!("line {}: `{label}` finishes but never started", number + 1);
            };
            let (label, start, started_on) = open.remove(index);
            let finished = spans.len() + 1;
            let span =
                Span { label, start, end: time, finished, kind: SpanKind::Awaiting };
            spans.push((started_on, span));
        }
    }
    if let Some((label, _, _)) = open.first() {
        bail!("`{label}` started but never finished");
    }
    // Rows in the order the spans started.
    spans.sort_by_key(|(started_on, _)| *started_on);
    Ok(Timeline { spans: spans.into_iter().map(|(_, span)| span).collect(), total })
}

/// `[ 2.00s] rest` → (2.0, "rest").
fn stamped(line: &str) -> Option<(f64, &str)> {
    let inner = line.trim_start().strip_prefix('[')?;
    let (time, rest) = inner.split_once("s] ")?;
    Some((time.trim().parse().ok()?, rest.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_are_split_from_the_text() {
        let (template, timings) =
            split_timings("[ 2.00s] both done after 4.01s, not 6 s.");
        assert_eq!(template, "[{t}] both done after{t}, not 6 s.");
        assert_eq!(timings, vec![2.0, 4.01]);
        let (template, timings) = split_timings("version 1.2s3 and v0.5s and 3.s");
        assert_eq!(template, "version 1.2s3 and v0.5s and 3.s");
        assert!(timings.is_empty());
    }

    #[test]
    fn padding_does_not_matter() {
        assert_eq!(split_timings("[ 2.00s] x").0, split_timings("[12.00s] x").0);
    }

    #[test]
    fn claims_allow_only_a_little_slowness() {
        assert!(check_claim(2.0, 2.0).is_ok());
        assert!(check_claim(2.0, 2.2).is_ok());
        assert!(check_claim(2.0, 1.99).unwrap_err().contains("faster"));
        assert!(check_claim(2.0, 2.21).unwrap_err().contains("tolerance"));
    }

    #[test]
    fn outputs_compare_within_tolerance() {
        let captured = "[ 0.00s] a started\n[ 2.00s] a finished\n[ 2.00s] b finished\n";
        let fixed = |fresh| compare(captured, fresh, Timings::Fixed);
        assert!(
            fixed("[ 0.00s] a started\n[ 2.01s] a finished\n[ 2.00s] b finished\n")
                .is_ok()
        );
        let error =
            fixed("[ 0.00s] a started\n[ 2.90s] a finished\n[ 2.00s] b finished\n")
                .unwrap_err();
        assert!(
            error.contains("captured, not in the fresh run: [ 2.00s] a finished"),
            "{error}"
        );
        assert!(
            error.contains("fresh, not in the captured run: [ 2.90s] a finished"),
            "{error}"
        );
        assert!(fixed("[ 0.00s] a started\n[ 2.00s] a finished\n").is_err());
        assert!(compare("hello\n", "hullo\n", Timings::Fixed).is_err());
    }

    #[test]
    fn lines_stamped_at_the_same_instant_may_trade_places() {
        let captured = "[ 0.00s] a started\n[ 2.00s] a finished\n[ 2.00s] b finished\n";
        let fresh = "[ 0.00s] a started\n[ 2.01s] b finished\n[ 2.00s] a finished\n";
        assert!(compare(captured, fresh, Timings::Fixed).is_ok());
    }

    #[test]
    fn lines_stamped_at_different_instants_keep_their_order() {
        let captured = "[ 0.00s] x\n[ 0.50s] y\n[ 1.00s] x\n";
        let fresh = "[ 0.50s] y\n[ 0.00s] x\n[ 1.00s] x\n";
        let error = compare(captured, fresh, Timings::Fixed).unwrap_err();
        assert!(
            error.contains("order changed: captured `[ 0.00s] x` before `[ 0.50s] y`"),
            "{error}"
        );
        // Unstamped lines never trade places.
        assert!(compare("one\ntwo\n", "two\none\n", Timings::Fixed).is_err());
    }

    #[test]
    fn machine_timings_compare_text_and_order_only() {
        let captured = "[ 0.00s] work started\n[ 0.62s] work finished\n";
        let machine = |fresh| compare(captured, fresh, Timings::Machine);
        assert!(machine("[ 0.00s] work started\n[ 1.40s] work finished\n").is_ok());
        assert!(machine("[ 1.40s] work finished\n[ 0.00s] work started\n").is_err());
        assert!(machine("[ 0.00s] work started\n").is_err());
        let rate = |fresh| {
            compare("[ 0.55s] 1000000 items, 1.82 M/s\n", fresh, Timings::Machine)
        };
        assert!(rate("[ 0.61s] 1000000 items, 1.64 M/s\n").is_ok());
        assert!(rate("[ 0.61s] 1000000 things, 1.64 M/s\n").is_err());
    }

    #[test]
    fn thread_ids_in_panic_messages_are_masked() {
        assert_eq!(
            mask_thread_ids(
                "thread 'tokio-rt-worker' (3945) panicked at x.rs:1:2:\nboom\n"
            ),
            "thread 'tokio-rt-worker' (…) panicked at x.rs:1:2:\nboom\n"
        );
        assert_eq!(mask_thread_ids("thread 'main' panicked"), "thread 'main' panicked");
        assert_eq!(mask_thread_ids("a thread 'x' (y) z"), "a thread 'x' (y) z");
    }

    #[test]
    fn events_become_spans() {
        let out = "intro\n[ 0.00s] x started\n[ 0.00s] y started\n[ 1.00s] y finished\n[ 2.00s] x finished\n[ 2.01s] done\n";
        let timeline = timeline(out).unwrap();
        assert_eq!(
            timeline.spans,
            vec![
                Span {
                    label: "x".into(),
                    start: 0.0,
                    end: 2.0,
                    finished: 2,
                    kind: SpanKind::Awaiting
                },
                Span {
                    label: "y".into(),
                    start: 0.0,
                    end: 1.0,
                    finished: 1,
                    kind: SpanKind::Awaiting
                },
            ]
        );
        assert_eq!(timeline.total, 2.01);
    }

    #[test]
    fn unbalanced_events_are_errors() {
        assert!(
            timeline("[ 0.00s] x started\n")
                .unwrap_err()
                .to_string()
                .contains("never finished")
        );
        assert!(
            timeline("[ 1.00s] x finished\n")
                .unwrap_err()
                .to_string()
                .contains("never started")
        );
    }
}
