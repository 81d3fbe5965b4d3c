"""Write a realistic synthetic kmdesk library of N records: ``python bench/corpus.py N [-o FILE]``.

Records mix the six UN languages and a few indigenous ones, vary in length from a title only to
several paragraphs, and carry GBF targets, keywords, places and creators in the proportions of
the demo library, so search and import figures reflect what a national library would hold.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import uuid
from pathlib import Path

WORDS = {
    "en": ("seed soil river forest mangrove grazing pasture rainfall drought fishing weir harvest medicinal plant "
           "elders knowledge community restoration wetland coral reef pollinator honey bee terrace irrigation "
           "livestock herd season monsoon fire management wildlife corridor watershed biodiversity monitoring").split(),
    "es": ("semilla suelo río bosque manglar pastoreo lluvia sequía pesca cosecha planta medicinal sabios "
           "conocimiento comunidad restauración humedal arrecife polinizador miel abeja terraza riego ganado "
           "temporada incendio corredor cuenca biodiversidad monitoreo papa maíz quinua").split(),
    "fr": ("semence sol rivière forêt mangrove pâturage pluie sécheresse pêche récolte plante médicinale anciens "
           "savoir communauté restauration zone humide récif pollinisateur miel abeille terrasse irrigation bétail "
           "saison feu corridor bassin biodiversité suivi").split(),
    "ru": ("семена почва река лес пастбище дождь засуха рыболовство урожай лекарственные растения старейшины "
           "знания община восстановление болото опылители мёд пчела олени тундра сезон пожар заповедник "
           "биоразнообразие мониторинг").split(),
    "ar": ("بذور تربة نهر غابة مانغروف رعي مطر جفاف صيد حصاد نباتات طبية شيوخ معرفة مجتمع استعادة "
           "أراضي رطبة شعاب مرجانية ملقحات عسل نحل مدرجات ري ماشية موسم واحة تنوع بيولوجي رصد").split(),
    "zh": "种子 土壤 河流 森林 红树林 放牧 草原 降雨 干旱 捕鱼 收获 药用植物 长老 传统知识 社区 恢复 湿地 珊瑚礁 传粉者 蜂蜜 梯田 灌溉 牲畜 季节 生物多样性 监测 保护".split(),
}
INDIGENOUS = {"quz": "mama pacha ayni chakra papa sara unu", "mi": "whenua awa ngahere kai moana tikanga", "sw": "mbegu ardhi mto msitu mifugo mvua"}
TYPES = [("resource", 35), ("traditional_knowledge", 20), ("practice", 15), ("person", 8), ("organization", 8), ("need", 5), ("offer", 5), ("event", 4)]
KINDS = ["document", "tool", "guide", "case_study", "best_practice", "lesson_learned"]
COUNTRIES = ["pe", "bo", "ke", "tz", "no", "fi", "cn", "ma", "jo", "fj", "nz", "br", "ru", "mx", "fr", "es"]


def sentence(rng: random.Random, lang: str, words: int) -> str:
    vocab = WORDS[lang]
    joiner = "" if lang == "zh" else " "
    text = joiner.join(rng.choice(vocab) for _ in range(words))
    return text[:1].upper() + text[1:] + ("。" if lang == "zh" else ".")


def record(rng: random.Random, index: int) -> dict:
    langs = rng.sample(list(WORDS), k=rng.choice((1, 1, 1, 2, 3)))
    rtype = rng.choices([t for t, _ in TYPES], weights=[w for _, w in TYPES])[0]
    size = rng.choice(("short", "medium", "medium", "long"))
    paragraphs = {"short": 0, "medium": 1, "long": 4}[size]
    item = {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "type": rtype,
        "resource_kind": rng.choice(KINDS) if rtype == "resource" else None,
        "title": {lang: sentence(rng, lang, rng.randint(3, 8)).rstrip(".。") for lang in langs},
        "summary": {lang: " ".join(sentence(rng, lang, rng.randint(8, 20)) for _ in range(2)) for lang in langs},
        "body": {lang: "\n\n".join(" ".join(sentence(rng, lang, rng.randint(8, 25)) for _ in range(5)) for _ in range(paragraphs))
                 for lang in langs} if paragraphs else {},
        "keywords": rng.sample(WORDS["en"], k=rng.randint(1, 5)),
        "gbf_targets": sorted(rng.sample(range(1, 24), k=rng.randint(1, 4))),
        "gbf_goals": sorted(rng.sample("ABCD", k=rng.randint(1, 2))),
        "countries": rng.sample(COUNTRIES, k=rng.randint(1, 2)),
        "languages": langs + ([rng.choice(list(INDIGENOUS))] if rng.random() < 0.15 else []),
        "creators": [{"name": f"Author {index % 997}", "role": "author"}],
        "community": f"Community {index % 37}" if rtype in ("traditional_knowledge", "practice") else None,
        "date": f"{rng.randint(1995, 2026)}-{rng.randint(1, 12):02d}",
        "access": {"level": "public"},  # said, since traditional knowledge otherwise starts with its community
    }
    if "languages" in item and item["languages"][-1] in INDIGENOUS and rng.random() < 0.5:
        lang = item["languages"][-1]
        item["summary"][lang] = " ".join(rng.choice(INDIGENOUS[lang].split()) for _ in range(10))
    return item


def corpus(n: int, seed: int = 16) -> dict:
    rng = random.Random(seed)
    return {"format": "kmdesk-library", "version": 1, "records": [record(rng, i) for i in range(n)]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()
    payload = json.dumps(corpus(args.n), ensure_ascii=False)
    if args.output:
        args.output.write_text(payload, encoding="utf-8")
        print(f"wrote {args.n} records to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(payload)
    return 0


if __name__ == "__main__":
    sys.exit(main())
