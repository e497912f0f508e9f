//! The appendix `src/cheat-sheet.md`: one table row per asyncio idiom, each
//! pointing at the section that teaches its tokio counterpart and at the
//! listing that shows it. A row whose section or listing does not exist is a
//! problem, so the sheet cannot drift from the book.

use crate::manifest::Manifest;
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::Path;

/// The appendix, relative to the workspace root.
pub const PAGE: &str = "src/cheat-sheet.md";

/// Everything wrong with the sheet's rows, one sentence each.
pub fn problems(root: &Path, manifest: &Manifest) -> Vec<String> {
    let Ok(sheet) = fs::read_to_string(root.join(PAGE)) else {
        return vec![format!("{PAGE} is missing")];
    };
    let mut problems = Vec::new();
    let mut ids: HashMap<String, Option<BTreeSet<String>>> = HashMap::new();
    let rows = rows(&sheet);
    if rows.is_empty() {
        problems.push(format!("{PAGE} has no table rows"));
    }
    for (line, idiom, place) in rows {
        let links = links(&place);
        if links.is_empty() {
            problems.push(format!(
                "{PAGE}:{line} ({idiom}) links to no section: add [title](page.md#anchor)"
            ));
        }
        let mut pages = Vec::new();
        for (page, anchor) in links {
            let known = ids.entry(page.clone()).or_insert_with(|| {
                fs::read_to_string(root.join("src").join(&page))
                    .ok()
                    .map(|text| heading_ids(&text))
            });
            match (known, anchor) {
                (None, _) => problems.push(format!(
                    "{PAGE}:{line} ({idiom}) links to src/{page}, which does not exist"
                )),
                (Some(_), None) => problems.push(format!(
                    "{PAGE}:{line} ({idiom}) links to {page} without a section: add #anchor"
                )),
                (Some(known), Some(anchor)) if !known.contains(&anchor) => {
                    problems.push(format!(
                        "{PAGE}:{line} ({idiom}) links to {page}#{anchor}, a section that does not exist"
                    ))
                }
                _ => pages.push(page),
            }
        }
        let names = code_spans(&without_links(&place));
        if names.is_empty() {
            problems.push(format!(
                "{PAGE}:{line} ({idiom}) names no listing: add `listing_name`"
            ));
        }
        for name in names {
            let chapter = manifest
                .listings
                .iter()
                .find(|l| l.name == name)
                .map(|l| &l.chapter)
                .or_else(|| {
                    manifest
                        .diagnostics
                        .iter()
                        .find(|d| d.name == name)
                        .map(|d| &d.chapter)
                });
            match chapter {
                None => problems.push(format!(
                    "{PAGE}:{line} ({idiom}) names `{name}`, which is not a listing"
                )),
                Some(chapter) if !pages.contains(chapter) => problems.push(format!(
                    "{PAGE}:{line} ({idiom}) names `{name}`, which is in {chapter}, a page the row does not link to"
                )),
                Some(_) => {}
            }
        }
    }
    problems
}

/// The data rows of the tables: line number, first cell, last cell.
fn rows(markdown: &str) -> Vec<(usize, String, String)> {
    let mut rows = Vec::new();
    let mut in_table = false;
    for (index, line) in markdown.lines().enumerate() {
        let line = line.trim();
        if !line.starts_with('|') {
            in_table = false;
            continue;
        }
        let cells = cells(line);
        if !in_table {
            // The header row.
            in_table = true;
            continue;
        }
        if cells.iter().all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))) {
            continue;
        }
        rows.push((
            index + 1,
            cells.first().cloned().unwrap_or_default(),
            cells.last().cloned().unwrap_or_default(),
        ));
    }
    rows
}

/// The cells of a table row; `\|` is a `|` inside a cell.
fn cells(line: &str) -> Vec<String> {
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = vec![String::new()];
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '|' if !escaped => cells.push(String::new()),
            _ => cells.last_mut().expect("one cell at least").push(c),
        }
        escaped = c == '\\';
    }
    cells.iter().map(|c| c.trim().to_string()).collect()
}

/// `(page, anchor)` of every `[text](page.md#anchor)` in `text`.
fn links(text: &str) -> Vec<(String, Option<String>)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("](") {
        rest = &rest[start + 2..];
        let Some(end) = rest.find(')') else { break };
        let target = &rest[..end];
        let (page, anchor) = match target.split_once('#') {
            Some((page, anchor)) => (page, Some(anchor.to_string())),
            None => (target, None),
        };
        if page.ends_with(".md") {
            found.push((page.to_string(), anchor));
        }
        rest = &rest[end..];
    }
    found
}

