// <search-box>: an embeddable search box for SearchService. No dependencies; everything lives in its shadow root.
// Safe by construction: the only markup taken from the server is <mark> in snippets and headlines, rebuilt as elements; every other
// value is inserted as text (textContent / Text nodes), never as HTML.

const FACETS = ["region", "topic", "speaker"];
// The publisher fields a service can make filters and facets (Search:FilterFields): these and fields.<name>. The box
// lists those the service counts (its answers' facets.fields), after the built-in facets.
const PUBLISHER_FIELDS = ["source", "byline", "section", "language"];
const FIELD_NAME = /^fields\.[a-z][a-z0-9_-]*$/;
// What the box searches: articles (/search) or statements (/quotes), whose facets add the reporting verb.
const MODES = ["articles", "quotes"];
const QUOTE_FACETS = ["speaker", "region", "topic", "verb"];
/** Suggestion kinds that replace the words typed (a word or phrase of the paragraphs, a query often searched); the others tick a facet value. */
const WORD_KINDS = ["term", "query"];
// Related articles listed under a hit when its disclosure is opened: a short list a reader scans.
const RELATED_SIZE = 5;
// The box's words in English and French; a page overrides any of them with the strings attribute (JSON).
const WORDS = {
  en: {
    placeholder: "Search the news", search: "Search", clear: "Clear search", suggestions: "Suggestions", results: "Results",
    filters: "Filters", filtersTicked: "Filters ({count})", clearFilters: "Clear filters", more: "More results", tryAgain: "Try again",
    oneResult: "1 result.", manyResults: "{count} results.", noResults: "No results.", emptyFor: "No results for “{query}”",
    emptyAll: "No results", withFilters: " with {filters}.", end: ".", unavailable: "Search is unavailable.",
    unreachable: "The search service cannot be reached.", answered: "The search service answered {status}.",
    didYouMean: "Did you mean ", didYouMeanEnd: "?", region: "Region", topic: "Topic", speaker: "Speaker", popular: "Popular",
    source: "Source", byline: "Author", section: "Section", language: "Language",
    modes: "Search in", articles: "Articles", quotes: "Quotes", verb: "Verb", oneStatement: "1 statement.",
    manyStatements: "{count} statements.", quoteBy: "{speaker}, {verb}", statements: "statements",
    statementsBy: "Statements by {speaker}", related: "Related", relatedTo: "Related to “{title}”", loading: "Loading…",
    noRelated: "No related articles.", relatedFailed: "Related articles cannot be shown: {message}",
  },
  fr: {
    placeholder: "Rechercher dans l’actualité", search: "Rechercher", clear: "Effacer la recherche", suggestions: "Suggestions",
    results: "Résultats", filters: "Filtres", filtersTicked: "Filtres ({count})", clearFilters: "Effacer les filtres",
    more: "Plus de résultats", tryAgain: "Réessayer", oneResult: "1 résultat.", manyResults: "{count} résultats.",
    noResults: "Aucun résultat.", emptyFor: "Aucun résultat pour « {query} »", emptyAll: "Aucun résultat",
    withFilters: " avec {filters}.", end: ".", unavailable: "La recherche est indisponible.",
    unreachable: "Le service de recherche est injoignable.", answered: "Le service de recherche a répondu {status}.",
    didYouMean: "Vouliez-vous dire ", didYouMeanEnd: " ?", region: "Région", topic: "Thème", speaker: "Intervenant", popular: "Fréquente",
    source: "Source", byline: "Auteur", section: "Rubrique", language: "Langue",
    modes: "Rechercher dans", articles: "Articles", quotes: "Citations", verb: "Verbe", oneStatement: "1 déclaration.",
    manyStatements: "{count} déclarations.", quoteBy: "{speaker}, {verb}", statements: "déclarations",
    statementsBy: "Déclarations de {speaker}", related: "Articles liés", relatedTo: "Liés à « {title} »", loading: "Chargement…",
    noRelated: "Aucun article lié.", relatedFailed: "Les articles liés ne peuvent être affichés : {message}",
  },
};
// The parameters sync-url keeps in the page's address, besides the publisher fields the service counts.
const URL_PARAMETERS = ["q", "page", "mode", ...FACETS, "verb"];
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'" };
const SEARCH_DELAY_MS = 200;
const SUGGEST_DELAY_MS = 80;
const DEFAULT_ENDPOINT = new URL("..", import.meta.url).href.replace(/\/$/, "");

