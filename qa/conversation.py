"""Follow-up questions: a conversation remembers the product under discussion and the last list of products.

    chat = Conversation(engine)
    chat.ask("how much does the iPhone 13 weigh?")   # focus: the iPhone 13
    chat.ask("and what colour is it?")               # answered about the iPhone 13
"""

from __future__ import annotations

from shopgraph.qa.engine import Answer, Engine

LISTING = ("search", "compatibility")  # answers whose products, even one, are what "they" refers to next


class Conversation:
    """Asks the engine with the product in focus; an answer about one product moves the focus to it."""

    def __init__(self, engine: Engine, product: str | None = None) -> None:
        self.engine = engine
        self.product: str | None = product
        self.listed: list[str] = []  # the products the last answer that listed several named

    def ask(self, question: str, *, product: str | None = None) -> Answer:
        """The next turn; ``product``: the shopper asks on that product's page (it is then in focus)."""
        answer = self.engine.answer(question, product=product, context=self.product, within=self.listed or None)
        if answer.focus:
            self.product = answer.focus
        ids = [p.id for p in answer.products]
        narrowed = len(ids) == 1 and ids[0] in self.listed  # "do they come in black?" left one: "they" stay
        if ids and (len(ids) > 1 or answer.intent in LISTING) and not narrowed \
                and answer.intent != "unanswerable":  # not the closest guesses
            self.listed = ids
        return answer
