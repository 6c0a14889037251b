/**
 * Long seeded texts (script, style sheet, page, prose) that bodies are cut from.
 * Building each pool once and slicing it keeps generation fast at 1 GB while
 * every body still has the character mix of its kind: quotes, backslashes and
 * newlines that JSON must escape, accents, CJK and emoji.
 */
const WORDS = ['order', 'customer', 'invoice', 'render', 'state', 'props', 'token', 'session', 'account', 'tenant', 'widget', 'layout', 'module', 'cache', 'request', 'handler', 'payload', 'index', 'value', 'result', 'config', 'element', 'context', 'effect', 'reducer', 'dispatch', 'scope', 'claims', 'refresh', 'policy'];
const PROSE = [
  'Bienvenue sur le portail de commandes — vérifiez vos préférences.',
  'Größere Bestellungen werden über Nacht verarbeitet; bitte überprüfen Sie den Status später.',
  'ご注文ありがとうございます。発送準備が整い次第、メールでお知らせします。',
  '您的订单已确认，我们将尽快为您发货。',
  '주문이 접수되었습니다. 곧 배송이 시작됩니다.',
  'Ваш заказ принят и будет отправлен в ближайшее время.',
  'Your order shipped 🚚 — track it any time 📦✨',
  'Café, crème brûlée, piñata, naïve façade, São Paulo, Zoë, Øresund.',
  'Sign-in complete ✅ Multi-factor authentication approved on your phone 📱.',
  'Les données ont été synchronisées à 10 h 42 (heure d’été d’Europe centrale).',
  'Ελέγξτε τις ρυθμίσεις λογαριασμού σας.',
  'مرحبا بك في بوابة الطلبات',
];

function ident(rng) {
  const w = rng.pick(WORDS);
  return rng.chance(0.5) ? w : w + rng.pick(WORDS)[0].toUpperCase() + rng.pick(WORDS).slice(1);
}

function scriptChunk(rng) {
  const a = ident(rng);
  const b = ident(rng);
  switch (rng.int(0, 7)) {
    case 0:
      return `function ${a}(${b},e){if(!${b})return null;var t=${b}.${ident(rng)}||{};return Object.assign({},t,{${ident(rng)}:e})}\n`;
    case 1:
      return `var ${a}="${rng.pick(PROSE).replace(/"/g, '\\"')}";\n`;
    case 2:
      return `${a}.prototype.${b}=function(n){return this._${b}[n]!==void 0?this._${b}[n]:"${ident(rng)}\\n"};`;
    case 3:
      return `const ${a}=e=>e.filter(t=>t.${b}>${rng.int(0, 999)}).map(t=>({id:t.id,label:'${rng.pick(WORDS)}'}));\n`;
    case 4:
      return `/*! ${a} v${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 40)} | MIT */\n`;
    case 5:
      return `e.exports={${a}:"\\u00e9\\u4e2d",${b}:/^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$/i,path:"C:\\\\app\\\\${a}"};`;
    case 6:
      return `try{${a}(${b})}catch(n){console.error("${a} failed",n)}\n`;
    default:
      return `if(${a}.length>${rng.int(2, 64)}){${b}.push(${a}.slice(0,${rng.int(1, 32)}).join("\\t"))}`;
  }
}

function styleChunk(rng) {
  const cls = `.${ident(rng)}-${rng.pick(['header', 'body', 'nav', 'card', 'btn', 'grid'])}`;
  const color = `#${rng.hex(6)}`;
  return rng.chance(0.15)
    ? `@font-face{font-family:"Segoe UI Web";src:url("/fonts/${ident(rng)}.woff2") format("woff2");}\n`
    : `${cls}{display:flex;margin:${rng.int(0, 32)}px ${rng.int(0, 32)}px;color:${color};font-family:"Segoe UI",sans-serif}${cls}:hover{opacity:.${rng.int(1, 9)}}\n`;
}

function pageChunk(rng) {
  const text = rng.pick(PROSE);
  switch (rng.int(0, 4)) {
    case 0:
      return `<div class="${ident(rng)}"><p>${text}</p></div>\n`;
    case 1:
      return `<a href="/${ident(rng)}?id=${rng.int(1, 99999)}&amp;lang=${rng.pick(['fr', 'de', 'ja', 'zh'])}" title="${ident(rng)}">${text}</a>\n`;
    case 2:
      return `<script>window.__${ident(rng)}={"locale":"${rng.pick(['fr-FR', 'ja-JP', 'de-DE'])}","items":[${rng.int(1, 9)},${rng.int(10, 99)}]};</script>\n`;
    case 3:
      return `<li data-${ident(rng)}="${rng.hex(8)}">${text}</li>\n`;
    default:
      return `<img src="/img/${ident(rng)}.png" alt="${text.slice(0, 20)}" width="${rng.int(16, 640)}">\n`;
  }
}

function proseChunk(rng) {
  return `${rng.pick(PROSE)} `;
}

function build(rng, chunk, chars) {
  const parts = [];
  let n = 0;
  while (n < chars) {
    const s = chunk(rng);
    parts.push(s);
    n += s.length;
  }
  return parts.join('');
}

export class TextPools {
  constructor(rng, poolChars = 1 << 20) {
    this.rng = rng;
    this.pools = {
      script: build(rng, scriptChunk, poolChars),
      style: build(rng, styleChunk, poolChars >> 2),
      page: build(rng, pageChunk, poolChars >> 1),
      prose: build(rng, proseChunk, poolChars >> 3),
    };
  }

  /** About `chars` characters of one kind, cut at random places (never through a surrogate pair). */
  text(kind, chars) {
    const pool = this.pools[kind];
    const parts = [];
    let left = chars;
    while (left > 0) {
      const len = Math.min(left, pool.length >> 1);
      let start = this.rng.int(0, pool.length - len);
      let end = start + len;
      if (isLow(pool.charCodeAt(start))) start++;
      if (isHigh(pool.charCodeAt(end - 1))) end--;
      parts.push(pool.slice(start, end));
      left -= len;
    }
    return parts.join('');
  }

  /** One short line of Unicode prose. */
  phrase() {
    return this.rng.pick(PROSE);
  }
}

function isHigh(c) {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c) {
  return c >= 0xdc00 && c <= 0xdfff;
}
