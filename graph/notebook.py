"""The graph inline in Jupyter: the explorer page of :mod:`graph.render` in a sandboxed iframe.

A notebook front end shows a page written with pyvis (a file beside the notebook loaded in an
``IFrame``, or scripts put straight into the output) blank in several places: JupyterLab
does not run scripts of an HTML output that arrived with the notebook, VS Code and Colab serve
outputs from another origin than the notebook's files. :class:`Inline` avoids all of this: the
whole page, vis-network included, travels in the ``srcdoc`` attribute of an
``<iframe sandbox="allow-scripts">``. It needs no file, no server and no network; its scripts
run in an opaque origin that cannot reach the notebook, its cookies or its kernel; and the
page is html-escaped once more as an attribute value, so no label can end the attribute.

It displays itself through ``_repr_html_`` (JupyterLab, Jupyter Notebook, VS Code, Colab),
and is plain data otherwise: :attr:`Inline.html` is the page, :meth:`Inline.save` writes it.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", type="Agency", labels={"en": ['TJPO "<b>"']})
>>> G.add_node("b", type="Prefecture", labels={"en": ["Osaka"], "ja": ["大阪府"]})
>>> G.add_edge("a", "b", key="signedMOUWith", kind="signedMOUWith")
'signedMOUWith'
>>> shown = render(G, height=400)
>>> shown
<Inline page: 2 nodes, 1 edges, 400 px high>
>>> frame = shown._repr_html_()
>>> frame[:43]
'<iframe srcdoc="&lt;!DOCTYPE html&gt;\\n&lt;h'
>>> [outside.strip() for outside in frame.split('"')[::2]]  # the page's own quotes are escaped
['<iframe srcdoc=', 'sandbox=', 'title=', 'referrerpolicy=', 'style=', '></iframe>']
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from .render import Page, RenderError
from .render import render as render_page

__all__ = ["Inline", "render", "MIN_HEIGHT"]

#: The smallest iframe height (pixels) that still shows the page's header and a graph.
MIN_HEIGHT = 200


def _check_height(height: object) -> None:
    if isinstance(height, bool) or not isinstance(height, int) or height < MIN_HEIGHT:
        raise RenderError(f"height must be a whole number of pixels, at least {MIN_HEIGHT}, not {height!r}")


@dataclass(frozen=True)
class Inline:
    """A rendered page shown inline in a notebook.

    Attributes
    ----------
    page
        The :class:`graph.render.Page` (its HTML, what it shows, the note on what was left out).
    height
        The height of the iframe in pixels (its width follows the notebook's).
    """

    page: Page
    height: int = 600

    def __post_init__(self) -> None:
        _check_height(self.height)

    @property
    def html(self) -> str:
        """The page: a complete, self-contained HTML document."""
        return self.page.html

    @property
    def nodes(self) -> int:
        """How many nodes the page shows."""
        return self.page.nodes

    @property
    def edges(self) -> int:
        """How many edges the page shows."""
        return self.page.edges

    @property
    def note(self) -> str | None:
        """What was left out of a graph too large to show whole (``None`` when nothing was)."""
        return self.page.note

    def iframe(self) -> str:
        """The ``<iframe>`` element that shows the page: the page html-escaped into ``srcdoc``,
        scripts allowed and nothing else (no same origin, no forms, no pop-ups, no top navigation).

        >>> from graph.render import Page
        >>> Inline(Page('<p title="x">&amp;</p>', 0, 0, 0, 0, None), height=300).iframe()[:70]
        '<iframe srcdoc="&lt;p title=&quot;x&quot;&gt;&amp;amp;&lt;/p&gt;" sand'
        """
        return (f'<iframe srcdoc="{html.escape(self.page.html, quote=True)}" sandbox="allow-scripts" '
                f'title="tjkg network" referrerpolicy="no-referrer" '
                f'style="width: 100%; height: {self.height}px; border: 1px solid #ccc; box-sizing: border-box;">'
                f'</iframe>')

    def _repr_html_(self) -> str:
        return self.iframe()

    def __repr__(self) -> str:
        return f"<Inline page: {self.nodes} nodes, {self.edges} edges, {self.height} px high>"

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (UTF-8), to open in a browser, offline; returns the path.

        Raises
        ------
        RenderError
            The file cannot be written (the message names it and says why).
        """
        target = Path(path)
        try:
            target.write_text(self.page.html, encoding="utf-8")
        except OSError as e:
            raise RenderError(f"{target}: cannot write the page ({e.strerror or e})") from e
        return target


def render(source, *, view: str = "agreement", height: int = 600, **options) -> Inline:
    """The explorer page of ``source``, to show inline in a notebook.

    Parameters
    ----------
    source
        A networkx graph from :func:`graph.network.to_networkx` (or a part of one, such as
        :func:`graph.analysis.ego`), or a :class:`graph.kg.KnowledgeGraph` or store, whose
        graph is taken in ``view``.
    view
        ``"agreement"`` or ``"collapsed"`` (see :mod:`graph.network`); only for a graph or store.
    height
        The iframe's height in pixels.
    **options
        Options of :func:`graph.render.render`: ``lang``, ``focus``, ``hops``, ``types``,
        ``kinds``, ``size_by``, ``max_nodes``, ``seed``, ``title``.
    """
    if isinstance(source, nx.Graph):
        G = source
    else:
        from .network import to_networkx

        G = to_networkx(source, view=view)
    if not isinstance(G, nx.MultiDiGraph):
        raise RenderError(f"expected a MultiDiGraph from graph.network.to_networkx, not a {type(G).__name__}")
    _check_height(height)
    return Inline(render_page(G, **options), height=height)
