"""Word lists the readers use to guess what a line holds; word data, not logic."""

from __future__ import annotations

__all__ = ["KEEP_HYPHEN", "ORG_WORDS", "TITLE_WORDS"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: words that mark a job title ("Senior Data *Analyst*")
TITLE_WORDS = _words(
    """
    engineer developer analyst scientist manager director lead head intern consultant
    specialist designer architect officer associate researcher assistant coordinator
    administrator programmer technician owner founder co-founder cofounder president vp
    advisor adviser strategist writer editor marketer recruiter teacher lecturer professor
    tutor executive partner principal fellow trainee apprentice contractor freelancer
    representative accountant auditor nurse physician supervisor chief cto ceo cfo coo
    cio cmo operator instructor student postdoc evangelist sre
    """
)

#: words that mark an organisation ("Acme *Corp*", "*University* of Leeds")
ORG_WORDS = _words(
    """
    inc inc. ltd ltd. llc llp plc corp corp. corporation company co co. gmbh ag sa s.a.
    bv b.v. srl pty limited group university college institute school labs lab
    laboratory technologies technology systems solutions bank hospital agency foundation
    partners consulting ventures studio studios holdings industries software services
    council ministry department government
    """
)

#: prefixes that keep their hyphen when a line break falls after them ("self-" "motivated")
KEEP_HYPHEN = _words(
    """
    self non co cross well end full part multi real high low long short fine open first
    second third state world user data time cost client team hands fast detail results
    customer cloud cutting front back top mid pre post re semi sub inter
    """
)
