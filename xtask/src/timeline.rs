//! Drawing a timeline: one row per task or future, a bar from its start to its
//! finish, on a shared axis in seconds. As SVG for the book, as text for a terminal.

use crate::manifest::{Listing, output_file};
use crate::output::{self, Span, SpanKind, Timeline};
use anyhow::{Context, Result, bail};
use std::fmt::Write;
use std::fs;
use std::path::Path;

/// A listing's captured run as its figure draws it: the spans of its
/// captured output, each of the kind the manifest gives its row.
pub fn of_listing(root: &Path, listing: &Listing) -> Result<Timeline> {
    let name = &listing.name;
    let path = output_file(name);
    let captured = fs::read_to_string(root.join(&path)).with_context(|| {
        format!("no captured output for timeline `{name}` ({path}); run `cargo xtask outputs {name}`")
    })?;
    let mut drawn = output::timeline(&captured).with_context(|| path.clone())?;
    if drawn.spans.is_empty() {
        bail!("{path} has no `started`/`finished` events to draw");
    }
    for span in &mut drawn.spans {
        span.kind = listing.kind_of(&span.label);
    }
    Ok(drawn)
}

/// The axis end and the step between its ticks, in seconds: ticks at round
/// numbers, at most six of them, so that their labels fit on a phone.
fn axis(total: f64) -> (f64, f64) {
    let total = total.max(0.01);
    let step = [0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0]
        .into_iter()
        .find(|step| total / step <= 5.0 + 1e-9)
        .unwrap_or(120.0);
    (((total / step) - 1e-9).ceil().max(1.0) * step, step)
}

fn tick_label(seconds: f64) -> String {
    let text = format!("{seconds:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text} s")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// 1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, ... 21st.
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// How a kind of span is named and drawn.
struct Style {
    name: &'static str,
    /// What the kind means for the thread, for the legend.
    meaning: &'static str,
    colour: &'static str,
    /// Terminal bars: one character per kind, so colour is not the only cue.
    glyph: char,
}

fn style(kind: SpanKind) -> Style {
    match kind {
        SpanKind::Awaiting => Style {
            name: "awaiting",
            meaning: "thread free",
            colour: "#2f74c0",
            glyph: '█',
        },
        SpanKind::Blocking => Style {
            name: "blocking",
            meaning: "thread held",
            colour: "#c0392b",
            glyph: '▒',
        },
        SpanKind::Working => Style {
            name: "working",
            meaning: "CPU busy",
            colour: "#b7791f",
            glyph: '▓',
        },
    }
}

/// The kinds of span a timeline has, in a fixed order.
fn kinds(timeline: &Timeline) -> Vec<SpanKind> {
    [SpanKind::Awaiting, SpanKind::Blocking, SpanKind::Working]
        .into_iter()
        .filter(|kind| timeline.spans.iter().any(|s| s.kind == *kind))
        .collect()
}

/// One row of a drawing: a label and all its spans, in the order they ran
/// (a consumer that handles several items has a span per item).
struct Row<'a> {
    label: &'a str,
    kind: SpanKind,
    spans: Vec<&'a Span>,
    /// 1 for the row whose last span finished first, and so on.
    place: usize,
}

impl Row<'_> {
    fn end(&self) -> f64 {
        self.spans.last().map_or(0.0, |s| s.end)
    }
}

/// The rows of a timeline: one per label, in the order the labels first started.
fn rows(timeline: &Timeline) -> Vec<Row<'_>> {
    let mut rows: Vec<Row> = Vec::new();
    for span in &timeline.spans {
        match rows.iter_mut().find(|row| row.label == span.label) {
            Some(row) => row.spans.push(span),
            None => rows.push(Row {
                label: &span.label,
                kind: span.kind,
                spans: vec![span],
                place: 0,
            }),
        }
    }
    let mut last_finished: Vec<(usize, usize)> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| (row.spans.iter().map(|s| s.finished).max().unwrap_or(0), i))
        .collect();
    last_finished.sort();
    for (place, (_, i)) in last_finished.into_iter().enumerate() {
        rows[i].place = place + 1;
    }
    rows
}

