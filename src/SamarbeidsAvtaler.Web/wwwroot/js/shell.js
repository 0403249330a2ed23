// The skip link ("Hopp til hovedinnhold") must move keyboard focus into the main content. In the
// interactive app Blazor's router handles a same-page hash link by scrolling only, so focus would stay
// on the link. Capture phase: this runs before Blazor's own click handler. A file, not inline script,
// because the content security policy allows scripts from this site only.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a.app-skip-link") : null;
  if (!link) return;
  const target = document.getElementById((link.getAttribute("href") || "").replace(/^#/, ""));
  if (!target) return;
  event.preventDefault();
  event.stopPropagation();
  target.focus();
  target.scrollIntoView();
}, true);

// A list page's search, filters and sort go into the address as they change (Components/ListAddress.cs), but
// only while the browser still shows that list: a row link clicked straight from the search field may already
// have opened the row's page when the server asks, and the list's address would send the user back.
window.samarbeidsAvtaler = {
  showListAddress(path, url) {
    if (location.pathname === path) {
      Blazor.navigateTo(url);
    }
  },
};
