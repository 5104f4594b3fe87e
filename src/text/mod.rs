//! Every sentence the page shows, in English and Korean: one table per page section, each string's
//! two languages written next to each other. A string missing in either language does not
//! compile, because both tables are values of one struct built by [`table!`].
//!
//! Components reach the tables through one hook, `use_text()` (in `components::context`), as
//! `t().draw.title`; templates use `{name}` placeholders filled by [`fill`].

use crate::lang::Lang;

/// Declares a section's table: a struct of `&'static str` fields and its `EN` and `KO` values.
/// Each field is written as `name { en: "…", ko: "…" }` with its doc comment above it.
macro_rules! table {
    (
        $(#[$doc:meta])*
        pub struct $name:ident {
            $( $(#[$fdoc:meta])* $field:ident { en: $en:literal, ko: $ko:literal $(,)? } )*
        }
    ) => {
        $(#[$doc])*
        pub struct $name {
            $( $(#[$fdoc])* pub $field: &'static str, )*
        }

        impl $name {
            /// English.
            pub const EN: $name = $name { $( $field: $en, )* };
            /// Korean (한국어).
            pub const KO: $name = $name { $( $field: $ko, )* };
            /// Every string as `(field, English, Korean)`, for the checks that both languages
            /// say the same thing with the same placeholders.
            pub const ALL: $crate::text::Rows =
                &[ $( (stringify!($field), $en, $ko), )* ];
        }
    };
}

mod conv;
mod data;
mod draw;
pub mod errors;
mod explain;
pub mod glossary;
mod head;
pub mod idx;
mod kept;
mod layer;
mod model;
mod overview;
pub mod particle;
mod pool;
mod shell;
mod stepper;
mod teach;
mod train;

pub use conv::ConvText;
pub use data::DataText;
pub use draw::DrawText;
pub use errors::ErrorText;
pub use explain::ExplainText;
pub use head::HeadText;
pub use idx::IdxText;
pub use kept::KeptText;
pub use layer::LayerText;
pub use model::ModelText;
pub use overview::OverviewText;
pub use pool::PoolText;
pub use shell::ShellText;
pub use stepper::StepperText;
pub use teach::TeachText;
pub use train::TrainText;

/// Every string of a table as `(field, English, Korean)`.
pub type Rows = &'static [(&'static str, &'static str, &'static str)];

/// All the tables of one language.
pub struct Text {
    /// Header, navigation, footer, crash banner.
    pub shell: &'static ShellText,
    /// The overview at the top.
    pub overview: &'static OverviewText,
    /// Names of layer settings used in several sections.
    pub layer: &'static LayerText,
    /// What both steppers share.
    pub stepper: &'static StepperText,
    /// The Convolution section.
    pub conv: &'static ConvText,
    /// The Max pooling section.
    pub pool: &'static PoolText,
    /// The Activations and classifier section.
    pub head: &'static HeadText,
    /// The MNIST model section.
    pub model: &'static ModelText,
    /// The Draw section.
    pub draw: &'static DrawText,
    /// The Draw section's Your digits: labelling drawings, keeping, exporting, teaching.
    pub teach: &'static TeachText,
    /// The Explain section.
    pub explain: &'static ExplainText,
    /// The Train section.
    pub train: &'static TrainText,
    /// The Train section's My models panel.
    pub kept: &'static KeptText,
    /// Why a digits file was refused.
    pub data: &'static DataText,
    /// The official files' import: the set in use, kinds of data, class names, refusals.
    pub idx: &'static IdxText,
    /// Why a layer, a model or a weights file was refused.
    pub errors: &'static ErrorText,
}

/// The tables of one language, `EN` or `KO`.
macro_rules! all_tables {
    ($lang:ident) => {
        Text {
            shell: &ShellText::$lang,
            overview: &OverviewText::$lang,
            layer: &LayerText::$lang,
            stepper: &StepperText::$lang,
            conv: &ConvText::$lang,
            pool: &PoolText::$lang,
            head: &HeadText::$lang,
            model: &ModelText::$lang,
            draw: &DrawText::$lang,
            teach: &TeachText::$lang,
            explain: &ExplainText::$lang,
            train: &TrainText::$lang,
            kept: &KeptText::$lang,
            data: &DataText::$lang,
            idx: &IdxText::$lang,
            errors: &ErrorText::$lang,
        }
    };
}

/// English.
pub const EN: Text = all_tables!(EN);

/// Korean.
pub const KO: Text = all_tables!(KO);

/// Which string of the tables a part of the page shows, whatever the language: `|t| t.draw.title`.
pub type Phrase = fn(&Text) -> &'static str;

/// The tables of `lang`.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    }
}

/// Fills `{name}` placeholders in a template string.
///
/// A Korean template names the particle after a value by either of its forms, `{d|라고}`, and
/// gets the form the value takes when read aloud ([`particle`]): "1이라고", "2라고".
///
/// One pass from left to right over the template alone: a value is copied out and never read
/// again, so a value holding `{`, `}` or another placeholder's name (a file name, a tensor
/// named `{e|x}`) comes out as it is, in time linear in the output. A `{…}` that names no value
/// stays as written.
pub fn fill(template: &str, pairs: &[(&str, String)]) -> String {
    let value = |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v);
    let extra: usize = pairs.iter().map(|(_, v)| v.len()).sum();
    let mut out = String::with_capacity(template.len() + extra);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let inner = &after[..close];
            let (name, form) = match inner.split_once('|') {
                Some((name, form)) => (name, Some(form)),
                None => (inner, None),
            };
            let v = value(name)?;
            let with = match form {
                None => v.clone(),
                Some(form) => match particle::Particle::from_form(form) {
                    Some(p) => particle::attach(v, p),
                    None => format!("{v}{form}"),
                },
            };
            Some((with, close))
        });
        match filled {
            Some((with, close)) => {
                out.push_str(&with);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every table's rows, in page order, for the checks that read all the strings.
#[cfg(test)]
pub(crate) const TABLES: [(&str, Rows); 16] = [
    ("shell", ShellText::ALL),
    ("overview", OverviewText::ALL),
    ("layer", LayerText::ALL),
    ("stepper", StepperText::ALL),
    ("conv", ConvText::ALL),
    ("pool", PoolText::ALL),
    ("head", HeadText::ALL),
    ("model", ModelText::ALL),
    ("draw", DrawText::ALL),
    ("teach", TeachText::ALL),
    ("explain", ExplainText::ALL),
    ("train", TrainText::ALL),
    ("kept", KeptText::ALL),
    ("data", DataText::ALL),
    ("idx", IdxText::ALL),
    ("errors", ErrorText::ALL),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}` placeholders of a template, sorted.
    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .map(|name| name.split('|').next().unwrap_or(name))
            .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn both_languages_have_every_string_with_the_same_placeholders() {
        for (table, rows) in TABLES {
            for (field, en, ko) in rows {
                assert!(
                    !en.trim().is_empty() && !ko.trim().is_empty(),
                    "{table}.{field} is empty"
                );
                assert_eq!(
                    placeholders(en),
                    placeholders(ko),
                    "{table}.{field}: placeholders differ"
                );
            }
        }
    }

    #[test]
    fn korean_is_korean() {
        // A Korean string made of ASCII only is an untranslated English one, unless both
        // languages share it (code such as "Keras:") or it names the other language.
        for (table, rows) in TABLES {
            for (field, en, ko) in rows {
                if ko.is_ascii() && *field != "lang_toggle_text" {
                    assert_eq!(
                        en, ko,
                        "{table}.{field}: ASCII-only Korean that is not shared"
                    );
                }
            }
        }
    }

    #[test]
    fn fill_attaches_the_particle_a_value_takes() {
        let t = "모델은 {d|라고} 합니다. {p|은} 안 됩니다.";
        assert_eq!(
            fill(t, &[("d", "1".into()), ("p", "0.5".into())]),
            "모델은 1이라고 합니다. 0.5는 안 됩니다."
        );
        assert_eq!(
            fill(t, &[("d", "2".into()), ("p", "3".into())]),
            "모델은 2라고 합니다. 3은 안 됩니다."
        );
    }

    #[test]
    fn fill_never_reads_what_it_filled_in() {
        // A value that holds a placeholder of its own template: the tensor named `{e|x}` once
        // made the old fill substitute it into itself forever.
        assert_eq!(fill("bad: {e}", &[("e", "{e|x}".into())]), "bad: {e|x}");
        assert_eq!(
            fill("{a} {b|은}", &[("a", "{b|은}".into()), ("b", "{a}".into())]),
            "{b|은} {a}는"
        );
        for v in [
            "{",
            "}",
            "|",
            "{|}",
            "}{",
            "{e",
            "e}",
            "은",
            "{e|은}",
            "\u{202e}{e}",
        ] {
            assert_eq!(fill("<{e}>", &[("e", v.into())]), format!("<{v}>"));
            assert_eq!(fill("{e}{e}", &[("e", v.into())]), format!("{v}{v}"));
        }
        // Unknown names and stray braces stay as written.
        assert_eq!(fill("{x} {e} {", &[("e", "1".into())]), "{x} 1 {");
        assert_eq!(fill("}{e|}", &[("e", "1".into())]), "}1");
        assert_eq!(fill("{e|은", &[("e", "1".into())]), "{e|은");
    }

    #[test]
    fn fill_takes_time_linear_in_what_it_writes() {
        // A megabyte of braces in a value, in a template that names it twice: one copy each.
        let big = "{e|x}".repeat(200_000);
        let out = fill("{e} and {e|은}", &[("e", big.clone())]);
        assert_eq!(out.len(), 2 * big.len() + " and ".len() + "는".len());
        assert!(out.starts_with("{e|x}{e|x}") && out.ends_with("{e|x}는"));
        // A megabyte-long template of placeholders with no value.
        let t = "{zz}".repeat(250_000);
        assert_eq!(fill(&t, &[("e", "1".into())]), t);
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{a} of {b}", &[("a", "3".into()), ("b", "4".into())]),
            "3 of 4"
        );
        assert_eq!(placeholders("x {k}/{n} {v}"), vec!["k", "n", "v"]);
    }
}