/// The whole timeline in words, for readers who cannot see the picture: each
/// span with its kind, its times and its place in the finishing order.
pub fn describe(name: &str, timeline: &Timeline) -> String {
    let mut text = format!("Timeline of {name}: ");
    let rows: Vec<String> = rows(timeline)
        .iter()
        .map(|row| {
            let times: Vec<String> = row
                .spans
                .iter()
                .map(|s| format!("from {:.2} s to {:.2} s", s.start, s.end))
                .collect();
            format!(
                "{} ({}) {}, finished {}",
                row.label,
                style(row.kind).name,
                times.join(", "),
                ordinal(row.place)
            )
        })
        .collect();
    text.push_str(&rows.join("; "));
    let _ = write!(text, ". The whole run took {:.2} s.", timeline.total);
    text
}

/// The timeline as an inline SVG figure: a legend of what the colours mean,
/// then per row a label (with its finishing place and time) above a bar on a
/// shared axis. Narrow, so that its text stays readable on a phone. The SVG's
/// title and description are the full text alternative; `caption` is the
/// takeaway, shown under it. One line, since a blank line would end the HTML
/// block in Markdown.
pub fn svg(name: &str, timeline: &Timeline, caption: &str) -> String {
    const WIDTH: f64 = 400.0;
    const PAD: f64 = 18.0;
    const LEGEND_LINE: f64 = 20.0;
    const ROW: f64 = 40.0;
    // The legend's entries, wrapped onto another line where one would run
    // past the right edge: (kind, its text, x, line).
    let mut entries = Vec::new();
    let (mut legend_x, mut line) = (0.0, 0.0);
    for kind in kinds(timeline) {
        let style = style(kind);
        let text = format!("{} ({})", style.name, style.meaning);
        let width = 17.0 + text.chars().count() as f64 * 6.6;
        if legend_x > 0.0 && legend_x + width > WIDTH {
            (legend_x, line) = (0.0, line + 1.0);
        }
        entries.push((kind, text, legend_x, line));
        legend_x += width + 14.0;
    }
    let legend = (line + 1.0) * LEGEND_LINE + 6.0;
    let (end, step) = axis(timeline.total);
    let x = |t: f64| PAD + t / end * (WIDTH - 2.0 * PAD);
    let rows = rows(timeline);
    let count = rows.len() as f64;
    let axis_y = legend + count * ROW + 2.0;
    let height = axis_y + 20.0;
    let id = format!("timeline-{}", name.replace('_', "-"));
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<figure class="timeline"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {WIDTH} {height}" font-size="13" font-family="sans-serif"><title id="{id}-title">Timeline of {name}</title><desc id="{id}-desc">{desc}</desc><defs><pattern id="{id}-held" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="{red}"/><rect width="2.5" height="6" fill="white" fill-opacity="0.45"/></pattern></defs>"#,
        desc = escape(&describe(name, timeline)),
        red = style(SpanKind::Blocking).colour,
    );
    let fill = |kind: SpanKind| match kind {
        SpanKind::Blocking => format!("url(#{id}-held)"),
        _ => style(kind).colour.to_string(),
    };
    for (kind, text, legend_x, line) in entries {
        let _ = write!(
            svg,
            r#"<rect x="{legend_x}" y="{ry}" width="12" height="12" rx="2" fill="{fill}"/><text x="{tx}" y="{ty}" fill="currentColor">{text}</text>"#,
            fill = fill(kind),
            ry = 4.0 + line * LEGEND_LINE,
            tx = legend_x + 17.0,
            ty = 14.5 + line * LEGEND_LINE,
        );
    }
    // Grid lines run through the bars' bands only, not through the labels.
    let mut tick = 0.0;
    while tick <= end + 1e-9 {
        let mut path = String::new();
        for row in 0..rows.len() {
            let top = legend + row as f64 * ROW + 17.0;
            let _ = write!(path, "M{:.1} {top}v18", x(tick));
        }
        let _ = write!(
            svg,
            r#"<path d="{path}M{x:.1} {axis_top}v4" stroke="currentColor" stroke-opacity="0.3"/><text x="{x:.1}" y="{ty}" text-anchor="middle" fill="currentColor">{label}</text>"#,
            x = x(tick),
            axis_top = axis_y - 2.0,
            ty = axis_y + 15.0,
            label = tick_label(tick),
        );
        tick += step;
    }
    for (number, row) in rows.iter().enumerate() {
        let top = legend + number as f64 * ROW;
        let label = escape(row.label);
        let place = ordinal(row.place);
        let _ = write!(
            svg,
            r#"<text x="0" y="{ly:.1}" fill="currentColor">{label}</text><text x="{WIDTH}" y="{ly:.1}" text-anchor="end" fill="currentColor" fill-opacity="0.8">finished {place}, {end:.2} s</text>"#,
            ly = top + 13.0,
            end = row.end(),
        );
        for span in &row.spans {
            let _ = write!(
                svg,
                r#"<rect x="{bx:.1}" y="{by:.1}" width="{bw:.1}" height="14" rx="3" fill="{fill}"><title>{label} ({kind}): {start:.2} s to {end:.2} s</title></rect>"#,
                bx = x(span.start),
                by = top + 19.0,
                // A hair short of its end, so that back-to-back runs of one row
                // stay apart.
                bw = (x(span.end) - x(span.start) - 1.5).max(2.0),
                fill = fill(span.kind),
                kind = style(span.kind).name,
                start = span.start,
                end = span.end,
            );
        }
    }
    let _ = write!(
        svg,
        r#"</svg><figcaption>{caption}</figcaption></figure>"#,
        caption = escape(caption),
    );
    svg
}

