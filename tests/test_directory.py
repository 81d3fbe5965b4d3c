"""The practitioner directory: filters, contacts only with list_in_directory consent, vCards of
listed public entries only."""

from __future__ import annotations

from conftest import open_as_custodian

from kmdesk.core.chm import directory

PASS = "directory custodian passphrase"


def people(path):
    library = open_as_custodian(path, PASS)
    library.access.add_community("Sumaq Pacha", "pe")
    ana = library.records.add({"type": "person", "title": {"en": "Ana Quispe"}, "subjects": ["CBD-SUBJECT-WTR"], "gbf_targets": [11],
                               "languages": ["es", "quz"], "countries": ["pe"], "places": ["Cusco"],
                               "identifiers": {"email": "ana@example.org", "phone": "+51 1 234"}})
    library.consent.grant(ana["id"], {"granted_by": "Ana Quispe", "scope": ["list_in_directory"], "given_on": "2025-01-10",
                                      "form": "written"})
    juan = library.records.add({"type": "person", "title": {"en": "Juan Mamani"}, "subjects": ["CBD-SUBJECT-AGR"], "gbf_targets": [4],
                                "languages": ["es"], "countries": ["pe"], "identifiers": {"email": "juan@example.org"}})
    withdrawn = library.records.add({"type": "organization", "title": {"en": "Seed Guardians"}, "subjects": ["CBD-SUBJECT-AGR"],
                                     "languages": ["es"], "countries": ["bo"], "identifiers": {"email": "seeds@example.org"}})
    library.consent.grant(withdrawn["id"], {"granted_by": "Board", "scope": ["list_in_directory"], "given_on": "2025-01-10",
                                            "form": "written"})
    library.consent.withdraw(withdrawn["id"], by="Board", on="2025-06-01")
    secret = library.records.add({"type": "person", "title": {"en": "Elder Zqxdirectorycanary"}, "languages": ["quz"], "countries": ["pe"],
                                  "community": "Sumaq Pacha", "access": {"level": "community"},
                                  "identifiers": {"email": "elder@example.org"}})
    library.consent.grant(secret["id"], {"granted_by": "Sumaq Pacha assembly", "scope": ["list_in_directory"],
                                         "given_on": "2025-01-10", "form": "community_assembly"})
    return library, ana, juan, withdrawn, secret


def test_filters_and_contacts_only_with_consent(tmp_path):
    library, ana, juan, withdrawn, _secret = people(tmp_path / "lib")
    with library:
        everyone = {e.name: e for e in directory.entries(library)}
        assert everyone["Ana Quispe"].contacts == {"email": "ana@example.org", "phone": "+51 1 234"}
        assert everyone["Juan Mamani"].contacts == {} and not everyone["Juan Mamani"].listed  # no consent: no contacts
        assert everyone["Seed Guardians"].contacts == {}  # consent withdrawn
        assert [e.name for e in directory.entries(library, expertise=["CBD-SUBJECT-WTR"])] == ["Ana Quispe"]
        assert [e.name for e in directory.entries(library, expertise=["4"])] == ["Juan Mamani"]
        assert {e.name for e in directory.entries(library, languages=["quz"])} == {"Ana Quispe", "Elder Zqxdirectorycanary"}
        assert [e.name for e in directory.entries(library, countries=["BO"])] == ["Seed Guardians"]


def test_vcards_hold_listed_public_people_only(tmp_path):
    library, *_ = people(tmp_path / "lib")
    with library:
        text, left_out = directory.vcards(directory.entries(library))
        assert text.count("BEGIN:VCARD") == 1 and left_out == 3
        assert "FN:Ana Quispe" in text and "EMAIL:ana@example.org" in text and "CATEGORIES:CBD-SUBJECT-WTR,GBF-TARGET-11" in text
        assert "ADR:;;;Cusco;;;PE" in text
        assert "juan@" not in text and "seeds@" not in text and "Zqxdirectorycanary" not in text


def test_kmdesk_directory_writes_a_vcard_file(tmp_path, monkeypatch, capsys):
    from kmdesk.cli import main

    library, *_ = people(tmp_path / "lib")
    library.close()
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    out = tmp_path / "people.vcf"
    assert main(["--data-dir", str(tmp_path / "lib"), "directory", "--language", "es", "--vcard", str(out),
                 "--profile", "Keeper"]) == 0
    printed = capsys.readouterr().out
    assert "Ana Quispe" in printed and "ana@example.org" in printed and "juan@" not in printed
    assert out.read_text(encoding="utf-8").count("BEGIN:VCARD") == 1


