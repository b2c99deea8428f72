"""Real-world URL shapes with the publication date they carry (written by us, not gold data).

Read by tests/test_published.py and benchmarks/accuracy_dates.py. Each entry is
``(url, "YYYY-MM-DD" or None)``; None means the URL carries no full date (an id that only looks
like one, a year alone, a version number) and nothing may be read from it.
"""

URL_DATES = [
    # /yyyy/mm/dd/
    ("https://www.example-times.com/2014/12/03/world/middleeast/iran-jets-iraq.html", "2014-12-03"),
    ("https://news.example.org/middle-east/2014/12/06/Iran-confirms-air-strikes", "2014-12-06"),
    ("http://blog.example.net/2009/1/5/a-post", "2009-01-05"),
    # /yyyy/mon/dd/ (month names, as the Guardian prints them)
    ("https://www.example-guardian.com/world/2014/dec/05/iran-air-strikes-isis", "2014-12-05"),
    ("https://www.example-guardian.com/politics/2003/jul/19/iraq.uk", "2003-07-19"),
    ("https://example.com/news/2011/September/12/story", "2011-09-12"),
    # compact yyyymmdd in a segment or a slug
    ("https://www.example-tribune.com/news/ct-iran-iraq-strikes-20141206-story.html", "2014-12-06"),
    ("https://example-agency.com/middleeast/201412031015438739/", "2014-12-03"),
    ("https://www.example.co.uk/news/world-middle-east-20141203", "2014-12-03"),
    ("https://example.com/articles/20020315_summit.html", "2002-03-15"),
    # yyyy-mm-dd in the path or the slug
    ("https://example.com/2014-12-03/iran-strikes", "2014-12-03"),
    ("https://example.com/news/iran-strikes-2014-12-03", "2014-12-03"),
    ("https://example.com/news/2016_05_07_report.html", "2016-05-07"),
    # a date as a query parameter
    ("https://example.com/story.php?id=42&date=2012-10-08", "2012-10-08"),
    # no full date
    ("https://example.com/articles/national/6172/no-involvement", None),
    ("https://example.com/2014/iran-year-in-review", None),
    ("https://example.com/products/v2/20/story", None),
    ("https://example.com/story/99999999", None),
    ("https://example.com/2014/13/45/bad-date", None),
]
