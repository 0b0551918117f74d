//! Template source: parsing it into [`Piece`]s, with a span for every mistake.

use std::fmt;
use std::ops::Range;

/// One part of a parsed template: literal text or a named placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text, with `{{` and `}}` already turned into single braces.
    Literal(String),
    /// A `{name}` placeholder.
    Placeholder {
        /// The name between the braces.
        name: String,
        /// Byte range of the whole placeholder, braces included, in the template source.
        span: Range<usize>,
    },
}

/// What went wrong while parsing a template.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateErrorKind {
    /// A `{` with no matching `}`.
    UnclosedBrace,
    /// A `}` that closes nothing (write `}}` for a literal brace).
    UnopenedBrace,
    /// `{}`: a placeholder with no name.
    EmptyPlaceholder,
    /// A placeholder name that is not a snake_case identifier.
    InvalidName(String),
}

/// A mistake in a template, with the byte range it covers in the template source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    /// What went wrong.
    pub kind: TemplateErrorKind,
    /// Byte range in the template source.
    pub span: Range<usize>,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            TemplateErrorKind::UnclosedBrace => f.write_str("unclosed `{` in message template"),
            TemplateErrorKind::UnopenedBrace => f.write_str("unmatched `}` in message template"),
            TemplateErrorKind::EmptyPlaceholder => f.write_str("empty placeholder `{}`"),
            TemplateErrorKind::InvalidName(name) => {
                write!(
                    f,
                    "placeholder name `{name}` is not a snake_case identifier"
                )
            }
        }
    }
}

impl std::error::Error for TemplateError {}

/// Whether `name` is a valid placeholder (field) name: lowercase ASCII letters, digits and
/// underscores, not starting with a digit, and not `_` alone.
pub fn is_field_name(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_lowercase() || c == '_' => {}
        _ => return false,
    }
    name != "_" && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Parses template source into pieces. Every mistake is reported, in source order.
///
/// Adjacent literal text is merged into one [`Piece::Literal`]; an empty template gives no
/// pieces.
pub fn parse(source: &str) -> Result<Vec<Piece>, Vec<TemplateError>> {
    let mut pieces = Vec::new();
    let mut errors = Vec::new();
    let mut literal = String::new();
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                literal.push('{');
                i += 2;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                literal.push('}');
                i += 2;
            }
            b'}' => {
                errors.push(TemplateError {
                    kind: TemplateErrorKind::UnopenedBrace,
                    span: i..i + 1,
                });
                i += 1;
            }
            b'{' => {
                // A placeholder runs to the next `}`; a `{` before it means this one is unclosed.
                let rest = &source[i + 1..];
                let close = rest
                    .find(['}', '{'])
                    .filter(|&j| rest.as_bytes()[j] == b'}');
                let Some(j) = close else {
                    errors.push(TemplateError {
                        kind: TemplateErrorKind::UnclosedBrace,
                        span: i..i + 1,
                    });
                    i += 1;
                    continue;
                };
                let name = &rest[..j];
                let span = i..i + j + 2;
                if name.is_empty() {
                    errors.push(TemplateError {
                        kind: TemplateErrorKind::EmptyPlaceholder,
                        span: span.clone(),
                    });
                } else if !is_field_name(name) {
                    errors.push(TemplateError {
                        kind: TemplateErrorKind::InvalidName(name.to_owned()),
                        span: span.clone(),
                    });
                }
                if !literal.is_empty() {
                    pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                }
                pieces.push(Piece::Placeholder {
                    name: name.to_owned(),
                    span: span.clone(),
                });
                i = span.end;
            }
            _ => {
                let next = source[i..].find(['{', '}']).map_or(source.len(), |j| i + j);
                literal.push_str(&source[i..next]);
                i = next;
            }
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    if errors.is_empty() {
        Ok(pieces)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Piece {
        Piece::Literal(s.to_owned())
    }

    #[test]
    fn parses_placeholders_and_escapes() {
        let pieces = parse("a {{b}} {name} c").unwrap();
        assert_eq!(
            pieces,
            vec![
                lit("a {b} "),
                Piece::Placeholder {
                    name: "name".into(),
                    span: 8..14
                },
                lit(" c"),
            ]
        );
        assert_eq!(parse("").unwrap(), vec![]);
    }

    #[test]
    fn reports_every_mistake_in_order() {
        let errors = parse("} {} {Bad} {open").unwrap_err();
        let kinds: Vec<_> = errors
            .iter()
            .map(|e| (e.kind.clone(), e.span.clone()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (TemplateErrorKind::UnopenedBrace, 0..1),
                (TemplateErrorKind::EmptyPlaceholder, 2..4),
                (TemplateErrorKind::InvalidName("Bad".into()), 5..10),
                (TemplateErrorKind::UnclosedBrace, 11..12),
            ]
        );
    }

    #[test]
    fn nested_open_brace_is_unclosed() {
        let errors = parse("{a {b}").unwrap_err();
        assert_eq!(errors[0].kind, TemplateErrorKind::UnclosedBrace);
        assert_eq!(errors[0].span, 0..1);
    }

    #[test]
    fn field_names() {
        assert!(is_field_name("org_id"));
        assert!(is_field_name("_x1"));
        assert!(!is_field_name("_"));
        assert!(!is_field_name("1x"));
        assert!(!is_field_name("orgId"));
        assert!(!is_field_name(""));
    }

    #[test]
    fn parse_never_panics_and_reports_spans_inside_the_source() {
        let mut rng = crate::test_rng::Rng(42);
        let (mut parsed, mut failed) = (0, 0);
        for _ in 0..20_000 {
            let source = rng.text(16);
            match parse(&source) {
                Ok(pieces) => {
                    parsed += 1;
                    for piece in pieces {
                        if let Piece::Placeholder { span, .. } = piece {
                            assert!(source.get(span).is_some());
                        }
                    }
                }
                Err(errors) => {
                    failed += 1;
                    assert!(!errors.is_empty());
                    for error in errors {
                        assert!(
                            source.get(error.span.clone()).is_some(),
                            "{error:?} in {source:?}"
                        );
                    }
                }
            }
        }
        assert!(
            parsed > 1_000 && failed > 1_000,
            "{parsed} parsed, {failed} failed"
        );
    }
}
