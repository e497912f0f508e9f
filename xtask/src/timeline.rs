//! Drawing a timeline: one row per task or future, a bar from its start to its
//! finish, on a shared axis in seconds. As SVG for the book, as text for a terminal.

use crate::output::Timeline;
use std::fmt::Write;

/// The axis end and the step between its ticks, in seconds: ticks at round
/// numbers, five to ten of them.
fn axis(total: f64) -> (f64, f64) {
    let total = total.max(0.01);
    let step = [0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0]
        .into_iter()
        .find(|step| total / step <= 8.0 + 1e-9)
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

/// One sentence per span, for readers who cannot see the picture.
pub fn describe(name: &str, timeline: &Timeline) -> String {
    let mut text = format!("Timeline of {name}: ");
    let rows: Vec<String> = timeline
        .spans
        .iter()
        .map(|s| format!("{} from {:.2} s to {:.2} s", s.label, s.start, s.end))
        .collect();
    text.push_str(&rows.join("; "));
    let _ = write!(text, ". The whole run took {:.2} s.", timeline.total);
    text
}

/// The timeline as an inline SVG figure with a text alternative. One line,
/// since a blank line would end the HTML block in Markdown.
pub fn svg(name: &str, timeline: &Timeline) -> String {
    const LABEL_WIDTH: f64 = 190.0;
    const PLOT_WIDTH: f64 = 440.0;
    const ROW: f64 = 26.0;
    const TOP: f64 = 8.0;
    let (end, step) = axis(timeline.total);
    let x = |t: f64| LABEL_WIDTH + t / end * PLOT_WIDTH;
    let rows = timeline.spans.len() as f64;
    let axis_y = TOP + rows * ROW + 4.0;
    let height = axis_y + 24.0;
    let width = LABEL_WIDTH + PLOT_WIDTH + 30.0;
    let id = format!("timeline-{}", name.replace('_', "-"));
    let description = describe(name, timeline);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<figure class="timeline"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px;font:13px sans-serif"><title id="{id}-title">Timeline of {name}</title><desc id="{id}-desc">{desc}</desc>"#,
        desc = escape(&description),
    );
    let mut tick = 0.0;
    while tick <= end + 1e-9 {
        let _ = write!(
            svg,
            r#"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{axis_y}" stroke="currentColor" stroke-opacity="0.2"/><text x="{x:.1}" y="{ty}" text-anchor="middle" fill="currentColor">{label}</text>"#,
            x = x(tick),
            ty = axis_y + 16.0,
            label = tick_label(tick),
        );
        tick += step;
    }
    for (row, span) in timeline.spans.iter().enumerate() {
        let y = TOP + row as f64 * ROW;
        let bar_width = (x(span.end) - x(span.start)).max(2.0);
        let hue = [210, 25, 140, 280, 95, 330][row % 6];
        let _ = write!(
            svg,
            r#"<text x="{lx}" y="{ty:.1}" text-anchor="end" fill="currentColor">{label}</text><rect x="{bx:.1}" y="{by:.1}" width="{bar_width:.1}" height="{bh}" rx="3" fill="hsl({hue},65%,50%)"><title>{label}: {start:.2} s to {end:.2} s</title></rect>"#,
            lx = LABEL_WIDTH - 10.0,
            ty = y + ROW / 2.0 + 4.0,
            label = escape(&span.label),
            bx = x(span.start),
            by = y + 4.0,
            bh = ROW - 8.0,
            start = span.start,
            end = span.end,
        );
    }
    let _ = write!(
        svg,
        r#"</svg><figcaption>{caption}</figcaption></figure>"#,
        caption = escape(&description),
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
    for span in &timeline.spans {
        let from = column(span.start);
        let to = column(span.end).max(from + 1);
        let _ = writeln!(
            out,
            "{:<label_width$}  {}{}  {:.2}s → {:.2}s",
            span.label,
            " ".repeat(from),
            "█".repeat(to - from),
            span.start,
            span.end,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::timeline;

    fn example() -> Timeline {
        timeline("[ 0.00s] first started\n[ 0.00s] second <b> started\n[ 1.00s] second <b> finished\n[ 2.00s] first finished\n").unwrap()
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(axis(4.0), (4.0, 0.5));
        assert_eq!(axis(0.8), (0.8, 0.1));
        assert_eq!(axis(2.02), (2.5, 0.5));
        assert_eq!(axis(0.0), (0.05, 0.05));
    }

    #[test]
    fn svg_has_a_bar_per_span_and_a_text_alternative() {
        let svg = svg("demo", &example());
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<desc id=\"timeline-demo-desc\">Timeline of demo: first from 0.00 s to 2.00 s; second &lt;b&gt; from 0.00 s to 1.00 s. The whole run took 2.00 s.</desc>"));
        assert!(svg.contains("<figcaption>"));
        assert!(!svg.contains('\n'), "a blank line would end the HTML block");
    }

    #[test]
    fn text_bars_are_proportional() {
        let drawn = text(&example(), 40);
        let bars: Vec<usize> =
            drawn.lines().skip(2).map(|l| l.matches('█').count()).collect();
        assert_eq!(bars, vec![40, 20]);
        assert!(drawn.lines().next().unwrap().contains("0s"));
    }
}
