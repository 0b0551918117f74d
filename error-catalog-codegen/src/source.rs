//! The catalog file: where it is, its text, and line/column lookup for diagnostics.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Rule};

/// A catalog file read into memory, with an index of its lines.
///
/// The fields are private so that the line index always describes the text.
#[derive(Clone, Debug)]
pub struct Source {
    /// The path as the user wrote it, shown in diagnostics.
    name: String,
    /// The absolute path the file was read from.
    path: PathBuf,
    /// The file's text.
    text: String,
    /// Byte offset of the start of each line; the first is 0.
    line_starts: Vec<usize>,
}

impl Source {
    /// A source from text in memory; `name` is shown in diagnostics.
    pub fn new(name: impl Into<String>, path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            name: name.into(),
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// Reads `relative` against `base`, a directory described to the user as `base_is` (for
    /// the macro, "the directory of the crate's Cargo.toml").
    ///
    /// A file that cannot be read is a diagnostic naming the absolute path that was tried and
    /// the directory it was resolved against.
    pub fn read(base: &Path, relative: &str, base_is: &str) -> Result<Source, Box<Diagnostic>> {
        let path = normalize(&base.join(relative));
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Source::new(display_name(&path, relative), path, text)),
            Err(error) => {
                let what = match error.kind() {
                    std::io::ErrorKind::NotFound => "catalog file not found".to_owned(),
                    std::io::ErrorKind::InvalidData => "catalog file is not UTF-8 text".to_owned(),
                    _ => format!("catalog file cannot be read: {error}"),
                };
                let diagnostic =
                    Diagnostic::file(Rule::FileNotReadable, format!("{what}: `{relative}`"))
                        .note(format!("looked for `{}`", path.display()));
                // An absolute path is not resolved against anything.
                if Path::new(relative).is_absolute() {
                    return Err(Box::new(
                        diagnostic
                            .help(format!("check the path, or give it relative to {base_is}")),
                    ));
                }
                Err(Box::new(
                    diagnostic
                        .note(format!(
                            "the path is resolved against `{}` ({base_is})",
                            base.display()
                        ))
                        .help(format!(
                            "give the path of the catalog relative to {base_is}"
                        )),
                ))
            }
        }
    }

    /// The file's name as shown in diagnostics: the path as the user wrote it, or relative
    /// to the current directory.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The absolute path the file was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// `span` kept inside the text and on character boundaries, so that slicing or rendering
    /// the text at it cannot fail.
    pub fn clamp(&self, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let text = self.text();
        let mut start = span.start.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = span.end.clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }

    /// The 1-based line and column (in characters) of a byte offset. An offset past the end
    /// is the end of the text; one inside a character is that character.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        // `line_starts[0]` is 0, so at least one start is at or before the offset.
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |t| t.chars().count());
        (line + 1, column + 1)
    }
}

/// The absolute form of `path`, with `.` and `..` resolved lexically (symbolic links are
/// left alone, so that the path shown is the one the user wrote).
fn normalize(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The name diagnostics show: relative to the directory the compiler runs in (the workspace
/// root under cargo, as for rustc's own paths) when the file is below it, else as written.
fn display_name(path: &Path, relative: &str) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(|p| p.display().to_string()))
        .unwrap_or_else(|| relative.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column() {
        let source = Source::new("a.toml", "/a.toml", "ab\ncé\nx");
        assert_eq!(source.line_col(0), (1, 1));
        assert_eq!(source.line_col(1), (1, 2));
        assert_eq!(source.line_col(3), (2, 1));
        assert_eq!(source.line_col(6), (2, 3));
        assert_eq!(source.line_col(7), (3, 1));
        assert_eq!(source.line_col(100), (3, 2));
        // Inside `é`: the character itself.
        assert_eq!(source.line_col(5), (2, 2));
        assert_eq!(Source::new("e", "/e", "").line_col(3), (1, 1));
    }

    #[test]
    fn missing_file_names_absolute_path_and_base() {
        let base = std::env::temp_dir();
        let diagnostic =
            Source::read(&base, "no/such/catalog.toml", "the test's directory").unwrap_err();
        let text = diagnostic.notes.join("\n");
        assert!(text.contains(&base.join("no/such/catalog.toml").display().to_string()));
        assert!(text.contains(&base.display().to_string()));
    }
}
