//! The book's own mdBook preprocessor: `{{#timeline NAME}}` becomes the
//! timeline of listing NAME, drawn as inline SVG from its captured output
//! (`listings/output/NAME.txt`).
//!
//! mdBook runs it as `cargo xtask preprocess` (see book.toml), passing
//! `[context, book]` as JSON on stdin and reading the book back on stdout.
//! The book is walked as plain JSON, so no mdbook crate is needed.

use crate::lessons::manifest::{self, LESSONS_DIR};
use crate::lessons::{Lessons, pages};
use crate::manifest::Manifest;
use crate::timeline;
use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::path::Path;

const DIRECTIVE: &str = "{{#timeline ";

/// Replaces every `{{#timeline NAME CAPTION}}` in a chapter's Markdown. The
/// caption is the figure's takeaway ("They overlap: 2 s, not 4 s."); the
/// figure's own text alternative is made from the run.
pub fn expand(root: &Path, chapter: &str, markdown: &str) -> Result<String> {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    let mut manifest = None;
    while let Some(at) = rest.find(DIRECTIVE) {
        out.push_str(&rest[..at]);
        let after = &rest[at + DIRECTIVE.len()..];
        let Some(close) = after.find("}}") else {
            bail!("{chapter}: `{DIRECTIVE}` is not closed with `}}}}`");
        };
        let inside = after[..close].trim();
        let (name, caption) =
            inside.split_once(char::is_whitespace).unwrap_or((inside, ""));
        let caption = caption.trim();
        if caption.is_empty() {
            bail!(
                "{chapter}: `{{{{#timeline {name}}}}}` has no caption: write its takeaway after the name, `{{{{#timeline {name} They overlap: 2 s, not 4 s.}}}}`"
            );
        }
        if manifest.is_none() {
            manifest = Some(Manifest::load(root)?);
        }
        let listing =
            manifest.as_ref().expect("just loaded").listing(name).with_context(
                || format!("{chapter}: `{{{{#timeline {name} ...}}}}`"),
            )?;
        let drawn = timeline::of_listing(root, listing)
            .with_context(|| format!("{chapter}: `{{{{#timeline {name} ...}}}}`"))?;
        out.push_str(&timeline::svg(name, &drawn, caption));
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Every chapter, in book order: its path, name and Markdown.
fn chapters(items: &Value, out: &mut Vec<(String, String, String)>) {
    for item in items.as_array().into_iter().flatten() {
        let Some(chapter) = item.get("Chapter") else { continue };
        if let (Some(path), Some(name), Some(content)) = (
            chapter["path"].as_str(),
            chapter["name"].as_str(),
            chapter["content"].as_str(),
        ) {
            out.push((path.to_string(), name.to_string(), content.to_string()));
        }
        chapters(&chapter["sub_items"], out);
    }
}

/// What the pages need of the lessons: the manifest, and every chapter with
/// its reading time.
struct Pages {
    lessons: Option<Lessons>,
    chapters: Vec<pages::Chapter>,
}

fn walk(root: &Path, pages: &Pages, items: &mut Value) -> Result<()> {
    let Some(items) = items.as_array_mut() else {
        return Ok(());
    };
    for item in items {
        let Some(chapter) = item.get_mut("Chapter") else {
            continue;
        };
        let path = chapter["path"].as_str().unwrap_or("a chapter").to_string();
        if let Some(content) = chapter["content"].as_str() {
            let mut expanded = expand(root, &format!("src/{path}"), content)?;
            if let Some(lessons) = &pages.lessons {
                if expanded.contains(INSTRUCTORS) {
                    let page = pages::instructors(lessons, &pages.chapters);
                    expanded = expanded.replace(INSTRUCTORS, &page);
                }
                if let Some(section) = pages::exercises_section(root, lessons, &path) {
                    expanded.push_str(&section);
                }
            }
            chapter["content"] = Value::String(expanded);
        }
        walk(root, pages, &mut chapter["sub_items"])?;
    }
    Ok(())
}

/// Where the instructors' page wants its tables and schedules.
const INSTRUCTORS: &str = "{{#instructors}}";

/// Runs the preprocessor protocol: `[context, book]` in, the book out.
pub fn run(input: &str) -> Result<String> {
    let input: Value =
        serde_json::from_str(input).context("mdBook sent no valid JSON")?;
    let [context, book] = match input {
        Value::Array(pair) if pair.len() == 2 => {
            <[Value; 2]>::try_from(pair).expect("two items")
        }
        _ => bail!("mdBook sent something other than [context, book]"),
    };
    let root = context["root"].as_str().context("mdBook sent no book root")?;
    let mut book = book;
    let root = Path::new(root);
    let lessons_dir = root.join(LESSONS_DIR);
    let lessons = if lessons_dir.join(manifest::MANIFEST).is_file() {
        Some(Lessons::load(&lessons_dir)?)
    } else {
        None
    };
    let mut all = Vec::new();
    chapters(&book["sections"], &mut all);
    let chapters = all
        .into_iter()
        .filter(|(path, _, _)| path != "intro.md" && path != "instructors.md")
        .map(|(path, name, content)| pages::Chapter {
            minutes: pages::reading_minutes(&content),
            path,
            name,
        })
        .collect();
    walk(root, &Pages { lessons, chapters }, &mut book["sections"])?;
    Ok(serde_json::to_string(&book)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A scratch book root with a manifest and one captured run, removed
    /// when dropped.
    struct Scratch(std::path::PathBuf);

    impl Scratch {
        fn new(test: &str) -> Self {
            let dir = std::env::temp_dir()
                .join(format!("workbook-preprocess-{}-{test}", std::process::id()));
            fs::create_dir_all(dir.join("listings/output")).unwrap();
            fs::write(
                dir.join("listings/listings.toml"),
                "[[listing]]\nname = \"demo\"\nchapter = \"one.md\"\nblocking = [\"a\"]\n\n[[listing]]\nname = \"uncaptured\"\nchapter = \"one.md\"\n",
            )
            .unwrap();
            fs::write(
                dir.join("listings/output/demo.txt"),
                "[ 0.00s] a started\n[ 1.00s] a finished\n",
            )
            .unwrap();
            Scratch(dir)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn directives_become_figures_in_nested_chapters() {
        let root = Scratch::new("nested");
        let input = serde_json::json!([
            {"root": root.0, "config": {}, "renderer": "html", "mdbook_version": "0.4.52"},
            {"sections": [
                "Separator",
                {"Chapter": {"name": "One", "content": "before\n\n{{#timeline demo A takes 1 s.}}\n\nafter", "path": "one.md",
                  "sub_items": [{"Chapter": {"name": "Two", "content": "{{#timeline demo Again.}}", "path": "two.md", "sub_items": []}}]}}
            ], "__non_exhaustive": null}
        ]);
        let out: Value =
            serde_json::from_str(&run(&input.to_string()).unwrap()).unwrap();
        let one = out["sections"][1]["Chapter"]["content"].as_str().unwrap();
        assert!(one.starts_with("before\n\n<figure class=\"timeline\">"), "{one}");
        assert!(
            one.ends_with("<figcaption>A takes 1 s.</figcaption></figure>\n\nafter"),
            "{one}"
        );
        let two = out["sections"][1]["Chapter"]["sub_items"][0]["Chapter"]["content"]
            .as_str()
            .unwrap();
        assert!(
            two.contains("Timeline of demo: a (blocking) from 0.00 s to 1.00 s"),
            "{two}"
        );
        assert_eq!(out["sections"][0], "Separator");
    }

    #[test]
    fn a_missing_output_says_how_to_make_it() {
        let root = Scratch::new("missing");
        let error = expand(&root.0, "src/x.md", "{{#timeline uncaptured Takeaway.}}")
            .unwrap_err();
        assert!(
            format!("{error:#}").contains("run `cargo xtask outputs uncaptured`"),
            "{error:#}"
        );
    }

    #[test]
    fn an_unknown_listing_is_named_as_such() {
        let root = Scratch::new("unknown");
        let error = format!(
            "{:#}",
            expand(&root.0, "src/x.md", "{{#timeline nope Takeaway.}}").unwrap_err()
        );
        assert!(error.contains("no listing named `nope`"), "{error}");
        assert!(!error.contains("cargo xtask outputs nope"), "{error}");
    }

    #[test]
    fn a_timeline_needs_a_caption() {
        let root = Scratch::new("caption");
        let error = expand(&root.0, "src/x.md", "{{#timeline demo}}").unwrap_err();
        assert!(error.to_string().contains("has no caption"), "{error}");
    }
}
