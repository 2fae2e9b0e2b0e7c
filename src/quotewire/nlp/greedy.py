"""spaCy's greedy transition-based components (the parser, the entity recognizer), run by a
loop that holds the interpreter lock.

spaCy's own loop (``Parser._parseC``) runs without the lock, but in this spaCy build the
state's accessors that the validity checks call (``StateC.B``, ``B_`` and the like: some 800 a
token for the recognizer's 74 actions) each take the lock and give it back (gdb counted 1.39
million ``PyGILState_Ensure`` for 1,702 tokens; perf put a third of the recognizer's time in
mutex and lock code). The loop here is the one spaCy's training step runs, holding the lock,
so that taking it is a counter's increment: the component's step model turns the states'
context tokens into scores with the precomputed first layer and numpy's products, and
``transition_states`` applies each state's best valid action. Each batch is sorted by length,
as ``Parser.pipe`` sorts its sub-batches; a document's parse does not depend on its batch.
Tags, heads, labels and entities come out as spaCy's loop gives them (every article of PolNeAR
train and dev, the samples and the test corpus byte-identical), in about two thirds of the
time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def fits(component: Any) -> bool:
    """Whether ``component`` can be run by :func:`greedy_pipe` (a greedy transition-based
    component, as spaCy 3 makes them); else its own ``pipe`` runs."""
    return (
        getattr(component, "cfg", {}).get("beam_width", 1) == 1
        and hasattr(component, "transition_states")
        and hasattr(component, "moves")
    )


def greedy_pipe(component: Any, docs: list[Any], size: int) -> list[Any]:
    """Annotate ``docs`` (in place; returned) with ``component``, ``size`` documents at a time."""
    if not fits(component):
        return list(component.pipe(docs, batch_size=4 * size))
    for start in range(0, len(docs), size):
        batch = sorted(docs[start : start + size], key=len)
        states = component.moves.init_batch(batch)
        if any(len(doc) for doc in batch):
            component._ensure_labels_are_added(batch)
            model = component.model.predict(batch)
            score = _scorer(model)
            active = [state for state in states if not state.is_final()]
            while active:
                active = component.transition_states(active, score(active))
            model.clear_memory()
        component.set_annotations(batch, states)
    return docs


def _scorer(model: Any) -> Callable[[list[Any]], Any]:
    """The step model's scores for a list of states not final: its ``predict`` without the
    step that gives classes never seen in training the lowest score (a minimum over every
    score at each step) when there are no such classes."""
    upper = getattr(model, "vec2scores", None)
    mask = getattr(model, "_class_mask", None)
    if upper is None or mask is None or not mask.all():
        return model.predict  # type: ignore[no-any-return]
    lower = model.state2vec

    def score(states: list[Any]) -> Any:
        return upper.predict(lower.predict(model.get_token_ids(states)))

    return score