const STYLE = `
:host {
  all: initial;
  display: block;
  container-type: inline-size;
  font: var(--search-box-font, 400 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: var(--search-box-text, #1f2328);
  --accent: var(--search-box-accent, #0b57d0);
  --muted: var(--search-box-muted, #59636e);
  --border: var(--search-box-border, #d1d9e0);
  --background: var(--search-box-background, #ffffff);
  --radius: var(--search-box-radius, 10px);
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.box { background: var(--background); border: 1px solid var(--border); border-radius: var(--radius); padding: 14px; }
.bar { position: relative; }
.icon { position: absolute; left: 12px; top: 50%; width: 18px; height: 18px; transform: translateY(-50%); color: var(--muted); pointer-events: none; }
input[type=search] {
  width: 100%; font: inherit; color: inherit; background: var(--background);
  padding: 10px 40px 10px 40px; border: 1px solid var(--border); border-radius: calc(var(--radius) - 2px);
  outline: none; -webkit-appearance: none; appearance: none;
}
input[type=search]::-webkit-search-cancel-button { display: none; }
input[type=search]:focus { border-color: var(--accent); box-shadow: 0 0 0 3px color-mix(in srgb, var(--accent) 25%, transparent); }
button { font: inherit; color: inherit; cursor: pointer; }
.clear {
  position: absolute; right: 6px; top: 50%; transform: translateY(-50%); width: 30px; height: 30px;
  border: 0; border-radius: 50%; background: transparent; color: var(--muted); font-size: 20px; line-height: 1;
}
.clear:hover, .clear:focus-visible { background: color-mix(in srgb, var(--muted) 15%, transparent); }
.suggestions {
  position: absolute; left: 0; right: 0; top: calc(100% + 4px); z-index: 10; margin: 0; padding: 4px; list-style: none;
  background: var(--background); border: 1px solid var(--border); border-radius: calc(var(--radius) - 2px);
  box-shadow: 0 8px 24px rgb(0 0 0 / 12%);
}
.suggestions li { display: flex; justify-content: space-between; gap: 12px; padding: 6px 10px; border-radius: 6px; cursor: pointer; }
.suggestions li.active, .suggestions li:hover { background: color-mix(in srgb, var(--accent) 10%, transparent); }
.kind { color: var(--muted); font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.04em; align-self: center; }
.progress { height: 2px; margin: 8px 0 0; border-radius: 1px; background: var(--accent); opacity: 0; transform-origin: left; }
.busy .progress { opacity: 1; animation: load 1s ease-in-out infinite; }
@keyframes load { from { transform: scaleX(0.05); } 50% { transform: scaleX(0.7); } to { transform: scaleX(1); opacity: 0.2; } }
.status { color: var(--muted); font-size: 0.875em; margin: 8px 2px 0; min-height: 1.3em; }
.did-you-mean { font-size: 0.925em; margin: 4px 2px 0; }
.modes { display: flex; gap: 4px; margin-top: 10px; border-bottom: 1px solid var(--border); }
.modes [role=tab] {
  border: 0; border-bottom: 2px solid transparent; margin-bottom: -1px; background: none; padding: 6px 12px;
  color: var(--muted); font-size: 0.925em;
}
.modes [role=tab][aria-selected=true] { color: var(--accent); border-bottom-color: var(--accent); font-weight: 600; }
.modes [role=tab]:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; border-radius: 4px 4px 0 0; }
.did-you-mean button { border: 0; background: none; padding: 0; color: var(--accent); text-decoration: underline; font-style: italic; }
.layout { display: grid; gap: 14px; margin-top: 6px; }
.filters-toggle { justify-self: start; border: 1px solid var(--border); border-radius: 999px; background: var(--background); padding: 4px 12px; font-size: 0.875em; }
.facets { display: grid; gap: 12px; align-content: start; }
.facets.collapsed { display: none; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
legend { font-weight: 600; font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); padding: 0; margin-bottom: 4px; }
.facet-values { list-style: none; margin: 0; padding: 0; }
/* A speaker's "statements" link goes under the name, in line with it, so that the name keeps the column's width. */
.statements { display: block; margin: -2px 0 2px 21px; border: 0; background: none; padding: 0; color: var(--accent); font-size: 0.8em; text-decoration: underline; }
label { display: flex; align-items: baseline; gap: 8px; padding: 2px 0; font-size: 0.925em; cursor: pointer; }
label input { accent-color: var(--accent); margin: 0; flex: none; transform: translateY(2px); }
.value { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.count { color: var(--muted); font-size: 0.85em; font-variant-numeric: tabular-nums; }
.clear-filters { border: 0; background: none; padding: 0; color: var(--accent); font-size: 0.875em; justify-self: start; text-decoration: underline; }
.results { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.result { padding: 10px; border-radius: 8px; border: 1px solid transparent; }
.result:focus-within { border-color: var(--accent); background: color-mix(in srgb, var(--accent) 6%, transparent); }
.title { color: var(--accent); font-weight: 600; text-decoration: none; font-size: 1.05em; }
.title:hover, .title:focus-visible { text-decoration: underline; }
.meta { color: var(--muted); font-size: 0.8em; margin-top: 2px; }
.snippet { margin: 4px 0 0; overflow-wrap: anywhere; }
.quote-text { margin: 0; padding-left: 10px; border-left: 3px solid var(--border); overflow-wrap: anywhere; }
.quote .meta { margin: 4px 0 2px; }
.quote .title { font-size: 0.925em; }
.related-toggle { margin-top: 4px; border: 0; background: none; padding: 0; color: var(--accent); font-size: 0.85em; text-decoration: underline; }
.related { list-style: none; margin: 6px 0 0; padding: 0 0 0 10px; border-left: 2px solid var(--border); display: grid; gap: 2px; font-size: 0.925em; }
.related a { color: var(--accent); }
.related .meta { display: inline; margin-left: 6px; }
mark { background: var(--search-box-mark-background, #fde68a); color: var(--search-box-mark-text, inherit); border-radius: 2px; padding: 0 1px; }
.more { margin-top: 8px; border: 1px solid var(--border); border-radius: 999px; background: var(--background); padding: 6px 16px; }
.more:hover, .filters-toggle:hover { border-color: var(--accent); }
.empty, .error { padding: 14px; border-radius: 8px; background: color-mix(in srgb, var(--muted) 8%, transparent); }
.error { background: color-mix(in srgb, #d1242f 10%, transparent); }
.error button, .empty button { margin-left: 6px; border: 0; background: none; padding: 0; color: var(--accent); text-decoration: underline; }
[hidden] { display: none !important; }
@container (min-width: 640px) {
  .layout.with-facets { grid-template-columns: minmax(10rem, 13rem) 1fr; }
  .filters-toggle { display: none; }
  .facets.collapsed { display: grid; }
}
`;

const MARKUP = `
<div class="box" part="container" role="search">
  <div class="bar">
    <svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><circle cx="11" cy="11" r="7"/><path d="m20 20-4-4"/></svg>
    <input type="search" part="input" role="combobox" aria-autocomplete="list" aria-expanded="false"
           aria-controls="suggestions" aria-label="Search" autocomplete="off" spellcheck="false" enterkeyhint="search">
    <button type="button" class="clear" part="clear" aria-label="Clear search" hidden>×</button>
    <ul class="suggestions" part="suggestions" id="suggestions" role="listbox" aria-label="Suggestions" hidden></ul>
  </div>
  <div class="modes" part="modes" role="tablist" aria-label="Search in">
    <button type="button" part="mode" role="tab" id="tab-articles" data-mode="articles" aria-controls="panel" aria-selected="true">Articles</button>
    <button type="button" part="mode" role="tab" id="tab-quotes" data-mode="quotes" aria-controls="panel" aria-selected="false" tabindex="-1">Quotes</button>
  </div>
  <div class="progress" part="progress" aria-hidden="true"></div>
  <div class="status" part="status" role="status" aria-live="polite"></div>
  <div class="did-you-mean" part="did-you-mean" hidden></div>
  <div class="layout" id="panel" role="tabpanel" aria-labelledby="tab-articles">
    <button type="button" class="filters-toggle" part="filters-toggle" aria-expanded="false" aria-controls="facets" hidden>Filters</button>
    <div class="facets collapsed" part="facets" id="facets" hidden></div>
    <div>
      <div class="error" part="error" role="alert" hidden></div>
      <div class="empty" part="empty" hidden></div>
      <ol class="results" part="results" id="results" aria-label="Results"></ol>
      <button type="button" class="more" part="more" hidden>More results</button>
    </div>
  </div>
</div>`;

