"""Speaker attribution helpers shared by `generator.quotes` and `generator.speakers` (issue 9).

- `morph`: pymorphy3 analysers for Ukrainian and Russian, created once, with cached lemmas.
- `verbs`: the speech-verb table of each language.
- `dialogue`: dash dialogue (`— Текст, — сказав X. — …`) split into quotes and attributions.
- `kinds`: whether a quoted stretch is speech, the writer's scare quotes, or a name.
"""
