//! The Korean glossary: one Korean term per concept, the words of the source post ("CNN 개념과
//! MNIST 분류") where it has one, the English it glosses, where on the page that English is shown
//! after it (once, the first time it is explained, in page order), and the variants a Korean
//! string must not use for the same concept. Every Korean string of the tables follows it; the
//! tests below read them all.
//!
//! House rules the tests also keep, beside the terms:
//! - A two-form particle (은/는, 이/가, 을/를, 과/와, 으로/로, 이라고/라고, 이나/나) after a value
//!   filled in at run time goes through [`super::particle`] (`{d|은}`); after a number written in
//!   the string it is the form [`super::particle::attach`] gives; never after code or a formula
//!   (`1/(1−p)`, `x.clamp(min=0)`): the sentence is turned so that no particle depends on it.
//! - A place counted from 0 is a label, never an ordinal: `행 {r}, 열 {c}`, `인덱스 {k}`, not
//!   `{r}행`, `{k}번째`. `번째` (counted from 1) is written against its number: `{e}번째`.
//! - Units: a Korean unit word is written against its number (`20픽셀`, `{s}초`, `2,000장`,
//!   images counted in 장); a Latin symbol is spaced (`2 MB`, `{mib} MiB`); `%` is attached.
//! - Quotation: a word of the page quoted in Korean prose takes ‘ ’ (‘다음 단계’, ‘same’);
//!   straight quotes stay only inside code (`padding="same"`) and around names read from a file.
//! - Code comments in the listings are full sentences in the page's register, ending in 니다.

/// One concept's Korean term.
pub struct Term {
    /// The Korean term, as every Korean string writes it.
    pub ko: &'static str,
    /// The English it glosses; where it is shown, it is written right after the term: `ko(en)`.
    pub en: &'static str,
    /// The string (`table.field`) where `ko(en)` is shown, the first place in page order that
    /// explains the concept; `None` for a term that is never glossed (a loanword that already
    /// says the English, or an everyday word).
    pub first: Option<&'static str>,
    /// Words a Korean string must not use for this concept. Each is matched at the start of a
    /// word (not after another Hangul syllable), so forbidding 시험 does not forbid 실시험.
    pub avoid: &'static [&'static str],
}