/** Builds the snippet from the server's HTML-encoded text: <mark> becomes an element, everything else stays text. */
function snippetNodes(snippet) {
  const fragment = document.createDocumentFragment();
  let mark = null;
  for (const piece of String(snippet).split(/(<mark>|<\/mark>)/)) {
    if (piece === "<mark>") {
      mark = document.createElement("mark");
      mark.setAttribute("part", "mark");
      fragment.append(mark);
    } else if (piece === "</mark>") {
      mark = null;
    } else if (piece) {
      (mark ?? fragment).append(piece.replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => ENTITIES[name]));
    }
  }
  return fragment;
}

function element(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (name === "text") node.textContent = value;
    else if (name === "class") node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** Whether `name` can name a publisher field the service filters by (section, fields.desk ...), configured there or not. */
function isPublisherField(name) {
  return PUBLISHER_FIELDS.includes(name) || FIELD_NAME.test(name);
}

/** A publication date as a reader scans it ("23 Nov 2021" in the reader's locale); "" for none. */
function shortDate(value) {
  return value ? new Date(value).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" }) : "";
}

/** A word with its {placeholders} filled in. */
function fill(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

export class SearchBox extends HTMLElement {
  static observedAttributes = ["placeholder", "facets", "from", "to", "rerank", "recency", "key", "lang", "strings", "mode"];

  #root;
  #input;
  #query = "";
  #mode = "articles";
  #filters = new Map();
  #hits = [];
  #total = 0;
  #page = 1;
  #facetCounts = {};
  // The publisher fields the service counts (Search:FilterFields), in its order, as the last answer naming them said.
  #fields = [];
  #searchTurn = 0;
  #suggestTurn = 0;
  #abort = null;
  #searchTimer = 0;
  #suggestTimer = 0;
  #suggestions = [];
  #active = { index: -1 };
  #started = false;
  #popState = () => this.#restoreFromUrl();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = STYLE;
    const template = document.createElement("template");
    template.innerHTML = MARKUP; // a constant: no data from anywhere goes into it
    this.#root.append(style, template.content);
    this.#input = this.#part("input");

    this.#input.addEventListener("input", () => this.#typed());
    this.#input.addEventListener("keydown", (event) => this.#key(event));
    this.#input.addEventListener("blur", () => setTimeout(() => this.#closeSuggestions(), 150));
    this.#part("clear").addEventListener("click", () => { this.clear(); this.#input.focus(); });
    this.#part("more").addEventListener("click", () => this.#run(this.#page + 1, { chosen: true }));
    this.#part("filters-toggle").addEventListener("click", () => this.#toggleFilters());
    this.#part("results").addEventListener("keydown", (event) => this.#resultKey(event));
    const modes = this.#part("modes");
    modes.addEventListener("click", (event) => {
      const tab = event.target.closest('[role="tab"]');
      if (tab && tab.dataset.mode !== this.#mode) this.#switchMode(tab.dataset.mode);
    });
    modes.addEventListener("keydown", (event) => this.#tabKey(event));
  }

  /** The service's address: the endpoint attribute, or where this script was loaded from. */
  get endpoint() {
    return (this.getAttribute("endpoint") || DEFAULT_ENDPOINT).replace(/\/+$/, "");
  }

  get query() {
    return this.#query;
  }

  /** What the box searches: "articles" or "quotes" (statements). */
  get mode() {
    return this.#mode;
  }

  /**
   * Facet filters in effect, as { region: [...], topic: [...], speaker: [...] } (and verb: [...] in Quotes mode, and the
   * service's publisher fields, { section: [...], "fields.desk": [...] }, in Articles mode).
   */
  get filters() {
    return Object.fromEntries([...this.#filters].map(([facet, values]) => [facet, [...values]]));
  }

  connectedCallback() {
    if (this.#syncsUrl()) window.addEventListener("popstate", this.#popState);
    if (this.#started) return;
    this.#started = true;
    this.#applyWords();
    // A shared address (or one the back button returned to) says what to show, over the query and filters attributes.
    if (this.#syncsUrl() && [...new URL(location.href).searchParams.keys()].some((name) => URL_PARAMETERS.includes(name) || isPublisherField(name))) {
      this.#restoreFromUrl();
      return;
    }
    this.#mode = this.#modeAttribute();
    this.#renderModes();
    this.#query = this.getAttribute("query") ?? "";
    this.#input.value = this.#query;
    // The page names the publisher fields its service filters by; the box learns them only from an answer. A name no
    // mode filters by (a typo: "regoin") goes to the service, which names it, rather than being dropped unfiltered.
    for (const [facet, value] of new URLSearchParams(this.getAttribute("filters") ?? "")) {
      const noFilter = !QUOTE_FACETS.includes(facet) && !isPublisherField(facet);
      if (this.#modeFacets().includes(facet) || (this.#mode === "articles" && isPublisherField(facet)) || noFilter) this.#valuesOf(facet).add(value);
    }
    this.#syncClear();
    // The page's own starting search is not written to its address: only what the reader changes is.
    if (this.#hasCriteria()) this.#run(1, { restoring: true });
  }

  disconnectedCallback() {
    window.removeEventListener("popstate", this.#popState);
  }

  attributeChangedCallback(name, _old, value) {
    if (!this.#started) return;
    if (["placeholder", "lang", "strings"].includes(name)) this.#applyWords();
    if (name === "facets" || ((name === "lang" || name === "strings") && this.#hasCriteria())) this.#renderAll();
    if (["from", "to", "rerank", "recency", "key"].includes(name) && this.#hasCriteria()) this.#run(1);
    if (name === "mode" && this.#modeAttribute() !== this.#mode) this.#switchMode(this.#modeAttribute());
  }

  /** Searches for the given text now, as if typed. */
  search(query) {
    this.#input.value = query;
    this.#query = query.trim();
    this.#syncClear();
    this.#run(1, { chosen: true });
  }

  /** Empties the box and forgets the filters. */
  clear() {
    clearTimeout(this.#searchTimer);
    this.#input.value = "";
    this.#query = "";
    this.#filters.clear();
    this.#closeSuggestions();
    this.#syncClear();
    this.#searchTurn++;
    this.#abort?.abort();
    this.#show({ hits: [], total: 0, facets: {} }, 1, false);
    this.#status("");
    this.#writeUrl(1, { chosen: true });
  }

  #part(name) {
    return this.#root.querySelector(`[part~="${name}"]`);
  }

  /**
   * The facets listed in Articles mode: those the facets attribute names, built-in or publisher fields the service
   * counts, or by default region, topic, speaker and every publisher field the service counts.
   */
  #shownFacets() {
    const named = this.getAttribute("facets");
    const wanted = named === null ? [...FACETS, ...this.#fields] : named.split(/[\s,]+/).filter((f) => FACETS.includes(f) || this.#fields.includes(f));
    return [...new Set(wanted)];
  }

  /** The facets listed in the current mode: the shown ones, and in Quotes mode the verb too (when any are shown). */
  #modeFacets() {
    const shown = this.#shownFacets();
    if (this.#mode === "articles") return shown;
    return QUOTE_FACETS.filter((facet) => shown.includes(facet) || (facet === "verb" && shown.length > 0));
  }

  /** The mode the page asks for (the mode attribute); articles unless it says quotes. */
  #modeAttribute() {
    return this.getAttribute("mode") === "quotes" ? "quotes" : "articles";
  }

  /** Shows the box in `mode`, keeping the words and the ticks that apply there, and searches again. */
  #switchMode(mode) {
    this.#mode = mode;
    const facets = this.#modeFacets();
    for (const facet of [...this.#filters.keys()]) if (!facets.includes(facet)) this.#filters.delete(facet);
    this.#renderModes();
    this.#hits = [];
    this.#total = 0;
    this.#part("results").replaceChildren();
    this.#part("more").hidden = true;
    this.#syncClear();
    this.#run(1, { chosen: true });
  }

  /** The tabs say which mode is shown; only the selected one is in the tab order (the arrows move between them). */
  #renderModes() {
    for (const tab of this.#part("modes").querySelectorAll('[role="tab"]')) {
      const selected = tab.dataset.mode === this.#mode;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected) this.#root.getElementById("panel").setAttribute("aria-labelledby", tab.id);
    }
  }

  /** Keys on the tabs: ← and → (wrapping), Home and End move to a tab and show its mode. */
  #tabKey(event) {
    const tabs = [...this.#part("modes").querySelectorAll('[role="tab"]')];
    const index = tabs.indexOf(this.#root.activeElement);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (index < 0 || next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    tab.focus();
    if (tab.dataset.mode !== this.#mode) this.#switchMode(tab.dataset.mode);
  }

  /** A speaker facet value's "statements": that speaker's statements in Quotes mode, the words and other ticks set aside. */
  #showStatementsOf(speaker) {
    this.#input.value = "";
    this.#query = "";
    this.#filters.clear();
    this.#valuesOf("speaker").add(speaker);
    this.#switchMode("quotes");
    // The button goes with the facets it was in; the focus goes to the tab now showing.
    this.#part("modes").querySelector('[data-mode="quotes"]').focus();
  }

  /** The language of the box's words: its lang attribute's first subtag, where the box knows it, else English. */
  #language() {
    const primary = (this.getAttribute("lang") ?? "").toLowerCase().split("-")[0];
    return primary in WORDS ? primary : "en";
  }

  /** One of the box's words: the strings attribute's, else the language's. */
  #word(name, values) {
    const overrides = this.#overrides();
    const word = typeof overrides[name] === "string" ? overrides[name] : WORDS[this.#language()][name];
    return fill(word, values);
  }

  /** The words the strings attribute overrides, by name. */
  #overrides() {
    try {
      return JSON.parse(this.getAttribute("strings") || "{}") ?? {};
    } catch {
      // A strings attribute that is not JSON overrides nothing; the built-in words stay.
      return {};
    }
  }

  /**
   * A facet's name as shown: the box's word for it (the strings attribute may name fields.desk too), else one made
   * from a field of the publisher's own ("fields.news_desk" is "News desk").
   */
  #facetLabel(facet) {
    if (typeof this.#overrides()[facet] === "string" || Object.hasOwn(WORDS.en, facet)) return this.#word(facet);
    const words = facet.slice("fields.".length).replace(/[_-]+/g, " ");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  #number(count) {
    return count.toLocaleString(this.#language());
  }

  /** Puts the words of the fixed markup in the box's language. */
  #applyWords() {
    this.#input.placeholder = this.getAttribute("placeholder") ?? this.#word("placeholder");
    this.#input.setAttribute("aria-label", this.#word("search"));
    this.#part("clear").setAttribute("aria-label", this.#word("clear"));
    this.#part("suggestions").setAttribute("aria-label", this.#word("suggestions"));
    this.#part("results").setAttribute("aria-label", this.#word("results"));
    this.#part("more").textContent = this.#word("more");
    this.#part("modes").setAttribute("aria-label", this.#word("modes"));
    for (const tab of this.#part("modes").querySelectorAll('[role="tab"]')) tab.textContent = this.#word(tab.dataset.mode);
  }

  /** Shows the last answer again, in the current words. */
  #renderAll() {
    this.#renderFacets();
    this.#renderEmpty();
    if (this.#hasCriteria() && this.#part("error").hidden) this.#status(this.#countText());
  }

  #countText() {
    if (this.#total === 0) return this.#word("noResults");
    const [one, many] = this.#mode === "quotes" ? ["oneStatement", "manyStatements"] : ["oneResult", "manyResults"];
    return this.#total === 1 ? this.#word(one) : this.#word(many, { count: this.#number(this.#total) });
  }

  #syncsUrl() {
    return this.hasAttribute("sync-url");
  }

  /**
   * Keeps what is shown in the page's address (sync-url): q, the ticked values by facet, page (pages shown), and mode
   * when it is not the one the mode attribute asks for. A
   * search chosen (a tick, a suggestion, Enter, more results) is a new history entry; searches as one types replace
   * the entry their typing began, so the back button steps through what was chosen, not every keystroke.
   */
  #writeUrl(page, { chosen }) {
    if (!this.#syncsUrl()) return;
    const url = new URL(location.href);
    for (const name of [...URL_PARAMETERS, ...this.#fields]) url.searchParams.delete(name);
    if (this.#query) url.searchParams.set("q", this.#query);
    for (const [facet, values] of this.#filters) for (const value of values) url.searchParams.append(facet, value);
    if (page > 1) url.searchParams.set("page", String(page));
    if (this.#mode !== this.#modeAttribute()) url.searchParams.set("mode", this.#mode);
    if (url.href === location.href) return;
    const typing = !chosen && history.state?.searchBox === "typed";
    const state = { ...history.state, searchBox: chosen ? "chosen" : "typed" };
    if (typing) history.replaceState(state, "", url);
    else history.pushState(state, "", url);
  }

  /**
   * Shows what the page's address says (on load, and when the back or forward button changes it). An address naming
   * publisher fields before any answer said which ones the service filters by asks the service first, so that a
   * parameter of the page's own (a "language" of its own) is not taken for one.
   */
  async #restoreFromUrl() {
    const parameters = new URL(location.href).searchParams;
    if ([...parameters.keys()].some((name) => isPublisherField(name) && !this.#fields.includes(name))) await this.#learnFields();
    this.#query = (parameters.get("q") ?? "").trim();
    this.#input.value = this.#query;
    this.#mode = MODES.includes(parameters.get("mode")) ? parameters.get("mode") : this.#modeAttribute();
    this.#renderModes();
    this.#filters.clear();
    for (const facet of this.#modeFacets()) for (const value of parameters.getAll(facet)) this.#valuesOf(facet).add(value);
    const page = Number.parseInt(parameters.get("page") ?? "1", 10);
    this.#closeSuggestions();
    this.#syncClear();
    this.#run(Number.isFinite(page) && page > 1 ? page : 1, { restoring: true });
  }

  /** Learns the publisher fields the service counts from the facets of a search for everything (one hit). */
  async #learnFields() {
    try {
      const response = await fetch(this.#url("/search", [["pageSize", "1"], ["facetSize", "1"]]), { headers: this.#headers() });
      const answer = await response.json();
      if (answer?.facets?.fields) this.#fields = Object.keys(answer.facets.fields);
    } catch {
      // The search that follows reports an unreachable service.
    }
  }

  #pageSize() {
    const size = Number.parseInt(this.getAttribute("page-size") ?? "10", 10);
    return Number.isFinite(size) ? Math.min(Math.max(size, 1), 100) : 10;
  }

  #valuesOf(facet) {
    if (!this.#filters.has(facet)) this.#filters.set(facet, new Set());
    return this.#filters.get(facet);
  }

  #filterCount() {
    return [...this.#filters.values()].reduce((sum, values) => sum + values.size, 0);
  }

  #hasCriteria() {
    return this.#query.length > 0 || this.#filterCount() > 0;
  }

  #syncClear() {
    this.#part("clear").hidden = this.#input.value.length === 0 && this.#filterCount() === 0;
  }

  #typed() {
    this.#query = this.#input.value.trim();
    this.#syncClear();
    clearTimeout(this.#searchTimer);
    clearTimeout(this.#suggestTimer);
    this.#searchTimer = setTimeout(() => this.#run(1, { chosen: false }), SEARCH_DELAY_MS);
    if (this.getAttribute("suggest") !== "off")
      this.#suggestTimer = setTimeout(() => this.#suggest(this.#input.value), SUGGEST_DELAY_MS);
  }

  /**
   * Keys in the input. The suggestions are the combobox's listbox (aria-activedescendant follows the arrows, focus
   * stays in the input); with them closed, ↓ moves the focus to the first result's link (#resultKey goes on from there).
   */
  #key(event) {
    const open = this.#suggestionsOpen();
    switch (event.key) {
      case "ArrowDown":
        if (!open) {
          if (this.#hits.length === 0) return;
          event.preventDefault();
          this.#resultLinks()[0].focus();
          return;
        }
        if (this.#suggestions.length === 0) return;
        event.preventDefault();
        this.#activate(Math.min(this.#active.index + 1, this.#suggestions.length - 1));
        break;
      case "ArrowUp":
        if (!open || this.#active.index < 0) return;
        event.preventDefault();
        this.#activate(this.#active.index - 1);
        break;
      case "Enter":
        event.preventDefault();
        if (open && this.#active.index >= 0) {
          this.#choose(this.#suggestions[this.#active.index]);
        } else {
          clearTimeout(this.#searchTimer);
          this.#closeSuggestions();
          this.#query = this.#input.value.trim();
          this.#run(1, { chosen: true });
        }
        break;
      case "Escape":
        event.preventDefault();
        if (this.#suggestionsOpen()) this.#closeSuggestions();
        else this.clear();
        break;
    }
  }

  /**
   * Keys on a result's link: ↓ and ↑ move between the results' links (↑ from the first, or Escape, back to the input);
   * Enter is the link's own, which #resultRow hands to #select.
   */
  #resultKey(event) {
    const links = this.#resultLinks();
    const index = links.indexOf(this.#root.activeElement);
    if (index < 0) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" || event.key === "Escape") {
      event.preventDefault();
      (event.key === "ArrowUp" && index > 0 ? links[index - 1] : this.#input).focus();
    }
  }

  #resultLinks() {
    return [...this.#part("results").querySelectorAll("[part~=result-title]")];
  }

  #activate(index) {
    const container = this.#part("suggestions");
    container.querySelectorAll('[role="option"]').forEach((option, i) => {
      option.classList.toggle("active", i === index);
      option.setAttribute("aria-selected", String(i === index));
    });
    this.#active = { index };
    const option = container.querySelectorAll('[role="option"]')[index];
    if (option) {
      this.#input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      this.#input.removeAttribute("aria-activedescendant");
    }
  }

  #resetActive() {
    this.#active = { index: -1 };
    this.#input.removeAttribute("aria-activedescendant");
  }

  #url(path, parameters) {
    const url = new URL(this.endpoint + path);
    for (const [name, value] of parameters) url.searchParams.append(name, value);
    return url;
  }

  async #suggest(typed) {
    const turn = ++this.#suggestTurn;
    if (!typed.trim()) return this.#closeSuggestions();
    try {
      const response = await fetch(this.#url("/suggest", [["q", typed], ["size", "6"]]), { headers: this.#headers() });
      if (!response.ok) return;
      const answer = await response.json();
      if (turn !== this.#suggestTurn || this.#input.value !== typed || this.#root.activeElement !== this.#input) return;
      this.#showSuggestions(answer.suggestions ?? []);
    } catch {
      // Suggestions are a convenience: the search itself reports an unreachable service.
    }
  }

  #showSuggestions(suggestions) {
    this.#suggestions = suggestions.filter((s) => WORD_KINDS.includes(s.kind) || this.#shownFacets().includes(s.kind));
    const list = this.#part("suggestions");
    list.replaceChildren(...this.#suggestions.map((suggestion, i) => {
      const option = element("li", { role: "option", id: `suggestion-${i}`, "aria-selected": "false", part: "suggestion" },
        element("span", { text: suggestion.text }),
        element("span", { class: "kind", text: suggestion.kind === "term" ? "" : this.#word(suggestion.kind === "query" ? "popular" : suggestion.kind) }));
      option.addEventListener("mousedown", (event) => event.preventDefault());
      option.addEventListener("click", () => this.#choose(suggestion));
      return option;
    }));
    list.hidden = this.#suggestions.length === 0;
    this.#input.setAttribute("aria-expanded", String(!list.hidden));
    this.#resetActive();
  }

  #suggestionsOpen() {
    return !this.#part("suggestions").hidden;
  }

  #closeSuggestions() {
    this.#suggestTurn++;
    this.#part("suggestions").hidden = true;
    this.#input.setAttribute("aria-expanded", "false");
    this.#resetActive();
  }

  #choose(suggestion) {
    clearTimeout(this.#searchTimer);
    this.#closeSuggestions();
    if (WORD_KINDS.includes(suggestion.kind)) {
      this.#input.value = suggestion.text;
    } else {
      this.#valuesOf(suggestion.kind).add(suggestion.text);
      this.#input.value = "";
    }
    this.#query = this.#input.value.trim();
    this.#syncClear();
    this.#run(1, { chosen: true });
  }

  /**
   * Tells the service which hit of the words searched was opened (POST /analytics/click), best-effort: a lost report
   * costs nothing. sendBeacon outlives the page being left and needs no preflight, but sends no header, so a box with
   * a key posts with fetch's keepalive instead.
   */
  #reportClick(position) {
    if (!this.#query) return;
    const url = this.#url("/analytics/click", []);
    const body = JSON.stringify({ q: this.#query, position });
    if (!this.getAttribute("key") && navigator.sendBeacon?.(url, new Blob([body], { type: "text/plain" }))) return;
    fetch(url, { method: "POST", keepalive: true, headers: { ...this.#headers(), "Content-Type": "application/json" }, body }).catch(() => {});
  }

  #select(hit) {
    const url = this.#articleUrl(hit);
    const chosen = new CustomEvent("search-box:select", { detail: { hit, url }, bubbles: true, composed: true, cancelable: true });
    if (this.dispatchEvent(chosen)) window.location.assign(url);
  }

  #articleUrl(hit) {
    // The publisher's own page when the article has one (the service takes only absolute http and https addresses).
    if (/^https?:\/\//i.test(hit.url ?? "")) return hit.url;
    const id = String(hit.articleId).split("/").map(encodeURIComponent).join("/");
    return `${this.endpoint}/view/${id}#p${hit.paragraph}`;
  }

  /** The headers of the box's requests: its key (the key attribute, a scoped search key) when it has one. */
  #headers() {
    const key = this.getAttribute("key");
    return key ? { Accept: "application/json", "X-Api-Key": key } : { Accept: "application/json" };
  }

  /**
   * Runs the search for page `page`; only the newest request's answer is ever shown. Restoring page n from the
   * address shows pages 1 to n at once. A search chosen or typed is written to the address (sync-url); one restored
   * from it is not.
   */
  async #run(page, { chosen = true, restoring = false } = {}) {
    clearTimeout(this.#searchTimer);
    const turn = ++this.#searchTurn;
    this.#abort?.abort();
    if (!restoring) this.#writeUrl(page, { chosen });
    if (!this.#hasCriteria()) {
      this.#show({ hits: [], total: 0, facets: {} }, 1, false);
      this.#status("");
      return;
    }
    const abort = (this.#abort = new AbortController());
    const pages = restoring ? Math.max(1, Math.min(page, Math.floor(100 / this.#pageSize()))) : 1;
    const parameters = [["q", this.#query], ["page", String(restoring ? 1 : page)], ["pageSize", String(this.#pageSize() * pages)], ...this.#filterParameters()];
    // Statements (/quotes) are ranked and counted as they are: no collapsing, re-ranking or recency there.
    if (this.#mode === "articles") {
      parameters.push(["facetSize", this.#facetSize()]);
      // One result per article, its best paragraph, on a service that can collapse (others ignore the parameter).
      if (this.getAttribute("collapse") !== "none") parameters.push(["collapse", "article"]);
      // rerank="semantic": the best hits ordered by meaning too (slower; the service says so if it has it turned off).
      if (this.getAttribute("rerank")) parameters.push(["rerank", this.getAttribute("rerank")]);
      // recency="7d": fresh results first; "off" turns off the service's default.
      if (this.getAttribute("recency")) parameters.push(["recency", this.getAttribute("recency")]);
    }
    this.#busy(true);
    try {
      const path = this.#mode === "quotes" ? "/quotes" : "/search";
      const response = await fetch(this.#url(path, parameters), { signal: abort.signal, headers: this.#headers() });
      const answer = await response.json().catch(() => null);
      if (turn !== this.#searchTurn) return;
      if (!response.ok) throw new Error(answer?.detail ?? this.#word("answered", { status: response.status }));
      this.#show(answer, restoring ? pages : page, !restoring && page > 1);
    } catch (error) {
      if (turn !== this.#searchTurn || error.name === "AbortError") return;
      this.#fail(error instanceof TypeError ? this.#word("unreachable") : error.message);
    } finally {
      if (turn === this.#searchTurn) this.#busy(false);
    }
  }

  /** The ticked values, and the page's own limits on publication dates, passed as they are (the service says what is wrong with a bad one). */
  #filterParameters() {
    const parameters = [...this.#filters].flatMap(([facet, values]) => [...values].map((value) => [facet, value]));
    for (const bound of ["from", "to"]) if (this.getAttribute(bound)) parameters.push([bound, this.getAttribute(bound)]);
    return parameters;
  }

  #facetSize() {
    return this.getAttribute("facet-size") ?? "8";
  }

  #busy(busy) {
    this.#part("container").classList.toggle("busy", busy);
    this.#part("results").setAttribute("aria-busy", String(busy));
  }

  #status(text) {
    this.#part("status").textContent = text;
  }

  #fail(message) {
    const error = this.#part("error");
    const retry = element("button", { type: "button", text: this.#word("tryAgain") });
    retry.addEventListener("click", () => this.#run(1, { chosen: true }));
    error.replaceChildren(element("span", { text: message }), retry);
    error.hidden = false;
    this.#part("empty").hidden = true;
    this.#part("more").hidden = true;
    this.#status(this.#word("unavailable"));
    this.dispatchEvent(new CustomEvent("search-box:error", { detail: { message }, bubbles: true, composed: true }));
  }

  #show(answer, page, append) {
    this.#page = page;
    // With collapse=article (where the service supports it) a result is an article, counted in totalArticles.
    this.#total = answer.totalArticles ?? answer.total ?? 0;
    this.#hits = append ? [...this.#hits, ...answer.hits] : answer.hits;
    this.#facetCounts = answer.facets ?? {};
    if (answer.facets?.fields) this.#fields = Object.keys(answer.facets.fields);
    this.#part("error").hidden = true;

    const results = this.#part("results");
    const rows = answer.hits.map((hit, i) => {
      const index = append ? results.children.length + i : i;
      return this.#mode === "quotes" ? this.#quoteRow(hit, index) : this.#withRelated(this.#resultRow(hit, index), hit, index);
    });
    if (append) results.append(...rows);
    else results.replaceChildren(...rows);

    this.#part("more").hidden = this.#hits.length >= this.#total;
    this.#renderDidYouMean(answer.didYouMean);
    this.#renderEmpty();
    this.#renderFacets();
    if (this.#hasCriteria()) {
      this.#status(this.#countText());
      this.dispatchEvent(new CustomEvent("search-box:results", {
        detail: { query: this.#query, filters: this.filters, total: this.#total, hits: this.#hits, mode: this.#mode },
        bubbles: true, composed: true,
      }));
    }
  }

  #resultRow(hit, index) {
    // The headline with its matches marked, where the service gives it (rebuilt like a snippet), else as plain text.
    const title = hit.titleHighlight
      ? this.#articleLink(hit, { class: "title", part: "result-title" }, snippetNodes(hit.titleHighlight))
      : this.#articleLink(hit, { class: "title", part: "result-title", text: hit.title || hit.articleId });
    // Every way of opening it counts as a click for the service's analytics, a middle click (auxclick) too.
    for (const kind of ["click", "auxclick"]) title.addEventListener(kind, () => this.#reportClick(index + 1));
    const meta = [shortDate(hit.date), hit.source].filter(Boolean).join(" · ");
    return element("li", { class: "result", part: "result", id: `result-${index}` },
      title,
      element("div", { class: "meta", part: "result-meta", text: meta }),
      element("p", { class: "snippet", part: "result-snippet" }, snippetNodes(hit.snippet ?? "")));
  }

  /** A statement: its text (the query's words marked), who said it with which verb and when, and a link to its article's paragraph. */
  #quoteRow(hit, index) {
    const meta = [this.#word("quoteBy", { speaker: hit.speaker, verb: hit.verb }), shortDate(hit.date)].filter(Boolean).join(" · ");
    return element("li", { class: "result quote", part: "result quote", id: `result-${index}` },
      element("blockquote", { class: "quote-text", part: "quote-text" }, snippetNodes(hit.text)),
      element("div", { class: "meta", part: "quote-meta", text: meta }),
      this.#articleLink(hit, { class: "title", part: "result-title" }, snippetNodes(hit.title || hit.articleId)));
  }

  /** A link to a hit's article (results, statements, related articles) that hands the hit to #select on a plain click. */
  #articleLink(hit, attributes, ...children) {
    const link = element("a", { ...attributes, href: this.#articleUrl(hit) }, ...children);
    link.addEventListener("click", (event) => {
      // Ctrl/Cmd/Shift-click keep their usual meaning (new tab, new window).
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      this.#select(hit);
    });
    return link;
  }

  /** Adds to an article's row a "Related" disclosure, which asks for its related articles when first opened. */
  #withRelated(row, hit, index) {
    const list = element("ul", { class: "related", part: "related", id: `related-${index}`,
      "aria-label": this.#word("relatedTo", { title: hit.title || hit.articleId }) });
    list.hidden = true;
    const toggle = element("button", { type: "button", class: "related-toggle", part: "related-toggle",
      "aria-expanded": "false", "aria-controls": list.id, text: this.#word("related") });
    toggle.addEventListener("click", () => this.#toggleRelated(toggle, list, hit));
    row.append(toggle, list);
    return row;
  }

  /** Opens or closes a hit's related articles; the first opening fetches them, under the box's filters and dates. */
  async #toggleRelated(toggle, list, hit) {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    list.hidden = !open;
    if (!open || list.dataset.state) return;
    list.dataset.state = "loading";
    list.setAttribute("aria-busy", "true");
    list.replaceChildren(element("li", { class: "meta", text: this.#word("loading") }));
    try {
      const path = `/articles/${encodeURIComponent(hit.articleId)}/related`;
      const response = await fetch(this.#url(path, [["size", String(RELATED_SIZE)], ...this.#filterParameters()]), { headers: this.#headers() });
      const answer = await response.json().catch(() => null);
      if (!response.ok) throw new Error(answer?.detail ?? this.#word("answered", { status: response.status }));
      list.replaceChildren(...(answer.hits.length === 0
        ? [element("li", { class: "meta", text: this.#word("noRelated") })]
        : answer.hits.map((related) => element("li", { part: "related-article" },
          this.#articleLink(related, {}, related.title || related.articleId),
          element("span", { class: "meta", text: [shortDate(related.date), related.source].filter(Boolean).join(" · ") })))));
      list.dataset.state = "loaded";
    } catch (error) {
      // Shown in place of the list; closing and opening the disclosure again asks again.
      delete list.dataset.state;
      const message = error instanceof TypeError ? this.#word("unreachable") : error.message;
      list.replaceChildren(element("li", { class: "meta", text: this.#word("relatedFailed", { message }) }));
    } finally {
      list.removeAttribute("aria-busy");
    }
  }

  /** Where the service corrected a misspelt word (its didYouMean), offers the corrected search. */
  #renderDidYouMean(correction) {
    const box = this.#part("did-you-mean");
    box.hidden = !correction || !this.#query;
    if (box.hidden) return;
    const search = element("button", { type: "button", text: correction });
    search.addEventListener("click", () => this.search(correction));
    box.replaceChildren(element("span", { text: this.#word("didYouMean") }), search, element("span", { text: this.#word("didYouMeanEnd") }));
  }

  #renderEmpty() {
    const empty = this.#part("empty");
    empty.hidden = !(this.#hasCriteria() && this.#total === 0);
    if (empty.hidden) return;
    const filters = [...this.#filters].flatMap(([facet, values]) => [...values].map((value) => `${this.#facetLabel(facet)}: ${value}`));
    const children = [element("span", { text: this.#query ? this.#word("emptyFor", { query: this.#query }) : this.#word("emptyAll") })];
    if (filters.length) {
      children.push(element("span", { text: this.#word("withFilters", { filters: filters.join(", ") }) }));
      const clear = element("button", { type: "button", text: this.#word("clearFilters") });
      clear.addEventListener("click", () => this.#clearFilters());
      children.push(clear);
    } else {
      children.push(element("span", { text: this.#word("end") }));
    }
    empty.replaceChildren(...children);
  }

  #clearFilters() {
    this.#filters.clear();
    this.#syncClear();
    this.#run(1, { chosen: true });
  }

  #toggleFilters() {
    const facets = this.#part("facets");
    const collapsed = facets.classList.toggle("collapsed");
    this.#part("filters-toggle").setAttribute("aria-expanded", String(!collapsed));
  }

  #renderFacets() {
    const container = this.#part("facets");
    // The lists are rebuilt with each answer; whoever ticked a box with the keyboard keeps their place.
    const focused = this.#root.activeElement;
    const refocus = focused && container.contains(focused) ? { facet: focused.dataset.facet, value: focused.dataset.value } : null;
    const groups = [];
    for (const facet of this.#modeFacets()) {
      const selected = this.#filters.get(facet) ?? new Set();
      // /quotes answers more values than the box lists (it takes no facetSize); the ticked ones stay, with their counts.
      const size = Number.parseInt(this.#facetSize(), 10) || 8;
      const counts = ((isPublisherField(facet) ? this.#facetCounts.fields?.[facet] : this.#facetCounts[facet]) ?? []).filter((c, i) => i < size || selected.has(c.value));
      const listed = [...counts];
      for (const value of selected) if (!listed.some((c) => c.value === value)) listed.push({ value, count: 0 });
      if (listed.length === 0) continue;
      const items = listed.map(({ value, count }) => {
        const box = element("input", { type: "checkbox" });
        box.dataset.facet = facet;
        box.dataset.value = value;
        box.checked = selected.has(value);
        box.addEventListener("change", () => {
          if (box.checked) this.#valuesOf(facet).add(value);
          else this.#valuesOf(facet).delete(value);
          this.#syncClear();
          this.#run(1, { chosen: true });
        });
        const label = element("label", { part: "facet-value" }, box,
          element("span", { class: "value", text: value }),
          element("span", { class: "count", part: "facet-count", text: this.#number(count) }));
        if (facet !== "speaker" || this.#mode !== "articles") return element("li", {}, label);
        const statements = element("button", { type: "button", class: "statements", part: "facet-statements",
          "aria-label": this.#word("statementsBy", { speaker: value }), text: this.#word("statements") });
        statements.addEventListener("click", () => this.#showStatementsOf(value));
        return element("li", {}, label, statements);
      });
      groups.push(element("fieldset", { part: "facet", "data-facet": facet },
        element("legend", { part: "facet-title", text: this.#facetLabel(facet) }),
        element("ul", { class: "facet-values" }, ...items)));
    }
    const active = this.#filterCount();
    if (active > 0) {
      const clear = element("button", { type: "button", class: "clear-filters", part: "clear-filters", text: this.#word("clearFilters") });
      clear.addEventListener("click", () => this.#clearFilters());
      groups.push(clear);
    }
    container.replaceChildren(...groups);
    if (refocus) {
      const same = [...container.querySelectorAll("input")].find((b) => b.dataset.facet === refocus.facet && b.dataset.value === refocus.value);
      (same ?? this.#input).focus();
    }
    container.hidden = groups.length === 0;
    container.parentElement.classList.toggle("with-facets", groups.length > 0);
    const toggle = this.#part("filters-toggle");
    toggle.hidden = groups.length === 0;
    toggle.textContent = active > 0 ? this.#word("filtersTicked", { count: active }) : this.#word("filters");
  }
}

if (!customElements.get("search-box")) customElements.define("search-box", SearchBox);
