//! Text of the Explain section (`#explain`, `components/explain/`): why the model gave the
//! drawing its class, in five views.

table! {
    /// Every string of the Explain section.
    pub struct ExplainText {
        /// Heading (h2) of the Explain section; also its link in the header navigation
        /// (`nav-explain`).
        title {
            en: "Why did it say that?",
            ko: "왜 그렇게 판단했을까?",
        }
        /// The section's name in the header's navigation: short, since with seven sections the
        /// title made the bar wrap to two lines at 1,280 px.
        nav {
            en: "Why?",
            ko: "판단 근거",
        }
        /// Intro paragraph under the Explain heading.
        intro {
            en: "Five ways to ask the model why it gave the drawing of the Draw section its class. Each uses the model's own forward and backward passes; none of them is the whole truth.",
            ko: "‘숫자 그리기’ 섹션의 그림을 모델이 왜 그 클래스로 판단했는지 다섯 가지 방법으로 물어봅니다. 모두 모델 자신의 순전파와 역전파로 계산하며, 어느 하나도 전부를 설명하지는 못합니다.",
        }
        /// Shown instead of the views while nothing is drawn or no model is ready.
        nothing {
            en: "Draw a digit in the Draw section (or show a sample there) to explain the model's answer.",
            ko: "‘숫자 그리기’ 섹션에서 숫자를 그리거나 예시를 띄우면 모델의 판단을 설명해 드립니다.",
        }
        /// Label of the digit to explain (`explain-class`).
        class_label {
            en: "Digit to explain",
            ko: "설명할 숫자",
        }
        /// Option of `explain-class`: the digit the model predicts, {d}.
        class_predicted {
            en: "the predicted digit ({d})",
            ko: "예측한 숫자({d})",
        }
        /// Heading (h3) of the saliency view.
        saliency_title {
            en: "Saliency: which pixels move the answer",
            ko: "돌출 맵: 어떤 픽셀이 판단을 움직이는가",
        }
        /// Paragraph of the saliency view.
        saliency_intro {
            en: "The gradient of the digit's logit with respect to each input pixel: how much a little more ink there would raise or lower it.",
            ko: "입력 픽셀마다 그 숫자의 로짓을 미분한 값입니다. 그 자리에 잉크를 조금 더 칠하면 로짓이 얼마나 오르거나 내리는지를 보여 줍니다.",
        }
        /// Checkbox of the saliency view: show gradient × input instead.
        saliency_times_input {
            en: "Gradient × input (only where there is ink)",
            ko: "기울기 × 입력(잉크가 있는 곳만)",
        }
        /// Legend of the saliency view: {d} the digit, {s} the value of full colour.
        saliency_legend {
            en: "Orange: more ink here raises the logit of {d}; blue: lowers it; full colour is ±{s}.",
            ko: "주황색은 이곳에 잉크가 많을수록 숫자 {d}의 로짓이 오르는 곳, 파란색은 내리는 곳입니다. 가장 진한 색이 ±{s}입니다.",
        }
        /// Accessible name of the saliency canvas: {d} the digit.
        saliency_alt {
            en: "Saliency map of the digit {d} over the drawing",
            ko: "그림 위에 겹친 숫자 {d}의 돌출 맵",
        }
        /// Heading (h3) of the Grad-CAM view.
        gradcam_title {
            en: "Grad-CAM: where a layer sees the digit",
            ko: "Grad-CAM: 층이 숫자를 보는 곳",
        }
        /// Paragraph of the Grad-CAM view.
        gradcam_intro {
            en: "A convolution layer's maps after ReLU, each weighted by the mean gradient of the digit's logit, summed, clipped at 0 and stretched back to 28×28.",
            ko: "ReLU를 거친 합성곱 층의 특징 맵에 숫자의 로짓 기울기 평균을 가중치로 곱해 더하고, 0보다 작은 값은 0으로 잘라 28×28로 늘린 것입니다.",
        }
        /// Label of the Grad-CAM layer select.
        gradcam_layer {
            en: "Convolution layer",
            ko: "합성곱 층",
        }
        /// Option of a layer select: the Conv2d at index {i} of the model, {c} its filters.
        layer_option {
            en: "Conv2d at index {i} ({c} filters)",
            ko: "인덱스 {i}의 Conv2d(필터 {c}개)",
        }
        /// Legend of the Grad-CAM view: {s} the value of full colour.
        gradcam_legend {
            en: "Orange: where the layer's maps speak for the digit; full colour is {s}.",
            ko: "주황색은 층의 특징 맵이 그 숫자를 지지하는 곳입니다. 가장 진한 색이 {s}입니다.",
        }
        /// Accessible name of the Grad-CAM canvas: {d} the digit.
        gradcam_alt {
            en: "Grad-CAM map of the digit {d} over the drawing",
            ko: "그림 위에 겹친 숫자 {d}의 Grad-CAM 맵",
        }
        /// Heading (h3) of the occlusion view.
        occlusion_title {
            en: "Occlusion: cover a patch, watch the probability",
            ko: "가리기: 한 조각을 가리고 확률 보기",
        }
        /// Paragraph of the occlusion view.
        occlusion_intro {
            en: "A blank square slides over the drawing; at each place the model reads the covered image again. Where covering hurts, the model was looking.",
            ko: "빈 정사각형을 그림 위로 옮기며, 자리마다 가려진 그림을 모델이 다시 읽습니다. 가렸을 때 확률이 떨어지는 곳이 모델이 보던 곳입니다.",
        }
        /// Label of the occlusion patch size field.
        occlusion_patch {
            en: "Patch size (pixels)",
            ko: "조각 크기(픽셀)",
        }
        /// Label of the occlusion stride field.
        occlusion_stride {
            en: "Patch stride (pixels)",
            ko: "조각 스트라이드(픽셀)",
        }
        /// Button that runs the occlusion.
        occlusion_run {
            en: "Slide the patch",
            ko: "조각 옮겨 보기",
        }
        /// After the occlusion: {d} the digit, {p} its probability without a patch.
        occlusion_base {
            en: "Without a patch, p({d}) = {p}.",
            ko: "가리지 않았을 때 p({d}) = {p}입니다.",
        }
        /// Legend of the occlusion map: {s} the drop of full colour.
        occlusion_legend {
            en: "Orange: covering here lowers the probability; blue: raises it; full colour is ±{s}.",
            ko: "주황색은 이곳을 가리면 확률이 떨어지는 곳, 파란색은 오르는 곳입니다. 가장 진한 색이 ±{s}입니다.",
        }
        /// Accessible name of the occlusion canvas: {d} the digit.
        occlusion_alt {
            en: "Drop of the probability of {d} when each place is covered",
            ko: "자리마다 가렸을 때 숫자 {d}의 확률이 떨어진 정도",
        }
        /// While the occlusion runs (`explain-occlusion-progress`): {k} positions of {n} read.
        occlusion_progress {
            en: "Occlusion: {k} of {n} positions",
            ko: "가리기: {n}곳 중 {k}곳",
        }
        /// Shown before the occlusion has run, or when the drawing changed since.
        occlusion_waiting {
            en: "Press the button to slide the patch over the current drawing.",
            ko: "버튼을 누르면 지금 그림 위로 조각을 옮겨 봅니다.",
        }
        /// Heading (h3) of the adversarial view.
        adversarial_title {
            en: "The smallest change that flips it",
            ko: "판단을 뒤집는 가장 작은 변화",
        }
        /// Paragraph of the adversarial view: {e} the largest ε tried, {n} steps per ε.
        adversarial_intro {
            en: "Each pixel may change by at most ε. Repeated small steps along the sign of the gradient push the image towards the target digit, or, for any other digit, away from the predicted one ({n} steps for each ε); a search finds the least ε up to {e} that works.",
            ko: "픽셀마다 최대 ε만큼만 바꿀 수 있습니다. 기울기의 부호 방향으로 작은 걸음을 되풀이해 그림을 목표 숫자 쪽으로 밉니다. ‘다른 숫자 아무거나’를 고르면 예측한 숫자에서 멀어지는 쪽으로 밉니다(ε마다 {n}걸음). 탐색으로 {e} 이하에서 통하는 가장 작은 ε 값을 찾습니다.",
        }
        /// Label of the target digit select.
        adversarial_target {
            en: "Target digit",
            ko: "목표 숫자",
        }
        /// Option of the target select: no digit in particular, any but the predicted one
        /// (the untargeted attack).
        adversarial_any {
            en: "any other digit",
            ko: "다른 숫자 아무거나",
        }
        /// Button that runs the attack (`explain-adversarial-run`).
        adversarial_run {
            en: "Find the change",
            ko: "변화 찾기",
        }
        /// Caption of the perturbed image.
        adversarial_image {
            en: "Changed image",
            ko: "바뀐 그림",
        }
        /// Caption of the difference image.
        adversarial_delta {
            en: "Difference (orange added, blue removed)",
            ko: "차이(주황색은 더한 잉크, 파란색은 뺀 잉크)",
        }
        /// Size of the change: {e} ε, {linf} the L∞ norm, {l2} the L2 norm.
        adversarial_sizes {
            en: "ε = {e}, L∞ = {linf}, L2 = {l2}",
            ko: "ε = {e}, L∞ = {linf}, L2 = {l2}",
        }
        /// Before the new prediction (`explain-adversarial-prediction`).
        adversarial_now {
            en: "The model now says:",
            ko: "모델의 새 판단:",
        }
        /// When no ε up to {e} made the model say {d}.
        adversarial_none {
            en: "No change of at most {e} per pixel made the model say {d}.",
            ko: "픽셀마다 {e} 이하의 변화로는 모델이 {d|라고} 판단하지 않았습니다.",
        }
        /// When no ε up to {e} changed the model's answer.
        adversarial_none_any {
            en: "No change of at most {e} per pixel changed the model's answer.",
            ko: "픽셀마다 {e} 이하의 변화로는 모델의 판단이 바뀌지 않았습니다.",
        }
        /// While the search runs (`explain-adversarial-progress`): {k} values of ε of {n} tried.
        adversarial_progress {
            en: "Search: {k} of {n} values of ε tried",
            ko: "탐색: ε 값 {n}개 중 {k}개를 시도했습니다",
        }
        /// What the attack says about the network.
        adversarial_lesson {
            en: "A person still reads the changed image as the same digit: a small, structured change that people hardly notice is enough to flip the network, which leans on patterns we do not use.",
            ko: "사람 눈에는 바뀐 그림도 여전히 같은 숫자입니다. 사람이 거의 알아채지 못하는 작지만 짜임새 있는 변화만으로도 신경망의 판단이 뒤집힙니다. 신경망은 사람이 쓰지 않는 무늬에 기대고 있다는 뜻입니다.",
        }
        /// Heading (h3) of the filters view.
        filters_title {
            en: "What a filter looks for",
            ko: "필터가 찾는 것",
        }
        /// Paragraph of the filters view: {n} steps of gradient ascent.
        filters_intro {
            en: "For each filter, an image grown from grey by {n} steps of gradient ascent on the filter's mean response, beside the filter's weights (the mean over its input channels).",
            ko: "필터마다 회색 그림에서 시작해 필터의 평균 반응을 키우는 방향으로 경사 상승을 {n}걸음 해서 키운 그림과, 그 필터의 가중치(입력 채널 평균)를 나란히 보여 줍니다.",
        }
        /// Button that grows the filters' images.
        filters_run {
            en: "Grow the images",
            ko: "그림 키우기",
        }
        /// While the images grow (`explain-filters-progress`): {k} filters of {n} done.
        filters_progress {
            en: "Growing: {k} of {n} filters done",
            ko: "키우는 중: 필터 {n}개 중 {k}개 완료",
        }
        /// How many of the layer's filters are shown: {k} of {n}.
        filters_shown {
            en: "The first {k} of {n} filters.",
            ko: "필터 {n}개 중 처음 {k}개입니다.",
        }
        /// Caption of one filter: its index {k}.
        filter_caption {
            en: "Filter {k}",
            ko: "필터 {k}",
        }
        /// Accessible name of a filter's grown image: its index {k}.
        filter_image_alt {
            en: "Image that excites filter {k} most",
            ko: "필터 {k}의 반응을 가장 키우는 그림",
        }
        /// Accessible name of a filter's weights: its index {k}.
        filter_weights_alt {
            en: "Weights of filter {k}",
            ko: "필터 {k}의 가중치",
        }
        /// Note under the filters: the digits shown under each are the built-in ones that
        /// excite it most.
        filters_top {
            en: "Under each filter, the three built-in digits that excite it most.",
            ko: "필터마다 아래에 있는 세 그림은 내장 예시 숫자 이미지 가운데 그 필터를 가장 강하게 반응시키는 것입니다.",
        }
        /// Accessible name of one of those digits: the filter's index {k}.
        filter_top_alt {
            en: "A built-in digit that excites filter {k} strongly",
            ko: "필터 {k}의 반응이 강한 내장 예시 숫자 이미지",
        }
    }
}