/// The timeline drawn with text, `width` columns for the axis.
pub fn text(timeline: &Timeline, width: usize) -> String {
    let (end, step) = axis(timeline.total);
    let label_width =
        timeline.spans.iter().map(|s| s.label.chars().count()).max().unwrap_or(0);
    let column = |t: f64| ((t / end) * width as f64).round() as usize;
    let mut out = String::new();
    let mut ruler = vec![' '; width + 8];
    let mut ticks = String::new();
    let mut tick = 0.0;
    while tick <= end + 1e-9 {
        let label = tick_label(tick).replace(' ', "");
        let at = column(tick);
        if at >= ticks.chars().count() {
            ticks.push_str(&" ".repeat(at - ticks.chars().count()));
            ticks.push_str(&label);
        }
        ruler[at] = '|';
        tick += step;
    }
    let _ = writeln!(out, "{:label_width$}  {}", "", ticks.trim_end());
    let _ = writeln!(
        out,
        "{:label_width$}  {}",
        "",
        ruler.iter().collect::<String>().trim_end()
    );
    for row in rows(timeline) {
        let mut bar = String::new();
        for span in &row.spans {
            let from = column(span.start).max(bar.chars().count());
            let to = column(span.end).max(from + 1);
            bar.push_str(&" ".repeat(from - bar.chars().count()));
            bar.push_str(&style(span.kind).glyph.to_string().repeat(to - from));
        }
        let first = row.spans.first().map_or(0.0, |s| s.start);
        let _ = writeln!(
            out,
            "{:<label_width$}  {bar}  {first:.2}s → {:.2}s, {}",
            row.label,
            row.end(),
            ordinal(row.place),
        );
    }
    let legend: Vec<String> = kinds(timeline)
        .into_iter()
        .map(|kind| {
            let style = style(kind);
            format!("{} {} ({})", style.glyph, style.name, style.meaning)
        })
        .collect();
    let _ = writeln!(out, "\n{}", legend.join("   "));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::timeline;

    fn example() -> Timeline {
        let mut drawn = timeline("[ 0.00s] first started\n[ 0.00s] second <b> started\n[ 1.00s] second <b> finished\n[ 2.00s] first finished\n").unwrap();
        drawn.spans[0].kind = SpanKind::Blocking;
        drawn
    }

    #[test]
    fn ordinals() {
        let words: Vec<String> =
            [1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal).into();
        assert_eq!(
            words,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd",
                "101st"
            ]
        );
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(axis(4.0), (4.0, 1.0));
        assert_eq!(axis(0.8), (0.8, 0.2));
        assert_eq!(axis(2.02), (2.5, 0.5));
        assert_eq!(axis(0.0), (0.05, 0.05));
    }

    #[test]
    fn svg_has_a_bar_per_span_a_legend_and_a_text_alternative() {
        let svg = svg("demo", &example(), "One <b>takeaway</b>.");
        // Two bars, two legend swatches, two rects in the stripes' pattern.
        assert_eq!(svg.matches("<rect").count(), 6);
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<desc id=\"timeline-demo-desc\">Timeline of demo: first (blocking) from 0.00 s to 2.00 s, finished 2nd; second &lt;b&gt; (awaiting) from 0.00 s to 1.00 s, finished 1st. The whole run took 2.00 s.</desc>"));
        assert!(svg.contains(">awaiting (thread free)</text>"));
        assert!(svg.contains(">blocking (thread held)</text>"));
        assert!(!svg.contains("working"), "only the kinds it has are in the legend");
        assert!(svg.contains(">finished 2nd, 2.00 s</text>"));
        assert!(
            svg.contains("<figcaption>One &lt;b&gt;takeaway&lt;/b&gt;.</figcaption>")
        );
        assert!(!svg.contains('\n'), "a blank line would end the HTML block");
    }

    #[test]
    fn a_legend_too_wide_for_one_line_wraps_within_the_figure() {
        let mut three = timeline("[ 0.00s] a started\n[ 0.00s] b started\n[ 0.00s] c started\n[ 1.00s] a finished\n[ 1.00s] b finished\n[ 1.00s] c finished\n").unwrap();
        three.spans[1].kind = SpanKind::Blocking;
        three.spans[2].kind = SpanKind::Working;
        let svg = svg("three", &three, "All three kinds.");
        // "working (CPU busy)" no longer fits beside the other two: it starts a
        // second line, at the left edge, and every text starts inside 400.
        assert!(
            svg.contains(
                r#"<text x="17" y="34.5" fill="currentColor">working (CPU busy)</text>"#
            ),
            "{svg}"
        );
        for piece in svg.split("<text x=\"").skip(1) {
            let x: f64 = piece.split('"').next().unwrap().parse().unwrap();
            assert!(x <= 400.0, "a text starts at {x}, outside the figure");
        }
        // The rows start below the legend's two lines.
        assert!(
            svg.contains(r#"<text x="0" y="59.0" fill="currentColor">a</text>"#),
            "{svg}"
        );
    }

    #[test]
    fn a_label_that_runs_again_stays_on_its_row() {
        let drawn = timeline("[ 0.00s] c1 started\n[ 0.00s] c2 started\n[ 0.30s] c1 finished\n[ 0.40s] c1 started\n[ 0.50s] c2 finished\n[ 0.70s] c1 finished\n").unwrap();
        let svg = svg("demo", &drawn, "Takeaway.");
        // Two rows, three bars: c1 twice, c2 once; c2 finished first.
        assert_eq!(svg.matches("<rect").count(), 3 + 1 + 2);
        assert!(svg.contains(">finished 2nd, 0.70 s</text>"), "{svg}");
        assert!(svg.contains(">finished 1st, 0.50 s</text>"), "{svg}");
        assert!(svg.contains("c1 (awaiting) from 0.00 s to 0.30 s, from 0.40 s to 0.70 s, finished 2nd"), "{svg}");
        assert_eq!(text(&drawn, 70).lines().filter(|l| l.starts_with("c")).count(), 2);
    }

    #[test]
    fn text_bars_are_proportional() {
        let drawn = text(&example(), 40);
        let bars: Vec<usize> = drawn
            .lines()
            .skip(2)
            .take(2)
            .map(|l| l.matches(['█', '▒']).count())
            .collect();
        assert_eq!(bars, vec![40, 20]);
        assert!(drawn.lines().next().unwrap().contains("0s"));
        assert!(drawn.contains("2.00s, 2nd"));
        assert!(drawn.contains("▒ blocking (thread held)"));
    }
}