/// The glossary, in page order of first gloss, then the unglossed terms.
pub const GLOSSARY: &[Term] = &[
    Term {
        ko: "합성곱 신경망",
        en: "CNN",
        first: Some("shell.tagline"),
        avoid: &[
            "컨볼루션",
            "콘볼루션",
            "컨벌루션",
            "합성곱신경망",
            "합성곱 뉴럴",
        ],
    },
    Term {
        ko: "특징 맵",
        en: "feature map",
        first: Some("conv.intro"),
        avoid: &["특성 맵", "특징맵", "피처 맵", "피쳐 맵"],
    },
    Term {
        ko: "팽창",
        en: "dilation",
        first: Some("conv.intro"),
        avoid: &["딜레이션", "확장 합성곱", "팽창률"],
    },
    Term {
        ko: "이미지 분할",
        en: "segmentation",
        first: Some("conv.intro"),
        avoid: &["세그멘테이션", "분할하", "데이터 분할"],
    },
    Term {
        ko: "교차 상관",
        en: "cross-correlation",
        first: Some("conv.truth"),
        avoid: &["교차상관", "상호 상관", "상호상관"],
    },
    Term {
        ko: "흐림",
        en: "blur",
        first: Some("conv.preset_blur"),
        avoid: &["블러"],
    },
    Term {
        ko: "선명화",
        en: "sharpen",
        first: Some("conv.preset_sharpen"),
        avoid: &["샤프닝", "샤픈"],
    },
    Term {
        ko: "모양",
        en: "shape",
        first: Some("conv.ch_intro"),
        avoid: &["형상", "셰이프", "형태"],
    },
    Term {
        ko: "최대 풀링",
        en: "max pooling",
        first: Some("pool.intro"),
        avoid: &["맥스 풀링", "맥스풀링", "최대풀링"],
    },
    Term {
        ko: "창",
        en: "window",
        first: Some("pool.intro"),
        avoid: &["윈도우", "윈도"],
    },
    Term {
        ko: "결정 경계",
        en: "decision boundary",
        first: Some("head.relu_intro"),
        avoid: &["결정경계", "판별 경계", "굽은 경계"],
    },
    Term {
        ko: "평탄화",
        en: "Flatten",
        first: Some("head.flatten_title"),
        avoid: &["플래튼", "평탄화층", "평탄화 층"],
    },
    Term {
        ko: "선형 층",
        en: "Linear",
        first: Some("head.linear_title"),
        avoid: &["선형층", "리니어"],
    },
    Term {
        ko: "완전 연결 층",
        en: "fully connected layer",
        first: Some("head.linear_intro"),
        avoid: &["완전 연결층", "완전연결층", "전결합층", "밀집층"],
    },
    Term {
        ko: "드롭아웃",
        en: "Dropout",
        first: Some("head.dropout_title"),
        avoid: &["드랍아웃", "드롭 아웃"],
    },
    Term {
        ko: "과적합",
        en: "overfitting",
        first: Some("head.dropout_intro"),
        avoid: &["오버피팅", "과대적합"],
    },
    Term {
        ko: "로짓",
        en: "logit",
        first: Some("head.softmax_intro"),
        avoid: &["로지트", "로짓값", "점수(로짓)"],
    },
    Term {
        ko: "곱셈-누산",
        en: "MAC",
        first: Some("model.cost"),
        avoid: &["곱셈 누산", "곱셈누산"],
    },
    Term {
        ko: "에포크",
        en: "epoch",
        first: Some("model.cost"),
        avoid: &["에폭", "에포치"],
    },
    Term {
        ko: "수용 영역",
        en: "receptive field",
        first: Some("draw.hover_hint"),
        avoid: &["수용장", "수용 필드", "리셉티브"],
    },
    Term {
        ko: "교차 엔트로피",
        en: "cross-entropy",
        first: Some("train.intro"),
        avoid: &["크로스 엔트로피", "크로스엔트로피", "교차엔트로피"],
    },
    Term {
        ko: "혼동 행렬",
        en: "confusion matrix",
        first: Some("train.confusion_title"),
        avoid: &["오차 행렬", "혼돈 행렬", "혼동행렬"],
    },
    // Never glossed: loanwords that already say the English, and everyday words.
    Term {
        ko: "테스트 데이터",
        en: "held-out digits",
        first: None,
        avoid: &["시험", "검증 데이터", "평가 데이터"],
    },
    Term {
        ko: "레이블",
        en: "label",
        first: None,
        avoid: &["라벨", "정답", "클래스 수"],
    },
    Term {
        ko: "숫자 이미지",
        en: "digit (an MNIST image)",
        first: None,
        avoid: &[
            "숫자 데이터",
            "숫자 2,000개",
            "숫자 8,000개",
            "숫자 10,000개",
            "이미지 2,000개",
            "이미지 8,000개",
            "이미지 10,000개",
        ],
    },
    Term {
        ko: "인덱스",
        en: "index (counted from 0)",
        first: None,
        avoid: &["번호", " 번째"],
    },
    Term {
        ko: "예시",
        en: "example",
        first: None,
        avoid: &["예제"],
    },
    Term {
        ko: "에지",
        en: "edge (in an image)",
        first: None,
        avoid: &["엣지", "경계 검출", "세로 경계", "가로 경계", "모든 경계"],
    },
    Term {
        ko: "원글",
        en: "the post",
        first: None,
        avoid: &["블로그 글", "글의", "글에 나온", "글처럼"],
    },
    Term {
        ko: "새로고침",
        en: "reload",
        first: None,
        avoid: &["새로 고침", "새로 고치"],
    },
    Term {
        ko: "전 / 후",
        en: "before / after (a layer)",
        first: None,
        avoid: &["ReLU 뒤", "ReLU 앞", "전후", "앞 층", "뒤 층"],
    },
    Term {
        ko: "층",
        en: "layer (a word of its own: 합성곱 층, 은닉 층)",
        first: None,
        avoid: &["연결층", "합성곱층", "풀링층", "은닉층", "출력층", "입력층"],
    },
    Term {
        ko: "특징",
        en: "feature",
        first: None,
        avoid: &["특성"],
    },
    Term {
        ko: "학습",
        en: "training",
        first: None,
        avoid: &["훈련"],
    },
    Term {
        ko: "파라미터",
        en: "parameter",
        first: None,
        avoid: &["매개변수", "매개 변수"],
    },
    Term {
        ko: "편향",
        en: "bias",
        first: None,
        avoid: &["바이어스"],
    },
    Term {
        ko: "손실",
        en: "loss",
        first: None,
        avoid: &["로스"],
    },
    Term {
        ko: "옵티마이저",
        en: "optimiser",
        first: None,
        avoid: &["최적화기", "옵티마이져"],
    },
    Term {
        ko: "스트라이드",
        en: "stride",
        first: None,
        avoid: &["보폭"],
    },
    Term {
        ko: "패딩",
        en: "padding",
        first: None,
        avoid: &["덧대기"],
    },
    Term {
        ko: "소프트맥스",
        en: "softmax",
        first: None,
        avoid: &["소프트 맥스"],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::particle::{attach, Particle};
    use crate::text::TABLES;

    fn is_hangul(c: char) -> bool {
        ('\u{AC00}'..='\u{D7A3}').contains(&c)
    }

    /// Every Korean string as `(table.field, string)`, in page order.
    fn korean() -> Vec<(String, &'static str)> {
        TABLES
            .iter()
            .flat_map(|(table, rows)| {
                rows.iter()
                    .map(move |(f, _, ko)| (format!("{table}.{f}"), *ko))
            })
            .collect()
    }

    /// Where `word` starts a word of `s` (not right after another Hangul syllable).
    fn word_starts(s: &str, word: &str) -> usize {
        s.match_indices(word)
            .filter(|(i, _)| !s[..*i].chars().last().is_some_and(is_hangul))
            .count()
    }

    #[test]
    fn no_korean_string_uses_a_variant_the_glossary_forbids() {
        let mut found = Vec::new();
        for (place, ko) in korean() {
            for term in GLOSSARY {
                for v in term.avoid {
                    if word_starts(ko, v) > 0 {
                        found.push(format!("{place}: «{v}» (say {}): {ko}", term.ko));
                    }
                }
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn the_check_is_word_aware() {
        assert_eq!(word_starts("테스트 정확도, 시험 정확도", "시험"), 1);
        assert_eq!(word_starts("실시험", "시험"), 0);
        assert_eq!(word_starts("원글의 모델", "글의"), 0);
        assert_eq!(word_starts("글의 모델", "글의"), 1);
    }

    #[test]
    fn each_term_is_glossed_once_where_the_glossary_says() {
        let all = korean();
        let places: Vec<&str> = all.iter().map(|(p, _)| p.as_str()).collect();
        for term in GLOSSARY {
            let gloss = format!("{}({})", term.ko, term.en);
            let at: Vec<&str> = all
                .iter()
                .filter(|(_, ko)| ko.contains(&gloss))
                .map(|(p, _)| p.as_str())
                .collect();
            match term.first {
                Some(first) => {
                    assert!(places.contains(&first), "{}: no string {first}", term.ko);
                    assert_eq!(
                        at,
                        vec![first],
                        "{gloss}: glossed at {at:?}, not once at {first}"
                    );
                }
                None => assert!(at.is_empty(), "{gloss}: glossed at {at:?}"),
            }
            // The English is shown after the term only, never after another word.
            let elsewhere = all
                .iter()
                .filter(|(_, ko)| ko.contains(&format!("({})", term.en)) && !ko.contains(&gloss))
                .map(|(p, _)| p.as_str())
                .collect::<Vec<_>>();
            assert!(
                elsewhere.is_empty(),
                "({}) after another word: {elsewhere:?}",
                term.en
            );
        }
    }

    /// The particles whose form depends on the word before them, longest first; `None` where the
    /// helper has no such particle (이나/나 take the form of 이/가).
    const PARTICLES: [(&str, Option<Particle>); 14] = [
        ("이라고", Some(Particle::Quote)),
        ("라고", Some(Particle::Quote)),
        ("으로", Some(Particle::By)),
        ("로", Some(Particle::By)),
        ("이나", None),
        ("나", None),
        ("은", Some(Particle::Topic)),
        ("는", Some(Particle::Topic)),
        ("을", Some(Particle::Object)),
        ("를", Some(Particle::Object)),
        ("과", Some(Particle::With)),
        ("와", Some(Particle::With)),
        ("이", Some(Particle::Subject)),
        ("가", Some(Particle::Subject)),
    ];

    /// The form the helper gives after `word` for the particle written as `form`.
    fn expected(word: &str, form: &str, p: Option<Particle>) -> String {
        match p {
            Some(p) => attach(word, p)[word.len()..].to_string(),
            None => {
                let subject = attach(word, Particle::Subject)[word.len()..].to_string();
                if subject == "이" { "이나" } else { "나" }.to_string()
            }
        }
        .chars()
        .take(if form.ends_with('고') { 3 } else { 2 })
        .collect::<String>()
        .trim_end_matches(|c: char| !is_hangul(c))
        .to_string()
    }

    /// Every two-form particle of `s` written right after something that is not Hangul, and what
    /// is wrong with it.
    fn particle_problems(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        for i in 1..chars.len() {
            let prev = chars[i - 1];
            if is_hangul(prev) || prev.is_whitespace() || prev == '|' {
                continue;
            }
            let rest: String = chars[i..].iter().collect();
            let Some((form, p)) = PARTICLES.iter().find(|(form, _)| {
                rest.starts_with(form) && {
                    let after = rest[form.len()..].chars().next();
                    // 으로/로/라고 may take more (으로만, 로는); the others end the word.
                    matches!(*form, "으로" | "로" | "이라고" | "라고")
                        || !after.is_some_and(is_hangul)
                }
            }) else {
                continue;
            };
            let before: String = chars[..i].iter().collect();
            let word: Option<String> = if prev == '}' {
                out.push(format!("«{form}» after a placeholder outside the helper"));
                None
            } else if prev == ')' {
                // A gloss after a Korean word, or a tuple of values; not a call or a formula.
                let mut depth = 0;
                let mut open = None;
                for j in (0..i).rev() {
                    match chars[j] {
                        ')' => depth += 1,
                        '(' => {
                            depth -= 1;
                            if depth == 0 {
                                open = Some(j);
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                match open {
                    Some(j) if j > 0 && is_hangul(chars[j - 1]) => {
                        let start = (0..j)
                            .rev()
                            .find(|&k| !is_hangul(chars[k]))
                            .map_or(0, |k| k + 1);
                        Some(chars[start..j].iter().collect())
                    }
                    Some(j)
                        if (j == 0 || chars[j - 1].is_whitespace())
                            && chars[j + 1..i - 1]
                                .iter()
                                .all(|c| c.is_ascii_alphanumeric() || ", .−-".contains(*c)) =>
                    {
                        Some(chars[j..i].iter().collect())
                    }
                    _ => {
                        out.push(format!(
                            "«{form}» after code or a formula: …{}",
                            tail(&before)
                        ));
                        None
                    }
                }
            } else {
                let start = (0..i)
                    .rev()
                    .find(|&k| chars[k].is_whitespace() || "(‘“".contains(chars[k]))
                    .map_or(0, |k| k + 1);
                let token: String = chars[start..i].iter().collect();
                let number = token
                    .trim_start_matches(['−', '-'])
                    .chars()
                    .all(|c| c.is_ascii_digit() || ",.×∞%".contains(c));
                let quoted = token.ends_with(['’', '”']);
                let name = token
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                    && token
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
                if number || quoted || name {
                    Some(token)
                } else {
                    out.push(format!(
                        "«{form}» after code or a formula: …{}",
                        tail(&before)
                    ));
                    None
                }
            };
            if let Some(word) = word {
                let want = expected(&word, form, *p);
                if !form.starts_with(want.as_str()) || want.is_empty() {
                    out.push(format!("«{word}{form}» should be «{word}{want}…»"));
                }
            }
        }
        out
    }

    fn tail(s: &str) -> String {
        let n = s.chars().count();
        s.chars().skip(n.saturating_sub(24)).collect()
    }

    #[test]
    fn no_particle_depends_on_code_a_formula_or_an_unhelped_value() {
        let mut found = Vec::new();
        for (place, ko) in korean() {
            for p in particle_problems(ko) {
                found.push(format!("{place}: {p}"));
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn the_particle_check_finds_what_the_issue_found() {
        // The cases a native reader marked, then forms that are right.
        assert_eq!(particle_problems("남은 값에는 1/(1−p)를 곱합니다").len(), 1);
        assert_eq!(particle_problems("x.clamp(min=0)를 써도").len(), 1);
        assert_eq!(particle_problems("Dropout(p)는 각 값을").len(), 1);
        assert_eq!(particle_problems("{n}을 넘습니다").len(), 1);
        assert_eq!(particle_problems("0.3를 씁니다").len(), 1);
        assert_eq!(particle_problems("‘시작’를 누르면").len(), 1);
        assert_eq!(particle_problems("2·2+1이므로").len(), 0);
        for fine in [
            "0.3을 씁니다",
            "−∞로 채웁니다",
            "(2, 2)가 됩니다",
            "팽창(dilation)은",
            "값({loss})이 되었습니다",
            "{d|은} 안 됩니다",
            "‘시작’을 누르면",
            "ReLU를 거친",
            "nn.Conv2d와 Keras의",
            "26×26이 14×14가 아니라 25×25가 됩니다",
        ] {
            assert_eq!(particle_problems(fine), Vec::<String>::new(), "{fine}");
        }
    }

    #[test]
    fn spacing_units_and_quotes_follow_one_rule() {
        let mut found = Vec::new();
        for (place, ko) in korean() {
            let chars: Vec<char> = ko.chars().collect();
            for (i, w) in chars.windows(2).enumerate() {
                // A Latin unit symbol is spaced from its number.
                if w[0].is_ascii_digit() && w[1] == 'M' {
                    found.push(format!("{place}: unit against its number at {i}"));
                }
            }
            // Straight quotes never hold Korean words.
            if ko
                .split('"')
                .skip(1)
                .step_by(2)
                .any(|q| q.chars().any(is_hangul))
            {
                found.push(format!("{place}: straight quotes around Korean"));
            }
            // A Korean unit word is written against its number or placeholder.
            for unit in ["픽셀", "개", "장", "초", "바이트", "단계"] {
                for sep in ['}', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] {
                    if ko.contains(&format!("{sep} {unit}")) {
                        found.push(format!("{place}: «{sep} {unit}» is spaced"));
                    }
                }
            }
            // A place counted from 0 is a label: 행 {r}, not {r}행.
            for label in ["r", "c", "k", "r1", "c1"] {
                for unit in ["행", "열"] {
                    if ko.contains(&format!("{{{label}}}{unit}")) {
                        found.push(format!("{place}: {{{label}}}{unit} reads as an ordinal"));
                    }
                }
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}