def test_the_directory_window_filters_and_exports_listed_people(qtbot, make_window, tmp_path):
    library, ana, *_ = people(tmp_path / "lib")
    with library:
        window = make_window(library, shown=False)
        view = window.show_directory()
        qtbot.addWidget(view)
        names = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
        assert names == ["Ana Quispe", "Elder Zqxdirectorycanary", "Juan Mamani", "Seed Guardians"]
        contacts = {view.tree.topLevelItem(i).text(0): view.tree.topLevelItem(i).text(3) for i in range(len(names))}
        assert "ana@example.org" in contacts["Ana Quispe"] and "juan@" not in contacts["Juan Mamani"]
        view.expertise.setCurrentIndex(view.expertise.findData("CBD-SUBJECT-AGR"))
        assert [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())] == ["Juan Mamani", "Seed Guardians"]
        view.expertise.setCurrentIndex(0)
        view.language_edit.setText("quz")
        view.refresh()
        assert view.tree.topLevelItemCount() == 2
        out = tmp_path / "people.vcf"
        view.export(out)
        text = out.read_text(encoding="utf-8")
        assert text.count("BEGIN:VCARD") == 1 and "Ana Quispe" in text and "Zqxdirectorycanary" not in text
        view.tree.itemActivated.emit(view.tree.topLevelItem(0), 0)
        assert window.record_view.record["id"] == ana["id"]


def test_contacts_and_consent_from_the_command_line_reach_the_vcard(tmp_path, monkeypatch, capsys):
    import pytest

    from kmdesk.cli import main
    from kmdesk.core.errors import InvalidRecord

    library, _ana, juan, *_ = people(tmp_path / "lib")
    with pytest.raises(InvalidRecord, match="people and organizations"):
        directory.set_contacts(library, library.records.add({"type": "need", "title": {"en": "x"}})["id"], {"email": "a@b.c"})
    library.close()
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    base = ["--data-dir", str(tmp_path / "lib")]
    auth = ["--profile", "Keeper"]
    assert main([*base, "contact", juan["id"], "--phone", "+591 2 345", "--email", "", *auth]) == 0
    assert capsys.readouterr().out.strip() == "phone: +591 2 345"
    assert main([*base, "consent", "grant", juan["id"], "--by", "Juan Mamani", "--scope", "list_in_directory", *auth]) == 0
    out = tmp_path / "people.vcf"
    assert main([*base, "directory", "--country", "pe", "--vcard", str(out), *auth]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 2 and "TEL:+591 2 345" in text and "juan@" not in text


JUANA, NASERIAN = "3bbe194c-84e1-483f-84d7-97e9c93c794c", "22a887e0-ff9b-434c-9db5-8603d4fc12d2"


def test_the_readme_directory_example_finds_someone_on_the_demo(demo_library, tmp_path, capsys):
    """``kmdesk directory --country pe --language es`` (README) on the demo: Juana Mamani Quispe,
    listed with her consent and her contacts; Naserian Sankale's contacts, held without that
    consent, appear in no locked directory, vCard, show, search or export."""
    from kmdesk.cli import main

    folder = str(demo_library.data_dir)
    demo_library.close()
    vcards = tmp_path / "demo.vcf"
    assert main(["--data-dir", folder, "directory", "--country", "pe", "--language", "es"]) == 0
    printed = capsys.readouterr().out
    assert "Juana Mamani Quispe" in printed and "juana.mamani@sumaqpacha.example" in printed
    assert "listed with the consent of Juana Mamani Quispe" in printed
    assert main(["--data-dir", folder, "directory", "--vcard", str(vcards)]) == 0
    exported = tmp_path / "demo.json"
    assert main(["--data-dir", folder, "export", "--format", "json", "-o", str(exported)]) == 0
    for argv in (["show", NASERIAN], ["search", "700 000 451"], ["search", "naserian.sankale@enkiteng.example", "--json"]):
        assert main(["--data-dir", folder, *argv]) == 0
    printed += capsys.readouterr().out + vcards.read_text(encoding="utf-8") + exported.read_text(encoding="utf-8")
    assert "juana.mamani@sumaqpacha.example" in vcards.read_text(encoding="utf-8")
    assert "naserian.sankale@" not in printed and "000 451" not in printed


def test_the_directory_window_lists_the_demo_person_who_consented(qtbot, make_window, demo_library):
    window = make_window(demo_library, shown=False)
    view = window.show_directory()
    qtbot.addWidget(view)
    rows = {view.tree.topLevelItem(i).text(0): view.tree.topLevelItem(i).text(3) for i in range(view.tree.topLevelItemCount())}
    assert "juana.mamani@sumaqpacha.example" in rows["Juana Mamani Quispe"]
    assert "naserian" not in rows["Naserian Sankale"] and "451" not in rows["Naserian Sankale"]
