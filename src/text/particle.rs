//! Korean particles after words filled in at run time. Whether a particle takes its form after a
//! final consonant (은, 이, 을, 과, 이라고, 으로) or after a vowel (는, 가, 를, 와, 라고, 로)
//! depends on how the word ends when read aloud: "1" is read 일 (ends in ㄹ), "2" 이 (a vowel),
//! "10" 십, "(32, 1568)" ends in 팔. A parenthetical gloss is skipped: "팽창(dilation)은".

/// A particle, by its two forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Particle {
    /// 은 / 는 (topic).
    Topic,
    /// 이 / 가 (subject).
    Subject,
    /// 을 / 를 (object).
    Object,
    /// 과 / 와 (and, with).
    With,
    /// 이라고 / 라고 (quoting).
    Quote,
    /// 으로 / 로 (by, to, as); after ㄹ it is 로.
    By,
}

impl Particle {
    /// The particle a template names by either of its forms (`{d|라고}`), if it is one.
    pub fn from_form(form: &str) -> Option<Particle> {
        Some(match form {
            "은" | "는" => Particle::Topic,
            "이" | "가" => Particle::Subject,
            "을" | "를" => Particle::Object,
            "과" | "와" => Particle::With,
            "이라고" | "라고" => Particle::Quote,
            "으로" | "로" => Particle::By,
            _ => return None,
        })
    }

    /// The form after a word whose last spoken syllable ends as `end`.
    fn form(self, end: Ending) -> &'static str {
        let consonant = end != Ending::Vowel;
        match self {
            Particle::Topic => pick(consonant, "은", "는"),
            Particle::Subject => pick(consonant, "이", "가"),
            Particle::Object => pick(consonant, "을", "를"),
            Particle::With => pick(consonant, "과", "와"),
            Particle::Quote => pick(consonant, "이라고", "라고"),
            Particle::By => pick(end == Ending::Consonant, "으로", "로"),
        }
    }
}

fn pick(consonant: bool, after_consonant: &'static str, after_vowel: &'static str) -> &'static str {
    if consonant {
        after_consonant
    } else {
        after_vowel
    }
}

/// How a spoken syllable ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    /// No final consonant.
    Vowel,
    /// A final ㄹ (which takes 로, not 으로).
    Rieul,
    /// Any other final consonant.
    Consonant,
}

/// The last syllable of a number read in Sino-Korean: 일 이 삼 사 오 육 칠 팔 구; a number
/// ending in 0 ends in 십, 백, 천, 만 or 영, all with a final consonant.
fn digit_ending(digits: &str) -> Ending {
    let last = digits.trim_end_matches('0');
    match last.chars().last() {
        _ if last.len() < digits.len() => Ending::Consonant,
        Some('1' | '7' | '8') => Ending::Rieul,
        Some('3' | '6') => Ending::Consonant,
        _ => Ending::Vowel,
    }
}

