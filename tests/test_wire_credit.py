"""Wire credit as the channel of a story's statements: a dateline credit is, a photo credit is not."""

from iranstrikes.quotes import extract_quotes

BODY = 'The minister said the talks had failed. "We will not return," she said.'


def test_dateline_wire_credit_is_the_channel():
    q = extract_quotes("PARIS, March 3 (AFP) — " + BODY, outlet="Daily Example")
    assert len(q) == 2 and set(q["via"]) == {"Agence France-Presse"}
    assert q["method"].str.endswith("+via_dateline").all()


def test_photo_credit_is_not_a_channel():
    q = extract_quotes("(Jane Doe / AFP/Getty Images)\n\n" + BODY, outlet="Daily Example")
    assert len(q) == 2 and set(q["via"]) == {""}
    assert not q["method"].str.contains("via_dateline").any()


def test_own_wire_is_not_an_intermediary():
    q = extract_quotes("PARIS, March 3 (AFP) — " + BODY, outlet="AFP")
    assert set(q["via"]) == {""}