/// `text` without its `[text](target)` links, whose code spans name APIs.
fn without_links(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        match after
            .find("](")
            .and_then(|mid| after[mid..].find(')').map(|end| mid + end))
        {
            Some(end) => rest = &after[end + 1..],
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The contents of the `code spans` in `text` that look like listing names.
fn code_spans(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|span| {
            !span.is_empty()
                && span
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .map(str::to_string)
        .collect()
}

/// The ids mdBook gives the headings of a page: the heading's text, lower
/// case, spaces as `-`, other punctuation dropped, `-1`, `-2` after repeats.
pub fn heading_ids(markdown: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut fence: Option<String> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let marker: String =
                trimmed.chars().take_while(|&c| c == '`' || c == '~').collect();
            match &fence {
                Some(open)
                    if marker.len() >= open.len()
                        && trimmed[marker.len()..].trim().is_empty() =>
                {
                    fence = None
                }
                Some(_) => {}
                None => fence = Some(marker),
            }
            continue;
        }
        if fence.is_some() || !line.starts_with('#') {
            continue;
        }
        let text = line.trim_start_matches('#');
        if !text.starts_with(' ') {
            continue;
        }
        let text = text.trim();
        let id = match text.rfind("{#") {
            Some(at) if text.ends_with('}') => text[at + 2..text.len() - 1].to_string(),
            _ => normalize_id(&plain_text(text)),
        };
        let count = seen.entry(id.clone()).or_insert(0);
        ids.insert(if *count == 0 { id.clone() } else { format!("{id}-{count}") });
        *count += 1;
    }
    ids
}

/// A heading's text without its inline markup: links keep their text.
fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        rest = &rest[start + 1..];
        match (rest.find(']'), rest.find("](")) {
            (Some(close), Some(link)) if close == link => {
                out.push_str(&rest[..close]);
                rest = &rest[close..];
                rest = rest.find(')').map_or("", |end| &rest[end + 1..]);
            }
            _ => out.push('['),
        }
    }
    out.push_str(rest);
    out.replace(['`', '*'], "")
}

/// mdBook's `normalize_id`.
fn normalize_id(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c.to_ascii_lowercase())
            } else if c.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ids_follow_mdbook() {
        let ids = heading_ids(
            "# Tasks\n## Results as they finish: `JoinSet`\n```text\n# not a heading\n```\n## Quiz\n## Quiz\n## Why `Send + 'static`\n## Custom {#mine}\n## [Linked](x.md) title\n",
        );
        let expected = [
            "tasks",
            "results-as-they-finish-joinset",
            "quiz",
            "quiz-1",
            "why-send--static",
            "mine",
            "linked-title",
        ];
        assert_eq!(ids, expected.into_iter().map(String::from).collect());
    }

    #[test]
    fn rows_must_point_at_sections_and_listings_that_exist() {
        let root =
            std::env::temp_dir().join(format!("workbook-sheet-{}", std::process::id()));
        fs::create_dir_all(root.join("src")).unwrap();
        fs::write(root.join("src/tasks.md"), "# Tasks\n## Spawning a task\n").unwrap();
        fs::write(
            root.join(PAGE),
            "| asyncio | tokio | note | where |\n| --- | --- | --- | --- |\n\
             | `create_task` | `spawn` | starts at once | [Spawning](tasks.md#spawning-a-task), `spawn_now` |\n\
             | `gather` | `join!` | one task | [Joined](tasks.md#joined), `spawn_now` |\n\
             | `wait_for` | `timeout` | a future | [Timeouts](timeouts.md#a-time-limit), `nope` |\n\
             | `sleep` | `sleep` | the same | none |\n\
             | `@asynccontextmanager` | `with(\\|c\\| ..)` | a closure | [`spawn`](tasks.md#spawning-a-task), `spawn_now` |\n",
        )
        .unwrap();
        let manifest: Manifest = toml::from_str(
            "[[listing]]\nname = \"spawn_now\"\nchapter = \"tasks.md\"\n",
        )
        .unwrap();
        let problems = problems(&root, &manifest);
        let _ = fs::remove_dir_all(&root);
        assert_eq!(
            problems,
            [
                "src/cheat-sheet.md:4 (`gather`) links to tasks.md#joined, a section that does not exist",
                "src/cheat-sheet.md:4 (`gather`) names `spawn_now`, which is in tasks.md, a page the row does not link to",
                "src/cheat-sheet.md:5 (`wait_for`) links to src/timeouts.md, which does not exist",
                "src/cheat-sheet.md:5 (`wait_for`) names `nope`, which is not a listing",
                "src/cheat-sheet.md:6 (`sleep`) links to no section: add [title](page.md#anchor)",
                "src/cheat-sheet.md:6 (`sleep`) names no listing: add `listing_name`",
            ]
        );
    }
}