/// How `word` ends when read aloud.
fn ending(word: &str) -> Ending {
    let mut w = word.trim_end();
    // A trailing gloss in brackets is not read before the particle, unless it is all there is.
    while let Some(inner) = w.strip_suffix(')') {
        match inner.rfind('(') {
            Some(0) => w = &inner[1..],
            Some(i) => w = inner[..i].trim_end(),
            // No bracket opens anywhere: the rest of the closing ones go at once (one at a
            // time, each with a search, took quadratic time on a value of many of them).
            None => {
                w = inner.trim_end_matches(')');
                break;
            }
        }
    }
    let w = w.trim_end_matches(|c: char| !c.is_alphanumeric() && !is_hangul(c));
    let Some(last) = w.chars().last() else {
        return Ending::Vowel;
    };
    if is_hangul(last) {
        return match (last as u32 - 0xAC00) % 28 {
            0 => Ending::Vowel,
            8 => Ending::Rieul,
            _ => Ending::Consonant,
        };
    }
    if last.is_ascii_digit() {
        // After the last character that is not a digit, which may be wider than a byte (3×3).
        let start = w
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_ascii_digit())
            .map_or(0, |(i, c)| i + c.len_utf8());
        return digit_ending(&w[start..]);
    }
    // A Latin word or unit, as Korean readers say it: -l as ㄹ (커널), -m, -n, -ng as
    // consonants (모델은 aside, 텐서, 레이어…); everything else ends in a vowel (MiB 메비바이트).
    let lower = w.to_ascii_lowercase();
    if lower.ends_with('l') {
        Ending::Rieul
    } else if lower.ends_with('m') || lower.ends_with('n') {
        Ending::Consonant
    } else {
        Ending::Vowel
    }
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// `word` followed by the right form of `particle`.
pub fn attach(word: &str, particle: Particle) -> String {
    format!("{word}{}", particle.form(ending(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_take_their_particle_in_linear_time() {
        let closing = "1".to_string() + &")".repeat(1 << 20);
        assert_eq!(attach(&closing, Particle::Topic), closing.clone() + "은");
        let nested = "(".repeat(1 << 19) + "2" + &")".repeat(1 << 19);
        assert!(attach(&nested, Particle::Topic).ends_with('는'));
    }

    /// The Sino-Korean reading of 0..=100, written out, to check the rule against.
    fn spoken(n: u32) -> String {
        const ONES: [&str; 10] = ["", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"];
        match n {
            0 => "영".into(),
            100 => "백".into(),
            _ => {
                let (t, o) = ((n / 10) as usize, (n % 10) as usize);
                let tens = match t {
                    0 => String::new(),
                    1 => "십".into(),
                    _ => format!("{}십", ONES[t]),
                };
                tens + ONES[o]
            }
        }
    }

    #[test]
    fn every_number_from_0_to_100_takes_the_form_of_its_reading() {
        for n in 0..=100u32 {
            let reading = spoken(n);
            for p in [
                Particle::Topic,
                Particle::Subject,
                Particle::Object,
                Particle::With,
                Particle::Quote,
                Particle::By,
            ] {
                assert_eq!(
                    attach(&n.to_string(), p),
                    format!("{n}{}", p.form(ending(&reading))),
                    "{n} ({reading})"
                );
            }
        }
        assert_eq!(attach("1", Particle::Quote), "1이라고");
        assert_eq!(attach("2", Particle::Quote), "2라고");
        assert_eq!(attach("3", Particle::By), "3으로");
        assert_eq!(attach("7", Particle::By), "7로");
        assert_eq!(attach("10", Particle::Topic), "10은");
    }

    #[test]
    fn the_words_the_app_fills_in_take_the_right_form() {
        // The cases the issue found wrong, then the other kinds of value the templates get.
        assert_eq!(attach("(2, 2)", Particle::Subject), "(2, 2)가");
        assert_eq!(attach("padding=2", Particle::With), "padding=2와");
        assert_eq!(
            attach("팽창(dilation)", Particle::Topic),
            "팽창(dilation)은"
        );
        assert_eq!(attach("(32, 1568)", Particle::Subject), "(32, 1568)이");
        // A number after a character wider than a byte: 3×3, −1 (once a slice out of bounds).
        assert_eq!(attach("26×26", Particle::Subject), "26×26이");
        assert_eq!(attach("3×3", Particle::Topic), "3×3은");
        assert_eq!(attach("−1", Particle::Topic), "−1은");
        assert_eq!(attach("0.5", Particle::Topic), "0.5는");
        assert_eq!(attach("1.5", Particle::Topic), "1.5는");
        assert_eq!(attach("0.3", Particle::Topic), "0.3은");
        assert_eq!(attach("9.0 MiB", Particle::By), "9.0 MiB로");
        assert_eq!(attach("8.0 MiB", Particle::Object), "8.0 MiB를");
        assert_eq!(attach("배치 크기", Particle::Topic), "배치 크기는");
        assert_eq!(attach("학습률", Particle::Topic), "학습률은");
        assert_eq!(attach("에포크 수", Particle::Topic), "에포크 수는");
        assert_eq!(attach("필터 수", Particle::Topic), "필터 수는");
        assert_eq!(attach("커널 크기", Particle::Topic), "커널 크기는");
        assert_eq!(attach("스트라이드", Particle::Topic), "스트라이드는");
        assert_eq!(attach("패딩", Particle::Topic), "패딩은");
        assert_eq!(attach("3×3 커널", Particle::Topic), "3×3 커널은");
        assert_eq!(attach("커널", Particle::By), "커널로");
        assert_eq!(
            attach("\"conv1.0.weight\"", Particle::Subject),
            "\"conv1.0.weight\"가"
        );
        assert_eq!(attach("kernel", Particle::Subject), "kernel이");
        assert_eq!(attach("", Particle::Topic), "는");
    }

    #[test]
    fn templates_name_particles_by_either_form() {
        assert_eq!(Particle::from_form("라고"), Some(Particle::Quote));
        assert_eq!(Particle::from_form("이라고"), Some(Particle::Quote));
        assert_eq!(Particle::from_form("을"), Some(Particle::Object));
        assert_eq!(Particle::from_form("의"), None);
    }
}
