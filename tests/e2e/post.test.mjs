// What the source post teaches, said on the page in both languages: feature maps, padding,
// dilation with the post's 3×3 → 5×5 example, input channels, Linear as the fully connected
// layer, why Dropout, softmax's range and dim, the loss, the summary's differences from the
// post's table, the Keras shorthand and the post's pooling mismatch. Refusals on the Korean
// page are Korean sentences, and the Keras listing never writes a layer Keras refuses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });
const tid = (id) => `[data-testid="${id}"]`;
const text = async (page, id) => (await page.textContent(tid(id))).trim();
const section = async (page, id) => (await page.textContent(`#${id}`)).replace(/\s+/g, ' ');

const SAYS = {
  en: {
    conv: [/feature map/, /3×3 kernel with dilation 2 covers 5×5/, /colour \(RGB\) image has 3/, /Output \(feature map\)/],
    head: [/fully connected layer/, /as many outputs as there are labels/, /overfits less/, /p = 0\.5/, /between 0 and 1/, /dim=-1/, /logits\.argmax\(dim=-1\)/],
    train: [/cross-entropy between the model's logits/],
    post: [/Flatten-7/, /0\.28 and 0\.50/, /MiB/],
    keras: [/activation="relu"/, /25×25, not 14×14/],
  },
  ko: {
    conv: [/특징 맵/, /팽창이 2인 3×3 커널은.*5×5 범위/, /컬러\(RGB\) 이미지는 3개/, /출력\(특징 맵\)/],
    head: [/완전 연결 층/, /레이블 수만큼/, /과적합(?:\(overfitting\))?이 줄고/, /p = 0\.5/, /0과 1 사이/, /dim=-1/, /logits\.argmax\(dim=-1\)/],
    train: [/교차 엔트로피/],
    post: [/Flatten-7/, /0\.28, 0\.50/, /MiB/],
    keras: [/activation="relu"/, /25×25가 됩니다/],
  },
};

for (const lang of ['en', 'ko']) {
  test(`the post's concepts are on the page (${lang})`, async () => {
    const { page, context } = await open(browser, server, `/?lang=${lang}`);
    await page.waitForSelector(tid('summary-post-note'));
    const says = SAYS[lang];
    for (const re of says.conv) assert.match(await section(page, 'conv'), re);
    for (const re of says.head) assert.match(await section(page, 'head'), re);
    for (const re of says.train) assert.match(await section(page, 'train'), re);
    for (const re of says.post) assert.match(await text(page, 'summary-post-note'), re);
    for (const re of says.keras) assert.match(await text(page, 'arch-keras-note'), re);
    await context.close();
  });
}

test('the model listing never writes a Keras layer with strides and dilation_rate above 1', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await page.fill(tid('arch-c2-stride'), '2');
  await page.fill(tid('arch-c2-dilation'), '2');
  await page.waitForFunction(() => /no exact Keras form/.test(document.querySelector('[data-testid="arch-keras"]').textContent));
  const lines = (await text(page, 'arch-keras')).split('\n').filter((l) => !l.trim().startsWith('#'));
  assert.deepEqual(lines.filter((l) => /strides=/.test(l) && /dilation_rate=/.test(l)), []);
  assert.match(await text(page, 'arch-keras'), /^import keras\nfrom keras import layers/);
  assert.match(await text(page, 'arch-keras'), /from_logits=True/);
  await context.close();
});

test('refusals on the Korean page are Korean sentences', async () => {
  const { page, context } = await open(browser, server, '/?lang=ko');
  const korean = async (id) => {
    await page.waitForSelector(tid(id));
    const s = await text(page, id);
    assert.match(s, /[가-힣]/, `${id}: ${s}`);
    return s;
  };
  await page.fill(tid('conv-stride-h'), '0');
  assert.match(await korean('conv-error'), /스트라이드는 0이 될 수 없고/);
  // The whole sentence, nested refusals included, in Korean: no English detail inside it.
  await page.fill(tid('arch-c1-kernel'), '28');
  assert.match(await korean('arch-error'), /^Conv2d-4 층: 3×3 커널은 3×3 영역을 덮지만, 패딩을 더한 입력은 1×1뿐입니다\./);
  await page.fill(tid('train-batch'), '0');
  assert.equal(await korean('train-message'), '‘배치 크기’ 값이 허용 범위를 벗어났습니다.');
  await page.setInputFiles(tid('model-import'), { name: 'x.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from('not a weights file') });
  const refused = await korean('model-error');
  assert.match(refused, /읽을 수 있는 safetensors 파일이 아닙니다\(헤더가 100 MB보다 큽니다\)/);
  assert.doesNotMatch(refused.replace(/safetensors|MB/g, ''), /[A-Za-z]/);
  await context.close();
});
